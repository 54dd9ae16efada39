import { authorizeProjectAction, authorizeTenantAction, canDoOnProject } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { ConflictError, ValidationError } from '../errors';
import { readAll, type Filter, type ProjectCollection, type TenantCollection } from '../ports/documents';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { TenantRecord } from '../tenants/tenant';
import type { StoredBytes } from '../tenants/storageUsage';
import { CostAccumulator, type CostGrouping, type CostReport, daysBetween } from './aggregate';
import { type CostEntry, costRecordId, type CostRecord, toCostRecord, validateCostEntry } from './costEntry';
import { type CostEstimate, estimateCost, type EstimateInput } from './estimate';
import {
  characterQuotaReport,
  enforceQuotas,
  heldCharacters,
  monthBounds,
  type CharacterQuotaReport,
  type QuotaReport,
  type QuotaRequest,
  type RecordedCharacters,
} from './quota';

export interface CostServiceDeps {
  costs: ProjectCollection<CostRecord>;
  projects: TenantCollection<ProjectRecord>;
  clock: Clock;
  ids: IdGenerator;
}

export interface CostQuery {
  groupBy: CostGrouping;
  /** `YYYY-MM-DD`, inclusive; default the first day of the current UTC month. */
  from?: string;
  /** `YYYY-MM-DD`, inclusive; default today (UTC). */
  to?: string;
}

export interface TenantUsage {
  /** `YYYY-MM`, UTC. */
  month: string;
  monthlyCharacters: { limit: number; used: number; reserved: number; remaining: number; resetsAt: string };
  concurrentJobs: { limit: number; running: number };
  /** `used` as last measured, at `measuredAt` (core/tenants/storageUsage.ts). */
  storageBytes: { limit: number; used: number; measuredAt: string };
}

export const MAX_REPORT_DAYS = 366;
const PAGE = 100;

/**
 * Meters spend and guards quotas. Producers call `record` (idempotent per `dedupeKey`), `estimate` before a job and
 * `checkQuota` before spending; the API reads the aggregates. Costs live per project partition; tenant-wide figures
 * read the tenant's entries in one query, so they include the entries of projects since purged (billing history
 * outlives the project) and cost one query however many projects the tenant has.
 */
export class CostService {
  constructor(private readonly deps: CostServiceDeps) {}

  async record(entries: CostEntry[]): Promise<{ recorded: number; duplicates: number }> {
    entries.forEach(validateCostEntry);
    const recordedAt = this.deps.clock.now().toISOString();
    let recorded = 0;
    let duplicates = 0;
    for (const entry of entries) {
      const id = costRecordId(entry, () => this.deps.ids.newId('cost'));
      try {
        await this.deps.costs.create(toCostRecord(entry, id, recordedAt));
        recorded++;
      } catch (error) {
        // Same dedupe key written before: a retried activity, already counted.
        if (!(error instanceof ConflictError)) throw error;
        duplicates++;
      }
    }
    return { recorded, duplicates };
  }

  estimate(input: EstimateInput, plan: TenantRecord['plan']): CostEstimate {
    return estimateCost(input, plan);
  }

  /** Refuses (throws `quota_exceeded`) before any spending; see core/costs/quota.ts for the request's meaning. */
  async checkQuota(tenant: TenantRecord, request: QuotaRequest): Promise<QuotaReport> {
    const { resetsAt } = monthBounds(this.deps.clock.now());
    const monthToDateCharacters = request.characters === undefined ? 0 : await this.monthToDateCharacters(tenant.id);
    return enforceQuotas(tenant.quotas, { monthToDateCharacters, resetsAt }, request);
  }

  /**
   * The monthly character quota as a production asking for `requested` characters would meet it: what the productions
   * holding slots now have reserved and not yet recorded counts beside the recorded characters
   * (core/jobs/productionSlots.ts).
   */
  async characterQuota(tenant: TenantRecord, requested: number): Promise<CharacterQuotaReport> {
    const { resetsAt } = monthBounds(this.deps.clock.now());
    const recorded = await this.recordedCharacters(tenant.id);
    const held = heldCharacters(tenant.runningProductions ?? [], recorded.byJob);
    return characterQuotaReport(
      tenant.quotas,
      { monthToDateCharacters: recorded.total, resetsAt, reservedCharacters: held },
      requested,
    );
  }

  async monthToDateCharacters(tenantId: string): Promise<number> {
    return (await this.recordedCharacters(tenantId)).total;
  }

  /**
   * The month's recorded characters, also per job: one read of the month's entries gives both, so a production's
   * share always matches the total it is part of.
   */
  async recordedCharacters(tenantId: string): Promise<RecordedCharacters> {
    const { month } = monthBounds(this.deps.clock.now());
    const filter: Filter = {
      op: 'and',
      filters: [
        { field: 'month', op: 'eq', value: month },
        { field: 'kind', op: 'eq', value: 'tts_characters' },
      ],
    };
    let total = 0;
    const byJob = new Map<string, number>();
    for await (const record of this.tenantCosts(tenantId, filter)) {
      total += record.quantity;
      if (record.jobId) byJob.set(record.jobId, (byJob.get(record.jobId) ?? 0) + record.quantity);
    }
    return { total, byJob };
  }

  /**
   * How much of its quotas the tenant has used this month, for any of its members: the quota is the organization's,
   * and a refusal tells a creator as much anyway. `stored` is the tenant's stored bytes as last measured.
   */
  async quotaUsage(tenant: TenantRecord, stored: StoredBytes): Promise<TenantUsage> {
    const { month } = monthBounds(this.deps.clock.now());
    const { limit, used, reserved, remaining, resetsAt } = await this.characterQuota(tenant, 0);
    return {
      month,
      monthlyCharacters: { limit, used, reserved, remaining, resetsAt },
      concurrentJobs: { limit: tenant.quotas.concurrentJobs, running: (tenant.runningProductions ?? []).length },
      storageBytes: { limit: tenant.quotas.storageBytes, used: stored.bytes, measuredAt: stored.measuredAt },
    };
  }

  /**
   * Tenant-wide for admins, purged projects' entries included (under their project id); creators see their own
   * projects, validators the ones assigned to them (`project.costs`). A purged project has no owner or validators left
   * to check, so its entries are the admins' alone.
   */
  async report(principal: Principal | undefined, query: CostQuery): Promise<CostReport> {
    const user = authorizeTenantAction(principal, 'costs.read');
    const { from, to, days } = this.range(query);
    const accumulator = new CostAccumulator(query.groupBy, from, to);
    const readable = new Map<string, Promise<boolean>>();
    const mayReadProject = (projectId: string): Promise<boolean> => {
      let decision = readable.get(projectId);
      if (!decision) {
        decision = this.deps.projects.get(user.tenantId, projectId).then((project) => this.mayRead(user, project));
        readable.set(projectId, decision);
      }
      return decision;
    };
    for await (const record of this.tenantCosts(user.tenantId, this.dayFilter(days))) {
      if (user.role === 'admin' || (await mayReadProject(record.projectId))) accumulator.add(record);
    }
    return accumulator.report();
  }

  async projectReport(principal: Principal | undefined, projectId: string, query: CostQuery): Promise<CostReport> {
    const user = authorizeTenantAction(principal, 'costs.read');
    const project = await this.deps.projects.get(user.tenantId, projectId);
    authorizeProjectAction(user, 'project.costs', project);
    const { from, to, days } = this.range(query);
    const accumulator = new CostAccumulator(query.groupBy, from, to);
    for await (const record of this.costsOf(user.tenantId, projectId, this.dayFilter(days))) accumulator.add(record);
    return accumulator.report();
  }

  private mayRead(user: TenantPrincipal, project: ProjectRecord | undefined): boolean {
    return project !== undefined && canDoOnProject(user, 'project.costs', project);
  }

  private range(query: CostQuery): { from: string; to: string; days: string[] } {
    const now = this.deps.clock.now();
    const from = query.from ?? `${monthBounds(now).month}-01`;
    const to = query.to ?? now.toISOString().slice(0, 10);
    if (from > to) throw new ValidationError('`from` is after `to`', [{ field: 'from', message: 'after to' }]);
    const days = daysBetween(from, to);
    if (days.length > MAX_REPORT_DAYS) {
      throw new ValidationError(`A report covers at most ${MAX_REPORT_DAYS} days`, [
        { field: 'to', message: `more than ${MAX_REPORT_DAYS} days after from` },
      ]);
    }
    return { from, to, days };
  }

  private dayFilter(days: string[]): Filter {
    return { field: 'day', op: 'in', values: days };
  }

  /** Every entry of the tenant matching `filter`, whichever project it was recorded under (existing or purged). */
  private async *tenantCosts(tenantId: string, filter: Filter): AsyncGenerator<CostRecord> {
    yield* readAll((page) => this.deps.costs.listTenantWide(tenantId, { filter, page }), PAGE);
  }

  private async *costsOf(tenantId: string, projectId: string, filter: Filter): AsyncGenerator<CostRecord> {
    yield* readAll((page) => this.deps.costs.list(tenantId, projectId, { filter, page }), PAGE);
  }
}
