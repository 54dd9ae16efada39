import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { isFinished, useJobProgress } from '../api/jobs';
import { hasPermission, useMe } from '../api/me';
import { useProjectList, type ProjectFilters } from '../api/projects';
import { PROJECT_STATUSES, type Project, type ProjectStatus } from '../api/types';
import { CoverImage } from '../projects/CoverImage';
import { StageBadge } from '../studio/StageBadge';
import { Alert } from '../ui/Alert';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';

function readFilters(params: URLSearchParams): ProjectFilters {
  const status = params.get('status') ?? '';
  return {
    q: params.get('q') ?? '',
    status: (PROJECT_STATUSES as readonly string[]).includes(status) ? (status as ProjectStatus) : '',
  };
}

/**
 * A listed book's stage from its live counts; a book with a running job is followed until the job ends, so the list
 * says "producing" only while a production runs, and a production of some chapters that finished says how many.
 */
function ListedStage({ project }: { project: Project }) {
  const { data: job } = useJobProgress(project.id, project.facts.activeJobId);
  return <StageBadge project={project} facts={project.facts} activeJob={job && !isFinished(job) ? job : undefined} />;
}

/** All projects the user may see; filters live in the URL so a filtered list can be bookmarked and shared. */
export function ProjectsListPage() {
  const { t } = useTranslation(['projects', 'common']);
  const format = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const [search, setSearch] = useState(filters.q);
  const list = useProjectList(filters);
  const projects = list.data?.pages.flatMap((page) => page.items) ?? [];
  const canCreate = hasPermission(me.data, 'projects.create');
  const filtered = filters.q !== '' || filters.status !== '';

  useEffect(() => setSearch(filters.q), [filters.q]);

  const applyFilters = (next: ProjectFilters) => {
    const query = new URLSearchParams();
    if (next.q.trim()) query.set('q', next.q.trim());
    if (next.status) query.set('status', next.status);
    setParams(query, { replace: true });
  };
  const onSearch = (event: FormEvent) => {
    event.preventDefault();
    applyFilters({ ...filters, q: search });
  };

  return (
    <div className="page">
      <div className="page__header">
        <div>
          <h1>{t('list.title')}</h1>
          {me.data?.tenant && <p className="muted">{me.data.tenant.name}</p>}
        </div>
        {canCreate && (
          <Link to="/projects/new" className="button button--primary">
            {t('list.create')}
          </Link>
        )}
      </div>

      <div className="toolbar">
        <form role="search" className="toolbar__search" onSubmit={onSearch}>
          <label htmlFor="project-search" className="visually-hidden">
            {t('list.searchLabel')}
          </label>
          <input
            id="project-search"
            type="search"
            value={search}
            placeholder={t('list.searchPlaceholder')}
            onChange={(event) => setSearch(event.target.value)}
            maxLength={200}
          />
          <button type="submit" className="button button--secondary">
            {t('list.searchButton')}
          </button>
        </form>
        <div className="toolbar__filter">
          <label htmlFor="status-filter">{t('list.statusFilter')}</label>
          <select
            id="status-filter"
            value={filters.status}
            onChange={(event) => applyFilters({ ...filters, status: event.target.value as ProjectStatus | '' })}
          >
            <option value="">{t('list.allActive')}</option>
            {PROJECT_STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </div>
      </div>

      {list.isPending && <Loading />}
      {list.isError && (
        <Alert tone="error" title={t('list.loadFailed')}>
          {list.error.message}
        </Alert>
      )}

      {list.isSuccess && projects.length === 0 && (
        <div className="empty-state">
          <div className="empty-state__art" aria-hidden="true" />
          <h2>{filtered ? t('list.noMatchesTitle') : t('list.emptyTitle')}</h2>
          <p className="muted">
            {filtered ? t('list.noMatchesBody') : canCreate ? t('list.emptyBody') : t('list.emptyBodyReadOnly')}
          </p>
          {filtered ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={() => applyFilters({ q: '', status: '' })}
            >
              {t('list.clearFilters')}
            </button>
          ) : (
            canCreate && (
              <Link to="/projects/new" className="button button--primary">
                {t('list.createFirst')}
              </Link>
            )
          )}
        </div>
      )}

      {projects.length > 0 && (
        <>
          <p className="muted small" aria-live="polite">
            {t('list.showing', { count: projects.length })}
          </p>
          <table className="project-table">
            <thead>
              <tr>
                <th scope="col" className="project-table__cover">
                  <span className="visually-hidden">{t('list.columns.cover')}</span>
                </th>
                <th scope="col">{t('list.columns.title')}</th>
                <th scope="col">{t('list.columns.language')}</th>
                <th scope="col">{t('list.columns.status')}</th>
                <th scope="col">{t('list.columns.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {projects.map((project) => (
                <tr key={project.id}>
                  <td className="project-table__cover">
                    <CoverImage project={project} variant="thumbnail" className="cover--thumb" />
                  </td>
                  <td>
                    <Link to={`/projects/${encodeURIComponent(project.id)}`} className="project-table__title">
                      {project.metadata.title}
                    </Link>
                    <div className="muted small">{format.list(project.metadata.authors)}</div>
                  </td>
                  <td>{format.languageName(project.metadata.language)}</td>
                  <td>
                    <ListedStage project={project} />
                  </td>
                  <td className="project-table__updated">
                    <time dateTime={project.updatedAt}>{format.dateTime(project.updatedAt)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {list.hasNextPage && (
            <div className="load-more">
              <button
                type="button"
                className="button button--secondary"
                onClick={() => void list.fetchNextPage()}
                disabled={list.isFetchingNextPage}
              >
                {list.isFetchingNextPage ? t('common:loading') : t('list.loadMore')}
              </button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
