import { useTranslation } from 'react-i18next';
import type { Job } from '../api/types';
import { useFormat } from '../ui/format';

/**
 * How far a job is, in the counts it reports: lines when it counts lines, else chapters; null before it counts
 * anything. One wording for the banner and for the progress bar of the page that started the job.
 */
export function useJobCounts(): (job: Job) => string | null {
  const { t } = useTranslation('studio');
  const format = useFormat();
  return ({ progress }) =>
    progress.segmentsTotal > 0
      ? t('jobs.segments', { done: format.number(progress.segmentsDone), total: format.number(progress.segmentsTotal) })
      : progress.chaptersTotal > 0
        ? t('jobs.chapters', {
            done: format.number(progress.chaptersDone),
            total: format.number(progress.chaptersTotal),
          })
        : null;
}

/** A job's progress line: what it does, then its counts once it has any. */
export const withCounts = (doing: string, counts: string | null) => (counts ? `${doing} · ${counts}` : doing);
