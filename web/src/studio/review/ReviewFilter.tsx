import { useTranslation } from 'react-i18next';
import type { ChapterReview, ChapterSummary } from '../../api/types';

export type ReviewFilterKind = 'attention' | 'all';

/**
 * A chapter needs attention until someone has looked at all of it: lines flagged or without a speaker, a decision
 * that is not a current approval, or an open discussion.
 */
export function needsAttention(review: ChapterReview, lines: ChapterSummary['review'] | undefined): boolean {
  return (
    (lines?.flagged ?? 0) > 0 ||
    (lines?.unknownSpeaker ?? 0) > 0 ||
    review.decision !== 'approved' ||
    review.approvalStale ||
    review.openThreads > 0
  );
}

/** Which chapters to show: those that need attention or all of them; each with how many there are. */
export function ReviewFilter({
  filter,
  attention,
  all,
  onChange,
}: {
  filter: ReviewFilterKind;
  attention: number;
  all: number;
  onChange(filter: ReviewFilterKind): void;
}) {
  const { t } = useTranslation('review');
  return (
    <div className="field field--inline">
      <label htmlFor="review-filter">{t('filters.label')}</label>
      <select
        id="review-filter"
        value={filter}
        onChange={(event) => onChange(event.target.value === 'all' ? 'all' : 'attention')}
      >
        <option value="attention">{t('filters.attention', { count: attention })}</option>
        <option value="all">{t('filters.all', { count: all })}</option>
      </select>
    </div>
  );
}
