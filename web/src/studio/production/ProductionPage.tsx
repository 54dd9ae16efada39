import { useTranslation } from 'react-i18next';
import { isFinished } from '../../api/jobs';
import { useJobHistory, useStartingProduction } from '../../api/production';
import type { Job } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';
import { ChangedChapters, ChaptersLeftOut } from './ChapterChanges';
import { JobHistory } from './JobHistory';
import { JobView } from './JobView';
import { StartProduction } from './StartProduction';
import { StartingJob } from './StartingJob';
import '../../styles/studio2.css';

const AUDIO_KINDS = new Set<Job['kind']>(['produce', 'regenerate']);

/** Start a production, follow it live, cancel or retry it, and look back at every job of the project. */
export function ProductionPage() {
  const { project, access, status } = useStudio();
  const { t } = useTranslation('production');
  const history = useJobHistory(project.id, Boolean(status.activeJob));
  const jobs = history.data ?? [];
  const running = status.activeJob && AUDIO_KINDS.has(status.activeJob.kind) ? status.activeJob : undefined;
  const latest = running ?? jobs.find((job) => AUDIO_KINDS.has(job.kind));
  const starting = useStartingProduction(project.id);
  // Only one job runs per project: while one does (whatever its kind), there is nothing to start.
  const busy = Boolean(status.activeJob) || jobs.some((job) => !isFinished(job));
  return (
    <div className="step-page">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>
      {starting && !running ? (
        <StartingJob request={starting} />
      ) : (
        latest && <JobView projectId={project.id} job={latest} canEdit={access.canEdit} />
      )}
      {status.chapters && (
        <>
          <ChangedChapters
            projectId={project.id}
            chapters={status.chapters}
            packages={status.packages ?? []}
            linkToProduction={false}
          />
          <ChaptersLeftOut chapters={status.chapters} />
        </>
      )}
      {access.canEdit && !busy && <StartProduction />}
      {!access.canEdit && <Alert tone="info">{t('readOnly')}</Alert>}
      {history.isPending ? <Loading /> : <JobHistory jobs={jobs} />}
    </div>
  );
}
