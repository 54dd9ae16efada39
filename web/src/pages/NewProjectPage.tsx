import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { hasPermission, useMe } from '../api/me';
import { useCreateProject } from '../api/projects';
import { emptyFormValues, mapFieldIssues, toMetadata } from '../projects/formModel';
import { ProjectForm } from '../projects/ProjectForm';
import { Loading } from '../ui/Loading';

export function NewProjectPage() {
  const { t, i18n } = useTranslation(['projects', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const create = useCreateProject();
  // New books start in the reader's own language and region; any BCP 47 tag can be chosen instead.
  const initialValues = useMemo(() => emptyFormValues(i18n.language), [i18n.language]);
  const { fieldErrors, otherErrors } = useMemo(() => {
    const error = create.error;
    if (error instanceof ApiError) {
      const mapped = mapFieldIssues(error.fields);
      if (error.fields.length === 0) mapped.otherErrors.push(error.message);
      return mapped;
    }
    return { fieldErrors: {}, otherErrors: error ? [t('common:errors.generic')] : [] };
  }, [create.error, t]);

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
