import { COST_KINDS, type CostKind, type CostPeriod } from '../api/costs';
import type { CostReport } from '../api/production';
import type { SpendRow } from './SpendChart';
import { daysOf } from './periods';

type Group = CostReport['groups'][number];

function amounts(group: Pick<Group, 'byKind'> | undefined): Record<CostKind, number> {
  return Object.fromEntries(COST_KINDS.map((kind) => [kind, group?.byKind[kind].amountUsd ?? 0])) as Record<
    CostKind,
    number
  >;
}

/** A report's groups as chart rows, largest spend first, named by `label`. */
export function rankedRows(report: CostReport, label: (key: string) => string): SpendRow[] {
  return [...report.groups]
    .sort((a, b) => b.amountUsd - a.amountUsd || a.key.localeCompare(b.key))
    .map((group) => ({ key: group.key, label: label(group.key), total: group.amountUsd, byKind: amounts(group) }));
}

/** One row per day of the period, in order, including days nothing was spent. */
export function dayRows(report: CostReport, period: CostPeriod, label: (day: string) => string): SpendRow[] {
  const byDay = new Map(report.groups.map((group) => [group.key, group]));
  return daysOf(period).map((day) => {
    const group = byDay.get(day);
    return { key: day, label: label(day), total: group?.amountUsd ?? 0, byKind: amounts(group) };
  });
}
