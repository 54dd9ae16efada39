import { useTranslation } from 'react-i18next';
import type { Job } from '../api/types';
import { useFormat } from '../ui/format';

/**
 * How far a job is, in the counts it reports: lines when it counts lines, else chapters; null before it counts
 * anything. One wording for the banner and for the progress bar of the page that started the job.
 *
 * Planning counts its lines as it plans them (their total is not known ahead), so it reads "3 of 40 chapters · 1,491
 * lines" rather than "1,491 of 1,491 lines", which looked finished; once every chapter is planned the job is still
 * saving the plan and recounting the book, and says so.
 */
export function useJobCounts(): (job: Job) => string | null {
  const { t } = useTranslation('studio');
  const format = useFormat();
  return ({ kind, progress }) =>
    kind === 'plan' && progress.chaptersTotal > 0
      ? progress.chaptersDone >= progress.chaptersTotal
        ? t('jobs.savingPlan', { lines: format.number(progress.segmentsDone) })
        : t('jobs.planning', {
            done: format.number(progress.chaptersDone),
            total: format.number(progress.chaptersTotal),
            lines: format.number(progress.segmentsDone),
            count: progress.segmentsDone,
          })
      : progress.segmentsTotal > 0
        ? t('jobs.segments', {
            done: format.number(progress.segmentsDone),
            total: format.number(progress.segmentsTotal),
          })
        : progress.chaptersTotal > 0
          ? t('jobs.chapters', {
              done: format.number(progress.chaptersDone),
              total: format.number(progress.chaptersTotal),
            })
          : null;
}

/** A job's progress line: what it does, then its counts once it has any. */
export const withCounts = (doing: string, counts: string | null) => (counts ? `${doing} · ${counts}` : doing);
