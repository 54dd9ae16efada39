import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { hasPermission, useMe } from '../api/me';
import { useCreateProject } from '../api/projects';
import { defaultBookLanguage, emptyFormValues, toMetadata } from '../projects/formModel';
import { useServerFormErrors } from '../projects/serverErrors';
import { ProjectForm } from '../projects/ProjectForm';
import { Loading } from '../ui/Loading';

export function NewProjectPage() {
  const { t, i18n } = useTranslation(['projects', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateProject();
  // New books start in the reader's own language and region when the studio offers it.
  const initialValues = useMemo(() => emptyFormValues(defaultBookLanguage(i18n.language)), [i18n.language]);
  const { fieldErrors, otherErrors } = useServerFormErrors(create.error);

  if (me.isPending) return <Loading />;
  if (!hasPermission(me.data, 'projects.create')) return <Navigate to="/projects" replace />;

  return (
    <div className="page page--narrow">
      <nav aria-label={t('common:breadcrumb')} className="breadcrumb">
        <Link to="/projects">{t('list.title')}</Link>
      </nav>
      <div className="page__header">
        <h1>{t('create.title')}</h1>
      </div>
      <p className="muted">{t('create.intro')}</p>
      <ProjectForm
        initialValues={initialValues}
        submitLabel={t('create.submit')}
        submitting={create.isPending}
        fieldErrors={fieldErrors}
        formErrors={otherErrors}
        onCancel={() => navigate('/projects')}
        onSubmit={(values) =>
          create.mutate(toMetadata(values), {
            onSuccess: ({ project }) =>
              navigate(`/projects/${encodeURIComponent(project.id)}`, { state: { created: true } }),
          })
        }
      />
    </div>
  );
}
