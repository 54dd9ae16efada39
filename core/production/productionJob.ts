/**
 * The job-level story of production (and of regeneration, the same production with a retake): the start (checked
 * again, then running), the segment batches of a chapter, cancel checkpoints and the outcome (job document, project
 * facts, events through JobService). What it would cost (productionAssessment.ts), the quota check
 * (productionQuota.ts), progress while the work runs (productionProgress.ts) and the watch for a stop (stopWatch.ts)
 * are modules of their own; this class is the one face the API and the orchestration's activities call, one line each.
 */
import type { CostService } from '../costs/costService';
import type { JobInput, JobProgress, JobRef } from '../jobs/job';
import type { JobService } from '../jobs/jobService';
import type { PackagePlatform } from '../packaging';
import type { VoiceDescriptor } from '../casting/casting';
import type { PlanService } from '../planning/planService';
import type { ProjectCollection } from '../ports/documents';
import type { SpeechEngine } from '../ports/speech';
import type { Clock, Logger } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import type { TenantService } from '../tenants/tenantService';
import type { TenantStorageUsage } from '../tenants/storageUsage';
import type { PackageRecord } from './packageRecord';
import type { SkippedItem } from './preflight';
import {
  ProductionAssessor,
  segmentCharacters,
  type AssessOptions,
  type ProductionAssessment,
} from './productionAssessment';
import { chaptersOf, segmentsOfChapter, type ProductionBook } from './productionBook';
import { ProductionProgress } from './productionProgress';
import { ProductionQuota, type QuotaDemand } from './productionQuota';
import { synthesisBatches } from './synthesisBatches';
import { dropChapterLines, pinChapterLines, readChapterLines, releaseJobPins } from './chapterLinesPin';
import { dropChapterPlanSources, readChapterPlanSources, type SpeechPlanSources } from './chapterPlanSources';
import { watchForStop } from './stopWatch';
import { allEnded } from './allEnded';

// Reservations and the API name this as the production job's own; it lives with the assessment that counts it.
export { segmentCharacters };

export interface ProductionJobDeps {
  jobs: Pick<
    JobService,
    'isStopRequested' | 'markRunning' | 'find' | 'finish' | 'advanceProgress' | 'markPinsReleased'
  >;
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
  /**
   * Where each chapter's production pins its plan sources and lines (chapterLinesPin.ts); without its `pins` store
   * the chapter's activities read them live.
   */
  speechPlan?: SpeechPlanSources;
  clock: Clock;
  logger: Logger;
}

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

export interface PreflightResult {
  cancelled: boolean;
  chapterIds: string[];
  /** Chapters left out because nothing in them can be spoken. */
  skipped: SkippedItem[];
}

export class ProductionJob {
  private readonly assessor: ProductionAssessor;
  private readonly quota: ProductionQuota;
  private readonly progress: ProductionProgress;

  constructor(private readonly deps: ProductionJobDeps) {
    this.assessor = new ProductionAssessor(deps);
    this.quota = new ProductionQuota(deps);
    this.progress = new ProductionProgress(deps);
  }

  /** The plan's problems, what production would render and its estimate; refuses a blocked plan unless told not to. */
  assess(
    tenantId: string,
    projectId: string,
    chapterIds: string[] | null | undefined,
    options: AssessOptions = {},
  ): Promise<ProductionAssessment> {
    return this.assessor.assess(tenantId, projectId, chapterIds, options);
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
    await this.quota.enforce(job, assessment, await this.quota.state(job.tenantId));
  }

  /**
   * The job starts for real: checked again (the plan or quota may have changed since the request), then running.
   * A retake renders one chapter: its plan is checked there, the characters are its segment's (none for a take made
   * current), and the storage is the book's, whose packages are built again whole.
   */
  async preflight(input: PreflightInput): Promise<PreflightResult> {
    const { jobs, projects } = this.deps;
    if (await jobs.isStopRequested(input)) {
      // Stopped before its first step (a cancel that came as the job was recorded): nothing of it was pinned, and the
      // story's way out from here has no release step, so the mark is cleared here (or by the sweep, should this fail).
      await jobs.markPinsReleased(input).catch((error: unknown) => this.markFailed(input, error));
      return { cancelled: true, chapterIds: [], skipped: [] };
    }
    const retake =
      input.chapterId && input.segmentId
        ? { chapterId: input.chapterId, segmentId: input.segmentId, selected: input.selected === true }
        : undefined;
    // The job's start and the reads the checks need touch different documents, so they run side by side. All end
    // before a check refuses the job.
    const [, assessment, quota, retakeCharacters] = await allEnded(
      jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'preflight', { platforms: input.platforms }),
      this.assess(input.tenantId, input.projectId, retake ? [retake.chapterId] : input.chapterIds, {
        allowUnknownSpeakers: input.allowUnknownSpeakers,
        platforms: input.platforms,
        countBook: retake !== undefined,
      }),
      this.quota.state(input.tenantId),
      retake && !retake.selected ? this.segmentCharactersOf(input, retake.segmentId) : Promise.resolve(0),
    );
    const demand: QuotaDemand = retake
      ? { billableCharacters: retakeCharacters, estimatedAudioSeconds: assessment.bookAudioSeconds }
      : assessment;
    await this.quota.enforce(input, demand, quota);
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

  /** What synthesizing one segment's current text bills; nothing for a segment that is gone (synthesis refuses it). */
  private async segmentCharactersOf(job: JobInput, segmentId: string): Promise<number> {
    const segment = await this.deps.book.segments.get(job.tenantId, job.projectId, segmentId);
    return segment ? segmentCharacters(segment.text) : 0;
  }

  /**
   * The chapter's lines in synthesis batches. With a pin store this is where the chapter's production pins its lines
   * and plan sources, before any batch runs: every later activity of the chapter plans from them.
   */
  async segmentBatches(input: JobInput & { chapterId: string }): Promise<{ cancelled: boolean; batches: string[][] }> {
    if (await this.deps.jobs.isStopRequested(input)) return { cancelled: true, batches: [] };
    const { book, speechPlan, clock } = this.deps;
    if (!speechPlan?.pins) {
      const segments = await segmentsOfChapter(book, input.tenantId, input.projectId, input.chapterId);
      return { cancelled: false, batches: synthesisBatches(segments.map((s) => s.id)) };
    }
    const pinned = await pinChapterLines(speechPlan.pins, input, () => readChapterLines(book, input));
    if (!pinned) return { cancelled: false, batches: [] };
    const pin = { jobId: input.jobId, chapterId: input.chapterId, readAt: clock.now().toISOString() };
    await readChapterPlanSources(speechPlan, input.tenantId, input.projectId, pin);
    // The job may have ended meanwhile and its pins been released (its orchestration terminated, and the job found
    // interrupted or cancelled): what this listing pinned after that is its own to remove. Nothing else uses this
    // chapter's copies: its synthesis and mastering start only from this listing's answer.
    if (await this.deps.jobs.isStopRequested(input)) {
      await dropChapterLines(speechPlan.pins, input);
      await dropChapterPlanSources(speechPlan.pins, input.tenantId, input.projectId, input);
      return { cancelled: true, batches: [] };
    }
    return { cancelled: false, batches: synthesisBatches(pinned.lines.map((line) => line.id)) };
  }

  /**
   * Removes what the job pinned for its chapters, once no activity of it needs them: every ending calls it after the
   * job's chapters have ended. Then the job stops saying it holds pins, so the job sweep never looks at it for them.
   * A failure is logged, never the job's: the mark then stays, and the sweep releases the pins on a later run.
   */
  async releasePins(input: JobInput): Promise<void> {
    const pins = this.deps.speechPlan?.pins;
    if (!pins) return;
    try {
      await releaseJobPins(pins, input);
    } catch (error) {
      this.deps.logger.warn('releasing the pinned plans failed', { jobId: input.jobId, error: String(error) });
      return;
    }
    await this.deps.jobs.markPinsReleased(input).catch((error: unknown) => this.markFailed(input, error));
  }

  private markFailed(job: JobRef, error: unknown): void {
    this.deps.logger.warn("clearing the job's pin mark failed", { jobId: job.jobId, error: String(error) });
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

  /** Progress from work running side by side, added to the current values (productionProgress.ts). */
  addProgress(
    job: JobRef,
    added: { segmentsDone?: number; chaptersDone?: number; billableCharacters?: number },
  ): Promise<void> {
    return this.progress.add(job, added);
  }

  setProgress(job: JobRef, patch: Partial<JobProgress>): Promise<void> {
    return this.progress.set(job, patch);
  }

  /** Aborts `controller` once the job is stopped (stopWatch.ts); returns the function that ends the watch. */
  watchStop(job: JobRef, controller: AbortController, intervalMs?: number): () => void {
    return watchForStop(this.deps.jobs, job, controller, intervalMs);
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
