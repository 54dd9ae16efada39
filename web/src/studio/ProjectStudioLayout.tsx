import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { canOnProject, projectAccess, useMe } from '../api/me';
import { useProject, useProjectAction, type VersionedProject } from '../api/projects';
import { NotFoundPage } from '../pages/NotFoundPage';
import { Alert } from '../ui/Alert';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import { JobBanner } from './JobBanner';
import { StageBadge } from './StageBadge';
import { StepNav } from './StepNav';
import type { StudioContextValue } from './StudioContext';
import { useStudioStatus } from './useStudioStatus';

type Notice = 'created' | 'archived' | 'restored' | null;

/** The frame of every project page: title, stage, archive/restore, the workflow navigation and the step's page. */
export function ProjectStudioLayout() {
  const { projectId = '' } = useParams();
  const { t } = useTranslation(['projects', 'common']);
  const me = useMe();
  const query = useProject(projectId);
  if (query.isPending || me.isPending) return <Loading />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <NotFoundPage />;
    return <Alert tone="error" title={t('detail.loadFailed')} />;
  }
  return <Studio versioned={query.data} />;
}

function Studio({ versioned }: { versioned: VersionedProject }) {
  const { project } = versioned;
  const location = useLocation();
  const { t } = useTranslation(['projects', 'common']);
  const errorText = useErrorText();
  const format = useFormat();
  const me = useMe();
  const status = useStudioStatus(project);
  const archive = useProjectAction(project.id, 'archive');
  const restore = useProjectAction(project.id, 'restore');
  const [notice, setNotice] = useState<Notice>(
    (location.state as { created?: boolean } | null)?.created ? 'created' : null,
  );
  const [confirmArchive, setConfirmArchive] = useState(false);
  const archived = project.status === 'archived';
  const canArchive = !archived && canOnProject(me.data, project, 'projects.archive');
  const canRestore = archived && canOnProject(me.data, project, 'projects.restore');
  const actionError = archive.error ?? restore.error;
  const context: StudioContextValue = {
    project,
    versioned,
    me: me.data,
    access: projectAccess(me.data, project),
    status,
  };

  return (
    <div className="page page--studio">
      <nav aria-label={t('common:breadcrumb')} className="breadcrumb">
        <Link to="/projects">{t('list.title')}</Link>
      </nav>
      <div className="page__header">
        <div>
          <h1>{project.metadata.title}</h1>
          <p className="page__subtitle">
            <StageBadge
              project={project}
              facts={status.facts}
              activeJob={status.activeJob}
              flaggedFallback={status.flagged}
            />
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
              onClick={() => restore.mutate(undefined, { onSuccess: () => setNotice('restored') })}
            >
              {t('detail.restore')}
            </button>
          )}
        </div>
      </div>
      {notice && <Alert tone="success">{t(`detail.notices.${notice}`)}</Alert>}
      {actionError && <Alert tone="error">{errorText(actionError)}</Alert>}
      {archived && <Alert tone="info">{t(canRestore ? 'detail.archivedCanRestore' : 'detail.archivedInfo')}</Alert>}
      {status.activeJob && <JobBanner job={status.activeJob} />}
      <div className="studio">
        <aside className="studio__nav">
          <StepNav status={status} />
        </aside>
        <section className="studio__main">
          {/* A fresh page state after archive/restore, so no form keeps editing a version that no longer exists. */}
          <Outlet key={project.status} context={context} />
        </section>
      </div>
      <ConfirmDialog
        open={confirmArchive}
        title={t('detail.archiveDialog.title')}
        confirmLabel={t('detail.archive')}
        tone="danger"
        busy={archive.isPending}
        onCancel={() => setConfirmArchive(false)}
        onConfirm={() =>
          archive.mutate(undefined, {
            onSuccess: () => {
              setConfirmArchive(false);
              setNotice('archived');
            },
          })
        }
      >
        <p>{t('detail.archiveDialog.body', { title: project.metadata.title })}</p>
      </ConfirmDialog>
    </div>
  );
}
