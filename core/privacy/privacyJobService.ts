import { authorizeTenantAction } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { updateWithRetry } from '../common/optimisticUpdate';
import { NotFoundError } from '../errors';
import type { Filter, Page } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock } from '../ports/system';
import { isFinished, type PrivacyJobKind, type PrivacyJobRecord } from './privacyJob';

export interface PrivacyJobServiceDeps {
  /** The `privacy` container: jobs and the tenant-export claim. */
  jobs: TypedTenantCollection<PrivacyJobRecord>;
  clock: Clock;
}

export type JobOutcome =
  | { status: 'succeeded'; report: PrivacyJobRecord['report']; archive?: PrivacyJobRecord['archive'] }
  | { status: 'failed'; error: { code: string; message: string } };

/** Reading privacy jobs (tenant admins) and keeping them current (their orchestrations' activities). */
export class PrivacyJobService {
  constructor(private readonly deps: PrivacyJobServiceDeps) {}

  async get(principal: Principal | undefined, jobId: string): Promise<PrivacyJobRecord> {
    const admin = authorizeTenantAction(principal, 'privacy.manage');
    const job = await this.deps.jobs.get(admin.tenantId, jobId);
    if (!job) throw new NotFoundError('Privacy job');
    return job;
  }

  async list(
    principal: Principal | undefined,
    options: { kind?: PrivacyJobKind; pageSize: number; continuationToken?: string },
  ): Promise<Page<PrivacyJobRecord>> {
    const admin = authorizeTenantAction(principal, 'privacy.manage');
    const filter: Filter | undefined = options.kind ? { field: 'kind', op: 'eq', value: options.kind } : undefined;
    return this.deps.jobs.list(admin.tenantId, {
      filter,
      orderBy: { field: 'createdAt', direction: 'DESC' },
      page: { pageSize: options.pageSize, continuationToken: options.continuationToken },
    });
  }

  /** For activities, which act for the system. */
  find(tenantId: string, jobId: string): Promise<PrivacyJobRecord | undefined> {
    return this.deps.jobs.get(tenantId, jobId);
  }

  async load(tenantId: string, jobId: string): Promise<PrivacyJobRecord> {
    const job = await this.find(tenantId, jobId);
    if (!job) throw new NotFoundError('Privacy job');
    return job;
  }

  /** Moves a queued or running job to `phase` (a finished job is left as it is). */
  running(tenantId: string, jobId: string, phase: string, patch: Partial<PrivacyJobRecord> = {}) {
    return this.modify(tenantId, jobId, (job) =>
      isFinished(job.status)
        ? job
        : { ...job, ...patch, status: 'running', phase, startedAt: job.startedAt ?? this.now() },
    );
  }

  finish(tenantId: string, jobId: string, outcome: JobOutcome, patch: Partial<PrivacyJobRecord> = {}) {
    return this.modify(tenantId, jobId, (job) => ({
      ...job,
      ...patch,
      status: outcome.status,
      phase: outcome.status,
      report: outcome.status === 'succeeded' ? outcome.report : job.report,
      archive: outcome.status === 'succeeded' ? (outcome.archive ?? job.archive) : job.archive,
      error: outcome.status === 'failed' ? outcome.error : null,
      finishedAt: this.now(),
    }));
  }

  modify(tenantId: string, jobId: string, change: (job: PrivacyJobRecord) => PrivacyJobRecord) {
    return updateWithRetry(
      'Privacy job',
      () => this.deps.jobs.get(tenantId, jobId),
      (doc, etag) => this.deps.jobs.replace({ ...doc, updatedAt: this.now() }, etag),
      change,
    );
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
