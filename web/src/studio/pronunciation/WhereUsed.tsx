import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { entryPattern } from '@core/lexicon/lexicon';
import { useChapters } from '../../api/chapters';
import { apiJson } from '../../api/client';
import { bookKeys, projectPath } from '../../api/keys';
import type { Chapter, LexiconEntry } from '../../api/types';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';

/** The chapters that contain the entry, found with the same matching rule the speech step uses. */
export function WhereUsed({ entry, onClose }: { entry: LexiconEntry; onClose(): void }) {
  const { project } = useStudio();
  const { t } = useTranslation(['pronunciation', 'common']);
  const chapters = useChapters(project.id);
  const texts = useQueries({
    queries: (chapters.data ?? []).map((chapter) => ({
      queryKey: bookKeys.chapter(project.id, chapter.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiJson<Chapter>(`${projectPath(project.id)}/chapters/${encodeURIComponent(chapter.id)}`, { signal }),
    })),
  });
  const loading = chapters.isPending || texts.some((query) => query.isPending);
  const found = texts
    .flatMap((query) => (query.data ? [query.data] : []))
    .map((chapter) => ({ chapter, count: [...chapter.text.normalize('NFC').matchAll(entryPattern(entry))].length }))
    .filter(({ count }) => count > 0);
  return (
    <div className="where-used" role="region" aria-label={t('whereUsed.title', { grapheme: entry.grapheme })}>
      <h4>{t('whereUsed.title', { grapheme: entry.grapheme })}</h4>
      {loading ? (
        <Loading />
      ) : found.length === 0 ? (
        <p className="small muted">{t('whereUsed.none')}</p>
      ) : (
        <ul className="plain-list">
          {found.map(({ chapter, count }) => (
            <li key={chapter.id} className="plain-list__row">
              <Link to={`/projects/${encodeURIComponent(project.id)}/plan/${encodeURIComponent(chapter.id)}`}>
                {chapter.title}
              </Link>
              <span className="small muted">{t('whereUsed.count', { count })}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="button button--secondary button--small" onClick={onClose}>
        {t('common:actions.close')}
      </button>
    </div>
  );
}
