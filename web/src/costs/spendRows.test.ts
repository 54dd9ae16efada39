import { describe, expect, it } from 'vitest';
import type { CostReport } from '../api/production';
import { dayRows, rankedRows } from './spendRows';

const kinds = (tts: number, compute = 0) => ({
  tts_characters: { quantity: tts * 1000, amountUsd: tts },
  llm_tokens: { quantity: 0, amountUsd: 0 },
  compute_seconds: { quantity: compute * 100, amountUsd: compute },
  storage_bytes: { quantity: 0, amountUsd: 0 },
});

function report(groupBy: CostReport['groupBy'], groups: [string, number, number][]): CostReport {
  return {
    groupBy,
    from: '2025-03-01',
    to: '2025-03-04',
    currency: 'USD',
    totalUsd: groups.reduce((sum, [, tts, compute]) => sum + tts + compute, 0),
    byKind: kinds(0),
    groups: groups.map(([key, tts, compute]) => ({ key, amountUsd: tts + compute, byKind: kinds(tts, compute) })),
  };
}

describe('rows of the spend charts', () => {
  it('lists projects and people largest spend first, named for people', () => {
    const rows = rankedRows(
      report('project', [
        ['p-small', 1, 0],
        ['p-big', 5, 0.5],
        ['p-mid', 2, 0],
      ]),
      (key) => key.toUpperCase(),
    );
    expect(rows.map((row) => [row.label, row.total])).toEqual([
      ['P-BIG', 5.5],
      ['P-MID', 2],
      ['P-SMALL', 1],
    ]);
    expect(rows[0].byKind).toEqual({ tts_characters: 5, llm_tokens: 0, compute_seconds: 0.5, storage_bytes: 0 });
  });

  it('shows every day of the period, the days without spend at zero', () => {
    const rows = dayRows(report('day', [['2025-03-03', 2, 0]]), { from: '2025-03-01', to: '2025-03-04' }, (day) =>
      day.slice(8),
    );
    expect(rows.map((row) => [row.label, row.total])).toEqual([
      ['01', 0],
      ['02', 0],
      ['03', 2],
      ['04', 0],
    ]);
  });
});
