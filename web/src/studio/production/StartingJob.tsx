import { useTranslation } from 'react-i18next';
import type { ProductionRequest } from '../../api/production';
import { Badge } from '../../ui/Badge';
import { useFormat } from '../../ui/format';
import { ProgressBar } from '../../ui/ProgressBar';

/**
 * The job card of a production whose start was asked for and not yet answered: the server checks the plan, the voices
 * and the quota before it answers, which takes seconds on a whole book, and a page that showed nothing meanwhile read
 * as a click that did nothing. A refused start takes the card away again and the form says why.
 */
export function StartingJob({ request }: { request: ProductionRequest }) {
  const { t } = useTranslation(['production', 'estimate']);
  const format = useFormat();
  const platforms = format.list(request.platforms.map((platform) => t(`estimate:platformNames.${platform}`)));
  const scope = request.chapterIds
    ? t('job.startingScope.selection', { count: request.chapterIds.length })
    : request.approvedOnly
      ? t('job.startingScope.approved')
      : t('job.startingScope.all');
  return (
    <section className="card job-view" aria-labelledby="job-view-title" aria-busy="true">
      <div className="job-view__head">
        <h3 id="job-view-title" className="card__title">
          {t('kinds.produce')}
        </h3>
        <Badge tone="info">{t('job.starting')}</Badge>
      </div>
      <ProgressBar label={t('job.progress')} value={null} detail={t('job.startingDetail')} />
      <p className="small muted">
        {t('job.startingFor', { platforms })} · {scope}
      </p>
    </section>
  );
}
