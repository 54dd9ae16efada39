/**
 * Jobs whose orchestration stopped without settling them are otherwise found only when a new job claims the same
 * project or production slot. The sweep finds them on a timer instead: a job still queued or running past the grace
 * period whose orchestration has ended (or, once it has run, no longer exists) is settled as interrupted, which frees
 * its claims and releases its pins; one that never ran and has no orchestration (its start died after recording it)
 * is started, since it was acknowledged; and a settled production whose orchestration stopped before its own release
 * step has its pins released. All go through the job service's own path (the one a claim takes), so the job's own
 * ending always wins.
 * docs/reliability.md, "Jobs whose orchestration died".
 */
import { readAll, type Filter, type ProjectCollection } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock, Logger } from '../ports/system';
import { isTerminal, productionJobKinds, type JobRecord } from './job';
import type { JobService } from './jobService';

export interface JobSweepDeps {
  jobs: Pick<ProjectCollection<JobRecord>, 'listTenantWide'>;
  settlement: Pick<JobService, 'settleIfOrchestrationEnded' | 'releasePinsOfEnded'>;
  clock: Clock;
  logger?: Logger;
  /** How old a job must be before the sweep looks at it (unset: five minutes; shorter in tests). */
  graceMs?: number;
}

export interface TenantSweep {
  /** Jobs the query returned: past the grace, and either unsettled or holding pins. */
  examined: number;
  /**
   * Unsettled jobs found with their orchestration ended, now settled: failed with `job_interrupted`, unless their own
   * ending was stored first (then it stands).
   */
  settled: number;
  /** Settled productions whose pins were released here. */
  unpinned: number;
  /** Jobs whose settlement or release failed (tried again by the next run). */
  failed: number;
}

/**
 * A job just started is never touched: its orchestration may not exist yet, and its orchestration's own release may
 * still be on its way. Longer than the job service's grace for a missing orchestration, so both agree.
 */
const SWEEP_GRACE_MS = 5 * 60_000;

/**
 * The most jobs one tenant has examined per run, oldest update first; one with more is finished by the following
 * runs. An unsettled job whose orchestration still runs is examined again every run, so this bounds a run's cost in a
 * tenant with many.
 */
const MAX_JOBS_PER_TENANT = 200;
const PAGE_SIZE = 100;

export class JobSweep {
  constructor(private readonly deps: JobSweepDeps) {}

  async sweepTenant(tenantId: string, orchestrations: OrchestrationClient): Promise<TenantSweep> {
    const result: TenantSweep = { examined: 0, settled: 0, unpinned: 0, failed: 0 };
    // Oldest update first: a job whose orchestration died stops being written, while a live one's progress keeps
    // moving it back, so jobs past the cap are reached by the next runs instead of waiting behind the same 200.
    // One cutoff for the whole run: a continuation token belongs to the listing it came from, parameters included
    // (a cutoff computed again for the second page was refused, failing the tenant's sweep past 100 candidates).
    const cutoff = new Date(this.deps.clock.now().getTime() - (this.deps.graceMs ?? SWEEP_GRACE_MS)).toISOString();
    const filter = sweepCandidates(cutoff);
    const listing = (page: { pageSize: number; continuationToken?: string }) =>
      this.deps.jobs.listTenantWide(tenantId, {
        filter,
        orderBy: SWEEP_ORDER,
        page,
      });
    for await (const job of readAll(listing, PAGE_SIZE)) {
      if (result.examined >= MAX_JOBS_PER_TENANT) break;
      result.examined++;
      try {
        if (!isTerminal(job.status)) {
          if (await this.deps.settlement.settleIfOrchestrationEnded(job, orchestrations)) result.settled++;
        } else if (await this.deps.settlement.releasePinsOfEnded(job, orchestrations)) {
          result.unpinned++;
        }
      } catch (error) {
        result.failed++;
        this.deps.logger?.warn('sweeping a job failed', { tenantId, jobId: job.id, error: String(error) });
      }
    }
    return result;
  }
}

/**
 * Unsettled jobs recorded before the cutoff, and settled jobs that ended before it still holding pins or, recorded
 * before the mark existed, possibly holding some: equality, range and absence filters within the tenant's partitions.
 * Each path it names needs a range index in the jobs container, the absent mark's too (`NOT IS_DEFINED` can be answered
 * from the index only where the path is indexed; without it every production ever finished would be read each run):
 * test/readside/indexingPolicy.test.ts checks the deployed policy against this filter. A job settled and unpinned
 * never matches again.
 */
export function sweepCandidates(cutoff: string): Filter {
  const productions: Filter = { field: 'kind', op: 'in', values: [...productionJobKinds] };
  return {
    op: 'and',
    filters: [
      { field: 'type', op: 'eq', value: 'job' },
      {
        op: 'or',
        filters: [
          {
            op: 'and',
            filters: [
              { field: 'status', op: 'in', values: ['queued', 'running'] },
              { field: 'createdAt', op: 'lt', value: cutoff },
            ],
          },
          {
            op: 'and',
            filters: [
              { field: 'pinsHeld', op: 'eq', value: true },
              { field: 'finishedAt', op: 'lt', value: cutoff },
            ],
          },
          {
            op: 'and',
            filters: [
              productions,
              { field: 'pinsHeld', op: 'absent' },
              { field: 'finishedAt', op: 'lt', value: cutoff },
            ],
          },
        ],
      },
    ],
  };
}

/** Oldest update first (see `sweepTenant`). */
export const SWEEP_ORDER = { field: 'updatedAt', direction: 'ASC' } as const;
