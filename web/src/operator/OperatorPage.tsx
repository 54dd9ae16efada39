import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCancelTenantDeletion, useTenants, useUpdateTenant, type TenantSummary } from '../api/operator';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import '../styles/studio2.css';

const PLANS = ['trial', 'standard', 'enterprise'] as const;

/**
 * The platform operator's page: every tenant, searchable; suspend or reinstate, plan and quotas; an organization its
 * admin closed shows when its data will be deleted, and can be reopened until then.
 */
export function OperatorPage() {
  const { t } = useTranslation('operator');
  const { t: tMetrics } = useTranslation('operatorMetrics');
  const errorText = useErrorText();
  const tenants = useTenants();
  const [query, setQuery] = useState('');
  const shown = (tenants.data ?? []).filter((tenant) =>
    `${tenant.name} ${tenant.id}`.toLowerCase().includes(query.trim().toLowerCase()),
  );
  return (
    <div className="page">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      <p>
        <Link to="/operator/metrics">{tMetrics('toMetrics')}</Link>
      </p>
      <div className="field field--inline">
        <label htmlFor="tenant-search">{t('search')}</label>
        <input id="tenant-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      {tenants.isPending ? (
        <Loading />
      ) : tenants.isError ? (
        <Alert tone="error">{errorText(tenants.error)}</Alert>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('caption', { count: shown.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('plan')}</th>
                <th scope="col">{t('quotas.monthlyCharacters')}</th>
                <th scope="col">{t('quotas.concurrentJobs')}</th>
                <th scope="col">{t('quotas.storageGb')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((tenant) => (
                <TenantRow key={tenant.id} tenant={tenant} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function TenantRow({ tenant }: { tenant: TenantSummary }) {
  const { t } = useTranslation('operator');
  const errorText = useErrorText();
  const format = useFormat();
  const update = useUpdateTenant();
  const cancelDeletion = useCancelTenantDeletion();
  const [monthly, setMonthly] = useState(String(tenant.quotas.monthlyCharacters));
  const [jobs, setJobs] = useState(String(tenant.quotas.concurrentJobs));
  const [storage, setStorage] = useState(String(Math.round(tenant.quotas.storageBytes / 1024 ** 3)));
  const suspended = tenant.status === 'suspended';
  const change = (patch: Parameters<typeof update.mutate>[0]['change']) => update.mutate({ tenant, change: patch });
  return (
    <tr>
      <th scope="row">
        {tenant.name}
        <div className="small muted mono">{tenant.id}</div>
        {update.error && <div className="small">{errorText(update.error)}</div>}
        {cancelDeletion.error && <div className="small">{errorText(cancelDeletion.error)}</div>}
      </th>
      <td>
        <Badge tone={suspended ? 'danger' : 'success'}>{t(`statuses.${tenant.status}`)}</Badge>
        {tenant.deletion && (
          <div className="small">
            <Badge tone="danger">{t('deletion.scheduled')}</Badge>{' '}
            {t('deletion.purgeOn', {
              date: format.dateTime(tenant.deletion.purgeAfter),
              requested: format.date(tenant.deletion.requestedAt),
            })}
          </div>
        )}
      </td>
      <td>
        <select
          aria-label={t('planFor', { name: tenant.name })}
          value={tenant.plan}
          onChange={(event) => change({ plan: event.target.value as (typeof PLANS)[number] })}
        >
          {PLANS.map((plan) => (
            <option key={plan} value={plan}>
              {t(`plans.${plan}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input
          className="input--count"
          inputMode="numeric"
          aria-label={t('quotaFor', { quota: t('quotas.monthlyCharacters'), name: tenant.name })}
          value={monthly}
          onChange={(event) => setMonthly(event.target.value)}
        />
      </td>
      <td>
        <input
          className="input--narrow"
          inputMode="numeric"
          aria-label={t('quotaFor', { quota: t('quotas.concurrentJobs'), name: tenant.name })}
          value={jobs}
          onChange={(event) => setJobs(event.target.value)}
        />
      </td>
      <td>
        <input
          className="input--narrow"
          inputMode="numeric"
          aria-label={t('quotaFor', { quota: t('quotas.storageGb'), name: tenant.name })}
          value={storage}
          onChange={(event) => setStorage(event.target.value)}
        />
        <div className="small muted">{format.bytes(tenant.quotas.storageBytes)}</div>
      </td>
      <td>
        <div className="data-table__actions">
          <button
            type="button"
            className="button button--small"
            disabled={update.isPending}
            onClick={() =>
              change({
                quotas: {
                  monthlyCharacters: Number(monthly),
                  concurrentJobs: Number(jobs),
                  storageBytes: Number(storage) * 1024 ** 3,
                },
              })
            }
            aria-label={t('saveQuotasFor', { name: tenant.name })}
          >
            {t('saveQuotas')}
          </button>
          <button
            type="button"
            className={
              suspended ? 'button button--small button--primary' : 'button button--small button--danger-outline'
            }
            disabled={update.isPending}
            onClick={() => change({ status: suspended ? 'active' : 'suspended' })}
            aria-label={t(suspended ? 'reinstateTenant' : 'suspendTenant', { name: tenant.name })}
          >
            {t(suspended ? 'reinstate' : 'suspend')}
          </button>
          {tenant.deletion && (
            <button
              type="button"
              className="button button--small button--primary"
              disabled={cancelDeletion.isPending}
              onClick={() => cancelDeletion.mutate(tenant)}
              aria-label={t('deletion.cancelFor', { name: tenant.name })}
            >
              {t('deletion.cancel')}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
