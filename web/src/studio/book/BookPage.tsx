import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import { useProject, useUpdateProject, type VersionedProject } from '../../api/projects';
import type { Project } from '../../api/types';
import { CoverPanel } from '../../projects/CoverPanel';
import { toFormValues, toMetadata } from '../../projects/formModel';
import { MetadataSummary } from '../../projects/MetadataSummary';
import { ProjectForm } from '../../projects/ProjectForm';
import { useServerFormErrors } from '../../projects/serverErrors';
import { Alert } from '../../ui/Alert';
import { useFormat } from '../../ui/format';
import { useStudio } from '../StudioContext';

/**
 * The form edits the version it was opened on: its ETag is kept here, not read from the (refetchable) cache, so a
 * background refresh can never turn a stale save into a silent overwrite.
 */
interface EditSession {
  formKey: number;
  etag: string;
}

/** The book itself: metadata (editable by its editors, read-only for reviewers), cover and facts. */
export function BookPage() {
  const { project, versioned, access } = useStudio();
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  const query = useProject(project.id);
  const update = useUpdateProject(project.id);
  const [edit, setEdit] = useState<EditSession | null>(null);
  const [conflict, setConflict] = useState<Project | null>(null);
  const [saved, setSaved] = useState(false);
  const { fieldErrors, otherErrors } = useServerFormErrors(update.error);

  useEffect(() => {
    if (!edit) setEdit({ formKey: 0, etag: versioned.etag });
  }, [versioned.etag, edit]);

  const startOver = (next: VersionedProject, keepForm = false) =>
    setEdit((current) => ({ formKey: (current?.formKey ?? 0) + (keepForm ? 0 : 1), etag: next.etag }));
  const resolveConflict = async (keepMine: boolean) => {
    const fresh = await query.refetch();
    if (!fresh.data) return;
    startOver(fresh.data, keepMine);
    setConflict(null);
    update.reset();
  };

  return (
    <div className="detail-layout">
      <section className="card" aria-labelledby="metadata-title">
        <h2 id="metadata-title" className="card__title">
          {t('detail.metadata')}
        </h2>
        {saved && <Alert tone="success">{t('detail.notices.saved')}</Alert>}
        {conflict && (
          <Alert tone="warning" title={t('detail.conflict.title')}>
            <p>{t('detail.conflict.body', { time: format.dateTime(conflict.updatedAt) })}</p>
            <div className="alert__actions">
              <button type="button" className="button button--primary" onClick={() => void resolveConflict(false)}>
                {t('detail.conflict.reload')}
              </button>
              <button type="button" className="button button--secondary" onClick={() => void resolveConflict(true)}>
                {t('detail.conflict.keepMine')}
              </button>
            </div>
          </Alert>
        )}
        {access.canEdit && edit ? (
          <ProjectForm
            key={edit.formKey}
            initialValues={toFormValues(project.metadata)}
            submitLabel={t('detail.save')}
            submitting={update.isPending}
            fieldErrors={fieldErrors}
            formErrors={otherErrors}
            onSubmit={(values) => {
              setSaved(false);
              update.mutate(
                { etag: edit.etag, metadata: toMetadata(values) },
                {
                  onSuccess: (next) => {
                    setSaved(true);
                    startOver(next);
                  },
                  onError: (error) => {
                    if (error instanceof ApiError && error.status === 412)
                      setConflict((error.details.current as Project | undefined) ?? project);
                  },
                },
              );
            }}
          />
        ) : (
          <MetadataSummary metadata={project.metadata} />
        )}
      </section>

      <aside className="detail-layout__side">
        <CoverPanel project={project} canEdit={access.canEdit} />
        <section className="card" aria-labelledby="facts-title">
          <h2 id="facts-title" className="card__title">
            {t('detail.facts')}
          </h2>
          <dl className="facts">
            <dt>{t('detail.created')}</dt>
            <dd>
              <time dateTime={project.createdAt}>{format.dateTime(project.createdAt)}</time>
            </dd>
            <dt>{t('detail.updated')}</dt>
            <dd>
              <time dateTime={project.updatedAt}>{format.dateTime(project.updatedAt)}</time>
            </dd>
            <dt>{t('detail.id')}</dt>
            <dd>
              <code>{project.id}</code>
            </dd>
          </dl>
        </section>
      </aside>
    </div>
  );
}
