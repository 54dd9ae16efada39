/**
 * API shapes as the web sees them, inferred from core's zod schemas (type-only imports, so no zod is bundled).
 */
import type { z } from 'zod';
import type { BookMetadata, ProjectStatus, ProjectView, WorkflowView } from '@core/api/projects';
import type { AuthConfigView, MeView } from '@core/api/users';

export type Project = ProjectView;
export type { BookMetadata, ProjectStatus, WorkflowView };
export type WorkflowStep = WorkflowView['steps'][number];
export type CoverVariant = 'thumbnail' | 'retail' | 'original';

/** Same order as core's `projectStatuses`; `satisfies` keeps the two lists honest. */
export const PROJECT_STATUSES = [
  'draft',
  'in_progress',
  'review',
  'completed',
  'published',
  'archived',
] as const satisfies readonly ProjectStatus[];
type MissingStatus = Exclude<ProjectStatus, (typeof PROJECT_STATUSES)[number]>;
// Fails to compile if core adds a status the web does not know about.
export const NO_MISSING_STATUS: MissingStatus extends never ? true : never = true;

export interface ProjectPage {
  items: Project[];
  continuationToken: string | null;
}

export type MeResponse = z.infer<typeof MeView>;
export type TenantRole = NonNullable<MeResponse['principal']['role']>;
export type AuthConfig = z.infer<typeof AuthConfigView>;

export interface FieldIssue {
  field: string;
  message: string;
}

export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { fields?: FieldIssue[]; current?: Project } & Record<string, unknown>;
    requestId?: string;
  };
}
