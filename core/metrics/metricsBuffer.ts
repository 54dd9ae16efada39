/**
 * A process's measurements since its last flush, summed per tenant and day (and for the whole platform), so the
 * stored aggregates get one write per tenant and day per flush instead of one per request.
 */
import type { Measurement } from '../ports/metrics';
import type { Clock } from '../ports/system';
import { activeUserKey, addMeasurement, emptyTotals, isEmptyTotals, type MetricsTotals } from './dailyMetrics';

/** The partition holding the whole platform's days; no tenant id can take this form (ids are letters, digits, - and _). */
export const PLATFORM_SCOPE = '*platform';

export interface MetricsDelta {
  /** A tenant id, or PLATFORM_SCOPE. */
  scope: string;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  totals: MetricsTotals;
  /** Keys of users active this day (tenant scopes only); the store counts the ones it had not seen. */
  activeUserKeys: string[];
}

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

interface Entry {
  scope: string;
  day: string;
  totals: MetricsTotals;
  keys: Set<string>;
}

export class MetricsBuffer {
  private entries = new Map<string, Entry>();
  /** Users this process already handed over today, so a busy user does not ride along in every flush. */
  private handedOver = { day: '', users: new Set<string>() };

  constructor(private readonly clock: Clock) {}

  add(measurement: Measurement): void {
    const today = utcDay(this.clock.now());
    if (measurement.name === 'user.active') {
      if (this.handedOver.day !== today) this.handedOver = { day: today, users: new Set() };
      // In memory only, for this process's day: the stored key is the one-way one.
      const seen = `${measurement.tenantId}\u0000${measurement.userId}`;
      if (this.handedOver.users.has(seen)) return;
      this.handedOver.users.add(seen);
      this.entry(measurement.tenantId, today).keys.add(activeUserKey(measurement.tenantId, measurement.userId));
      return;
    }
    // A completion belongs to the day its project was created: completion rates compare like with like.
    const day = measurement.name === 'project.completed' ? measurement.createdDay : today;
    if (measurement.tenantId !== undefined) addMeasurement(this.entry(measurement.tenantId, day).totals, measurement);
    addMeasurement(this.entry(PLATFORM_SCOPE, day).totals, measurement);
  }

  /** Everything measured since the last drain. */
  drain(): MetricsDelta[] {
    const drained = [...this.entries.values()]
      .filter((entry) => entry.keys.size > 0 || !isEmptyTotals(entry.totals))
      .map((entry) => ({ scope: entry.scope, day: entry.day, totals: entry.totals, activeUserKeys: [...entry.keys] }));
    this.entries = new Map();
    return drained;
  }

  get isEmpty(): boolean {
    return this.entries.size === 0;
  }

  private entry(scope: string, day: string): Entry {
    const id = `${scope}\u0000${day}`;
    let entry = this.entries.get(id);
    if (!entry) {
      entry = { scope, day, totals: emptyTotals(), keys: new Set() };
      this.entries.set(id, entry);
    }
    return entry;
  }
}
