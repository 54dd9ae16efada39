import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useChapter, useChapters, useReorderChapters } from '../../api/chapters';
import type { ChapterSummary } from '../../api/types';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { useStudio } from '../StudioContext';
import { ChapterEditor } from './ChapterEditor';
import { ChapterList } from './ChapterList';
import { DeletedChapters } from './DeletedChapters';
import { ReviewMarks } from './ReviewMarks';

/** The chapters editor: the list (reorder, open) beside the selected chapter (rename, split, merge, delete, spoken form). */
export function ChaptersPage() {
  const { project, access, status } = useStudio();
  const { chapterId } = useParams();
  const { t } = useTranslation('chapters');
  const errorText = useErrorText();
  const navigate = useNavigate();
  const chapters = useChapters(project.id);
  const reorder = useReorderChapters(project.id);
  // The import report links here to show what it left out of production.
  const [searchParams] = useSearchParams();
  const [showDeleted, setShowDeleted] = useState(searchParams.get('deleted') === 'shown');
  const selectedId = chapterId ?? chapters.data?.[0]?.id;
  const chapter = useChapter(project.id, selectedId);
  const base = `/projects/${encodeURIComponent(project.id)}/chapters`;
  const hrefOf = (item: ChapterSummary) => `${base}/${encodeURIComponent(item.id)}`;

  if (chapters.isPending) return <Loading />;
  if (chapters.isError) return <Alert tone="error">{errorText(chapters.error)}</Alert>;
  if (chapters.data.length === 0)
    return (
      <div className="empty-state">
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
        <Link className="button button--primary" to={`/projects/${encodeURIComponent(project.id)}/manuscript`}>
          {t('empty.action')}
        </Link>
      </div>
    );

  return (
    <div className="split-view">
      <div className="split-view__side">
        <h2 className="split-view__title">{t('title')}</h2>
        <ChapterList
          label={t('list.label')}
          chapters={chapters.data}
          hrefOf={hrefOf}
          onReorder={access.canEdit ? (ids) => reorder.mutate(ids) : undefined}
          extra={(item) => {
            const review = status.review?.chapters.find((chapter) => chapter.chapterId === item.id);
            return review ? <ReviewMarks review={review} /> : null;
          }}
        />
        {reorder.error && <Alert tone="error">{errorText(reorder.error)}</Alert>}
        {access.canEdit && (
          <div className="split-view__footer">
            <button type="button" className="button button--secondary" onClick={() => setShowDeleted((v) => !v)}>
              {showDeleted ? t('deleted.hide') : t('deleted.show')}
            </button>
            {showDeleted && <DeletedChapters projectId={project.id} />}
          </div>
        )}
      </div>
      <div className="split-view__main">
        {chapter.isPending ? (
          <Loading />
        ) : chapter.isError ? (
          <Alert tone="error">{errorText(chapter.error)}</Alert>
        ) : (
          <ChapterEditor
            key={chapter.data.id}
            chapter={chapter.data}
            canEdit={access.canEdit}
            isLast={chapters.data[chapters.data.length - 1]?.id === chapter.data.id}
            onGone={() => navigate(base)}
          />
        )}
      </div>
    </div>
  );
}
