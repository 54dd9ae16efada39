import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useWebhookAction, useWebhooks, type Webhook } from '../api/admin';
import { Alert } from '../ui/Alert';
import { Badge } from '../ui/Badge';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';
import { useToast } from '../ui/Toasts';
import { DeliveryLog } from './DeliveryLog';
import { NewWebhook } from './NewWebhook';
import { SecretDialog } from './SecretDialog';

type Confirm = { webhook: Webhook; action: 'rotate' | 'delete' } | null;

/** The organization's webhooks: add one (its secret shown once), test, rotate, pause, delete, read deliveries. */
export function WebhooksPage() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const format = useFormat();
  const toast = useToast();
  const webhooks = useWebhooks();
  const act = useWebhookAction();
  const [secret, setSecret] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [shown, setShown] = useState<string | null>(null);
  const list = webhooks.data ?? [];
  const logFor = list.find((webhook) => webhook.id === shown) ?? list[0];

  const run = (webhook: Webhook, action: 'rotate' | 'test' | 'toggle' | 'delete') =>
    act.mutate(
      { webhook, action },
      {
        onSuccess: (done) => {
          if (done.action === 'rotate' && done.result) setSecret(done.result.secret);
          if (done.action === 'test') {
            setShown(webhook.id);
            toast.show(t('webhooks.testSent'));
          }
        },
        onSettled: () => setConfirm(null),
      },
    );

  return (
    <>
      <section className="card admin-section" aria-labelledby="webhooks-title">
        <h2 id="webhooks-title" className="card__title">
          {t('webhooks.title')}
        </h2>
        <p className="muted">{t('webhooks.intro')}</p>
        {webhooks.isPending ? (
          <Loading />
        ) : webhooks.isError ? (
          <Alert tone="error">{errorText(webhooks.error)}</Alert>
        ) : list.length === 0 ? (
          <p className="muted">{t('webhooks.none')}</p>
        ) : (
          <ul className="plain-list webhook-list">
            {list.map((webhook) => (
              <li key={webhook.id} className="webhook">
                <div className="webhook__head">
                  <p className="webhook__url mono">{webhook.url}</p>
                  <Badge tone={webhook.active ? 'success' : 'neutral'}>
                    {webhook.active ? t('webhooks.active') : t('webhooks.paused')}
                  </Badge>
                </div>
                {webhook.description && <p className="webhook__description">{webhook.description}</p>}
                <p className="small muted">
                  {webhook.eventTypes.map((type) => t(`webhooks.eventNames.${type}`)).join(' · ')}
                </p>
                <p className="small muted">
                  {t('webhooks.created', { when: format.dateTime(webhook.createdAt) })}
                  {webhook.secretRotatedAt &&
                    ` · ${t('webhooks.rotated', { when: format.dateTime(webhook.secretRotatedAt) })}`}
                </p>
                <div className="button-row button-row--compact">
                  <button
                    type="button"
                    className="button button--small button--primary"
                    disabled={act.isPending}
                    aria-label={t('webhooks.actions.testLabel', { url: webhook.url })}
                    onClick={() => run(webhook, 'test')}
                  >
                    {t('webhooks.actions.test')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    aria-label={t('webhooks.actions.deliveriesLabel', { url: webhook.url })}
                    aria-pressed={logFor?.id === webhook.id}
                    onClick={() => setShown(webhook.id)}
                  >
                    {t('webhooks.actions.deliveries')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={act.isPending}
                    aria-label={t('webhooks.actions.rotateLabel', { url: webhook.url })}
                    onClick={() => setConfirm({ webhook, action: 'rotate' })}
                  >
                    {t('webhooks.actions.rotate')}
                  </button>
                  <button
                    type="button"
                    className="button button--small"
                    disabled={act.isPending}
                    aria-label={t(webhook.active ? 'webhooks.actions.pauseLabel' : 'webhooks.actions.resumeLabel', {
                      url: webhook.url,
                    })}
                    onClick={() => run(webhook, 'toggle')}
                  >
                    {t(webhook.active ? 'webhooks.actions.pause' : 'webhooks.actions.resume')}
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger-outline"
                    disabled={act.isPending}
                    aria-label={t('webhooks.actions.deleteLabel', { url: webhook.url })}
                    onClick={() => setConfirm({ webhook, action: 'delete' })}
                  >
                    {t('webhooks.actions.delete')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        )}
        {act.isError && <Alert tone="error">{errorText(act.error)}</Alert>}
      </section>
      {logFor && <DeliveryLog key={logFor.id} webhook={logFor} />}
      <NewWebhook onSecret={setSecret} />
      <SecretDialog secret={secret} onClose={() => setSecret(null)} />
      <ConfirmDialog
        open={confirm !== null}
        title={confirm?.action === 'delete' ? t('webhooks.confirmDelete') : t('webhooks.confirmRotate')}
        confirmLabel={confirm?.action === 'delete' ? t('webhooks.actions.delete') : t('webhooks.actions.rotate')}
        tone={confirm?.action === 'delete' ? 'danger' : 'primary'}
        busy={act.isPending}
        onConfirm={() => confirm && run(confirm.webhook, confirm.action)}
        onCancel={() => setConfirm(null)}
      >
        <p>
          {confirm?.action === 'delete'
            ? t('webhooks.confirmDeleteBody', { url: confirm.webhook.url })
            : t('webhooks.confirmRotateBody')}
        </p>
      </ConfirmDialog>
    </>
  );
}
