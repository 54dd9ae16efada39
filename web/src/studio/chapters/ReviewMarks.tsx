import { useTranslation } from 'react-i18next';
import type { ChapterReview } from '../../api/types';

/** A chapter's review at a glance in the chapter list: its decision and open comments, in words. */
export function ReviewMarks({ review }: { review: ChapterReview }) {
  const { t } = useTranslation('plan');
  if (review.decision === 'pending' && review.openThreads === 0) return null;
  return (
    <span className="review-marks small">
      {review.decision !== 'pending' && (
        <span className={`review-marks__decision review-marks__decision--${review.decision}`}>
          {t(`decisionShort.${review.decision}`)}
        </span>
      )}
      {review.openThreads > 0 && (
        <span className="review-marks__threads">{t('openThreadsShort', { count: review.openThreads })}</span>
      )}
    </span>
  );
}
