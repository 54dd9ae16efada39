import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COST_KINDS, type CostKind } from '../api/costs';
import { KIND_COLORS } from './kindColors';
import { useMoney } from './money';

export interface SpendRow {
  key: string;
  label: string;
  total: number;
  byKind: Record<CostKind, number>;
}

/**
 * Spend per row (a day, a project, a person) stacked by kind, with the same numbers in a table under it for anyone
 * who cannot read the chart. Days run left to right; projects and people are listed top to bottom, so long names
 * fit on a phone.
 */
export function SpendChart({
  id,
  title,
  rowHeader,
  rows,
  orientation,
}: {
  id: string;
  title: string;
  rowHeader: string;
  rows: SpendRow[];
  orientation: 'columns' | 'rows';
}) {
  const { t } = useTranslation('costs');
  const money = useMoney();
  const data = rows.map((row) => ({ label: row.label, ...row.byKind }));
  const height = orientation === 'columns' ? 260 : Math.max(120, rows.length * 36 + 70);
  return (
    <section className="card cost-chart" aria-labelledby={id}>
      <h2 id={id} className="card__title">
        {title}
      </h2>
      <div className="cost-chart__plot">
        <ResponsiveContainer width="100%" height={height}>
          <BarChart
            data={data}
            layout={orientation === 'columns' ? 'horizontal' : 'vertical'}
            margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
            accessibilityLayer
          >
            <CartesianGrid strokeDasharray="3 3" />
            {orientation === 'columns' ? (
              <>
                <XAxis dataKey="label" minTickGap={16} />
                <YAxis tickFormatter={money.axis} width={84} />
              </>
            ) : (
              <>
                <XAxis type="number" tickFormatter={money.axis} />
                <YAxis type="category" dataKey="label" width={140} />
              </>
            )}
            <Tooltip formatter={(value) => money.amount(Number(value))} />
            <Legend />
            {/* Drawn at once, not grown: no motion to sit through, and the figures are there at first glance. */}
            {COST_KINDS.map((kind) => (
              <Bar
                isAnimationActive={false}
                key={kind}
                dataKey={kind}
                stackId="spend"
                name={t(`kinds.${kind}`)}
                fill={KIND_COLORS[kind]}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      </div>
      <details className="cost-chart__numbers">
        <summary>{t('charts.asTable')}</summary>
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{title}</caption>
            <thead>
              <tr>
                <th scope="col">{rowHeader}</th>
                {COST_KINDS.map((kind) => (
                  <th key={kind} scope="col">
                    {t(`kinds.${kind}`)}
                  </th>
                ))}
                <th scope="col">{t('charts.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {COST_KINDS.map((kind) => (
                    <td key={kind}>{money.amount(row.byKind[kind])}</td>
                  ))}
                  <td>{money.amount(row.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
