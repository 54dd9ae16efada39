import { useTranslation } from 'react-i18next';
import type { TenantUsage } from '../api/costs';
import { Alert } from '../ui/Alert';
import { useFormat } from '../ui/format';
import { ProgressBar } from '../ui/ProgressBar';

/** Share of the month's characters after which the page warns that productions may soon be refused. */
const NEAR_LIMIT = 0.8;

const share = (used: number, limit: number) => (limit > 0 ? used / limit : used > 0 ? 1 : 0);

/** This month against the organization's quotas: characters synthesized, productions running, storage. */
export function QuotaCard({ usage }: { usage: TenantUsage }) {
  const { t } = useTranslation('costs');
  const format = useFormat();
  const characters = usage.monthlyCharacters;
  const charactersShare = share(characters.used, characters.limit);
  return (
    <section className="card quota-card" aria-labelledby="quota-title">
      <h2 id="quota-title" className="card__title">
        {t('quota.title')}
      </h2>
      <div className="quota-card__rows">
        <ProgressBar
          label={t('quota.characters')}
          value={charactersShare}
          detail={`${t('quota.characters')}: ${t('quota.charactersValue', {
            used: format.number(characters.used),
            limit: format.number(characters.limit),
          })} (${format.percent(charactersShare)})`}
        />
        <ProgressBar
          label={t('quota.productions')}
          value={share(usage.concurrentJobs.running, usage.concurrentJobs.limit)}
          detail={`${t('quota.productions')}: ${t('quota.productionsValue', {
            running: format.number(usage.concurrentJobs.running),
            limit: format.number(usage.concurrentJobs.limit),
          })}`}
        />
        <ProgressBar
          label={t('quota.storage')}
          value={share(usage.storageBytes.used, usage.storageBytes.limit)}
          detail={`${t('quota.storage')}: ${t('quota.storageValue', {
            used: format.bytes(usage.storageBytes.used),
            limit: format.bytes(usage.storageBytes.limit),
          })}`}
        />
      </div>
      <p className="small muted">{t('quota.resets', { date: format.date(characters.resetsAt) })}</p>
      {/* The storage figure is a stored measurement, not a live count: say when it was taken. */}
      <p className="small muted">
        {t('quota.storageMeasured', { date: format.dateTime(usage.storageBytes.measuredAt) })}
      </p>
      {charactersShare >= 1 ? (
        <Alert tone="warning">{t('quota.overLimit')}</Alert>
      ) : (
        charactersShare >= NEAR_LIMIT && (
          <Alert tone="warning">{t('quota.nearLimit', { percent: format.percent(charactersShare) })}</Alert>
        )
      )}
    </section>
  );
}
