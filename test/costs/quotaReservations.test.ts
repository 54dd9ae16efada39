/**
 * The monthly character quota's reservation arithmetic: what live productions hold beside what they have recorded,
 * when a new one fits, what a refusal says, and how a production slot carries its reservation from claim to release.
 * The claim's atomicity under parallel starts is tested on the real platform (test/races/characterQuota.races.test.ts).
 */
import {
  assertCharactersFit,
  characterQuotaReport,
  enforceQuotas,
  heldCharacters,
  type RecordedCharacters,
} from '../../core/costs/quota';
import { DomainError, PreconditionFailedError } from '../../core/errors';
import { ProductionSlots } from '../../core/jobs/productionSlots';
import type { ListQuery, Page, TenantDirectory } from '../../core/ports/documents';
import type { RunningProduction, TenantRecord } from '../../core/tenants/tenant';
import { toErrorResponse } from '../../functions/http/errors';

const RESETS_AT = '2025-04-01T00:00:00.000Z';
const quotas = { monthlyCharacters: 1_000, concurrentJobs: 5, storageBytes: 1024 };

function refusalOf(act: () => unknown): DomainError {
  try {
    act();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('character reservations', () => {
  it('add up what live productions hold; a slot without a reservation holds nothing', () => {
    const running: RunningProduction[] = [
      { jobId: 'j1', projectId: 'p1', claimedAt: RESETS_AT, reservedCharacters: 300 },
      { jobId: 'j2', projectId: 'p2', claimedAt: RESETS_AT },
      { jobId: 'j3', projectId: 'p3', claimedAt: RESETS_AT, reservedCharacters: 150 },
    ];
    expect(heldCharacters(running, new Map())).toBe(450);
    expect(heldCharacters([], new Map())).toBe(0);
  });

  it('hold only what a live production has not recorded yet, and nothing once it has recorded more', () => {
    const running: RunningProduction[] = [
      { jobId: 'j1', projectId: 'p1', claimedAt: RESETS_AT, reservedCharacters: 300 },
      { jobId: 'j2', projectId: 'p2', claimedAt: RESETS_AT, reservedCharacters: 100 },
      { jobId: 'j3', projectId: 'p3', claimedAt: RESETS_AT },
    ];
    // j1 has recorded 120 of its 300, j2 more than its reservation, j3 (reserving nothing) some; `ended` has no slot.
    const recorded = new Map([
      ['j1', 120],
      ['j2', 130],
      ['j3', 40],
      ['ended', 500],
    ]);
    expect(heldCharacters(running, recorded)).toBe(180);
  });

  it('fit while used + reserved + requested stays within the limit, up to the last character', () => {
    const usage = { monthToDateCharacters: 300, resetsAt: RESETS_AT, reservedCharacters: 400 };
    expect(() => assertCharactersFit(characterQuotaReport(quotas, usage, 300))).not.toThrow();
    const refusal = refusalOf(() => assertCharactersFit(characterQuotaReport(quotas, usage, 301)));
    expect(refusal.code).toBe('quota_exceeded');
    expect(refusal.details).toEqual({
      quota: 'monthlyCharacters',
      limit: 1_000,
      used: 300,
      reserved: 400,
      requested: 301,
      remaining: 300,
      resetsAt: RESETS_AT,
    });
    expect(refusal.message).toContain('400 are reserved by productions running now');
    expect(toErrorResponse(refusal, 'req').status).toBe(429);
  });

  it('never refuse work that synthesizes nothing, even past the limit', () => {
    const usage = { monthToDateCharacters: 1_200, resetsAt: RESETS_AT, reservedCharacters: 100 };
    expect(() => assertCharactersFit(characterQuotaReport(quotas, usage, 0))).not.toThrow();
    expect(characterQuotaReport(quotas, usage, 0).remaining).toBe(0);
  });

  it('leave the read-only check as it was when nothing is reserved', () => {
    const usage = { monthToDateCharacters: 900, resetsAt: RESETS_AT };
    expect(enforceQuotas(quotas, usage, { characters: 100 }).monthlyCharacters).toMatchObject({
      reserved: 0,
      remaining: 100,
    });
    expect(refusalOf(() => enforceQuotas(quotas, usage, { characters: 101 })).details).toMatchObject({
      quota: 'monthlyCharacters',
      used: 900,
      reserved: 0,
      requested: 101,
    });
  });
});

/** One tenant document with ETags, as the slot claim sees Cosmos (conditional replace or 412). */
class OneTenant implements TenantDirectory<TenantRecord> {
  private version = 1;
  constructor(private doc: TenantRecord) {}
  get running(): RunningProduction[] {
    return this.doc.runningProductions ?? [];
  }
  async get(id: string): Promise<TenantRecord | undefined> {
    return id === this.doc.id ? { ...this.doc, etag: String(this.version) } : undefined;
  }
  async create(doc: TenantRecord): Promise<TenantRecord> {
    return doc;
  }
  async replace(doc: TenantRecord, etag: string): Promise<TenantRecord> {
    if (etag !== String(this.version)) throw new PreconditionFailedError('Tenant changed');
    this.version++;
    this.doc = { ...doc, etag: undefined };
    return this.get(doc.id) as Promise<TenantRecord>;
  }
  async list(_query: ListQuery): Promise<Page<TenantRecord>> {
    return { items: [this.doc], continuationToken: null };
  }
}

describe('a production slot carries its reservation', () => {
  const clock = { now: () => new Date('2025-03-15T10:00:00.000Z') };
  let usedThisMonth: number;
  let recordedByJob: Map<string, number>;
  let usageReads: number;
  let tenant: OneTenant;
  let slots: ProductionSlots;
  const recorded = (): RecordedCharacters => ({ total: usedThisMonth, byJob: recordedByJob });
  const usage = {
    recordedCharacters: async () => {
      usageReads++;
      return recorded();
    },
  };
  const neverStale = async () => false;

  beforeEach(() => {
    usedThisMonth = 300;
    recordedByJob = new Map();
    usageReads = 0;
    tenant = new OneTenant({
      id: 't1',
      type: 'tenant',
      name: 'T',
      plan: 'standard',
      status: 'active',
      quotas,
      createdAt: RESETS_AT,
      updatedAt: RESETS_AT,
      createdBy: 'u',
    });
    slots = new ProductionSlots({ tenants: tenant, usage, clock });
  });

  it('is refused while the reservations of the others leave too little, and fits once one is released', async () => {
    await slots.claim('t1', { jobId: 'a', projectId: 'p1', characters: 400 }, neverStale);
    expect(tenant.running).toEqual([
      { jobId: 'a', projectId: 'p1', claimedAt: '2025-03-15T10:00:00.000Z', reservedCharacters: 400 },
    ]);
    const refused = await slots.claim('t1', { jobId: 'b', projectId: 'p2', characters: 400 }, neverStale).then(
      () => undefined,
      (error: DomainError) => error,
    );
    expect(refused?.details).toMatchObject({ quota: 'monthlyCharacters', used: 300, reserved: 400, requested: 400 });
    await slots.claim('t1', { jobId: 'c', projectId: 'p3', characters: 300 }, neverStale);
    await slots.release('t1', 'a');
    await slots.claim('t1', { jobId: 'b', projectId: 'p2', characters: 400 }, neverStale);
    expect(tenant.running.map((r) => [r.jobId, r.reservedCharacters])).toEqual([
      ['c', 300],
      ['b', 400],
    ]);
  });

  it('counts what a running production has recorded once: in the month, no longer in its reservation', async () => {
    await slots.claim('t1', { jobId: 'a', projectId: 'p1', characters: 400 }, neverStale);
    // `a` has synthesized 250 of its 400 characters: the month shows them, its slot still holds 150 more.
    usedThisMonth += 250;
    recordedByJob.set('a', 250);
    // 550 recorded + 150 held + 300 asked = the limit: it fits (counting the 250 twice would refuse it).
    await slots.claim('t1', { jobId: 'b', projectId: 'p2', characters: 300 }, neverStale);
    const refused = await slots.claim('t1', { jobId: 'c', projectId: 'p3', characters: 1 }, neverStale).then(
      () => undefined,
      (error: DomainError) => error,
    );
    expect(refused?.details).toMatchObject({
      quota: 'monthlyCharacters',
      used: 550,
      reserved: 450,
      requested: 1,
      remaining: 0,
    });
  });

  it('counts a production that records more than it reserved as what it recorded', async () => {
    await slots.claim('t1', { jobId: 'a', projectId: 'p1', characters: 200 }, neverStale);
    usedThisMonth += 260;
    recordedByJob.set('a', 260);
    // 560 recorded, nothing more held by `a`: 440 are left, not 240.
    await slots.claim('t1', { jobId: 'b', projectId: 'p2', characters: 440 }, neverStale);
    expect(tenant.running.map((r) => r.jobId)).toEqual(['a', 'b']);
  });

  it('drops a stale slot whose reservation stands in the way, though a slot is free', async () => {
    await slots.claim('t1', { jobId: 'dead', projectId: 'p1', characters: 600 }, neverStale);
    await slots.claim('t1', { jobId: 'b', projectId: 'p2', characters: 500 }, async (r) => r.jobId === 'dead');
    expect(tenant.running.map((r) => r.jobId)).toEqual(['b']);
  });

  it('holds no reservation and reads no usage for work that synthesizes nothing', async () => {
    usedThisMonth = 5_000;
    await slots.claim('t1', { jobId: 'select', projectId: 'p1' }, neverStale);
    expect(tenant.running[0]).not.toHaveProperty('reservedCharacters');
    expect(usageReads).toBe(0);
  });

  it('re-reads and re-decides after losing the write to another claim', async () => {
    const racing = new ProductionSlots({
      tenants: tenant,
      usage: {
        // Another start's claim lands between this claim's read and its write.
        recordedCharacters: async () => {
          if (usageReads++ === 0)
            await slots.claim('t1', { jobId: 'other', projectId: 'p9', characters: 500 }, neverStale);
          return recorded();
        },
      },
      clock,
    });
    const refused = await racing.claim('t1', { jobId: 'late', projectId: 'p2', characters: 300 }, neverStale).then(
      () => undefined,
      (error: DomainError) => error,
    );
    expect(refused?.details).toMatchObject({ quota: 'monthlyCharacters', used: 300, reserved: 500, requested: 300 });
    expect(tenant.running.map((r) => r.jobId)).toEqual(['other']);
  });
});
