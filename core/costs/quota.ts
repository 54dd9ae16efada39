import { QuotaExceededError } from '../errors';
import type { RunningProduction, TenantQuotas } from '../tenants/tenant';

/** What the work about to start needs; omitted dimensions are not checked. */
export interface QuotaRequest {
  /** Billable characters the job will synthesize (from the estimate). */
  characters?: number;
  /** Jobs of the tenant already running, NOT counting the one being checked. */
  concurrentJobs?: number;
  /** Bytes the tenant will store once the work is done (current usage plus what it adds). */
  storageBytes?: number;
}

export interface QuotaUsage {
  /** Billable TTS characters recorded since the first day of the current UTC month. */
  monthToDateCharacters: number;
  /** First instant of next UTC month (ISO), when the character quota resets. */
  resetsAt: string;
  /**
   * Characters the tenant's live productions hold beyond what they have recorded (so not counted in
   * `monthToDateCharacters`); default 0. See `heldCharacters`.
   */
  reservedCharacters?: number;
}

/** The monthly character quota as one figure set: what is recorded, held by live productions, asked and left. */
export interface CharacterQuotaReport {
  limit: number;
  used: number;
  reserved: number;
  requested: number;
  remaining: number;
  resetsAt: string;
}

export interface QuotaReport {
  monthlyCharacters: CharacterQuotaReport;
  concurrentJobs: { limit: number; running: number };
  storageBytes: { limit: number; requested: number };
}

export function characterQuotaReport(quotas: TenantQuotas, usage: QuotaUsage, requested: number): CharacterQuotaReport {
  const reserved = usage.reservedCharacters ?? 0;
  return {
    limit: quotas.monthlyCharacters,
    used: usage.monthToDateCharacters,
    reserved,
    requested,
    remaining: Math.max(0, quotas.monthlyCharacters - usage.monthToDateCharacters - reserved),
    resetsAt: usage.resetsAt,
  };
}

export function quotaReport(quotas: TenantQuotas, usage: QuotaUsage, request: QuotaRequest): QuotaReport {
  return {
    monthlyCharacters: characterQuotaReport(quotas, usage, request.characters ?? 0),
    concurrentJobs: { limit: quotas.concurrentJobs, running: request.concurrentJobs ?? 0 },
    storageBytes: { limit: quotas.storageBytes, requested: request.storageBytes ?? 0 },
  };
}

function nonNegative(name: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isFinite(value) || value < 0)) {
    throw new RangeError(`${name} must be a non-negative number`);
  }
}

/**
 * Throws `quota_exceeded` (HTTP 429, see functions/http/errors.ts) naming the quota, the limit and what was asked,
 * so the caller refuses the work before anything is spent. Returns the report when everything fits.
 */
export function enforceQuotas(quotas: TenantQuotas, usage: QuotaUsage, request: QuotaRequest): QuotaReport {
  nonNegative('characters', request.characters);
  nonNegative('concurrentJobs', request.concurrentJobs);
  nonNegative('storageBytes', request.storageBytes);
  const report = quotaReport(quotas, usage, request);
  const chars = report.monthlyCharacters;
  if (request.characters !== undefined) assertCharactersFit(chars);
  if (request.concurrentJobs !== undefined && request.concurrentJobs + 1 > quotas.concurrentJobs) {
    throw new QuotaExceededError(
      `Concurrent job quota reached: ${request.concurrentJobs} of ${quotas.concurrentJobs} jobs are running; ` +
        'wait for one to finish',
      { quota: 'concurrentJobs', ...report.concurrentJobs },
    );
  }
  if (request.storageBytes !== undefined && request.storageBytes > quotas.storageBytes) {
    throw new QuotaExceededError(
      `Storage quota exceeded: the work would store ${request.storageBytes} bytes, the limit is ${quotas.storageBytes}`,
      { quota: 'storageBytes', ...report.storageBytes },
    );
  }
  return report;
}

export function monthBounds(now: Date): { month: string; resetsAt: string } {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  return { month: now.toISOString().slice(0, 7), resetsAt: next.toISOString() };
}

/**
 * Throws `quota_exceeded` when `running` productions already use the tenant's concurrent-jobs quota: the same refusal
 * as `enforceQuotas`, for the atomic slot claim (core/jobs/productionSlots.ts), which counts the slots it holds.
 */
export function assertProductionSlotFree(quotas: TenantQuotas, running: number): void {
  nonNegative('running', running);
  if (running + 1 > quotas.concurrentJobs) {
    throw new QuotaExceededError(
      `Concurrent job quota reached: ${running} of ${quotas.concurrentJobs} jobs are running; wait for one to finish`,
      { quota: 'concurrentJobs', limit: quotas.concurrentJobs, running },
    );
  }
}

/** The characters the tenant has recorded this UTC month: in all, and per job that recorded them. */
export interface RecordedCharacters {
  total: number;
  byJob: ReadonlyMap<string, number>;
}

/**
 * The characters live productions hold against the monthly quota beside the recorded ones: of each reservation, what
 * its production has not recorded yet this month. A production is so counted once, as the larger of its reservation
 * and what it has recorded, however far it has got (docs/reliability.md, "Concurrent productions and the monthly
 * characters").
 */
export function heldCharacters(live: readonly RunningProduction[], recordedByJob: ReadonlyMap<string, number>): number {
  return live.reduce(
    (sum, production) =>
      sum + Math.max(0, (production.reservedCharacters ?? 0) - (recordedByJob.get(production.jobId) ?? 0)),
    0,
  );
}

/** Whether the request fits the month: work that synthesizes nothing always does. */
export function charactersFit(chars: CharacterQuotaReport): boolean {
  return chars.requested === 0 || chars.used + chars.reserved + chars.requested <= chars.limit;
}

/**
 * Throws `quota_exceeded` (quota `monthlyCharacters`) when the month's recorded characters, the reservations of the
 * other live productions and this request together pass the limit. Work that synthesizes nothing always fits.
 */
export function assertCharactersFit(chars: CharacterQuotaReport): void {
  nonNegative('requested', chars.requested);
  nonNegative('reserved', chars.reserved);
  if (charactersFit(chars)) return;
  const held = chars.reserved > 0 ? `, ${chars.reserved} are reserved by productions running now` : '';
  throw new QuotaExceededError(
    `Monthly character quota exceeded: ${chars.used} of ${chars.limit} characters used this month${held}, and this ` +
      `job needs ${chars.requested}; the quota resets at ${chars.resetsAt}`,
    { quota: 'monthlyCharacters', ...chars },
  );
}
