import type { CostPeriod } from '../api/costs';

export const PERIODS = ['thisMonth', 'lastMonth', 'last90Days'] as const;
export type PeriodId = (typeof PERIODS)[number];

const day = (date: Date) => date.toISOString().slice(0, 10);
const utc = (year: number, month: number, date: number) => new Date(Date.UTC(year, month, date));

/** The report's days (UTC, as the API counts them) for a named period, ending today at the latest. */
export function periodDates(period: PeriodId, now = new Date()): CostPeriod {
  const year = now.getUTCFullYear();
  const month = now.getUTCMonth();
  switch (period) {
    case 'thisMonth':
      return { from: day(utc(year, month, 1)), to: day(now) };
    case 'lastMonth':
      return { from: day(utc(year, month - 1, 1)), to: day(utc(year, month, 0)) };
    case 'last90Days':
      return { from: day(utc(year, month, now.getUTCDate() - 89)), to: day(now) };
  }
}

/** Every day from `from` to `to`, inclusive, so a chart shows the days nothing was spent too. */
export function daysOf({ from, to }: CostPeriod): string[] {
  const days: string[] = [];
  for (let date = new Date(`${from}T00:00:00Z`); day(date) <= to; date.setUTCDate(date.getUTCDate() + 1)) {
    days.push(day(date));
  }
  return days;
}
