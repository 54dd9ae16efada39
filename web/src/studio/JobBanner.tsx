import { useTranslation } from 'react-i18next';
import { jobFraction } from '../api/jobs';
import type { Job } from '../api/types';
import { useFormat } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';
import { useJobCounts } from './jobCounts';

/** The project's running job, visible from every page of the project. */
export function JobBanner({ job }: { job: Job }) {
  const { t } = useTranslation('studio');
  const format = useFormat();
  const { progress } = job;
  const fraction = jobFraction(job);
  const jobCounts = useJobCounts();
  const counts = jobCounts(job) ?? t('jobs.starting');
  return (
    <div className="job-banner" role="status">
      <span className="job-banner__title">{t(`jobs.kinds.${job.kind}`)}</span>
      <ProgressBar label={t(`jobs.kinds.${job.kind}`)} value={fraction} detail={counts} />
      {progress.etaSeconds !== null && progress.etaSeconds > 0 && (
        <span className="small muted">{t('jobs.eta', { duration: format.duration(progress.etaSeconds) })}</span>
      )}
    </div>
  );
}
