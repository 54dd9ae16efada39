import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Job } from '../../api/types';
import { useFormat } from '../../ui/format';

/** What a production was estimated to cost when it started (kept on the job), or null for other jobs. */
export const estimatedUsd = (job: Job) => (typeof job.input.estimatedUsd === 'number' ? job.input.estimatedUsd : null);

/** Productions that kept their estimate, oldest first, for the estimate-against-actual chart. */
export function estimatedProductions(jobs: Job[]): Job[] {
  return jobs.filter((job) => job.kind === 'produce' && estimatedUsd(job) !== null).reverse();
}

/** Each production's estimate beside what it cost, as bars (with the same numbers in the job table). */
export function EstimateChart({ jobs, caption }: { jobs: Job[]; caption?: string }) {
  const { t } = useTranslation('production');
  const format = useFormat();
  const chart = estimatedProductions(jobs).map((job) => ({
    name: format.dateTime(job.createdAt),
    estimate: estimatedUsd(job) ?? 0,
    actual: job.progress.costSoFarUsd,
  }));
  // Bars of nothing against nothing (an offline book costs nothing to synthesize) say less than the table does.
  if (chart.every((row) => row.estimate === 0 && row.actual === 0)) return null;
  return (
    <figure className="chart">
      {caption && <figcaption>{caption}</figcaption>}
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={chart} accessibilityLayer>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis tickFormatter={(value: number) => format.usd(value)} width={80} />
          <Tooltip formatter={(value) => format.usd(Number(value))} />
          <Legend />
          <Bar isAnimationActive={false} dataKey="estimate" name={t('history.estimate')} fill="#8a94a6" />
          <Bar isAnimationActive={false} dataKey="actual" name={t('history.actual')} fill="#2f6fdf" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
