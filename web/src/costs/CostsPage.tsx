import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../api/admin';
import { useCostReport, useProjectNames, useTenantUsage, type CostPeriod } from '../api/costs';
import { useMe } from '../api/me';
import { useJobHistory } from '../api/production';
import { EstimateChart, estimatedProductions, estimatedUsd } from '../studio/production/EstimateChart';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import { KindSummary } from './KindSummary';
import { useMoney } from './money';
import { PERIODS, periodDates, daysOf, type PeriodId } from './periods';
import { QuotaCard } from './QuotaCard';
import { SpendChart } from './SpendChart';
import { dayRows, rankedRows } from './spendRows';
import '../styles/studio2.css';

/**
 * What the organization spends, as far as the signed-in person may see it (the API decides: admins everything,
 * creators their projects, validators the ones assigned to them): by day, project, person and kind, the month
 * against the quota, and per production the estimate against what it cost.
 */
export function CostsPage() {
  const { t } = useTranslation('costs');
  const errorText = useErrorText();
  const format = useFormat();
  const me = useMe();
  const [periodId, setPeriodId] = useState<PeriodId>('thisMonth');
  const [projectId, setProjectId] = useState('');
  const period: CostPeriod = periodDates(periodId);
  const role = me.data?.principal.role;
  const isAdmin = role === 'admin';
  const scoped = projectId || undefined;
  const byDay = useCostReport('day', period, scoped);
  const byProject = useCostReport('project', period);
  const byUser = useCostReport('user', period, scoped);
  const usage = useTenantUsage();
  const projects = useProjectNames();
  const users = useUsers(isAdmin);
  const refusal = (error: unknown) =>
    errorText(error, { forbidden: t('refusals.forbidden'), not_found: t('refusals.notFound') });

  const projectName = (id: string) => projects.data?.get(id) ?? t('projects.unknown');
  const userName = (id: string) => {
    if (id === me.data?.principal.userId) return t('users.you');
    const user = users.data?.find((candidate) => candidate.id === id);
    if (user) return user.displayName;
    return isAdmin ? t('users.former') : t('users.other');
  };
  const dayLabel = (day: string) => format.date(`${day}T12:00:00Z`);
  const report = byDay.data;
  // Work can be metered and still cost nothing (the offline voices are free): empty charts would say no more.
  const nothingSpent = report !== undefined && report.totalUsd === 0;

  return (
    <div className="page costs">
      <div className="page__header">
        <div>
          <h1>{t('title')}</h1>
          {role && <p className="muted">{t(`scope.${role}`)}</p>}
        </div>
      </div>
      <div className="toolbar">
        <div className="toolbar__filter">
          <label htmlFor="costs-period">{t('filters.period')}</label>
          <select id="costs-period" value={periodId} onChange={(event) => setPeriodId(event.target.value as PeriodId)}>
            {PERIODS.map((id) => (
              <option key={id} value={id}>
                {t(`periods.${id}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="toolbar__filter">
          <label htmlFor="costs-project">{t('filters.project')}</label>
          <select id="costs-project" value={projectId} onChange={(event) => setProjectId(event.target.value)}>
            <option value="">{t('filters.allProjects')}</option>
            {[...(projects.data ?? new Map<string, string>()).entries()]
              .sort((a, b) => a[1].localeCompare(b[1]))
              .map(([id, title]) => (
                <option key={id} value={id}>
                  {title}
                </option>
              ))}
          </select>
        </div>
        <p className="small muted costs__range">
          {t('range', { from: dayLabel(period.from), to: dayLabel(period.to) })}
        </p>
      </div>

      {usage.data && <QuotaCard usage={usage.data} />}
      {usage.isError && <Alert tone="error">{refusal(usage.error)}</Alert>}

      {byDay.isError ? (
        <Alert tone="error">{refusal(byDay.error)}</Alert>
      ) : !report ? (
        <Loading />
      ) : (
        <>
          <KindSummary report={report} days={daysOf(period).length} />
          {nothingSpent ? (
            <p className="empty-state costs__empty">{t('empty')}</p>
          ) : (
            <>
              <SpendChart
                id="costs-by-day"
                title={t('charts.byDay')}
                rowHeader={t('charts.day')}
                rows={dayRows(report, period, dayLabel)}
                orientation="columns"
              />
              {!scoped &&
                (byProject.isError ? (
                  <Alert tone="error">{refusal(byProject.error)}</Alert>
                ) : (
                  byProject.data && (
                    <SpendChart
                      id="costs-by-project"
                      title={t('charts.byProject')}
                      rowHeader={t('charts.project')}
                      rows={rankedRows(byProject.data, projectName)}
                      orientation="rows"
                    />
                  )
                ))}
              {byUser.isError ? (
                <Alert tone="error">{refusal(byUser.error)}</Alert>
              ) : (
                byUser.data && (
                  <SpendChart
                    id="costs-by-user"
                    title={t('charts.byUser')}
                    rowHeader={t('charts.user')}
                    rows={rankedRows(byUser.data, userName)}
                    orientation="rows"
                  />
                )
              )}
            </>
          )}
        </>
      )}
      <ProductionEstimates projectId={scoped} />
    </div>
  );
}

/** Per production of the chosen project, its estimate when it started against what it cost (from its jobs). */
function ProductionEstimates({ projectId }: { projectId: string | undefined }) {
  const { t } = useTranslation('costs');
  return (
    <section className="card cost-chart" aria-labelledby="costs-estimates">
      <h2 id="costs-estimates" className="card__title">
        {t('estimates.title')}
      </h2>
      {projectId ? <ProjectEstimates projectId={projectId} /> : <p className="muted">{t('estimates.pickProject')}</p>}
    </section>
  );
}

function ProjectEstimates({ projectId }: { projectId: string }) {
  const { t } = useTranslation('costs');
  const errorText = useErrorText();
  const format = useFormat();
  const money = useMoney();
  const jobs = useJobHistory(projectId);
  if (jobs.isPending) return <Loading />;
  if (jobs.isError) return <Alert tone="error">{errorText(jobs.error, { not_found: t('refusals.notFound') })}</Alert>;
  const productions = estimatedProductions(jobs.data);
  if (productions.length === 0) return <p className="muted">{t('estimates.none')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="visually-hidden">{t('estimates.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('estimates.started')}</th>
              <th scope="col">{t('estimates.estimate')}</th>
              <th scope="col">{t('estimates.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {productions.map((job) => (
              <tr key={job.id}>
                <th scope="row">{format.dateTime(job.createdAt)}</th>
                <td>{money.amount(estimatedUsd(job) ?? 0)}</td>
                <td>{money.amount(job.progress.costSoFarUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <EstimateChart jobs={jobs.data} />
    </>
  );
}
