import { useTranslation } from 'react-i18next';
import { useChapterAction, useChapters } from '../../api/chapters';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';

/**
 * Deleted chapters stay restorable in their former place; each says what it is and how long, so a producer can tell
 * a title page from a chapter the import took for one without restoring it to look.
 */
export function DeletedChapters({ projectId }: { projectId: string }) {
  const { t } = useTranslation('chapters');
  const errorText = useErrorText();
  const format = useFormat();
  const all = useChapters(projectId, true);
  const action = useChapterAction(projectId);
  if (all.isPending) return <Loading />;
  const deleted = (all.data ?? []).filter((chapter) => chapter.deleted);
  if (deleted.length === 0) return <p className="muted small">{t('deleted.none')}</p>;
  return (
    <>
      <ul className="plain-list" aria-label={t('deleted.label')}>
        {deleted.map((chapter) => (
          <li key={chapter.id} className="plain-list__row">
            <span>
              {chapter.title}{' '}
              <span className="small muted">
                {t(`types.${chapter.chapterType}`)} ·{' '}
                {t('list.words', { count: chapter.stats.words, formatted: format.number(chapter.stats.words) })}
              </span>
            </span>
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={action.isPending}
              onClick={() => action.mutate({ chapterId: chapter.id, action: 'restore' })}
            >
              {t('deleted.restore', { title: chapter.title })}
            </button>
          </li>
        ))}
      </ul>
      {action.error && <Alert tone="error">{errorText(action.error)}</Alert>}
    </>
  );
}
