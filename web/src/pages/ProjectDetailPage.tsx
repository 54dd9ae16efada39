import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { canOnProject, useMe } from '../api/me';
import { useProject, useProjectAction, useUpdateProject, type VersionedProject } from '../api/projects';
import type { Project } from '../api/types';
import { CoverPanel } from '../projects/CoverPanel';
import { mapFieldIssues, toFormValues, toMetadata } from '../projects/formModel';
import { MetadataSummary } from '../projects/MetadataSummary';
import { ProjectForm } from '../projects/ProjectForm';
import { StatusBadge } from '../projects/StatusBadge';
import { WorkflowSteps } from '../projects/WorkflowSteps';
import { Alert } from '../ui/Alert';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import { NotFoundPage } from './NotFoundPage';

/**
 * The form edits the version it was opened on: its ETag is kept here, not read from the (refetchable) cache, so a
 * background refresh can never turn a stale save into a silent overwrite.
 */
interface EditSession {
  formKey: number;
  etag: string;
}

type Notice = 'created' | 'saved' | 'archived' | 'restored' | null;

export function ProjectDetailPage() {
  const { projectId = '' } = useParams();
  const location = useLocation();
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  const me = useMe();
  const query = useProject(projectId);
  const update = useUpdateProject(projectId);
  const archive = useProjectAction(projectId, 'archive');
  const restore = useProjectAction(projectId, 'restore');
  const [edit, setEdit] = useState<EditSession | null>(null);
  const [conflict, setConflict] = useState<Project | null>(null);
  const [notice, setNotice] = useState<Notice>(
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );
  const [confirmArchive, setConfirmArchive] = useState(false);

  useEffect(() => {
    if (query.data && !edit) setEdit({ formKey: 0, etag: query.data.etag });
  }, [query.data, edit]);

  const { fieldErrors, otherErrors } = useMemo(() => {
    const error = update.error;
    if (!(error instanceof ApiError))
      return { fieldErrors: {}, otherErrors: error ? [t('common:errors.generic')] : [] };
    if (error.status === 412) return { fieldErrors: {}, otherErrors: [] };
    const mapped = mapFieldIssues(error.fields);
    if (error.fields.length === 0) mapped.otherErrors.push(error.message);
    return mapped;
  }, [update.error, t]);

  if (query.isPending || me.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return (
      <Alert tone="error" title={t('detail.loadFailed')}>
        {query.error.message}
      </Alert>
    );
  }
  const { project } = query.data;
  const archived = project.status === 'archived';
  const canEdit = !archived && canOnProject(me.data, project, 'projects.update');
  const canArchive = !archived && canOnProject(me.data, project, 'projects.archive');
  const canRestore = archived && canOnProject(me.data, project, 'projects.restore');

  const startOver = (versioned: VersionedProject, keepForm = false) => {
    setEdit((current) => ({ formKey: (current?.formKey ?? 0) + (keepForm ? 0 : 1), etag: versioned.etag }));
  };
  const resolveConflict = async (keepMine: boolean) => {
    const fresh = await query.refetch();
    if (!fresh.data) return;
    startOver(fresh.data, keepMine);
    setConflict(null);
    update.reset();
  };
  const onActionDone = (kind: 'archived' | 'restored') => (versioned: VersionedProject) => {
    setConfirmArchive(false);
    setNotice(kind);
    startOver(versioned);
  };
  const actionError = archive.error ?? restore.error;

  return (
    <div className="page">
      <nav aria-label={t('common:breadcrumb')} className="breadcrumb">
        <Link to="/projects">{t('list.title')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>{project.metadata.title}</h1>
          <p className="page__subtitle">
            <StatusBadge status={project.status} />
            <span className="muted">{format.list(project.metadata.authors)}</span>
          </p>
        </div>
        <div className="page__actions">
          {canArchive && (
            <button type="button" className="button button--danger-outline" onClick={() => setConfirmArchive(true)}>
              {t('detail.archive')}
            </button>
          )}
          {canRestore && (
            <button
              type="button"
              className="button button--primary"
              disabled={restore.isPending}
              onClick={() => restore.mutate(undefined, { onSuccess: onActionDone('restored') })}
            >
              {t('detail.restore')}
            </button>
          )}
        </div>
      </div>

      {notice && <Alert tone="success">{t(`detail.notices.${notice}`)}</Alert>}
      {actionError && <Alert tone="error">{actionError.message}</Alert>}
      {archived && <Alert tone="info">{t(canRestore ? 'detail.archivedCanRestore' : 'detail.archivedInfo')}</Alert>}
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

      <div className="detail-layout">
        <section className="card" aria-labelledby="metadata-title">
          <h2 id="metadata-title" className="card__title">
            {t('detail.metadata')}
          </h2>
          {canEdit && edit ? (
            <ProjectForm
              key={edit.formKey}
              initialValues={toFormValues(project.metadata)}
              submitLabel={t('detail.save')}
              submitting={update.isPending}
              fieldErrors={fieldErrors}
              formErrors={otherErrors}
              onSubmit={(values) => {
                setNotice(null);
                update.mutate(
                  { etag: edit.etag, metadata: toMetadata(values) },
                  {
                    onSuccess: (versioned) => {
                      setNotice('saved');
                      startOver(versioned);
                    },
                    onError: (error) => {
                      if (error instanceof ApiError && error.status === 412) {
                        setConflict((error.details.current as Project | undefined) ?? project);
                      }
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
          <CoverPanel project={project} canEdit={canEdit} />
          <section className="card" aria-labelledby="workflow-title">
            <h2 id="workflow-title" className="card__title">
              {t('workflow.title')}
            </h2>
            <WorkflowSteps workflow={project.workflow} />
          </section>
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

      <ConfirmDialog
        open={confirmArchive}
        title={t('detail.archiveDialog.title')}
        confirmLabel={t('detail.archive')}
        tone="danger"
        busy={archive.isPending}
        onCancel={() => setConfirmArchive(false)}
        onConfirm={() => archive.mutate(undefined, { onSuccess: onActionDone('archived') })}
      >
        <p>{t('detail.archiveDialog.body', { title: project.metadata.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
