/**
 * The tenant's concurrent-productions quota as slots on the tenant document: a production claims a slot before its
 * job exists with an ETag-conditional write that adds it to `runningProductions` only if fewer than the quota are
 * there, so concurrent starts across the tenant's projects can never exceed it. The job frees its slot when it
 * finishes, fails or is cancelled; a slot whose job has ended, never came to exist or whose project was purged is
 * stale and is dropped by the next claim that needs room.
 */
import { assertProductionSlotFree } from '../costs/quota';
import { NotFoundError, PreconditionFailedError } from '../errors';
import type { TenantDirectory } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { RunningProduction, TenantRecord } from '../tenants/tenant';

/** Each attempt is one read and one conditional write; with N concurrent claims the last one needs N rounds. */
const MAX_ATTEMPTS = 64;

export class ProductionSlots {
  constructor(private readonly deps: { tenants: TenantDirectory<TenantRecord>; clock: Clock }) {}

  /** Claims a slot for the job or throws `quota_exceeded` (429) naming the limit and the productions running. */
  async claim(
    tenantId: string,
    production: { jobId: string; projectId: string },
    isStale: (running: RunningProduction) => Promise<boolean>,
  ): Promise<void> {
    const claim: RunningProduction = { ...production, claimedAt: this.deps.clock.now().toISOString() };
    for (let attempt = 1; ; attempt++) {
      const tenant = await this.deps.tenants.get(tenantId);
      if (!tenant) throw new NotFoundError('Tenant');
      const running = tenant.runningProductions ?? [];
      if (running.some((r) => r.jobId === claim.jobId)) return;
      // Stale slots are only looked for when they stand in the way.
      const live = running.length >= tenant.quotas.concurrentJobs ? await withoutStale(running, isStale) : running;
      assertProductionSlotFree(tenant.quotas, live.length);
      try {
        await this.deps.tenants.replace({ ...tenant, runningProductions: [...live, claim] }, tenant.etag!);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Frees the job's slot; a no-op when it holds none. */
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
