import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSetMembers, useUsers, type User } from '../api/admin';
import { useProjectNames } from '../api/costs';
import { useProject } from '../api/projects';
import type { Project } from '../api/types';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { Loading } from '../ui/Loading';

/** Per project: the creators it is shared with and the validators assigned to review it. */
export function MembersPage() {
  const { t } = useTranslation('admin');
  const projects = useProjectNames();
  const [projectId, setProjectId] = useState('');
  const entries = [...(projects.data ?? new Map<string, string>()).entries()].sort((a, b) => a[1].localeCompare(b[1]));
  return (
    <section className="card admin-section" aria-labelledby="members-title">
      <h2 id="members-title" className="card__title">
        {t('members.title')}
      </h2>
      <p className="muted">{t('members.intro')}</p>
      {projects.isPending ? (
        <Loading />
      ) : entries.length === 0 ? (
        <p className="muted">{t('members.noProjects')}</p>
      ) : (
        <div className="field">
          <label htmlFor="members-project">{t('members.project')}</label>
          <select id="members-project" value={projectId} onChange={(event) => setProjectId(event.target.value)}>
            <option value="">{t('members.pick')}</option>
            {entries.map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </div>
      )}
      {projectId && <ProjectAccess key={projectId} projectId={projectId} />}
    </section>
  );
}

function ProjectAccess({ projectId }: { projectId: string }) {
  const errorText = useErrorText();
  const project = useProject(projectId);
  const users = useUsers();
  if (project.isPending || users.isPending) return <Loading />;
  if (project.isError) return <Alert tone="error">{errorText(project.error)}</Alert>;
  if (users.isError) return <Alert tone="error">{errorText(users.error)}</Alert>;
  return <AccessForm project={project.data.project} users={users.data} />;
}

function AccessForm({ project, users }: { project: Project; users: User[] }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const save = useSetMembers(project.id);
  const [members, setMembers] = useState<string[]>(project.memberIds);
  const [validators, setValidators] = useState<string[]>(project.validatorIds);
  const usable = users.filter((user) => user.status !== 'deactivated');
  const creators = usable.filter((user) => user.role === 'creator' && user.id !== project.ownerId);
  const reviewers = usable.filter((user) => user.role === 'validator');
  const owner = users.find((user) => user.id === project.ownerId);
  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  return (
    <form
      className="admin-form"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ memberIds: members, validatorIds: validators });
      }}
    >
      <p>{t('members.owner', { name: owner?.displayName ?? project.ownerId })}</p>
      <fieldset className="form__section form__section--compact">
        <legend>{t('members.creators')}</legend>
        {creators.length === 0 ? (
          <p className="small muted">{t('members.noCreators')}</p>
        ) : (
          <ul className="plain-list">
            {creators.map((user) => (
              <li key={user.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={members.includes(user.id)}
                    onChange={(event) => setMembers((list) => toggle(list, user.id, event.target.checked))}
                  />
                  {user.displayName} <span className="muted small">{user.email}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <fieldset className="form__section form__section--compact">
        <legend>{t('members.validators')}</legend>
        {reviewers.length === 0 ? (
          <p className="small muted">{t('members.noValidators')}</p>
        ) : (
          <ul className="plain-list">
            {reviewers.map((user) => (
              <li key={user.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={validators.includes(user.id)}
                    onChange={(event) => setValidators((list) => toggle(list, user.id, event.target.checked))}
                  />
                  {user.displayName} <span className="muted small">{user.email}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="admin-form__actions">
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {t('members.save')}
        </button>
      </div>
      {save.isSuccess && <Alert tone="success">{t('members.saved', { title: project.metadata.title })}</Alert>}
      {save.isError && <Alert tone="error">{errorText(save.error)}</Alert>}
    </form>
  );
}
