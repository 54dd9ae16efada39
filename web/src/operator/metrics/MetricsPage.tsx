import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MetricsFigures } from '@core/api/metrics';
import { useTenants } from '../../api/operator';
import { Alert } from '../../ui/Alert';
import { useErrorText } from '../../ui/errorText';
import { Loading } from '../../ui/Loading';
import { useFigureFormat } from './figureFormat';
import { usePlatformMetrics, WINDOWS } from './metricsApi';
import { DailyTable, JobsTable, OperationsTable, TenantsTable } from './MetricsTables';
import '../../styles/studio2.css';
import './metrics.css';

/**
 * The operator's platform metrics: headline figures, jobs per kind, API operations and the day-by-day series for
 * the whole platform or one tenant, and (for the whole platform) a table of tenants to pick one from.
 */
export function MetricsPage() {
  const { t } = useTranslation('operatorMetrics');
  const errorText = useErrorText();
  const [days, setDays] = useState<number>(7);
  const [tenantId, setTenantId] = useState<string | null>(null);
  const report = usePlatformMetrics(days, tenantId);
  const tenants = useTenants();
  const windowId = useId();
  const scopeId = useId();
  return (
    <div className="page">
      <p>
        <Link to="/operator">{t('toTenants')}</Link>
      </p>
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <div className="toolbar">
        <div className="field field--inline">
          <label htmlFor={windowId}>{t('window')}</label>
          <select id={windowId} value={days} onChange={(event) => setDays(Number(event.target.value))}>
            {WINDOWS.map((value) => (
              <option key={value} value={value}>
                {t(`windows.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field field--inline">
          <label htmlFor={scopeId}>{t('scope')}</label>
          <select id={scopeId} value={tenantId ?? ''} onChange={(event) => setTenantId(event.target.value || null)}>
            <option value="">{t('allTenants')}</option>
            {(tenants.data ?? []).map((tenant) => (
              <option key={tenant.id} value={tenant.id}>
                {tenant.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <Alert tone="error">{errorText(report.error)}</Alert>
      ) : (
        <>
          <p className="small muted">{t('range', { from: report.data.from, to: report.data.to })}</p>
          <Headline figures={report.data.figures} />
          <JobsTable jobs={report.data.figures.jobs} />
          <OperationsTable operations={report.data.figures.http.operations} />
          <DailyTable daily={report.data.daily} />
        </>
      )}
      {tenantId === null && <TenantsTable days={days} onPick={setTenantId} />}
    </div>
  );
}

function Headline({ figures }: { figures: MetricsFigures }) {
  const { t } = useTranslation('operatorMetrics');
  const f = useFigureFormat();
  const triple = (latency: { p50: number | null; p95: number | null; p99: number | null }) =>
    t('latencyTriple', { p50: f.ms(latency.p50), p95: f.ms(latency.p95), p99: f.ms(latency.p99) });
  const { http, speech, segments, llm, activeUsers, projects } = figures;
  const items: [label: string, value: string, detail?: string, triple?: boolean][] = [
    [t('figures.apiRequests'), f.count(http.requests)],
    [t('figures.errorRate'), f.share(http.errorRate)],
    [t('figures.apiLatency'), triple(http.latencyMs), undefined, true],
    [t('figures.ttsRequests'), f.count(speech.requests)],
    [t('figures.billableCharacters'), f.count(speech.billableCharacters)],
    [t('figures.throttled'), f.count(speech.throttled)],
    [t('figures.synthesisLatency'), triple(speech.latencyMs), undefined, true],
    [
      t('figures.cacheHitRatio'),
      f.share(segments.cacheHitRatio),
      t('figures.cacheDetail', { hits: f.count(segments.cacheHits), synthesized: f.count(segments.synthesized) }),
    ],
    [
      t('figures.llmTokens'),
      f.count(llm.promptTokens + llm.completionTokens),
      t('figures.llmDetail', { calls: f.count(llm.calls), failed: f.count(llm.failed), p95: f.ms(llm.latencyMs.p95) }),
    ],
    [t('figures.activeUsers'), `${f.count(activeUsers.peakDay)} / ${f.decimal(activeUsers.averagePerDay)}`],
    [
      t('figures.completion'),
      f.share(projects.completionRate),
      t('figures.completionDetail', { completed: f.count(projects.completed), created: f.count(projects.created) }),
    ],
  ];
  return (
    <section className="metrics-section" aria-labelledby="metrics-headline">
      <h2 id="metrics-headline">{t('headline')}</h2>
      <dl className="stat-grid">
        {items.map(([label, value, detail, isTriple]) => (
          <div className="stat" key={label}>
            <dt>{label}</dt>
            <dd className={isTriple ? 'metrics-triple' : undefined}>{value}</dd>
            {detail && <dd className="metrics-detail">{detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
