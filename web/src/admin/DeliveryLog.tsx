import { useTranslation } from 'react-i18next';
import { useDeliveries, type Webhook, type WebhookDelivery } from '../api/admin';
import { Alert } from '../ui/Alert';
import { Badge, type BadgeTone } from '../ui/Badge';
import { useErrorText } from '../ui/errorText';
import { useFormat } from '../ui/format';
import { Loading } from '../ui/Loading';

const STATUS_TONE: Record<WebhookDelivery['status'], BadgeTone> = {
  pending: 'warning',
  succeeded: 'success',
  dead: 'danger',
  cancelled: 'neutral',
};

/** The newest deliveries to one webhook: which event, delivered or not, how many attempts, what the receiver said. */
export function DeliveryLog({ webhook }: { webhook: Webhook }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const format = useFormat();
  const deliveries = useDeliveries(webhook.id);
  const answer = (delivery: WebhookDelivery) => {
    const last = delivery.attempts.at(-1);
    if (!last) return '—';
    if (last.httpStatus !== undefined) return t('webhooks.deliveries.httpStatus', { status: last.httpStatus });
    return last.errorCode ? t(`webhooks.deliveries.errors.${last.errorCode}`) : '—';
  };
  return (
    <section className="card admin-section" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="card__title">
        {t('webhooks.deliveries.title', { url: webhook.url })}
      </h2>
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <Alert tone="error">{errorText(deliveries.error)}</Alert>
      ) : deliveries.data.length === 0 ? (
        <p className="muted">{t('webhooks.deliveries.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table" data-testid="delivery-log">
            <thead>
              <tr>
                <th scope="col">{t('webhooks.deliveries.event')}</th>
                <th scope="col">{t('webhooks.deliveries.status')}</th>
                <th scope="col">{t('webhooks.deliveries.attempts')}</th>
                <th scope="col">{t('webhooks.deliveries.response')}</th>
                <th scope="col">{t('webhooks.deliveries.lastAttempt')}</th>
                <th scope="col">{t('webhooks.deliveries.next')}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((delivery) => {
                const last = delivery.attempts.at(-1);
                return (
                  <tr key={delivery.id}>
                    <th scope="row">
                      {t(`webhooks.eventNames.${delivery.eventType}`, { defaultValue: delivery.eventType })}
                      {delivery.test && <span className="muted small"> ({t('webhooks.deliveries.test')})</span>}
                    </th>
                    <td>
                      <Badge tone={STATUS_TONE[delivery.status]}>
                        {t(`webhooks.deliveries.statuses.${delivery.status}`)}
                      </Badge>
                    </td>
                    <td>{format.number(delivery.attempts.length)}</td>
                    <td>{answer(delivery)}</td>
                    <td>{last ? format.dateTime(last.attemptedAt) : '—'}</td>
                    <td>{delivery.nextAttemptAt ? format.dateTime(delivery.nextAttemptAt) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
