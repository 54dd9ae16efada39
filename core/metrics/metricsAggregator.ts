/**
 * Keeps the stored daily aggregates: measurements are summed in memory (recording is synchronous and cheap) and
 * flushed as one delta per tenant and day. A delta whose write fails is kept, with its flush id, and sent again on
 * the next flush; the store recognises one it already merged. What a process had not flushed when it died is lost:
 * the stored figures are a floor, within one flush interval of the truth (docs/operations.md).
 */
import type { MetricsRecorder, Measurement } from '../ports/metrics';
import type { Clock, IdGenerator, Logger } from '../ports/system';
import { emptyTotals } from './dailyMetrics';
import type { DailyMetricsStore, FlushDelta } from './dailyMetricsStore';
import { MetricsBuffer, PLATFORM_SCOPE } from './metricsBuffer';

/** Deltas kept for another try at most; past it the oldest are dropped (and said so in the log). */
const MAX_PENDING = 500;
/** Writes in flight at once during a flush. */
const FLUSH_CONCURRENCY = 4;

export interface MetricsAggregatorDeps {
  store: DailyMetricsStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
  /** Told how many users a tenant's day gained (the count is exact across processes: the store decides). */
  onNewActiveUsers?: (tenantId: string, count: number) => void;
}

export class MetricsAggregator implements MetricsRecorder {
  private readonly buffer: MetricsBuffer;
  private pending: FlushDelta[] = [];
  private chain: Promise<void> = Promise.resolve();

  constructor(private readonly deps: MetricsAggregatorDeps) {
    this.buffer = new MetricsBuffer(deps.clock);
  }

  record(measurement: Measurement): void {
    this.buffer.add(measurement);
  }

  /** Whether anything waits to be written. */
  get hasUnflushed(): boolean {
    return !this.buffer.isEmpty || this.pending.length > 0;
  }

  /** Writes everything recorded before the call; flushes run one after another. Never rejects. */
  flush(): Promise<void> {
    this.chain = this.chain
      .then(() => this.flushOnce())
      .catch((error: unknown) => {
        this.deps.logger.warn('metrics flush failed', { error: String(error) });
      });
    return this.chain;
  }

  private async flushOnce(): Promise<void> {
    const fresh = this.buffer.drain().map((delta) => ({ ...delta, flushId: this.deps.ids.newId('mflush') }));
    const work = [...this.pending, ...fresh];
    this.pending = [];
    if (work.length === 0) return;
    const failed: FlushDelta[] = [];
    const newUsersByDay = new Map<string, number>();
    await inBatches(
      work.filter((delta) => delta.scope !== PLATFORM_SCOPE),
      async (delta) => {
        try {
          const { newActiveUsers } = await this.deps.store.apply(delta);
          if (newActiveUsers === 0) return;
          newUsersByDay.set(delta.day, (newUsersByDay.get(delta.day) ?? 0) + newActiveUsers);
          this.deps.onNewActiveUsers?.(delta.scope, newActiveUsers);
        } catch (error) {
          failed.push(delta);
          this.deps.logger.warn('metrics flush failed; kept for the next one', {
            day: delta.day,
            error: String(error),
          });
        }
      },
    );
    const platform = work.filter((delta) => delta.scope === PLATFORM_SCOPE);
    for (const [day, count] of newUsersByDay) {
      // Only a delta never sent may change: one already tried might have been merged under its flush id.
      const unsent = fresh.find((delta) => delta.scope === PLATFORM_SCOPE && delta.day === day);
      if (unsent) unsent.totals.activeUsers += count;
      else {
        const totals = emptyTotals();
        totals.activeUsers = count;
        platform.push({
          scope: PLATFORM_SCOPE,
          day,
          totals,
          activeUserKeys: [],
          flushId: this.deps.ids.newId('mflush'),
        });
      }
    }
    await inBatches(platform, async (delta) => {
      try {
        await this.deps.store.apply(delta);
      } catch (error) {
        failed.push(delta);
        this.deps.logger.warn('metrics flush failed; kept for the next one', { day: delta.day, error: String(error) });
      }
    });
    this.keep(failed);
  }

  private keep(failed: FlushDelta[]): void {
    const all = [...this.pending, ...failed];
    const dropped = all.length - MAX_PENDING;
    if (dropped > 0) this.deps.logger.warn('metrics deltas dropped after repeated flush failures', { dropped });
    this.pending = all.slice(Math.max(0, dropped));
  }
}

async function inBatches<T>(items: T[], run: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += FLUSH_CONCURRENCY) {
    await Promise.all(items.slice(i, i + FLUSH_CONCURRENCY).map(run));
  }
}
