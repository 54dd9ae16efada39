import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Job } from '../../api/types';
import { Badge } from '../../ui/Badge';
import { useFormat } from '../../ui/format';
import { STATUS_TONE } from './JobView';

const estimatedUsd = (job: Job) => (typeof job.input.estimatedUsd === 'number' ? job.input.estimatedUsd : null);

/** Every job of the project, newest first, and for productions what was estimated against what they cost. */
export function JobHistory({ jobs }: { jobs: Job[] }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  const productions = jobs.filter((job) => job.kind === 'produce' && estimatedUsd(job) !== null).reverse();
  const chart = productions.map((job) => ({
    name: format.dateTime(job.createdAt),
    estimate: estimatedUsd(job) ?? 0,
    actual: job.progress.costSoFarUsd,
  }));
  return (
    <section className="card" aria-labelledby="job-history">
      <h3 id="job-history" className="card__title">
        {t('history.title')}
      </h3>
      {jobs.length === 0 ? (
        <p className="muted">{t('history.empty')}</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
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
                    <td>
                      <Badge tone={STATUS_TONE[job.status]}>{t(`status.${job.status}`)}</Badge>
                    </td>
                    <td>{format.dateTime(job.createdAt)}</td>
                    <td>{ended === null ? '—' : format.duration(ended)}</td>
                    <td>{estimate === null ? '—' : format.usd(estimate)}</td>
                    <td>{format.usd(job.progress.costSoFarUsd)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {chart.length > 0 && (
        <figure className="chart">
          <figcaption>{t('history.chartCaption')}</figcaption>
          <ResponsiveContainer width="100%" height={220}>
            <BarChart data={chart} accessibilityLayer>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="name" />
              <YAxis tickFormatter={(value: number) => format.usd(value)} width={80} />
              <Tooltip formatter={(value) => format.usd(Number(value))} />
              <Legend />
              <Bar dataKey="estimate" name={t('history.estimate')} fill="#8a94a6" />
              <Bar dataKey="actual" name={t('history.actual')} fill="#2f6fdf" />
            </BarChart>
          </ResponsiveContainer>
        </figure>
      )}
    </section>
  );
}
