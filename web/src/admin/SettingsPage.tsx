import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRenameTenant } from '../api/admin';
import { ApiError } from '../api/client';
import { useCurrentTenant, type Tenant } from '../api/production';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import { TextField } from '../ui/TextField';

/**
 * The organization as the API exposes it. Its name is the admin's to change; plan, quotas and status are the
 * platform operator's, shown here read-only with whom to ask.
 */
export function SettingsPage() {
  const errorText = useErrorText();
  const tenant = useCurrentTenant();
  if (tenant.isPending) return <Loading />;
  if (tenant.isError) return <Alert tone="error">{errorText(tenant.error)}</Alert>;
  return <TenantSettings tenant={tenant.data} />;
}

function TenantSettings({ tenant }: { tenant: Tenant }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const format = useFormat();
  const rename = useRenameTenant();
  const [name, setName] = useState(tenant.name);
  const tooShort = name.trim().length < 2;
  const stale = rename.error instanceof ApiError && rename.error.code === 'precondition_failed';
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort || name.trim() === tenant.name) return;
    rename.mutate({ tenant, name: name.trim() });
  };
  return (
    <section className="card admin-section" aria-labelledby="settings-title">
      <h2 id="settings-title" className="card__title">
        {t('settings.title')}
      </h2>
      <form className="admin-form admin-form--inline" onSubmit={submit} noValidate>
        <TextField
          id="tenant-name"
          label={t('settings.name')}
          value={name}
          onChange={setName}
          required
          maxLength={120}
          error={tooShort ? t('settings.nameTooShort') : undefined}
        />
        <div className="admin-form__actions">
          <button type="submit" className="button button--primary" disabled={rename.isPending || tooShort}>
            {t('settings.save')}
          </button>
        </div>
      </form>
      {rename.isSuccess && <Alert tone="success">{t('settings.saved')}</Alert>}
      {rename.isError && <Alert tone="error">{stale ? t('settings.conflict') : errorText(rename.error)}</Alert>}
      <dl className="stat-grid settings__facts">
        <div className="stat">
          <dt>{t('settings.plan')}</dt>
          <dd>{t(`settings.plans.${tenant.plan}`)}</dd>
        </div>
        <div className="stat">
          <dt>{t('settings.status')}</dt>
          <dd>
            <Badge tone={tenant.status === 'active' ? 'success' : 'danger'}>
              {t(`settings.statuses.${tenant.status}`)}
            </Badge>
          </dd>
        </div>
        <div className="stat">
          <dt>{t('settings.created')}</dt>
          <dd>{format.date(tenant.createdAt)}</dd>
        </div>
      </dl>
      <h3>{t('settings.quotas')}</h3>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('settings.monthlyCharacters')}</dt>
          <dd>{format.number(tenant.quotas.monthlyCharacters)}</dd>
        </div>
        <div className="stat">
          <dt>{t('settings.concurrentJobs')}</dt>
          <dd>{format.number(tenant.quotas.concurrentJobs)}</dd>
        </div>
        <div className="stat">
          <dt>{t('settings.storage')}</dt>
          <dd>{format.bytes(tenant.quotas.storageBytes)}</dd>
        </div>
      </dl>
      <p className="small muted">{t('settings.operatorNote')}</p>
    </section>
  );
}
