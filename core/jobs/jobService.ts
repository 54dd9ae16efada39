import type { ProjectAction } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, NotFoundError } from '../errors';
import type { Filter, Page, ProjectCollection } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import { initialProgress, isTerminal, type JobKind, type JobProgress, type JobRecord, type JobStatus } from './job';

export interface JobServiceDeps {
  jobs: ProjectCollection<JobRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
}

export interface StartJobRequest {
  kind: JobKind;
  orchestration: string;
  input: Record<string, unknown>;
  /** The project action the caller needs (e.g. `project.update`). */
  action: ProjectAction;
}

/** Jobs of these kinds change the same data, so only one of them may run per project at a time. */
const EXCLUSIVE_KINDS: ReadonlySet<JobKind> = new Set(['import', 'characters', 'plan', 'produce', 'regenerate']);

export class JobService {
  constructor(private readonly deps: JobServiceDeps) {}

  /** Records the job and starts its orchestration (instance id = job id). */
  async start(
    principal: Principal | undefined,
    projectId: string,
    request: StartJobRequest,
    orchestrations: OrchestrationClient,
  ): Promise<JobRecord> {
    const { user, project } = await this.deps.projects.load(principal, projectId, request.action);
    return this.startFor(user, project, request, orchestrations);
  }

  async startFor(
    user: TenantPrincipal,
    project: ProjectRecord,
    request: StartJobRequest,
    orchestrations: OrchestrationClient,
  ): Promise<JobRecord> {
    if (EXCLUSIVE_KINDS.has(request.kind)) await this.assertNoActiveJob(user.tenantId, project.id);
    const now = this.deps.clock.now().toISOString();
    const job = await this.deps.jobs.create({
      id: this.deps.ids.newId('job'),
      type: 'job',
      tenantId: user.tenantId,
      projectId: project.id,
      kind: request.kind,
      status: 'queued',
      orchestration: request.orchestration,
      input: request.input,
      progress: initialProgress,
      result: null,
      error: null,
      cancelRequested: false,
      attempt: 1,
      createdBy: user.userId,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    });
    await orchestrations.start(request.orchestration, job.id, {
      tenantId: job.tenantId,
      projectId: job.projectId,
      jobId: job.id,
      userId: user.userId,
      ...request.input,
    });
    return job;
  }

  async get(principal: Principal | undefined, projectId: string, jobId: string): Promise<JobRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    const job = await this.deps.jobs.get(user.tenantId, projectId, jobId);
    if (!job) throw new NotFoundError('Job');
    return job;
  }

  async list(
    principal: Principal | undefined,
    projectId: string,
    options: { kind?: JobKind; status?: JobStatus; pageSize: number; continuationToken?: string },
  ): Promise<Page<JobRecord>> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    const filters: Filter[] = [{ field: 'type', op: 'eq', value: 'job' }];
    if (options.kind) filters.push({ field: 'kind', op: 'eq', value: options.kind });
    if (options.status) filters.push({ field: 'status', op: 'eq', value: options.status });
    return this.deps.jobs.list(user.tenantId, projectId, {
      filter: { op: 'and', filters },
      orderBy: { field: 'createdAt', direction: 'DESC' },
      page: { pageSize: options.pageSize, continuationToken: options.continuationToken },
    });
  }

  /** For orchestration activities, which act for the system, not a user. */
  find(tenantId: string, projectId: string, jobId: string): Promise<JobRecord | undefined> {
    return this.deps.jobs.get(tenantId, projectId, jobId);
  }

  markRunning(tenantId: string, projectId: string, jobId: string, phase: string): Promise<JobRecord> {
    return this.modify(tenantId, projectId, jobId, (job) =>
      isTerminal(job.status)
        ? job
        : {
            ...job,
            status: 'running',
            startedAt: job.startedAt ?? this.now(),
            progress: { ...job.progress, phase },
          },
    );
  }

  reportProgress(tenantId: string, projectId: string, jobId: string, patch: Partial<JobProgress>): Promise<JobRecord> {
    return this.modify(tenantId, projectId, jobId, (job) =>
      isTerminal(job.status) ? job : { ...job, progress: { ...job.progress, ...patch } },
    );
  }

  finish(
    tenantId: string,
    projectId: string,
    jobId: string,
    outcome:
      | { status: 'succeeded'; result: Record<string, unknown> }
      | { status: 'failed'; error: { code: string; message: string } }
      | { status: 'cancelled' },
  ): Promise<JobRecord> {
    return this.modify(tenantId, projectId, jobId, (job) => ({
      ...job,
      status: outcome.status,
      result: outcome.status === 'succeeded' ? outcome.result : job.result,
      error: outcome.status === 'failed' ? outcome.error : null,
      progress: { ...job.progress, phase: outcome.status, etaSeconds: 0 },
      finishedAt: this.now(),
    }));
  }

  /** Marks the job as cancel-requested and stops its orchestration; work in flight finishes, no new work starts. */
  async cancel(
    principal: Principal | undefined,
    projectId: string,
    jobId: string,
    orchestrations: OrchestrationClient,
  ): Promise<JobRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.update');
    const job = await this.deps.jobs.get(user.tenantId, projectId, jobId);
    if (!job) throw new NotFoundError('Job');
    if (isTerminal(job.status)) return job;
    await this.modify(user.tenantId, projectId, jobId, (current) => ({ ...current, cancelRequested: true }));
    await orchestrations.raiseEvent(jobId, 'cancel', { by: user.userId });
    return this.finish(user.tenantId, projectId, jobId, { status: 'cancelled' });
  }

  private async assertNoActiveJob(tenantId: string, projectId: string): Promise<void> {
    const active = await this.deps.jobs.list(tenantId, projectId, {
      filter: {
        op: 'and',
        filters: [
          { field: 'type', op: 'eq', value: 'job' },
          { field: 'status', op: 'in', values: ['queued', 'running'] },
        ],
      },
      page: { pageSize: 1 },
    });
    const running = active.items[0];
    if (running) {
      throw new ConflictError(`A ${running.kind} job is already running for this project`, {
        jobId: running.id,
        kind: running.kind,
      });
    }
  }

  private modify(
    tenantId: string,
    projectId: string,
    jobId: string,
    change: (job: JobRecord) => JobRecord,
  ): Promise<JobRecord> {
    return updateWithRetry(
      'Job',
      () => this.deps.jobs.get(tenantId, projectId, jobId),
      (doc, etag) => this.deps.jobs.replace({ ...doc, updatedAt: this.now() }, etag),
      change,
    );
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
