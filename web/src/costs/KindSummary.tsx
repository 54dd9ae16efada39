import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { COST_KINDS, type CostKind } from '../api/costs';
import type { CostReport } from '../api/production';
import { useFormat } from '../ui/format';
import { KIND_COLORS } from './kindColors';
import { useMoney } from './money';

/** The period's total and what each kind of spend cost, with how much of it was used (characters, tokens…). */
export function KindSummary({ report, days }: { report: CostReport; days: number }) {
  const { t } = useTranslation('costs');
  const money = useMoney();
  const quantity = useQuantity();
  const data = COST_KINDS.map((kind) => ({ kind, name: t(`kinds.${kind}`), amount: report.byKind[kind].amountUsd }));
  return (
    <section className="card cost-chart" aria-labelledby="costs-by-kind">
      <h2 id="costs-by-kind" className="card__title">
        {t('charts.byKind')}
      </h2>
      <dl className="stat-grid">
        <div className="stat">
          <dt>{t('summary.total')}</dt>
          <dd data-testid="costs-total">{money.amount(report.totalUsd)}</dd>
        </div>
        {COST_KINDS.map((kind) => (
          <div key={kind} className="stat">
            <dt>
              <span className={`kind-swatch kind-swatch--${kind}`} aria-hidden="true" />
              {t(`kinds.${kind}`)}
            </dt>
            <dd>{money.amount(report.byKind[kind].amountUsd)}</dd>
            <dd className="stat__note small muted">{quantity(kind, report.byKind[kind].quantity, days)}</dd>
          </div>
        ))}
      </dl>
      {report.totalUsd > 0 && (
        <div className="cost-chart__plot" aria-hidden="true">
          <ResponsiveContainer width="100%" height={180}>
            {/* The figures above say the same: the picture is hidden from assistive technology and not focusable. */}
            <BarChart
              data={data}
              layout="vertical"
              margin={{ top: 8, right: 16, bottom: 8, left: 8 }}
              accessibilityLayer={false}
            >
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis type="number" tickFormatter={money.axis} />
              <YAxis type="category" dataKey="name" width={140} />
              <Tooltip formatter={(value) => money.amount(Number(value))} />
              <Bar isAnimationActive={false} dataKey="amount" name={t('charts.amount')}>
                {data.map((entry) => (
                  <Cell key={entry.kind} fill={KIND_COLORS[entry.kind]} />
                ))}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </section>
  );
}

/**
 * A kind's metered quantity in words: characters, tokens, processing time, and for storage (metered in byte-days,
 * one snapshot a day) what was stored on an average day of the period.
 */
function useQuantity() {
  const { t } = useTranslation('costs');
  const format = useFormat();
  return (kind: CostKind, quantity: number, days: number): string => {
    switch (kind) {
      case 'tts_characters':
      case 'llm_tokens':
        return t(`quantities.${kind}`, { count: quantity, formatted: format.number(quantity) });
      case 'compute_seconds':
        return t('quantities.compute_seconds', { duration: format.duration(quantity) });
      case 'storage_bytes':
        return t('quantities.storage_bytes', { size: format.bytes(days > 0 ? quantity / days : 0) });
    }
  };
}
