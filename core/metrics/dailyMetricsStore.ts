/**
 * Per-tenant, per-day metric documents (and the platform's, under PLATFORM_SCOPE). A flush merges its delta into the
 * day's document atomically: created create-only when the day is new, otherwise replaced only if its ETag still
 * matches (a lost race re-reads and merges again). Each delta carries a flush id the document remembers, so a flush
 * retried after an answer that never arrived is not counted twice. Reads are one partition and at most
 * MAX_WINDOW_DAYS documents.
 */
import { ConflictError, PreconditionFailedError } from '../errors';
import { readAll, type Filter, type StoredDocument, type TenantCollection } from '../ports/documents';
import type { Clock } from '../ports/system';
import { emptyTotals, mergeTotals, type MetricsTotals } from './dailyMetrics';
import type { MetricsDelta } from './metricsBuffer';

export interface DailyMetricsRecord extends StoredDocument {
  type: 'metrics-day';
  /** The day (YYYY-MM-DD); unique within its scope's partition. */
  id: string;
  /** A tenant id, or PLATFORM_SCOPE. */
  tenantId: string;
  day: string;
  totals: MetricsTotals;
  /** One-way keys of the day's active users (tenant scopes), up to MAX_ACTIVE_USER_KEYS. */
  activeUserKeys: string[];
  /** The last flushes merged in, so a retried flush is recognised. */
  appliedFlushes: string[];
  updatedAt: string;
  /** Seconds until Cosmos expires the document. */
  ttl: number;
}

export const MAX_WINDOW_DAYS = 92;
/** Past this many distinct users in one tenant's day the count stops growing (the document stays small). */
export const MAX_ACTIVE_USER_KEYS = 10_000;
const REMEMBERED_FLUSHES = 100;
/** Writers racing for one day (every instance flushes the platform's) back off at random before merging again. */
const MAX_ATTEMPTS = 30;
const BACKOFF_STEP_MS = 15;
export const METRICS_RETENTION_DAYS = 400;

export interface FlushDelta extends MetricsDelta {
  flushId: string;
}

export interface DailyMetricsStoreDeps {
  documents: TenantCollection<DailyMetricsRecord>;
  clock: Clock;
  /** Waits between attempts after a lost race; injected so tests and benches can choose. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class DailyMetricsStore {
  constructor(private readonly deps: DailyMetricsStoreDeps) {}

  /** Merges a delta into its day; answers how many of its active users the day had not seen yet. */
  async apply(delta: FlushDelta): Promise<{ newActiveUsers: number }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.documents.get(delta.scope, delta.day);
      try {
        if (!current) {
          const created = merged(this.blank(delta), delta);
          await this.deps.documents.create(created.record);
          return { newActiveUsers: created.newActiveUsers };
        }
        if (current.appliedFlushes.includes(delta.flushId)) return { newActiveUsers: 0 };
        const next = merged(current, delta);
        await this.deps.documents.replace({ ...next.record, updatedAt: this.now() }, current.etag!);
        return { newActiveUsers: next.newActiveUsers };
      } catch (error) {
        const lostRace = error instanceof ConflictError || error instanceof PreconditionFailedError;
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
        const jitter = (this.deps.random ?? Math.random)() * BACKOFF_STEP_MS * Math.min(attempt, 8);
        await (this.deps.sleep ?? realSleep)(jitter);
      }
    }
  }

  /** The stored days of one scope among `days` (missing days measured nothing), oldest first. */
  async read(scope: string, days: readonly string[]): Promise<DailyMetricsRecord[]> {
    if (days.length === 0) return [];
    if (days.length > MAX_WINDOW_DAYS) throw new RangeError(`at most ${MAX_WINDOW_DAYS} days at once`);
    const records: DailyMetricsRecord[] = [];
    const filter: Filter = {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'metrics-day' },
        { field: 'day', op: 'in', values: [...days] },
      ],
    };
    for await (const record of readAll((page) => this.deps.documents.list(scope, { filter, page }), MAX_WINDOW_DAYS)) {
      records.push(record);
      // One document per day: once every day is in, no further page can add one.
      if (records.length >= days.length) break;
    }
    return records.sort((a, b) => a.day.localeCompare(b.day));
  }

  private blank(delta: FlushDelta): DailyMetricsRecord {
    return {
      type: 'metrics-day',
      id: delta.day,
      tenantId: delta.scope,
      day: delta.day,
      totals: emptyTotals(),
      activeUserKeys: [],
      appliedFlushes: [],
      updatedAt: this.now(),
      ttl: METRICS_RETENTION_DAYS * 86_400,
    };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

function merged(record: DailyMetricsRecord, delta: FlushDelta): { record: DailyMetricsRecord; newActiveUsers: number } {
  const known = new Set(record.activeUserKeys);
  const room = Math.max(0, MAX_ACTIVE_USER_KEYS - known.size);
  const added = [...new Set(delta.activeUserKeys)].filter((key) => !known.has(key)).slice(0, room);
  const totals = mergeTotals(record.totals, delta.totals);
  totals.activeUsers += added.length;
  return {
    record: {
      ...record,
      totals,
      activeUserKeys: [...record.activeUserKeys, ...added],
      appliedFlushes: [...record.appliedFlushes, delta.flushId].slice(-REMEMBERED_FLUSHES),
    },
    newActiveUsers: added.length,
  };
}
