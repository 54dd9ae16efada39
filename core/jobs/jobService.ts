import type { ProjectAction } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { updateWithRetry } from '../common/optimisticUpdate';
import { NotFoundError, PreconditionFailedError, QuotaExceededError } from '../errors';
import type { Filter, Page, ProjectCollection, TenantDirectory, TransactionWrite } from '../ports/documents';
import { EventTypes, type EventPublisher } from '../ports/events';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { JobOutcome, MetricsRecorder } from '../ports/metrics';
import type { BlobStore } from '../ports/blobs';
import type { Clock, IdGenerator, Logger } from '../ports/system';
import { releaseJobPins } from '../production/chapterLinesPin';
import { refuseArchived, type ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import type { TenantRecord } from '../tenants/tenant';
import {
  initialProgress,
  isTerminal,
  jobOrchestrations,
  productionJobKinds,
  type JobKind,
  type JobProgress,
  type JobRecord,
  type JobRef,
  type JobStatus,
} from './job';
import { jobEndEventTypes, jobEvent } from './jobEvents';
import { ProductionSlots, type CharacterUsage } from './productionSlots';
import { freeLock, jobLockId, ProjectJobLocks, type LockHolder, type ProjectJobLock } from './projectJobLock';

export interface JobServiceDeps {
  jobs: ProjectCollection<JobRecord>;
  /** The per-project lock documents (kept beside the jobs). */
  locks: ProjectCollection<ProjectJobLock>;
  /** The jobs container holding both, so a claim and the job's record can be one transaction. */
  jobsAndLocks: Pick<ProjectCollection<JobRecord | ProjectJobLock>, 'transact'>;
  /** Tenants carry the concurrent-production slots. */
  tenants: TenantDirectory<TenantRecord>;
  /** The month's recorded characters, which a production's character reservation must fit beside. */
  characterUsage: CharacterUsage;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  /** Where every job kind's `khipu.job.*` events go. */
  events: EventPublisher;
  metrics?: MetricsRecorder;
  /**
   * Where productions pin what their chapters are made of (core/production/chapterLinesPin.ts). The orchestration
   * releases them at its own ending; a production found ended without it (its orchestration terminated, failed or
   * gone) has them released here.
   */
  pins?: Pick<BlobStore, 'deletePrefix'>;
  logger?: Logger;
  /**
   * How long after a job is recorded a missing orchestration still counts as a start in flight (unset: two minutes;
   * shorter in tests). Past it, a job without an orchestration is one whose start died and is settled as interrupted.
   */
  orchestrationStartGraceMs?: number;
}

/** A change of a job's progress: a patch, or computed from the current progress (for counters several workers add to). */
export type ProgressChange = Partial<JobProgress> | ((progress: JobProgress, job: JobRecord) => Partial<JobProgress>);

export interface StartJobRequest {
  /** Also names the orchestration that runs the job (jobOrchestrations). */
  kind: JobKind;
  input: Record<string, unknown>;
  /** The project action the caller needs (e.g. `project.update`). */
  action: ProjectAction;
  /** For a production: the characters its estimate says it will synthesize, reserved with its slot. */
  characters?: number;
  /**
   * What the caller records once the job holds the project and before its orchestration starts (so the job cannot
   * have ended yet); a start that loses the project never runs it. A failure fails the start.
   */
  beforeStart?: (job: JobRecord) => Promise<void>;
}

const PRODUCTION_KINDS: ReadonlySet<JobKind> = new Set(productionJobKinds);

/**
 * A claim made this long ago whose job document does not exist is stale. The claim and the job's record are one
 * write, so only a lock written by an earlier version (a production's, claimed before its record) can be one.
 */
const UNFULFILLED_CLAIM_GRACE_MS = 2 * 60_000;

/**
 * Rounds of optimistic retries (each several attempts) a progress change gets: enough for every parallel activity of
 * a production to report at once, while a document that can never be written still fails.
 */
const PROGRESS_ROUNDS = 8;

/**
 * Attempts at a job write under its ETag: each lost race is another writer's win (activities reporting progress, the
 * ending, cancels), so a busy job only needs more attempts, while a document that can never be written still fails.
 */
const JOB_WRITE_ATTEMPTS = 100;

/**
 * Attempts at clearing a job's pin mark: each lost race is another writer's win (progress, the ending), and once the
 * job's chapters have ended few writers are left.
 */
const MARK_ATTEMPTS = 20;

/**
 * A job recorded this long ago whose orchestration does not exist belongs to a start that died between recording the
 * job and starting its orchestration (which takes milliseconds), or to an orchestration that was purged.
 */
const ORCHESTRATION_START_GRACE_MS = 2 * 60_000;

/**
 * How long after its record a job that never ran is still started when found without its orchestration; past it, it
 * is failed as interrupted instead (nobody expects work asked for so long ago to begin now).
 */
const RESUME_WINDOW_MS = 60 * 60_000;

/** A status read the runtime did not answer: says nothing about the orchestration. */
const UNREADABLE = 'unreadable';

/** Durable runtime statuses of an orchestration that will never settle its job any more. */
const ENDED_ORCHESTRATION_STATUSES: ReadonlySet<string> = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);

/**
 * Every job kind changes the same project data, so one job runs per project at a time: the project's lock is
 * claimed before the job exists. Productions also claim a tenant slot (the concurrent-jobs quota). Both are freed
 * when the job finishes, fails or is cancelled, and recovered when a job ended without freeing them.
 */
type JobEnding =
  | { status: 'succeeded'; result: Record<string, unknown> }
  | { status: 'failed'; error: { code: string; message: string } }
  | { status: 'cancelled' };

/** How a stored job ended, or undefined while it has not. */
function endingOf(job: JobRecord): JobEnding | undefined {
  if (job.status === 'succeeded') return { status: 'succeeded', result: job.result ?? {} };
  if (job.status === 'failed')
    return { status: 'failed', error: job.error ?? { code: 'job_failed', message: 'The job failed' } };
  if (job.status === 'cancelled') return { status: 'cancelled' };
  return undefined;
}

/**
 * Whether a job may still have pins: a production marked as holding them, or one recorded before the mark existed
 * (its field absent), whose ending is not known to have released them.
 */
function mayHoldPins(job: JobRecord): boolean {
  return PRODUCTION_KINDS.has(job.kind) && job.pinsHeld !== false;
}

export class JobService {
  private readonly locks: ProjectJobLocks;
  private readonly slots: ProductionSlots;

  constructor(private readonly deps: JobServiceDeps) {
    this.locks = new ProjectJobLocks({ locks: deps.locks, clock: deps.clock });
    this.slots = new ProductionSlots({ tenants: deps.tenants, usage: deps.characterUsage, clock: deps.clock });
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
    refuseArchived(project);
    const { tenantId } = user;
    const orchestration = jobOrchestrations[request.kind];
    const jobId = this.deps.ids.newId('job');
    const now = this.now();
    // The project's holder is resumed when its start died after recording it (the user was told it started); a
    // slot's holder is only judged, so that claiming a slot never claims another one on the way.
    const holderEnded = (held: LockHolder) =>
      this.hasEnded(tenantId, project.id, held.jobId, held.claimedAt, orchestrations, 'resume');
    const ended = (held: { projectId: string; jobId: string; claimedAt: string }) =>
      this.hasEnded(tenantId, held.projectId, held.jobId, held.claimedAt, orchestrations, 'judge');
    const isProduction = PRODUCTION_KINDS.has(request.kind);
    const record: JobRecord = {
      id: jobId,
      type: 'job',
      tenantId,
      projectId: project.id,
      kind: request.kind,
      status: 'queued',
      orchestration,
      input: request.input,
      progress: initialProgress,
      result: null,
      error: null,
      cancelRequested: false,
      attempt: 1,
      createdBy: user.userId,
      createdAt: now,
      ...(isProduction ? { pinsHeld: true } : {}),
      ...(isProduction && request.characters ? { reservedCharacters: request.characters } : {}),
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    };
    // The claim and the job's record are one transaction (the lock and the job share the project's partition): no
    // process can die between them and leave the project held by a job that was never recorded.
    let job: JobRecord = record;
    await this.locks.claim(
      tenantId,
      project.id,
      { jobId, kind: request.kind, claimedAt: now },
      holderEnded,
      async (lockWrite) => {
        const [, stored] = await this.deps.jobsAndLocks.transact(tenantId, project.id, [
          lockWrite,
          { op: 'create', doc: record },
        ]);
        job = (stored as JobRecord | undefined) ?? record;
      },
    );
    if (isProduction) {
      const slotRefused = await this.claimSlot(job, ended).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (slotRefused !== undefined) {
        const current = await this.withdraw(job).catch(() => undefined);
        // A request that found the job without its orchestration took it over meanwhile and holds a slot for it:
        // the production runs, and this start answers it.
        if (!current || isTerminal(current.status) || !current.resumedAt) throw slotRefused;
        job = current;
      }
    }
    try {
      await request.beforeStart?.(job);
      await this.startOrchestration(job, orchestrations);
      return job;
    } catch (error) {
      // Whatever stopped the start, the claims go back and the job is marked failed, not left queued.
      await this.finish(tenantId, project.id, jobId, {
        status: 'failed',
        error: { code: 'start_failed', message: 'The job could not be started; start it again' },
      }).catch(() => undefined);
      throw error;
    }
  }

  private startOrchestration(job: JobRecord, orchestrations: OrchestrationClient): Promise<void> {
    return orchestrations.start(job.orchestration, job.id, {
      tenantId: job.tenantId,
      projectId: job.projectId,
      jobId: job.id,
      userId: job.createdBy,
      ...job.input,
    });
  }

  /**
   * Claims the production's slot with its recorded reservation. The job is recorded before its slot, so a cancel can
   * settle it in between, freeing a slot it did not hold yet: a slot claimed for a job found ended afterwards is given
   * back (a cancel that settles it later frees it itself).
   */
  private async claimSlot(
    job: JobRecord,
    isStale: (held: { projectId: string; jobId: string; claimedAt: string }) => Promise<boolean>,
  ): Promise<void> {
    const { tenantId, projectId, id: jobId } = job;
    await this.slots.claim(tenantId, { jobId, projectId, characters: job.reservedCharacters }, isStale);
    const now = await this.deps.jobs.get(tenantId, projectId, jobId);
    if (!now || isTerminal(now.status)) await this.slots.release(tenantId, jobId);
  }

  /**
   * Takes back a production start refused a slot: the job's record and the project's claim go in one transaction,
   * conditional on both as this start wrote them, so the refused start leaves nothing behind. Answers the job as
   * stored when it was not withdrawn (a request resumed it meanwhile), undefined when it was.
   */
  private async withdraw(job: JobRecord): Promise<JobRecord | undefined> {
    const lock = await this.deps.locks.get(job.tenantId, job.projectId, jobLockId(job.projectId));
    const writes: TransactionWrite<JobRecord | ProjectJobLock>[] = [{ op: 'delete', id: job.id, etag: job.etag }];
    if (lock?.jobId === job.id) writes.push({ op: 'replace', doc: freeLock(lock, this.now()), etag: lock.etag! });
    try {
      await this.deps.jobsAndLocks.transact(job.tenantId, job.projectId, writes);
      return undefined;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) && !(error instanceof NotFoundError)) throw error;
      return this.deps.jobs.get(job.tenantId, job.projectId, job.id);
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

  /**
   * The one stop check of every job kind: start no new work when the job was cancelled (or a cancel was asked), has
   * failed (a sibling step's permanent error: what it would start is paid for nothing), or no longer exists.
   */
  async isStopRequested(ref: JobRef): Promise<boolean> {
    const job = await this.deps.jobs.get(ref.tenantId, ref.projectId, ref.jobId);
    return !job || job.cancelRequested || job.status === 'cancelled' || job.status === 'failed';
  }

  /**
   * Marks the job running and publishes `khipu.job.started` (again on a retried step: the event id is the same, so
   * subscribers see it once). `details` are added to the event's data.
   */
  async markRunning(
    tenantId: string,
    projectId: string,
    jobId: string,
    phase: string,
    details: object = {},
  ): Promise<JobRecord> {
    const job = await this.modify(tenantId, projectId, jobId, (current) =>
      isTerminal(current.status)
        ? current
        : {
            ...current,
            status: 'running',
            startedAt: current.startedAt ?? this.now(),
            progress: { ...current.progress, phase },
          },
    );
    if (!isTerminal(job.status))
      await this.deps.events.publish([jobEvent(job, EventTypes.jobStarted, this.now(), details)]);
    return job;
  }

  reportProgress(tenantId: string, projectId: string, jobId: string, patch: Partial<JobProgress>): Promise<JobRecord> {
    return this.advanceProgress({ tenantId, projectId, jobId }, patch);
  }

  /**
   * Changes a running job's progress under optimistic concurrency: several activities report at once, so a change
   * lost to a race is re-applied to the fresh document (counters add up instead of overwriting each other). An ended
   * job's progress stays as it ended.
   */
  async advanceProgress(ref: JobRef, change: ProgressChange): Promise<JobRecord> {
    for (let round = 1; ; round++) {
      try {
        return await this.modify(ref.tenantId, ref.projectId, ref.jobId, (job) => {
          if (isTerminal(job.status)) return job;
          const patch = typeof change === 'function' ? change(job.progress, job) : change;
          return { ...job, progress: { ...job.progress, ...patch } };
        });
      } catch (error) {
        // Every lost race is another writer's win, so each round makes progress; a busy job only needs more rounds.
        if (!(error instanceof PreconditionFailedError) || round >= PROGRESS_ROUNDS) throw error;
      }
    }
  }

  /**
   * Settles the job, frees what it held (the project's lock and, for productions, the tenant slot) and publishes the
   * ending (`khipu.job.completed` with the result, `khipu.job.failed` with the error, or `khipu.job.cancelled`).
   */
  async finish(tenantId: string, projectId: string, jobId: string, outcome: JobEnding): Promise<JobRecord> {
    let endsNow = false;
    let ending: JobEnding = outcome;
    const job = await this.modify(tenantId, projectId, jobId, (current) => {
      endsNow = !isTerminal(current.status);
      // An ended job keeps its ending: a late report, or a cancel that raced the end, does not rewrite it.
      if (!endsNow) return current;
      // A cancel wins over whatever the work reports after it: the user was told the job stops.
      if (current.cancelRequested) ending = { status: 'cancelled' };
      return {
        ...current,
        status: ending.status,
        result: ending.status === 'succeeded' ? ending.result : current.result,
        error: ending.status === 'failed' ? ending.error : null,
        progress: { ...current.progress, phase: ending.status, etaSeconds: 0 },
        finishedAt: this.now(),
      };
    });
    await this.releaseClaims(tenantId, projectId, jobId, job.kind);
    // Settling an ended job again (a retried activity, a cancel after the end) is not another ending.
    if (endsNow) await this.measureEnd(job, ending.status);
    const ended = endingOf(job) ?? ending;
    const details =
      ended.status === 'succeeded' ? ended.result : ended.status === 'failed' ? { error: ended.error } : {};
    // Published on a repeated settlement too (a retried step whose first run died before publishing): the event id
    // is the same, so subscribers see it once.
    await this.deps.events.publish([jobEvent(job, jobEndEventTypes[ended.status], this.now(), details)]);
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
    const { user } = await this.deps.projects.load(principal, projectId, 'project.cancelJob');
    const job = await this.deps.jobs.get(user.tenantId, projectId, jobId);
    if (!job) throw new NotFoundError('Job');
    if (isTerminal(job.status)) return job;
    await this.modify(user.tenantId, projectId, jobId, (current) =>
      current.cancelRequested || isTerminal(current.status) ? current : { ...current, cancelRequested: true },
    );
    // An orchestration that no longer exists (ended or purged without settling the job) has nothing left to stop:
    // the job is still settled, which frees the project and the production slot it held.
    await orchestrations.raiseEvent(jobId, 'cancel', { by: user.userId }).catch(() => undefined);
    const cancelled = await this.finish(user.tenantId, projectId, jobId, { status: 'cancelled' });
    // A running orchestration stops at its next check and releases the pins itself, once no chapter of it runs; one
    // that has ended (terminated, or gone) never will. Released after the job is marked, so an activity still running
    // for it finds the job stopped and removes what it writes after this.
    // A missing orchestration counts as ended only past the start's grace, as everywhere: a cancel sent between the
    // job's record and its orchestration's start finds none yet, and that orchestration, once started, stops at its
    // first step and clears the mark itself (ProductionJob.preflight).
    if (await this.orchestrationEnded(cancelled, orchestrations)) await this.releaseLeftovers(cancelled);
    return cancelled;
  }

  /**
   * What the job's orchestration would have removed at its ending (idempotent; a failure is logged, never thrown).
   * Once they are gone the job stops saying it holds pins, so the sweep looks at it no more.
   */
  private async releaseLeftovers(job: JobRecord): Promise<void> {
    const { pins, logger } = this.deps;
    if (!pins || !PRODUCTION_KINDS.has(job.kind)) return;
    try {
      await releaseJobPins(pins, { tenantId: job.tenantId, projectId: job.projectId, jobId: job.id });
      await this.markPinsReleased({ tenantId: job.tenantId, projectId: job.projectId, jobId: job.id });
    } catch (error) {
      // The copies then stay until the next sweep, as when the orchestration's own release fails.
      logger?.warn("releasing an ended job's pins failed", { jobId: job.id, error: String(error) });
    }
  }

  /**
   * A production's pins are gone (its orchestration's release, or the job service's): the job stops saying it holds
   * them, so the sweep passes it by. Only the mark is written, under the ETag of the copy read (a lost race reads
   * again), so progress, an ending or a cancel stored meanwhile stays as stored; a job without the mark (recorded
   * before it existed) is marked too. A job that is gone, or not a production, is left alone.
   */
  async markPinsReleased(ref: JobRef): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const job = await this.deps.jobs.get(ref.tenantId, ref.projectId, ref.jobId);
      if (!job || job.pinsHeld === false || !PRODUCTION_KINDS.has(job.kind)) return;
      try {
        await this.deps.jobs.replace({ ...job, pinsHeld: false }, job.etag!);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MARK_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * A job whose orchestration ended (or, past the start's grace, never existed) without settling it is marked failed
   * with `job_interrupted`, which frees its claims, and its pins are released. The one path for a claim that finds
   * such a holder and for the sweep. A job still waiting for its orchestration's start (recorded, never run, within
   * the hour) is started instead (`resume`), or, when only judged, counts as live. The job's own ending wins: `finish`
   * re-reads the job under its ETag, so a job that settled meanwhile keeps its ending. Returns whether the job has
   * ended.
   */
  async settleIfOrchestrationEnded(
    job: JobRecord,
    orchestrations: OrchestrationClient,
    awaitingStart: 'resume' | 'judge' = 'resume',
  ): Promise<boolean> {
    if (isTerminal(job.status)) return true;
    const runtime = await this.runtimeOf(job, orchestrations);
    if (runtime === undefined && this.awaitsItsStart(job)) {
      return awaitingStart === 'resume' ? this.resume(job, orchestrations) : false;
    }
    if (!this.hasOrchestrationEnded(job, runtime)) return false;
    const settled = await this.finish(job.tenantId, job.projectId, job.id, {
      status: 'failed',
      error: { code: 'job_interrupted', message: 'The job stopped before it finished; start it again' },
    });
    await this.releaseLeftovers(settled);
    return true;
  }

  /**
   * Recorded, acknowledged, never run, recently: a job whose start may have died between its record and its
   * orchestration's start. Such a job is started rather than failed, since the user was told it started.
   */
  private awaitsItsStart(job: JobRecord): boolean {
    const age = this.deps.clock.now().getTime() - Date.parse(job.createdAt);
    return job.status === 'queued' && job.startedAt === null && age <= RESUME_WINDOW_MS;
  }

  /**
   * Starts the orchestration of a job whose start did not (yet) reach it; starting one that already runs is a no-op,
   * so a start still on its way and any number of requests resuming it start it once. The job is marked resumed
   * first, under its ETag, so a production's own start refused a slot afterwards keeps it instead of withdrawing it.
   * A cancel asked meanwhile is settled; a production that finds no slot fails. Returns whether the job has ended.
   */
  private async resume(job: JobRecord, orchestrations: OrchestrationClient): Promise<boolean> {
    const { tenantId, projectId, id: jobId } = job;
    let taken: JobRecord;
    try {
      taken = await this.modify(tenantId, projectId, jobId, (current) =>
        isTerminal(current.status) || current.resumedAt ? current : { ...current, resumedAt: this.now() },
      );
    } catch (error) {
      // Withdrawn by its own start, which freed the project in the same write.
      if (error instanceof NotFoundError) return true;
      throw error;
    }
    if (isTerminal(taken.status)) return true;
    if (taken.cancelRequested) {
      await this.finish(tenantId, projectId, jobId, { status: 'cancelled' });
      return true;
    }
    if (PRODUCTION_KINDS.has(taken.kind)) {
      try {
        await this.claimSlot(taken, (held) =>
          this.hasEnded(tenantId, held.projectId, held.jobId, held.claimedAt, orchestrations, 'judge'),
        );
      } catch (error) {
        if (!(error instanceof QuotaExceededError)) throw error;
        await this.finish(tenantId, projectId, jobId, {
          status: 'failed',
          error: { code: 'start_failed', message: `The production could not be started: ${error.message}` },
        });
        return true;
      }
    }
    await this.startOrchestration(taken, orchestrations);
    this.deps.logger?.info('started a job whose start had not reached its orchestration', { jobId, kind: job.kind });
    return false;
  }

  /**
   * A settled production whose orchestration stopped before its own release step (terminated, failed in the runtime,
   * purged) still holds its pins: they are released once the orchestration has ended. So are those of a production
   * recorded before the mark existed, which may hold some: once, since the release marks it. Returns whether they
   * went.
   */
  async releasePinsOfEnded(job: JobRecord, orchestrations: OrchestrationClient): Promise<boolean> {
    if (!mayHoldPins(job) || !isTerminal(job.status)) return false;
    // A running orchestration (a lane failed the job, the other lane still works) releases them itself.
    if (!(await this.orchestrationEnded(job, orchestrations))) return false;
    await this.releaseLeftovers(job);
    return true;
  }

  /** Whether the job's orchestration will never act for it any more. */
  private async orchestrationEnded(job: JobRecord, orchestrations: OrchestrationClient): Promise<boolean> {
    return this.hasOrchestrationEnded(job, await this.runtimeOf(job, orchestrations));
  }

  /** The same, from a runtime status already read (`runtimeOf`). */
  private hasOrchestrationEnded(job: JobRecord, runtime: string | undefined): boolean {
    if (runtime === UNREADABLE) return false;
    if (runtime !== undefined) return ENDED_ORCHESTRATION_STATUSES.has(runtime);
    const graceMs = this.deps.orchestrationStartGraceMs ?? ORCHESTRATION_START_GRACE_MS;
    return this.deps.clock.now().getTime() - Date.parse(job.createdAt) > graceMs;
  }

  /** The Durable runtime status of the job's orchestration, undefined when none exists, UNREADABLE on no answer. */
  private async runtimeOf(job: JobRecord, orchestrations: OrchestrationClient): Promise<string | undefined> {
    try {
      return await orchestrations.runtimeStatus(job.id);
    } catch (error) {
      // Not known to have ended: the job keeps what it holds until the runtime answers.
      this.deps.logger?.warn("reading a job's orchestration status failed", { jobId: job.id, error: String(error) });
      return UNREADABLE;
    }
  }

  private async releaseClaims(tenantId: string, projectId: string, jobId: string, kind: JobKind): Promise<void> {
    await this.locks.release(tenantId, projectId, jobId);
    if (PRODUCTION_KINDS.has(kind)) await this.slots.release(tenantId, jobId);
  }

  /**
   * Whether a claimed job has ended without freeing its claims: it finished, its project was purged, or its
   * orchestration ended without settling it (then the job is marked failed here, which frees its claims). A job
   * recorded whose orchestration never started is started (`resume`, for the project's holder) or counts as live
   * (`judge`, for a slot's holder). A claim without its job is stale past the grace: only a lock written before the
   * claim and the job's record were one write can be one.
   */
  private async hasEnded(
    tenantId: string,
    projectId: string,
    jobId: string,
    claimedAt: string,
    orchestrations: OrchestrationClient,
    awaitingStart: 'resume' | 'judge',
  ): Promise<boolean> {
    const job = await this.deps.jobs.get(tenantId, projectId, jobId);
    if (!job) return this.deps.clock.now().getTime() - Date.parse(claimedAt) > UNFULFILLED_CLAIM_GRACE_MS;
    if (isTerminal(job.status)) return true;
    if (!(await this.deps.projects.find(tenantId, projectId))) return true;
    return this.settleIfOrchestrationEnded(job, orchestrations, awaitingStart);
  }

  private modify(
    tenantId: string,
    projectId: string,
    jobId: string,
    change: (job: JobRecord) => JobRecord,
  ): Promise<JobRecord> {
    let unchanged: JobRecord | undefined;
    return updateWithRetry(
      'Job',
      () => this.deps.jobs.get(tenantId, projectId, jobId),
      // A change that leaves the job as it is (an ended job, a cancel already asked) writes nothing, so callers
      // racing on one job (24 cancels at once) do not lose races to writes that changed nothing.
      async (doc, etag) => (doc === unchanged ? doc : this.deps.jobs.replace({ ...doc, updatedAt: this.now() }, etag)),
      (current) => {
        const next = change(current);
        unchanged = next === current ? current : undefined;
        return next;
      },
      JOB_WRITE_ATTEMPTS,
    );
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
