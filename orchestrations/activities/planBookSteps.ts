/**
 * What the `plan` job's activities do, apart from their registration (planBookActivities.ts), so a test can run a step
 * again by hand as a retry would. Each reads what it needs from Cosmos and returns a small summary, so orchestration
 * history never carries chapter text. At-least-once safe: planning a chapter again commits exactly one plan
 * generation, progress is written as totals (never increments), costs are recorded under deterministic dedupe keys,
 * and a finished (or cancelled) job is never finished again.
 */
import type { Services } from '../../adapters/compositionRoot';
import { HeuristicAttribution } from '../../core/characters/heuristicEngines';
import { PreconditionFailedError } from '../../core/errors';
import { isTerminal, type JobInput, type JobProgress } from '../../core/jobs/job';
import type { AnalysisEngines, AttributionEngine } from '../../core/ports/analysis';
import { recordTokenCost } from '../../core/jobs/tokenCosts';

/** The `plan` job's activities, named `<orchestration><Step>` like every orchestration's. */
export const planBookActivities = {
  start: 'planBookStart',
  chapter: 'planBookChapter',
  finish: 'planBookFinish',
} as const;
/** Each attempt retries the job's own read-modify-write several times; this bounds a runaway, not a real contest. */
const MAX_PROGRESS_ATTEMPTS = 10;

export interface PlanBookInput extends JobInput {
  chapterIds?: string[];
}

export type PlanStartOutcome = { status: 'cancelled' } | { status: 'running'; chapterIds: string[] };

export interface PlanChapterInput extends PlanBookInput {
  chapterId: string;
  position: number;
  total: number;
  /** Segments the chapters before this one reported: progress is set to totals, so a repeated step adds nothing. */
  segmentsBefore: number;
}

export type PlanChapterOutcome =
  { status: 'cancelled' } | { status: 'planned'; segments: number; flagged: number; tokens: number };

export type PlanFinishInput = PlanBookInput &
  (
    | { outcome: 'succeeded'; chapterIds: string[]; tokens: number }
    | { outcome: 'failed'; message: string }
    | { outcome: 'cancelled' }
  );

/** The composition root's attribution engine when it has one (LLM or heuristic by config), else the heuristic. */
export function attributionEngine(svc: Services): AttributionEngine {
  const analysis = (svc as Services & { analysis?: AnalysisEngines }).analysis;
  return analysis?.attribution ?? new HeuristicAttribution();
}

export async function planBookStart(svc: Services, input: PlanBookInput): Promise<PlanStartOutcome> {
  if (await svc.jobs.isStopRequested(input)) return { status: 'cancelled' };
  const chapterIds = await svc.planning.chaptersToPlan(input.tenantId, input.projectId, input.chapterIds);
  await svc.jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'planning');
  await svc.jobs.reportProgress(input.tenantId, input.projectId, input.jobId, {
    chaptersTotal: chapterIds.length,
    chaptersDone: 0,
  });
  return { status: 'running', chapterIds };
}

export async function planBookChapter(svc: Services, input: PlanChapterInput): Promise<PlanChapterOutcome> {
  if (await svc.jobs.isStopRequested(input)) return { status: 'cancelled' };
  const project = await svc.projects.find(input.tenantId, input.projectId);
  if (!project) throw new Error('The project no longer exists');
  const summary = await svc.planning.planChapter(
    input.tenantId,
    input.projectId,
    input.chapterId,
    attributionEngine(svc),
    project.metadata.language,
    input.jobId,
  );
  await recordTokenCost(svc, input, summary.usage, `${input.jobId}:${input.chapterId}`);
  const segments = input.segmentsBefore + summary.segments;
  await reportTotals(svc, input, {
    chaptersDone: input.position + 1,
    segmentsDone: segments,
    segmentsTotal: segments,
    message: `Planned chapter ${input.position + 1} of ${input.total}`,
  });
  return {
    status: 'planned',
    segments: summary.segments,
    flagged: summary.flagged,
    tokens: summary.usage.promptTokens + summary.usage.completionTokens,
  };
}

/**
 * Progress is written as totals, so writers of the same step (a replay racing the original) write the same values and
 * a lost race is simply tried again.
 */
async function reportTotals(svc: Services, job: PlanBookInput, totals: Partial<JobProgress>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await svc.jobs.reportProgress(job.tenantId, job.projectId, job.jobId, totals);
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_PROGRESS_ATTEMPTS) throw error;
    }
  }
}

/** Recounts the facts and ends the job; a succeeded job reports what is stored, not what the steps said. */
export async function planBookFinish(svc: Services, input: PlanFinishInput): Promise<void> {
  const { tenantId, projectId, jobId } = input;
  await svc.planning.recountFacts(tenantId, projectId);
  const job = await svc.jobs.find(tenantId, projectId, jobId);
  if (!job || isTerminal(job.status)) return;
  if (input.outcome === 'succeeded') {
    const stored = await svc.planning.storedPlanCounts(tenantId, projectId, input.chapterIds);
    await svc.jobs.reportProgress(tenantId, projectId, jobId, {
      chaptersDone: stored.chapters,
      chaptersTotal: stored.chapters,
      segmentsDone: stored.segments,
      segmentsTotal: stored.segments,
    });
    await svc.jobs.finish(tenantId, projectId, jobId, {
      status: 'succeeded',
      result: { ...stored, tokens: input.tokens, engine: attributionEngine(svc).engine },
    });
  } else if (input.outcome === 'failed') {
    await svc.jobs.finish(tenantId, projectId, jobId, {
      status: 'failed',
      error: { code: 'planning_failed', message: input.message.slice(0, 500) },
    });
  } else {
    await svc.jobs.finish(tenantId, projectId, jobId, { status: 'cancelled' });
  }
}
