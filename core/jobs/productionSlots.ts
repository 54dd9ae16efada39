/**
 * The tenant's concurrent-productions quota as slots on the tenant document, and the monthly character quota as the
 * reservations those slots carry: a production claims a slot before its job exists with an ETag-conditional write
 * that adds it to `runningProductions` only if fewer than the quota are there and the characters it will synthesize
 * fit beside the month's recorded characters and what the other slots' reservations hold beyond what their jobs have
 * recorded, so concurrent starts across the tenant's projects can never together pass either quota. The job frees its slot (and its reservation) when it
 * finishes, fails or is cancelled; a slot whose job has ended, never came to exist or whose project was purged is
 * stale and is dropped by the next claim that needs room. docs/reliability.md describes the arithmetic.
 */
import {
  assertCharactersFit,
  assertProductionSlotFree,
  characterQuotaReport,
  charactersFit,
  heldCharacters,
  monthBounds,
  type RecordedCharacters,
} from '../costs/quota';
import { NotFoundError, PreconditionFailedError } from '../errors';
import type { TenantDirectory } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { RunningProduction, TenantRecord } from '../tenants/tenant';

/** Work that synthesizes nothing is never refused on characters, so its claim reads no usage. */
const NOTHING_RECORDED: RecordedCharacters = { total: 0, byJob: new Map() };

/** Each attempt is one read and one conditional write; with N concurrent claims the last one needs N rounds. */
const MAX_ATTEMPTS = 64;

/** The characters the tenant has recorded this UTC month (the cost records), in all and per job. */
export interface CharacterUsage {
  recordedCharacters(tenantId: string): Promise<RecordedCharacters>;
}

export interface ProductionClaim {
  jobId: string;
  projectId: string;
  /** What the production's estimate says it will synthesize; 0 or absent for work that synthesizes nothing. */
  characters?: number;
}

export class ProductionSlots {
  constructor(private readonly deps: { tenants: TenantDirectory<TenantRecord>; usage: CharacterUsage; clock: Clock }) {}

  /**
   * Claims a slot carrying the job's character reservation, or throws `quota_exceeded` (429) naming the quota: the
   * concurrent-jobs limit and the productions running, or the character figures (limit, used, reserved, requested).
   */
  async claim(
    tenantId: string,
    production: ProductionClaim,
    isStale: (running: RunningProduction) => Promise<boolean>,
  ): Promise<void> {
    const { characters = 0, ...held } = production;
    const now = this.deps.clock.now();
    const claim: RunningProduction = {
      ...held,
      claimedAt: now.toISOString(),
      ...(characters > 0 ? { reservedCharacters: characters } : {}),
    };
    const { resetsAt } = monthBounds(now);
    for (let attempt = 1; ; attempt++) {
      const tenant = await this.deps.tenants.get(tenantId);
      if (!tenant) throw new NotFoundError('Tenant');
      const running = tenant.runningProductions ?? [];
      if (running.some((r) => r.jobId === claim.jobId)) return;
      // Read after the tenant document: a production that ends in between has recorded its characters before freeing
      // its slot, so its slot is still read and its records are in the one read of the month's, both counted once.
      // Characters recorded after this read move from a live reservation to the total: the sum does not change.
      const recorded = characters > 0 ? await this.deps.usage.recordedCharacters(tenantId) : NOTHING_RECORDED;
      const chars = (live: RunningProduction[]) =>
        characterQuotaReport(
          tenant.quotas,
          {
            monthToDateCharacters: recorded.total,
            resetsAt,
            reservedCharacters: heldCharacters(live, recorded.byJob),
          },
          characters,
        );
      const fits = (live: RunningProduction[]) =>
        live.length < tenant.quotas.concurrentJobs && charactersFit(chars(live));
      // Stale slots are only looked for when they stand in the way.
      const live = fits(running) ? running : await withoutStale(running, isStale);
      assertProductionSlotFree(tenant.quotas, live.length);
      assertCharactersFit(chars(live));
      try {
        await this.deps.tenants.replace({ ...tenant, runningProductions: [...live, claim] }, tenant.etag!);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Frees the job's slot and its reservation; a no-op when it holds none. */
  async release(tenantId: string, jobId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const tenant = await this.deps.tenants.get(tenantId);
      const running = tenant?.runningProductions ?? [];
      if (!tenant || !running.some((r) => r.jobId === jobId)) return;
      try {
        await this.deps.tenants.replace(
          { ...tenant, runningProductions: running.filter((r) => r.jobId !== jobId) },
          tenant.etag!,
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }
}

async function withoutStale(
  running: RunningProduction[],
  isStale: (running: RunningProduction) => Promise<boolean>,
): Promise<RunningProduction[]> {
  const stale = await Promise.all(running.map(isStale));
  return running.filter((_, index) => !stale[index]);
}
