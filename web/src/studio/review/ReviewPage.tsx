import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useReviewSummary, useThreads } from '../../api/reviews';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';
import { DecisionBar } from './DecisionBar';

/** Review at a glance: each chapter's decision and open discussions, with links into the reading view. */
export function ReviewPage() {
  const { project, access } = useStudio();
  const { t } = useTranslation('review');
  const format = useFormat();
  const errorText = useErrorText();
  const summary = useReviewSummary(project.id);
  const threads = useThreads(project.id);
  const planPath = (chapterId: string) =>
    `/projects/${encodeURIComponent(project.id)}/plan/${encodeURIComponent(chapterId)}`;

  if (summary.isPending || threads.isPending) return <Loading />;
  if (summary.isError) return <Alert tone="error">{errorText(summary.error)}</Alert>;
  const { chapters, totals } = summary.data;
  const open = (threads.data ?? []).filter((thread) => thread.status === 'open');

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
      </header>
      {chapters.length === 0 && <Alert tone="info">{t('noChapters')}</Alert>}
      <ul className="review-list" aria-label={t('chaptersLabel')}>
        {chapters.map((chapter) => (
          <li key={chapter.chapterId} className="card review-list__item">
            <div className="review-list__head">
              <Link to={planPath(chapter.chapterId)} className="review-list__title">
                {chapter.title}
              </Link>
              <span className="small muted">{t('openThreads', { count: chapter.openThreads })}</span>
            </div>
            <DecisionBar projectId={project.id} review={chapter} canApprove={access.canApprove} />
          </li>
        ))}
      </ul>
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
