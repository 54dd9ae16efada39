import { useTranslation } from 'react-i18next';
import { jobFraction } from '../api/jobs';
import type { Job } from '../api/types';
import { useFormat } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';

/** The project's running job, visible from every page of the project. */
export function JobBanner({ job }: { job: Job }) {
  const { t } = useTranslation('studio');
  const format = useFormat();
  const { progress } = job;
  const fraction = jobFraction(job);
  const counts =
    progress.segmentsTotal > 0
      ? t('jobs.segments', { done: format.number(progress.segmentsDone), total: format.number(progress.segmentsTotal) })
      : progress.chaptersTotal > 0
        ? t('jobs.chapters', {
            done: format.number(progress.chaptersDone),
            total: format.number(progress.chaptersTotal),
          })
        : t('jobs.starting');
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
