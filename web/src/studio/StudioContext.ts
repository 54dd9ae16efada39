import { useOutletContext } from 'react-router-dom';
import type { ProjectAccess } from '../api/me';
import type { VersionedProject } from '../api/projects';
import type { MeResponse, Project } from '../api/types';
import type { StudioStatus } from './steps';

/** What every step page of a project receives from the studio frame. */
export interface StudioContextValue {
  project: Project;
  versioned: VersionedProject;
  me: MeResponse | undefined;
  access: ProjectAccess;
  status: StudioStatus;
}

export function useStudio(): StudioContextValue {
  return useOutletContext<StudioContextValue>();
}
