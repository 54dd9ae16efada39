import { describe, expect, it } from 'vitest';
import { daysOf, periodDates } from './periods';

const now = new Date('2025-03-10T15:00:00Z');

describe('cost report periods', () => {
  it('reads this month up to today, last month whole, and the last 90 days', () => {
    expect(periodDates('thisMonth', now)).toEqual({ from: '2025-03-01', to: '2025-03-10' });
    expect(periodDates('lastMonth', now)).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodDates('last90Days', now)).toEqual({ from: '2024-12-11', to: '2025-03-10' });
    expect(daysOf(periodDates('last90Days', now))).toHaveLength(90);
  });

  it('crosses a year boundary for last month in January', () => {
    expect(periodDates('lastMonth', new Date('2025-01-05T00:00:00Z'))).toEqual({
      from: '2024-12-01',
      to: '2024-12-31',
    });
  });

  it('lists every day of a period, inclusive', () => {
    expect(daysOf({ from: '2024-02-27', to: '2024-03-01' })).toEqual([
      '2024-02-27',
      '2024-02-28',
      '2024-02-29',
      '2024-03-01',
    ]);
    expect(daysOf({ from: '2024-03-02', to: '2024-03-01' })).toEqual([]);
  });
});
