import { useTranslation } from 'react-i18next';
import type { MetricsFigures, MetricsReport } from '@core/api/metrics';
import { useErrorText } from '../../ui/errorText';
import { Alert } from '../../ui/Alert';
import { Loading } from '../../ui/Loading';
import { useFigureFormat } from './figureFormat';
import { TENANT_TABLE_MAX_DAYS, useTenantMetrics } from './metricsApi';

export function JobsTable({ jobs }: { jobs: MetricsFigures['jobs'] }) {
  const { t } = useTranslation('operatorMetrics');
  const f = useFigureFormat();
  return (
    <section className="metrics-section" aria-labelledby="metrics-jobs">
      <h2 id="metrics-jobs">{t('jobs.title')}</h2>
      {jobs.length === 0 ? (
        <p className="muted">{t('jobs.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('jobs.kind')}</th>
                <th scope="col">{t('jobs.succeeded')}</th>
                <th scope="col">{t('jobs.failed')}</th>
                <th scope="col">{t('jobs.cancelled')}</th>
                <th scope="col">{t('jobs.median')}</th>
                <th scope="col">{t('jobs.p95')}</th>
              </tr>
            </thead>
            <tbody>
              {jobs.map((job) => (
                <tr key={job.kind}>
                  <th scope="row">{t(`jobs.kinds.${job.kind}`)}</th>
                  <td>{f.count(job.succeeded)}</td>
                  <td>{f.count(job.failed)}</td>
                  <td>{f.count(job.cancelled)}</td>
                  <td>{f.seconds(job.durationSeconds.p50)}</td>
                  <td>{f.seconds(job.durationSeconds.p95)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function OperationsTable({ operations }: { operations: MetricsFigures['http']['operations'] }) {
  const { t } = useTranslation('operatorMetrics');
  const f = useFigureFormat();
  return (
    <section className="metrics-section" aria-labelledby="metrics-operations">
      <h2 id="metrics-operations">{t('operations.title')}</h2>
      {operations.length === 0 ? (
        <p className="muted">{t('operations.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('operations.operation')}</th>
                <th scope="col">{t('operations.requests')}</th>
                <th scope="col">{t('operations.clientErrors')}</th>
                <th scope="col">{t('operations.serverErrors')}</th>
                <th scope="col">{t('operations.errorRate')}</th>
                <th scope="col">{t('operations.p50')}</th>
                <th scope="col">{t('operations.p95')}</th>
                <th scope="col">{t('operations.p99')}</th>
              </tr>
            </thead>
            <tbody>
              {operations.map((op) => (
                <tr key={op.operation}>
                  <th scope="row" className="mono">
                    {op.operation}
                  </th>
                  <td>{f.count(op.requests)}</td>
                  <td>{f.count(op.clientErrors)}</td>
                  <td>{f.count(op.serverErrors)}</td>
                  <td>{f.share(op.errorRate)}</td>
                  <td>{f.ms(op.latencyMs.p50)}</td>
                  <td>{f.ms(op.latencyMs.p95)}</td>
                  <td>{f.ms(op.latencyMs.p99)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DailyTable({ daily }: { daily: MetricsReport['daily'] }) {
  const { t } = useTranslation('operatorMetrics');
  const f = useFigureFormat();
  return (
    <section className="metrics-section" aria-labelledby="metrics-daily">
      <h2 id="metrics-daily">{t('daily.title')}</h2>
      <div className="table-scroll">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('daily.day')}</th>
              <th scope="col">{t('daily.requests')}</th>
              <th scope="col">{t('daily.errorRate')}</th>
              <th scope="col">{t('daily.characters')}</th>
              <th scope="col">{t('daily.cache')}</th>
              <th scope="col">{t('daily.jobs')}</th>
              <th scope="col">{t('daily.activeUsers')}</th>
            </tr>
          </thead>
          <tbody>
            {[...daily].reverse().map((day) => (
              <tr key={day.day}>
                <th scope="row">{f.day(day.day)}</th>
                <td>{f.count(day.httpRequests)}</td>
                <td>{f.share(day.errorRate)}</td>
                <td>{f.count(day.billableCharacters)}</td>
                <td>{f.share(day.cacheHitRatio)}</td>
                <td>
                  {f.count(day.jobsSucceeded)} / {f.count(day.jobsFailed)}
                </td>
                <td>{f.count(day.activeUsers)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function TenantsTable({ days, onPick }: { days: number; onPick: (tenantId: string) => void }) {
  const { t } = useTranslation('operatorMetrics');
  const errorText = useErrorText();
  const f = useFigureFormat();
  const pages = useTenantMetrics(days, true);
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section className="metrics-section" aria-labelledby="metrics-tenants">
      <h2 id="metrics-tenants">{t('tenants.title')}</h2>
      {days > TENANT_TABLE_MAX_DAYS && <p className="small muted">{t('tenants.windowNote')}</p>}
      {pages.isPending ? (
        <Loading />
      ) : pages.isError ? (
        <Alert tone="error">{errorText(pages.error)}</Alert>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('tenants.name')}</th>
                <th scope="col">{t('tenants.requests')}</th>
                <th scope="col">{t('tenants.errorRate')}</th>
                <th scope="col">{t('tenants.characters')}</th>
                <th scope="col">{t('tenants.cache')}</th>
                <th scope="col">{t('tenants.tokens')}</th>
                <th scope="col">{t('tenants.jobsFailed')}</th>
                <th scope="col">{t('tenants.activeUsers')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.tenantId}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-label={t('tenants.show', { name: row.name })}
                      onClick={() => onPick(row.tenantId)}
                    >
                      {row.name}
                    </button>
                    <div className="small muted mono">{row.tenantId}</div>
                  </th>
                  <td>{f.count(row.summary.httpRequests)}</td>
                  <td>{f.share(row.summary.errorRate)}</td>
                  <td>{f.count(row.summary.billableCharacters)}</td>
                  <td>{f.share(row.summary.cacheHitRatio)}</td>
                  <td>{f.count(row.summary.llmTokens)}</td>
                  <td>{f.count(row.summary.jobsFailed)}</td>
                  <td>{f.count(row.summary.activeUsers)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasNextPage && (
        <button type="button" className="button" onClick={() => void pages.fetchNextPage()}>
          {t('tenants.more')}
        </button>
      )}
    </section>
  );
}
