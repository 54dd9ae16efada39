/**
 * The job-level story of production (and of regeneration, the same production with a retake): assessment before
 * spending (plan complete, estimate, quota), the start, the segment batches of a chapter, cancel checkpoints, progress
 * while the work runs, and the outcome (job document, project facts, events through JobService). The API uses the
 * assessment and the quota check to refuse at once; the orchestration's activities call the rest, one line each.
 */
import { NARRATOR_ID } from '../characters/character';
import type { CostEstimate } from '../costs/estimate';
import type { CostService } from '../costs/costService';
import type { JobInput, JobProgress, JobRef } from '../jobs/job';
import type { JobService, ProgressChange } from '../jobs/jobService';
import type { PackagePlatform } from '../packaging';
import type { VoiceDescriptor } from '../casting/casting';
import type { PlanService } from '../planning/planService';
import type { ProjectCollection } from '../ports/documents';
import type { SpeechEngine } from '../ports/speech';
import type { Clock, Logger } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import { SSML_LIMITS } from '../ssml/planRequests';
import { billableCharacters } from '../ssml/text';
import type { TenantRecord } from '../tenants/tenant';
import type { TenantService } from '../tenants/tenantService';
import type { TenantStorageUsage } from '../tenants/storageUsage';
import { estimateProductionBytes } from './outputSize';
import type { PackageRecord } from './packageRecord';
import { summarizeBookPlan } from './planSummaries';
import {
  blockingProblems,
  findPackageProblems,
  findPlanProblems,
  findVoiceProblems,
  PlanIncompleteError,
  type PreflightOptions,
  type PreflightProblem,
  type SkippedItem,
} from './preflight';
import { chaptersOf, charactersOf, segmentsOfChapter, type ProductionBook } from './productionBook';
import { chunk, etaSeconds } from './progress';
import { SpeechCancelledError } from './speechRetry';
import { allEnded } from './allEnded';

/** Markup the SSML of one segment adds around its text (voice, prosody), for the estimate. */
const SSML_OVERHEAD_PER_SEGMENT = 40;
/** Observed offline engine + mastering throughput, for the time estimate: seconds of work per character. */
const SECONDS_PER_CHARACTER = 0.004;
/** Neural list price, for "cost so far" while the job runs; the cost records are the real account. */
const USD_PER_CHARACTER = { offline: 0, azure: 16 / 1_000_000 } as const;

/** What synthesizing one segment of this text bills (its text plus the markup around it), for a reservation. */
export function segmentCharacters(text: string): number {
  return billableCharacters(text) + SSML_OVERHEAD_PER_SEGMENT;
}

/** Length of the audio `characters` become, at an audiobook's usual speaking rate. */
function audioSecondsOf(characters: number): number {
  return Math.ceil((characters / SSML_LIMITS.charsPerMinute) * 60);
}

/** How often running work looks at its job for a cancel: one point read per tick, at most a second of new work lost. */
const STOP_POLL_MS = 1_000;

/**
 * Segments per synthesis activity: enough to keep the TTS limiter busy with few activities (each holds one of the
 * host's activity slots while its segments wait for an engine, and a chapter's mastering needs a free slot as soon as
 * its synthesis ends), small enough to lose little on a crash (each segment's audio is stored as it is made).
 */
const SEGMENTS_PER_BATCH = 24;

export interface ProductionJobDeps {
  jobs: Pick<JobService, 'isStopRequested' | 'markRunning' | 'find' | 'finish' | 'advanceProgress'>;
  projects: Pick<ProjectService, 'find' | 'updateFacts'>;
  tenants: Pick<TenantService, 'assertActive'>;
  /** The tenant's stored bytes as last measured (a point read, never a listing). */
  storage: Pick<TenantStorageUsage, 'current'>;
  costs: Pick<CostService, 'estimate' | 'checkQuota'>;
  planning: Pick<PlanService, 'recountFacts'>;
  book: ProductionBook;
  packages: ProjectCollection<PackageRecord>;
  /** The configured engine's voice catalog (the voices a plan may use). */
  voices(): Promise<VoiceDescriptor[]>;
  speechEngine: SpeechEngine;
  clock: Clock;
  logger: Logger;
}

export interface ProductionAssessment {
  /**
   * Everything production would meet: blocking problems (a job is refused while any remains; only reported when not
   * refusing) and warnings (what a job leaves out, which retailer rules its packages would fail).
   */
  problems: PreflightProblem[];
  /** The chapters production renders. */
  chapters: { chapterId: string; title: string; segmentCount: number }[];
  /** Chapters left out whole: nothing in them can be spoken. */
  skipped: SkippedItem[];
  segmentsTotal: number;
  billableCharacters: number;
  estimate: CostEstimate;
  estimatedSeconds: number;
  /** Length of the audio the plan will become, at an audiobook's usual speaking rate (990 characters a minute). */
  estimatedAudioSeconds: number;
  /** The same length for every live chapter of the book when asked for (`countBook`), else the chapters'. */
  bookAudioSeconds: number;
}

export type AssessOptions = PreflightOptions & {
  refuse?: boolean;
  platforms?: readonly PackagePlatform[];
  /** Also count the chapters outside `chapterIds` (their size only, for the storage a whole book's packages take). */
  countBook?: boolean;
};

export interface ProductionJobInput extends JobInput {
  platforms: PackagePlatform[];
  chapterIds?: string[] | null;
  allowUnknownSpeakers?: boolean;
}

/**
 * The preflight's input: a regeneration's job input (which the orchestration passes whole) adds its retake, the
 * segment, its chapter and whether an existing take is made current instead of rendering a new one.
 */
export interface PreflightInput extends ProductionJobInput {
  chapterId?: string;
  segmentId?: string;
  selected?: boolean;
}

/** What the quota is checked against: the characters to synthesize and the audio the stored files will hold. */
interface QuotaDemand {
  billableCharacters: number;
  estimatedAudioSeconds: number;
}

export interface PreflightResult {
  cancelled: boolean;
  chapterIds: string[];
  /** Chapters left out because nothing in them can be spoken. */
  skipped: SkippedItem[];
}

export class ProductionJob {
  constructor(private readonly deps: ProductionJobDeps) {}

  /** The plan's problems, what production would render and its estimate; refuses a blocked plan unless told not to. */
  async assess(
    tenantId: string,
    projectId: string,
    chapterIds: string[] | null | undefined,
    options: AssessOptions = {},
  ): Promise<ProductionAssessment> {
    const { deps } = this;
    const [project, catalog] = await Promise.all([deps.projects.find(tenantId, projectId), deps.voices()]);
    const [plan, cast] = await Promise.all([
      // Read from each chapter's plan totals, not from every segment (planSummaries.ts).
      summarizeBookPlan(deps.book, tenantId, projectId, chapterIds, project?.metadata.language, {
        countBook: options.countBook,
      }),
      charactersOf(deps.book, tenantId, projectId),
    ]);
    const { summaries, segmentProblems, skipped, chapters: counts } = plan;
    const characters = plan.billableCharacters + plan.segmentCount * SSML_OVERHEAD_PER_SEGMENT;
    const bookCharacters = plan.book.billableCharacters + plan.book.segmentCount * SSML_OVERHEAD_PER_SEGMENT;
    const speakers = new Set([NARRATOR_ID, ...summaries.flatMap((summary) => summary.speakerIds)]);
    const problems = [
      ...findPlanProblems(summaries, cast, options),
      ...findVoiceProblems(
        cast.filter((character) => speakers.has(character.characterId)),
        new Set(catalog.map((voice) => voice.name)),
      ),
      ...segmentProblems,
      ...(project ? findPackageProblems(project, options.platforms ?? []) : []),
    ];
    const blocking = blockingProblems(problems);
    if (blocking.length > 0 && options.refuse !== false) throw new PlanIncompleteError(blocking);
    const tenant = await deps.tenants.assertActive(tenantId);
    const voiceClass = deps.speechEngine === 'offline' ? 'offline' : 'neural';
    return {
      problems,
      chapters: counts,
      skipped,
      segmentsTotal: counts.reduce((sum, c) => sum + c.segmentCount, 0),
      billableCharacters: characters,
      estimate: deps.costs.estimate({ billableCharacters: characters, voiceClass }, tenant.plan),
      estimatedSeconds: Math.ceil(characters * SECONDS_PER_CHARACTER),
      estimatedAudioSeconds: audioSecondsOf(characters),
      bookAudioSeconds: audioSecondsOf(bookCharacters),
    };
  }

  /**
   * Refuses (quota_exceeded) before anything is spent: the month's characters and the storage the deliverables would
   * take on top of what the tenant stores now. Concurrent productions are not counted here: the job claims one of the
   * tenant's production slots atomically when it starts (core/jobs/productionSlots.ts), and holds it until it ends.
   */
  async checkQuota(
    job: { tenantId: string; projectId: string; platforms: PackagePlatform[] },
    assessment: ProductionAssessment,
  ): Promise<void> {
    await this.enforceQuota(job, assessment, await this.quotaState(job.tenantId));
  }

  /**
   * The job starts for real: checked again (the plan or quota may have changed since the request), then running.
   * A retake renders one chapter: its plan is checked there, the characters are its segment's (none for a take made
   * current), and the storage is the book's, whose packages are built again whole.
   */
  async preflight(input: PreflightInput): Promise<PreflightResult> {
    const { jobs, projects } = this.deps;
    if (await jobs.isStopRequested(input)) return { cancelled: true, chapterIds: [], skipped: [] };
    const retake =
      input.chapterId && input.segmentId
        ? { chapterId: input.chapterId, segmentId: input.segmentId, selected: input.selected === true }
        : undefined;
    // The job's start and the reads the checks need touch different documents, so they run side by side (the
    // tenant's stored bytes, a listing of its blobs, takes longest). All end before a check refuses the job.
    const [, assessment, quota, retakeCharacters] = await allEnded(
      jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'preflight', { platforms: input.platforms }),
      this.assess(input.tenantId, input.projectId, retake ? [retake.chapterId] : input.chapterIds, {
        allowUnknownSpeakers: input.allowUnknownSpeakers,
        platforms: input.platforms,
        countBook: retake !== undefined,
      }),
      this.quotaState(input.tenantId),
      retake && !retake.selected ? this.segmentCharactersOf(input, retake.segmentId) : Promise.resolve(0),
    );
    const demand: QuotaDemand = retake
      ? { billableCharacters: retakeCharacters, estimatedAudioSeconds: assessment.bookAudioSeconds }
      : assessment;
    await this.enforceQuota(input, demand, quota);
    await Promise.all([
      projects.updateFacts(input.tenantId, input.projectId, { activeJobId: input.jobId }),
      this.setProgress(input, {
        phase: 'synthesizing',
        chaptersTotal: assessment.chapters.length,
        chaptersDone: 0,
        segmentsTotal: assessment.segmentsTotal,
        segmentsDone: 0,
        message: `Estimated ${assessment.estimate.totalUsd.toFixed(2)} USD`,
      }),
    ]);
    return { cancelled: false, chapterIds: assessment.chapters.map((c) => c.chapterId), skipped: assessment.skipped };
  }

  /** The tenant (refused when not active) and the bytes it stores, as last measured. */
  private async quotaState(tenantId: string): Promise<[TenantRecord, number]> {
    const [tenant, stored] = await Promise.all([
      this.deps.tenants.assertActive(tenantId),
      this.deps.storage.current(tenantId),
    ]);
    return [tenant, stored.bytes];
  }

  /**
   * Refuses (quota_exceeded) when the month's characters or the storage the files would take, on top of what the
   * tenant stores now, pass the tenant's quotas.
   */
  private async enforceQuota(
    job: { platforms: PackagePlatform[] },
    demand: QuotaDemand,
    [tenant, storedBytes]: [TenantRecord, number],
  ): Promise<void> {
    await this.deps.costs.checkQuota(tenant, {
      characters: demand.billableCharacters,
      storageBytes: storedBytes + estimateProductionBytes(demand.estimatedAudioSeconds, job.platforms),
    });
  }

  /** What synthesizing one segment's current text bills; nothing for a segment that is gone (synthesis refuses it). */
  private async segmentCharactersOf(job: JobInput, segmentId: string): Promise<number> {
    const segment = await this.deps.book.segments.get(job.tenantId, job.projectId, segmentId);
    return segment ? segmentCharacters(segment.text) : 0;
  }

  /** A chapter's committed plan as batches of segment ids, one synthesis activity each. */
  async segmentBatches(input: JobInput & { chapterId: string }): Promise<{ cancelled: boolean; batches: string[][] }> {
    if (await this.deps.jobs.isStopRequested(input)) return { cancelled: true, batches: [] };
    const segments = await segmentsOfChapter(this.deps.book, input.tenantId, input.projectId, input.chapterId);
    return {
      cancelled: false,
      batches: chunk(
        segments.map((s) => s.id),
        SEGMENTS_PER_BATCH,
      ),
    };
  }

  /** Between steps: stop if the job was stopped, otherwise note the phase (and chapters done) reached. */
  async checkpoint(input: JobInput & { phase?: string; chaptersDone?: number }): Promise<{ cancelled: boolean }> {
    if (await this.deps.jobs.isStopRequested(input)) return { cancelled: true };
    const patch: Record<string, unknown> = {};
    if (input.phase) patch.phase = input.phase;
    if (input.chaptersDone !== undefined) patch.chaptersDone = input.chaptersDone;
    if (Object.keys(patch).length > 0) await this.setProgress(input, patch);
    return { cancelled: false };
  }

  async finish(input: JobInput & { result: Record<string, unknown> }): Promise<void> {
    const { jobs } = this.deps;
    if (!(await jobs.find(input.tenantId, input.projectId, input.jobId))) return this.settleFacts(input);
    // The project shows what the job did before the job says it has ended: whoever sees it end and reads the project
    // again then finds the new counts, not the old ones. Should that fail, the job still ends, and settles after.
    // (A job cancelled meanwhile stays cancelled: JobService lets the cancel win.)
    const settled = await this.settleFacts(input).then(
      () => true,
      () => false,
    );
    await jobs.finish(input.tenantId, input.projectId, input.jobId, { status: 'succeeded', result: input.result });
    if (!settled) await this.settleFacts(input);
  }

  async fail(input: JobInput & { code: string; message: string }): Promise<void> {
    const { jobs } = this.deps;
    if (!(await jobs.find(input.tenantId, input.projectId, input.jobId))) return this.settleFacts(input);
    const error = { code: input.code, message: input.message.slice(0, 2000) };
    const settled = await this.settleFacts(input).then(
      () => true,
      () => false,
    );
    await jobs.finish(input.tenantId, input.projectId, input.jobId, { status: 'failed', error });
    if (!settled) await this.settleFacts(input);
  }

  /** After a cancel: the project no longer shows the job as active, and its counts reflect the audio kept. */
  settleStopped(input: JobInput): Promise<void> {
    return this.settleFacts(input);
  }

  /**
   * Progress from work running side by side: counters are added to the current values (re-applied on a lost race)
   * rather than written as absolute values.
   */
  async addProgress(
    job: JobRef,
    added: { segmentsDone?: number; chaptersDone?: number; billableCharacters?: number },
  ): Promise<void> {
    const costAdded = (added.billableCharacters ?? 0) * USD_PER_CHARACTER[this.deps.speechEngine];
    await this.changeProgress(job, (progress, record) => {
      const segmentsDone = Math.min(progress.segmentsTotal, progress.segmentsDone + (added.segmentsDone ?? 0));
      const startedAt = Date.parse(record.startedAt ?? record.createdAt);
      return {
        segmentsDone,
        chaptersDone: progress.chaptersDone + (added.chaptersDone ?? 0),
        costSoFarUsd: Math.round((progress.costSoFarUsd + costAdded) * 1e6) / 1e6,
        etaSeconds: etaSeconds(segmentsDone, progress.segmentsTotal, startedAt, this.deps.clock.now().getTime()),
      };
    });
  }

  setProgress(job: JobRef, patch: Partial<JobProgress>): Promise<void> {
    return this.changeProgress(job, patch);
  }

  /**
   * Polls the job while work runs and aborts `controller` once the job is stopped (the cancel may come from another
   * process, so the job document is the signal). Returns the function that ends the watch.
   */
  watchStop(job: JobRef, controller: AbortController, intervalMs = STOP_POLL_MS): () => void {
    let checking = false;
    const timer = setInterval(() => {
      if (checking || controller.signal.aborted) return;
      checking = true;
      this.deps.jobs
        .isStopRequested(job)
        .then(
          (stopped) => {
            if (stopped) controller.abort(new SpeechCancelledError('the job was stopped'));
          },
          // A failed read is only a missed tick; the next one asks again.
          () => undefined,
        )
        .finally(() => {
          checking = false;
        });
    }, intervalMs);
    return () => clearInterval(timer);
  }

  private async changeProgress(job: JobRef, change: ProgressChange): Promise<void> {
    try {
      await this.deps.jobs.advanceProgress(job, change);
    } catch (error) {
      // Progress is advisory: losing one update must not fail the work it describes.
      this.deps.logger.warn('job progress update failed', { jobId: job.jobId, error: String(error) });
    }
  }

  /** Recounts what production changed, so the workflow view reflects the stored audio and packages. */
  private async settleFacts(job: JobInput): Promise<void> {
    const { deps } = this;
    const chapters = (await chaptersOf(deps.book, job.tenantId, job.projectId)).filter((c) => !c.deleted);
    await deps.planning.recountFacts(job.tenantId, job.projectId);
    const packages = await deps.packages.list(job.tenantId, job.projectId, {
      filter: { field: 'type', op: 'eq', value: 'package' },
      page: { pageSize: 100 },
    });
    await deps.projects.updateFacts(job.tenantId, job.projectId, (facts) => ({
      chaptersMastered: chapters.filter((c) => c.master !== null).length,
      packagesReady: new Set(packages.items.filter((p) => p.readiness.passed).map((p) => p.platform)).size,
      activeJobId: facts.activeJobId === job.jobId ? null : facts.activeJobId,
    }));
  }
}
