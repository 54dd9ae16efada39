import { type CostKind, costKinds, round } from './priceTable';
import type { CostRecord } from './costEntry';

export const costGroupings = ['project', 'user', 'day', 'kind'] as const;
export type CostGrouping = (typeof costGroupings)[number];

export type KindTotals = Record<CostKind, { quantity: number; amountUsd: number }>;

export interface CostGroup {
  key: string;
  amountUsd: number;
  byKind: KindTotals;
}

export interface CostReport {
  groupBy: CostGrouping;
  from: string;
  to: string;
  currency: 'USD';
  totalUsd: number;
  byKind: KindTotals;
  groups: CostGroup[];
}

function emptyKinds(): KindTotals {
  return Object.fromEntries(costKinds.map((kind) => [kind, { quantity: 0, amountUsd: 0 }])) as KindTotals;
}

function keyOf(record: CostRecord, groupBy: CostGrouping): string {
  switch (groupBy) {
    case 'project':
      return record.projectId;
    case 'user':
      return record.userId;
    case 'day':
      return record.day;
    case 'kind':
      return record.kind;
  }
}

function add(totals: KindTotals, record: CostRecord): void {
  totals[record.kind].quantity += record.quantity;
  totals[record.kind].amountUsd += record.amountUsd;
}

function rounded(totals: KindTotals): KindTotals {
  for (const kind of costKinds) totals[kind].amountUsd = round(totals[kind].amountUsd, 6);
  return totals;
}

/** Folds cost records into one report; amounts are rounded once, at the end, to a micro-dollar. */
export class CostAccumulator {
  private readonly groups = new Map<string, KindTotals>();
  private readonly total = emptyKinds();

  constructor(
    private readonly groupBy: CostGrouping,
    private readonly from: string,
    private readonly to: string,
  ) {}

  add(record: CostRecord): void {
    if (record.day < this.from || record.day > this.to) return;
    const key = keyOf(record, this.groupBy);
    let totals = this.groups.get(key);
    if (!totals) this.groups.set(key, (totals = emptyKinds()));
    add(totals, record);
    add(this.total, record);
  }

  report(): CostReport {
    const amount = (totals: KindTotals) =>
      round(
        costKinds.reduce((sum, kind) => sum + totals[kind].amountUsd, 0),
        6,
      );
    const groups = [...this.groups.entries()].map(([key, totals]) => ({
      key,
      amountUsd: amount(totals),
      byKind: rounded(totals),
    }));
    // Days read best in time order; everything else by who spent most.
    groups.sort((a, b) =>
      this.groupBy === 'day' ? a.key.localeCompare(b.key) : b.amountUsd - a.amountUsd || a.key.localeCompare(b.key),
    );
    return {
      groupBy: this.groupBy,
      from: this.from,
      to: this.to,
      currency: 'USD',
      totalUsd: amount(this.total),
      byKind: rounded(this.total),
      groups,
    };
  }
}

/** Every UTC day from `from` to `to` inclusive (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  const end = Date.parse(`${to}T00:00:00Z`);
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= end; t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}
