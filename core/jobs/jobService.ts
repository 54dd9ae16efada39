import type { ProjectAction } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { updateWithRetry } from '../common/optimisticUpdate';
import { NotFoundError } from '../errors';
import type { Filter, Page, ProjectCollection, TenantDirectory } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { JobOutcome, MetricsRecorder } from '../ports/metrics';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import type { TenantRecord } from '../tenants/tenant';
import { initialProgress, isTerminal, type JobKind, type JobProgress, type JobRecord, type JobStatus } from './job';
import { ProductionSlots } from './productionSlots';
import { ProjectJobLocks, type ProjectJobLock } from './projectJobLock';

export interface JobServiceDeps {
  jobs: ProjectCollection<JobRecord>;
  /** The per-project lock documents (kept beside the jobs). */
  locks: ProjectCollection<ProjectJobLock>;
  /** Tenants carry the concurrent-production slots. */
  tenants: TenantDirectory<TenantRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  metrics?: MetricsRecorder;
}

export interface StartJobRequest {
  kind: JobKind;
  orchestration: string;
  input: Record<string, unknown>;
  /** The project action the caller needs (e.g. `project.update`). */
  action: ProjectAction;
}

/** Jobs of these kinds synthesize speech: each holds one of the tenant's concurrent-production slots. */
const PRODUCTION_KINDS: ReadonlySet<JobKind> = new Set(['produce', 'regenerate']);

/**
 * A claim made this long ago whose job document still does not exist belongs to a start that died between claiming
 * and creating the job (which takes milliseconds): it is stale.
 */
const UNFULFILLED_CLAIM_GRACE_MS = 2 * 60_000;

/** Durable runtime statuses of an orchestration that will never settle its job any more. */
const ENDED_ORCHESTRATION_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

/**
 * Every job kind changes the same project data, so one job runs per project at a time: the project's lock is
 * claimed before the job exists. Productions also claim a tenant slot (the concurrent-jobs quota). Both are freed
 * when the job finishes, fails or is cancelled, and recovered when a job ended without freeing them.
 */
export class JobService {
  private readonly locks: ProjectJobLocks;
  private readonly slots: ProductionSlots;

  constructor(private readonly deps: JobServiceDeps) {
    this.locks = new ProjectJobLocks({ locks: deps.locks, clock: deps.clock });
    this.slots = new ProductionSlots({ tenants: deps.tenants, clock: deps.clock });
  }

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
    const { tenantId } = user;
    const jobId = this.deps.ids.newId('job');
    const now = this.now();
    const ended = (held: { projectId: string; jobId: string; claimedAt: string }) =>
      this.hasEnded(tenantId, held.projectId, held.jobId, held.claimedAt, orchestrations);
    await this.locks.claim(tenantId, project.id, { jobId, kind: request.kind, claimedAt: now }, (held) =>
      ended({ ...held, projectId: project.id }),
    );
    let job: JobRecord | undefined;
    try {
      if (PRODUCTION_KINDS.has(request.kind)) await this.slots.claim(tenantId, { jobId, projectId: project.id }, ended);
      job = await this.deps.jobs.create({
        id: jobId,
        type: 'job',
        tenantId,
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
        tenantId,
        projectId: project.id,
        jobId: job.id,
        userId: user.userId,
        ...request.input,
      });
      return job;
    } catch (error) {
      // Whatever stopped the start, the claims go back (and a job that exists is marked failed, not left queued).
      const giveBack = job
        ? this.finish(tenantId, project.id, jobId, {
            status: 'failed',
            error: { code: 'start_failed', message: 'The job could not be started; start it again' },
          })
        : this.releaseClaims(tenantId, project.id, jobId, request.kind);
      await giveBack.catch(() => undefined);
      throw error;
    }
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

  /** Settles the job and frees what it held (the project's lock and, for productions, the tenant slot). */
  async finish(
    tenantId: string,
    projectId: string,
    jobId: string,
    outcome:
      | { status: 'succeeded'; result: Record<string, unknown> }
      | { status: 'failed'; error: { code: string; message: string } }
      | { status: 'cancelled' },
  ): Promise<JobRecord> {
    let endsNow = false;
    const job = await this.modify(tenantId, projectId, jobId, (current) => {
      endsNow = !isTerminal(current.status);
      return {
        ...current,
        status: outcome.status,
        result: outcome.status === 'succeeded' ? outcome.result : current.result,
        error: outcome.status === 'failed' ? outcome.error : null,
        progress: { ...current.progress, phase: outcome.status, etaSeconds: 0 },
        finishedAt: this.now(),
      };
    });
    await this.releaseClaims(tenantId, projectId, jobId, job.kind);
    // Settling an ended job again (a retried activity, a cancel after the end) is not another ending.
    if (endsNow) await this.measureEnd(job, outcome.status);
    return job;
  }

  /** Duration and outcome per kind; a project's first successful production is its completion. */
  private async measureEnd(job: JobRecord, outcome: JobOutcome): Promise<void> {
    const { metrics } = this.deps;
    if (!metrics) return;
    const durationMs = Date.parse(job.finishedAt ?? this.now()) - Date.parse(job.createdAt);
    metrics.record({ name: 'job.ended', tenantId: job.tenantId, kind: job.kind, outcome, durationMs });
    if (job.kind !== 'produce' || outcome !== 'succeeded') return;
    try {
      // One job runs per project at a time, so exactly one production sees itself as the first success.
      const successes = await this.deps.jobs.count(job.tenantId, job.projectId, {
        op: 'and',
        filters: [
          { field: 'type', op: 'eq', value: 'job' },
          { field: 'kind', op: 'eq', value: 'produce' },
          { field: 'status', op: 'eq', value: 'succeeded' },
        ],
      });
      const project = successes === 1 ? await this.deps.projects.find(job.tenantId, job.projectId) : undefined;
      if (project) {
        metrics.record({
          name: 'project.completed',
          tenantId: job.tenantId,
          createdDay: project.createdAt.slice(0, 10),
        });
      }
    } catch {
      // A measurement is not worth failing the job's settlement for.
    }
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
    // An orchestration that no longer exists (ended or purged without settling the job) has nothing left to stop:
    // the job is still settled, which frees the project and the production slot it held.
    await orchestrations.raiseEvent(jobId, 'cancel', { by: user.userId }).catch(() => undefined);
    return this.finish(user.tenantId, projectId, jobId, { status: 'cancelled' });
  }

  private async releaseClaims(tenantId: string, projectId: string, jobId: string, kind: JobKind): Promise<void> {
    await this.locks.release(tenantId, projectId, jobId);
    if (PRODUCTION_KINDS.has(kind)) await this.slots.release(tenantId, jobId);
  }

  /**
   * Whether a claimed job has ended without freeing its claims: it finished, its start died before the job was
   * recorded, its project was purged, or its orchestration ended without settling it (then the job is marked failed
   * here, which frees its claims).
   */
  private async hasEnded(
    tenantId: string,
    projectId: string,
    jobId: string,
    claimedAt: string,
    orchestrations: OrchestrationClient,
  ): Promise<boolean> {
    const job = await this.deps.jobs.get(tenantId, projectId, jobId);
    if (!job) return this.deps.clock.now().getTime() - Date.parse(claimedAt) > UNFULFILLED_CLAIM_GRACE_MS;
    if (isTerminal(job.status)) return true;
    if (!(await this.deps.projects.find(tenantId, projectId))) return true;
    const runtime = await orchestrations.runtimeStatus(jobId);
    if (runtime === undefined || !ENDED_ORCHESTRATION_STATUSES.has(runtime)) return false;
    await this.finish(tenantId, projectId, jobId, {
      status: 'failed',
      error: { code: 'job_interrupted', message: 'The job stopped before it finished; start it again' },
    });
    return true;
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
