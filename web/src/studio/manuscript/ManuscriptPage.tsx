import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useChapters } from '../../api/chapters';
import { isFinished, jobFraction, useJobProgress } from '../../api/jobs';
import { downloadOriginal, manuscriptContentType, useManuscript, useUploadManuscript } from '../../api/manuscript';
import { Alert } from '../../ui/Alert';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { useErrorText } from '../../ui/errorText';
import { useFormat } from '../../ui/format';
import { Loading } from '../../ui/Loading';
import { ProgressBar } from '../../ui/ProgressBar';
import type { Manuscript } from '../../api/types';
import { useStudio } from '../StudioContext';
import { DropZone } from './DropZone';
import { ImportReport } from './ImportReport';
import { useJobCounts, withCounts } from '../jobCounts';

/** The API refuses bigger uploads with 413; saying so before sending saves the wait. */
const MAX_MANUSCRIPT_BYTES = 200 * 1024 * 1024;

type ManuscriptFormat = NonNullable<Manuscript['format']>;

/** Every format, so a job result from another server version with an unknown one is not looked up in the catalogue. */
const FORMATS: Record<ManuscriptFormat, true> = {
  txt: true,
  markdown: true,
  docx: true,
  epub: true,
  html: true,
  pdf: true,
};

const formatOf = (value: unknown): ManuscriptFormat | null =>
  typeof value === 'string' && Object.hasOwn(FORMATS, value) ? (value as ManuscriptFormat) : null;

/** Upload (drag and drop or choose), watch the upload and the import, replace with confirmation, get the original. */
export function ManuscriptPage() {
  const { project, access, status } = useStudio();
  const { t } = useTranslation('manuscript');
  const jobCounts = useJobCounts();
  const format = useFormat();
  const errorText = useErrorText();
  const manuscript = useManuscript(project.id);
  const chapters = useChapters(project.id);
  const upload = useUploadManuscript(project.id);
  const [jobId, setJobId] = useState<string | null>(null);
  const [pending, setPending] = useState<File | null>(null);
  const [localError, setLocalError] = useState<string | null>(null);
  const job = useJobProgress(project.id, jobId ?? manuscript.data?.jobId);
  const hasChapters = (status.facts?.chapterCount ?? 0) > 0;
  const importing = job.data && !isFinished(job.data);
  // The import's own result counts its chapters: the project's facts and the manuscript are read again once the job
  // has ended, and until those answers come the page said "Import finished: 0 chapters found" beside "Importing".
  const imported = job.data && isFinished(job.data) ? job.data : undefined;
  const importedChapters = imported?.result?.chapterCount;
  const chaptersFound = typeof importedChapters === 'number' ? importedChapters : (status.facts?.chapterCount ?? 0);

  const send = (file: File, replace: boolean) => {
    setPending(null);
    upload.mutate({ file, replace }, { onSuccess: ({ job: started }) => setJobId(started.id) });
  };
  const choose = (file: File) => {
    upload.reset();
    if (!manuscriptContentType(file.name)) return setLocalError(t('errors.type', { name: file.name }));
    if (file.size === 0) return setLocalError(t('errors.empty'));
    if (file.size > MAX_MANUSCRIPT_BYTES)
      return setLocalError(t('errors.tooLarge', { size: format.bytes(MAX_MANUSCRIPT_BYTES) }));
    setLocalError(null);
    if (hasChapters) setPending(file);
    else send(file, false);
  };

  if (manuscript.isPending) return <Loading />;
  const current = manuscript.data;
  // Likewise the manuscript's status, from its own import's outcome while the manuscript is read again.
  const outcome = imported?.status === 'succeeded' ? 'ready' : imported?.status === 'failed' ? 'failed' : undefined;
  const fromImport = current?.status === 'processing' && imported?.id === current.jobId && outcome !== undefined;
  const currentStatus = fromImport ? outcome : current?.status;
  // And its format: the manuscript read before the import ended has none yet, and "Not recognised yet" stood beside
  // "Imported".
  const importedFormat = fromImport ? formatOf(imported?.result?.format) : null;
  const currentFormat = current?.format ?? importedFormat;
  const uploadError = upload.error
    ? errorText(upload.error, {
        payload_too_large: t('errors.serverTooLarge'),
        unsupported_media_type: t('errors.serverType'),
        unprocessable: t('errors.unreadable'),
        conflict: t('errors.busy'),
        job_in_progress: t('errors.busy'),
      })
    : null;

  return (
    <div className="step-page">
      <header className="step-page__header">
        <h2>{t('title')}</h2>
        <p className="muted">{t('intro')}</p>
      </header>

      {current && (
        <section className="card" aria-labelledby="manuscript-current">
          <h3 id="manuscript-current" className="card__title">
            {t('current.title')}
          </h3>
          <dl className="facts">
            <dt>{t('current.file')}</dt>
            <dd>{current.fileName}</dd>
            <dt>{t('current.size')}</dt>
            <dd>{format.bytes(current.bytes)}</dd>
            <dt>{t('current.format')}</dt>
            <dd>{currentFormat ? t(`formats.${currentFormat}`) : t('formats.unknown')}</dd>
            <dt>{t('current.uploaded')}</dt>
            <dd>
              <time dateTime={current.uploadedAt}>{format.dateTime(current.uploadedAt)}</time>
            </dd>
            <dt>{t('current.status')}</dt>
            <dd>{t(`statuses.${currentStatus ?? current.status}`)}</dd>
          </dl>
          {currentStatus === 'failed' && <Alert tone="error">{t('errors.importFailed')}</Alert>}
          <div className="button-row">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => void downloadOriginal(project.id, current.fileName)}
            >
              {t('current.download')}
            </button>
            {hasChapters && (
              <Link className="button button--primary" to={`/projects/${encodeURIComponent(project.id)}/chapters`}>
                {t('current.toChapters', { count: status.facts?.chapterCount ?? 0 })}
              </Link>
            )}
          </div>
        </section>
      )}

      {current?.status === 'ready' && (
        <ImportReport
          manuscript={current}
          chapters={chapters.data}
          chapterHref={(chapter) =>
            `/projects/${encodeURIComponent(project.id)}/chapters/${encodeURIComponent(chapter.id)}`
          }
          leftOutHref={`/projects/${encodeURIComponent(project.id)}/chapters?deleted=shown`}
        />
      )}

      {access.canEdit && (
        <section className="card" aria-labelledby="manuscript-upload">
          <h3 id="manuscript-upload" className="card__title">
            {current ? t('upload.replaceTitle') : t('upload.title')}
          </h3>
          <DropZone
            label={t('upload.choose')}
            prompt={t('upload.prompt')}
            hint={t('upload.hint')}
            accept={['.txt', '.md', '.docx', '.epub', '.html', '.htm', '.xhtml', '.pdf']}
            disabled={upload.isPending || Boolean(importing)}
            onFile={choose}
          />
          {upload.progress && (
            <ProgressBar
              label={t('upload.uploading')}
              value={upload.progress.total ? upload.progress.loaded / upload.progress.total : null}
              detail={t('upload.bytes', {
                loaded: format.bytes(upload.progress.loaded),
                total: format.bytes(upload.progress.total),
              })}
            />
          )}
          {localError && <Alert tone="error">{localError}</Alert>}
          {uploadError && (
            <Alert tone="error" title={t('errors.refused')}>
              {uploadError}
            </Alert>
          )}
        </section>
      )}

      {job.data && (
        <section className="card" aria-labelledby="manuscript-import">
          <h3 id="manuscript-import" className="card__title">
            {t('import.title')}
          </h3>
          {importing ? (
            <ProgressBar
              label={t('import.running')}
              value={jobFraction(job.data)}
              detail={withCounts(t('import.running'), jobCounts(job.data))}
            />
          ) : job.data.status === 'succeeded' ? (
            <Alert tone="success">{t('import.done', { count: chaptersFound })}</Alert>
          ) : (
            <Alert tone="error">{t('import.failed')}</Alert>
          )}
        </section>
      )}

      <ConfirmDialog
        open={pending !== null}
        title={t('replace.title')}
        confirmLabel={t('replace.confirm')}
        tone="danger"
        onCancel={() => setPending(null)}
        onConfirm={() => pending && send(pending, true)}
      >
        <p>{t('replace.body', { name: pending?.name ?? '', count: status.facts?.chapterCount ?? 0 })}</p>
      </ConfirmDialog>
    </div>
  );
}
