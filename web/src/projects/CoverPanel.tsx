import { useId, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../ui/errorText';
import { useUploadCover } from '../api/projects';
import type { Project } from '../api/types';
import { Alert } from '../ui/Alert';
import { FileNoteText } from '../ui/FileNoteText';
import { CoverImage } from './CoverImage';

const ACCEPTED_TYPES = ['image/jpeg', 'image/png'];
/** Far above any real cover; the API enforces its own limit and answers 413 beyond it. */
const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Retailers' smallest square cover (the API checks the same). */
export const MIN_COVER_PX = 2400;
/** The size most retailers recommend. */
const RECOMMENDED_COVER_PX = 3000;

/** The image's pixel size as the browser decodes it, or null when it cannot (the API will say why). */
async function imageSize(file: File): Promise<{ width: number; height: number } | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const size = { width: bitmap.width, height: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

/** The cover preview plus, for editors, the upload control with the API's verdict on the image. */
export function CoverPanel({ project, canEdit }: { project: Project; canEdit: boolean }) {
  const { t } = useTranslation(['projects', 'common']);
  const inputId = useId();
  const hintId = useId();
  const [localError, setLocalError] = useState<string | null>(null);
  const upload = useUploadCover(project.id);
  const errorText = useErrorText();

  const localProblem = async (file: File): Promise<string | null> => {
    if (!ACCEPTED_TYPES.includes(file.type)) return t('cover.wrongType');
    if (file.size > MAX_UPLOAD_BYTES) return t('cover.tooLarge');
    const size = await imageSize(file);
    if (size && size.width !== size.height) return t('cover.notSquare', size);
    if (size && size.width < MIN_COVER_PX) return t('cover.tooSmall', { ...size, minimum: MIN_COVER_PX });
    return null;
  };
  const onChoose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    upload.reset();
    const problem = await localProblem(file);
    setLocalError(problem);
    if (!problem) upload.mutate(file);
  };
  const rejected = upload.error;
  const apiProblem = rejected ? errorText(rejected, { validation_failed: t('cover.unreadable') }) : null;
  const problem = localError ?? apiProblem;

  return (
    <section className="card cover-panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`} className="card__title">
        {t('cover.title')}
      </h2>
      <CoverImage project={project} variant="retail" className="cover--large" />
      {project.cover && (
        <p className="muted small">
          {t('cover.dimensions', {
            width: project.cover.width,
            height: project.cover.height,
            format: project.cover.originalFormat.toUpperCase(),
          })}
        </p>
      )}
      {project.cover?.notes.map((note) => (
        <Alert key={note.code + note.message} tone="warning">
          <FileNoteText note={note} />
        </Alert>
      ))}
      {canEdit && (
        <div className="cover-panel__upload">
          <label htmlFor={inputId} className="button button--secondary">
            {project.cover ? t('cover.replace') : t('cover.upload')}
          </label>
          <input
            id={inputId}
            className="visually-hidden"
            type="file"
            accept={ACCEPTED_TYPES.join(',')}
            aria-describedby={hintId}
            onChange={(event) => void onChoose(event)}
            disabled={upload.isPending}
          />
          <p id={hintId} className="field__hint">
            {t('cover.hint', { minimum: MIN_COVER_PX, recommended: RECOMMENDED_COVER_PX })}
          </p>
          {upload.isPending && <p role="status">{t('cover.uploading')}</p>}
          {upload.isSuccess && <Alert tone="success">{t('cover.uploaded')}</Alert>}
          {problem && !upload.isPending && (
            <Alert tone="error" title={t('cover.rejected')}>
              {problem}
            </Alert>
          )}
        </div>
      )}
    </section>
  );
}
