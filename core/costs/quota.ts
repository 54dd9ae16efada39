import { QuotaExceededError } from '../errors';
import type { TenantQuotas } from '../tenants/tenant';

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
}

export interface QuotaReport {
  monthlyCharacters: { limit: number; used: number; requested: number; remaining: number; resetsAt: string };
  concurrentJobs: { limit: number; running: number };
  storageBytes: { limit: number; requested: number };
}

export function quotaReport(quotas: TenantQuotas, usage: QuotaUsage, request: QuotaRequest): QuotaReport {
  return {
    monthlyCharacters: {
      limit: quotas.monthlyCharacters,
      used: usage.monthToDateCharacters,
      requested: request.characters ?? 0,
      remaining: Math.max(0, quotas.monthlyCharacters - usage.monthToDateCharacters),
      resetsAt: usage.resetsAt,
    },
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
  if (request.characters !== undefined && chars.used + chars.requested > chars.limit) {
    throw new QuotaExceededError(
      `Monthly character quota exceeded: ${chars.used} of ${chars.limit} characters used this month and this job ` +
        `needs ${chars.requested}; the quota resets at ${chars.resetsAt}`,
      { quota: 'monthlyCharacters', ...chars },
    );
  }
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
