import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChapters } from '../../api/chapters';
import { useReviewSummary, useThreads } from '../../api/reviews';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';
import { DecisionBar } from './DecisionBar';
import { chapterMatches } from '../chapterSearch';
import { needsAttention, ReviewFilter, type ReviewFilterKind } from './ReviewFilter';
import { ReviewChapterList, VIRTUALIZE_CHAPTERS_ABOVE } from './ReviewChapterList';

/**
 * Review at a glance: each chapter's decision, its lines still to check (flagged or without a speaker) and open
 * discussions, with links into the reading view; who decides, for those who cannot.
 */
export function ReviewPage() {
  const { project, access } = useStudio();
  const { t } = useTranslation('review');
  const format = useFormat();
  const errorText = useErrorText();
  const summary = useReviewSummary(project.id);
  const threads = useThreads(project.id);
  const planPath = (chapterId: string) =>
    `/projects/${encodeURIComponent(project.id)}/plan/${encodeURIComponent(chapterId)}`;
  // The chapter list carries each chapter's flagged and speakerless lines; the review summary does not.
  const chapterList = useChapters(project.id);
  const linesByChapter = new Map((chapterList.data ?? []).map((item) => [item.id, item.review]));
  const lineCounts = (chapterId: string) => linesByChapter.get(chapterId);
  // Unset until the reader picks one: a book with chapters to look at opens on those.
  const [chosenFilter, setChosenFilter] = useState<ReviewFilterKind | null>(null);
  const [query, setQuery] = useState('');
  const linesToCheck = (chapterId: string): string[] => {
    const counts = lineCounts(chapterId);
    if (!counts) return [];
    return [
      ...(counts.flagged > 0 ? [t('toCheck.flagged', { count: counts.flagged })] : []),
      ...(counts.unknownSpeaker > 0 ? [t('toCheck.speakerless', { count: counts.unknownSpeaker })] : []),
    ];
  };

  if (summary.isPending || threads.isPending) return <Loading />;
  if (summary.isError) return <Alert tone="error">{errorText(summary.error)}</Alert>;
  const { chapters, totals } = summary.data;
  const open = (threads.data ?? []).filter((thread) => thread.status === 'open');
  const needingAttention = chapters.filter((chapter) => needsAttention(chapter, lineCounts(chapter.chapterId)));
  const filter = chosenFilter ?? (needingAttention.length > 0 ? 'attention' : 'all');
  const shown = filter === 'attention' ? needingAttention : chapters;
  // Only the chapters near the screen are drawn in a long book, so the browser's find-in-page cannot see the others:
  // the page finds them itself, by title or number.
  const searchable = chapters.length > VIRTUALIZE_CHAPTERS_ABOVE;
  const numbers = new Map(chapters.map((chapter, index) => [chapter.chapterId, index + 1]));
  const found = searchable
    ? shown.filter((chapter) => chapterMatches(query, chapter.title, numbers.get(chapter.chapterId) ?? 0))
    : shown;

  return (
    <div className="step-page">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">
          {t('totals', {
            // The chapters' plural follows the chapter count, the comments' the comment count.
            chapters: t('approvedChapters', { approved: format.number(totals.approved), count: totals.chapters }),
            count: totals.openThreads,
          })}
        </p>
        {!access.canApprove && chapters.length > 0 && <p className="small">{t('whoDecides')}</p>}
      </header>
      {chapters.length === 0 && <Alert tone="info">{t('noChapters')}</Alert>}
      {chapters.length > 0 && (
        <ReviewFilter
          filter={filter}
          attention={needingAttention.length}
          all={chapters.length}
          onChange={setChosenFilter}
        />
      )}
      {chapters.length > 0 && shown.length === 0 && <p className="muted">{t('noneNeedAttention')}</p>}
      {searchable && (
        <div className="field field--inline">
          <label htmlFor="review-find-chapter">{t('findChapter.label')}</label>
          <input
            id="review-find-chapter"
            type="search"
            value={query}
            placeholder={t('findChapter.placeholder')}
            onChange={(event) => setQuery(event.target.value)}
          />
        </div>
      )}
      {searchable && query.trim() !== '' && found.length === 0 && (
        <p className="muted">{t('findChapter.none', { query: query.trim() })}</p>
      )}
      <ReviewChapterList
        label={t('chaptersLabel')}
        chapters={found}
        renderCard={(chapter) => (
          <>
            <div className="review-list__head">
              <span className="review-list__chapter">
                <Link to={planPath(chapter.chapterId)} className="review-list__title">
                  {chapter.title}
                </Link>
                <LinesToCheck
                  lines={linesToCheck(chapter.chapterId)}
                  title={chapter.title}
                  href={`${planPath(chapter.chapterId)}?show=${lineCounts(chapter.chapterId)?.flagged ? 'flagged' : 'unknown'}`}
                />
              </span>
              <span className="small muted">{t('openThreads', { count: chapter.openThreads })}</span>
            </div>
            <DecisionBar projectId={project.id} review={chapter} canApprove={access.canApprove} />
          </>
        )}
      />
      <section className="card" aria-labelledby="open-threads-title">
        <h3 id="open-threads-title" className="card__title">
          {t('openTitle')}
        </h3>
        {open.length === 0 ? (
          <p className="muted small">{t('noOpen')}</p>
        ) : (
          <ul className="plain-list">
            {open.map((thread) => {
              const first = thread.comments[0];
              const chapter = chapters.find((item) => item.chapterId === thread.chapterId);
              return (
                <li key={thread.id} className="plain-list__row plain-list__row--stack">
                  <Link to={planPath(thread.chapterId)}>{chapter?.title ?? t('unknownChapter')}</Link>
                  <span className="small">
                    <strong>{first?.author.name}</strong>: {first?.body}
                  </span>
                  <span className="small muted">
                    {t('replies', { count: Math.max(0, thread.comments.length - 1) })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

/** A chapter's lines still to check, linked to its plan, where they are assigned. */
function LinesToCheck({ lines, title, href }: { lines: string[]; title: string; href: string }) {
  const { t } = useTranslation('review');
  if (lines.length === 0) return null;
  const text = lines.join(' · ');
  return (
    <Link to={href} className="small" aria-label={t('toCheck.label', { title, lines: text })}>
      {text}
    </Link>
  );
}
