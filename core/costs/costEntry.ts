import { createHash } from 'node:crypto';
import { ValidationError } from '../errors';
import type { ProjectScopedDocument } from '../ports/documents';
import type { TenantPlan } from '../tenants/tenant';
import { type CostKind, isRateKey, kindOfRate, type RateKey, round, unitPriceUsd } from './priceTable';

/** One metered usage, priced. What producers hand to `CostService.record`. */
export interface CostEntry {
  tenantId: string;
  projectId: string;
  /** Who caused the spend (the job's requester, or the user who ran the import). */
  userId: string;
  jobId?: string;
  kind: CostKind;
  rate: RateKey;
  /** Characters, tokens, seconds, or bytes stored that day (storage entries are daily snapshots). */
  quantity: number;
  unitPriceUsd: number;
  amountUsd: number;
  /** UTC day the usage happened, `YYYY-MM-DD`. */
  day: string;
  /**
   * Makes recording idempotent: an activity retried after a crash records the same key, and the second write is a
   * no-op. Use something stable such as `${jobId}:${segmentHash}:tts`. Without it every call records anew.
   */
  dedupeKey?: string;
}

/** Usage as a meter sees it; `priceUsage` turns it into a `CostEntry` at the plan's price. */
export interface CostUsage {
  tenantId: string;
  projectId: string;
  userId: string;
  jobId?: string;
  rate: RateKey;
  quantity: number;
  /** When it happened; the UTC day is derived from it. */
  at: Date;
  dedupeKey?: string;
}

/** The stored document (Cosmos `costs`, pk /tenantId,/projectId). */
export interface CostRecord extends ProjectScopedDocument {
  type: 'cost';
  userId: string;
  jobId: string | null;
  kind: CostKind;
  rate: RateKey;
  quantity: number;
  unitPriceUsd: number;
  amountUsd: number;
  day: string;
  /** `YYYY-MM`, so month-to-date sums are one equality filter. */
  month: string;
  recordedAt: string;
}

const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const SAFE_ID = /^[A-Za-z0-9_-]{1,128}$/;
/** Amounts are kept to a nano-dollar: a single neural character costs 0.000016. */
const AMOUNT_DECIMALS = 9;
/** No single line can be a typo of this size: ten billion units is far above a whole library of books. */
const MAX_QUANTITY = 1e10;

export function utcDay(at: Date): string {
  return at.toISOString().slice(0, 10);
}

export function priceUsage(usage: CostUsage, plan: TenantPlan): CostEntry {
  const unit = unitPriceUsd(plan, usage.rate);
  return {
    tenantId: usage.tenantId,
    projectId: usage.projectId,
    userId: usage.userId,
    ...(usage.jobId ? { jobId: usage.jobId } : {}),
    kind: kindOfRate(usage.rate),
    rate: usage.rate,
    quantity: usage.quantity,
    unitPriceUsd: unit,
    amountUsd: round(usage.quantity * unit, AMOUNT_DECIMALS),
    day: utcDay(usage.at),
    ...(usage.dedupeKey ? { dedupeKey: usage.dedupeKey } : {}),
  };
}

/** Producers are our own code, but a bad line would silently corrupt every aggregate: refuse it loudly. */
export function validateCostEntry(entry: CostEntry, index: number): void {
  const problems: { field: string; message: string }[] = [];
  const at = (field: string) => `entries.${index}.${field}`;
  for (const field of ['tenantId', 'projectId', 'userId'] as const) {
    if (!SAFE_ID.test(entry[field])) problems.push({ field: at(field), message: 'must be a safe id' });
  }
  if (entry.jobId !== undefined && !SAFE_ID.test(entry.jobId)) {
    problems.push({ field: at('jobId'), message: 'must be a safe id' });
  }
  if (!isRateKey(entry.rate) || kindOfRate(entry.rate) !== entry.kind) {
    problems.push({ field: at('rate'), message: `is not a ${entry.kind} rate` });
  }
  if (!Number.isFinite(entry.quantity) || entry.quantity < 0 || entry.quantity > MAX_QUANTITY) {
    problems.push({ field: at('quantity'), message: `must be between 0 and ${MAX_QUANTITY}` });
  }
  if (!Number.isFinite(entry.unitPriceUsd) || entry.unitPriceUsd < 0) {
    problems.push({ field: at('unitPriceUsd'), message: 'must be a non-negative number' });
  }
  const expected = round(entry.quantity * entry.unitPriceUsd, AMOUNT_DECIMALS);
  if (!Number.isFinite(entry.amountUsd) || Math.abs(entry.amountUsd - expected) > 1e-6) {
    problems.push({ field: at('amountUsd'), message: `must equal quantity × unitPriceUsd (${expected})` });
  }
  if (!DAY.test(entry.day)) problems.push({ field: at('day'), message: 'must be YYYY-MM-DD' });
  if (entry.dedupeKey !== undefined && (entry.dedupeKey.length === 0 || entry.dedupeKey.length > 512)) {
    problems.push({ field: at('dedupeKey'), message: 'must be 1-512 characters' });
  }
  if (problems.length > 0) throw new ValidationError(`Invalid cost entry ${index}`, problems);
}

/**
 * Deterministic for a dedupe key, so a retried write collides instead of double-counting. Scoped by project because
 * the local Cosmos emulator enforces id uniqueness per tenant, not per (tenant, project).
 */
export function costRecordId(entry: CostEntry, newId: () => string): string {
  if (!entry.dedupeKey) return newId();
  const digest = createHash('sha256')
    .update(JSON.stringify([entry.tenantId, entry.projectId, entry.dedupeKey]), 'utf8')
    .digest('hex');
  return `cost_${digest.slice(0, 40)}`;
}

export function toCostRecord(entry: CostEntry, id: string, recordedAt: string): CostRecord {
  return {
    id,
    type: 'cost',
    tenantId: entry.tenantId,
    projectId: entry.projectId,
    userId: entry.userId,
    jobId: entry.jobId ?? null,
    kind: entry.kind,
    rate: entry.rate,
    quantity: entry.quantity,
    unitPriceUsd: entry.unitPriceUsd,
    amountUsd: round(entry.amountUsd, AMOUNT_DECIMALS),
    day: entry.day,
    month: entry.day.slice(0, 7),
    recordedAt,
  };
}
