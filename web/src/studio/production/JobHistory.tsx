import { useTranslation } from 'react-i18next';
import type { Job } from '../../api/types';
import { Badge } from '../../ui/Badge';
import { useFormat } from '../../ui/format';
import { EstimateChart, estimatedUsd } from './EstimateChart';
import { STATUS_TONE } from './JobView';
import { CardsTable } from '../../ui/CardsTable';

/** Every job of the project, newest first, and for productions what was estimated against what they cost. */
export function JobHistory({ jobs }: { jobs: Job[] }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  return (
    <section className="card" aria-labelledby="job-history">
      <h3 id="job-history" className="card__title">
        {t('history.title')}
      </h3>
      {jobs.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <CardsTable>
          <thead>
            <tr>
              <th scope="col">{t('history.kind')}</th>
              <th scope="col">{t('history.status')}</th>
              <th scope="col">{t('history.started')}</th>
              <th scope="col">{t('history.duration')}</th>
              <th scope="col">{t('history.estimate')}</th>
              <th scope="col">{t('history.actual')}</th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => {
              const estimate = estimatedUsd(job);
              const ended =
                job.finishedAt && job.startedAt
                  ? (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000
                  : null;
              return (
                <tr key={job.id}>
                  <th scope="row">{t(`historyKinds.${job.kind}`)}</th>
                  <td data-label={t('history.status')}>
                    <Badge tone={STATUS_TONE[job.status]}>{t(`status.${job.status}`)}</Badge>
                  </td>
                  <td data-label={t('history.started')}>{format.dateTime(job.createdAt)}</td>
                  <td data-label={t('history.duration')}>{ended === null ? '—' : format.duration(ended)}</td>
                  <td data-label={t('history.estimate')}>{estimate === null ? '—' : format.usd(estimate)}</td>
                  <td data-label={t('history.actual')}>{format.usd(job.progress.costSoFarUsd)}</td>
                </tr>
              );
            })}
          </tbody>
        </CardsTable>
      )}
      <EstimateChart jobs={jobs} caption={t('history.chartCaption')} />
    </section>
  );
}
