/**
 * The `plan` job's steps: which chapters to plan, one chapter's plan, and the ending. Each reads what it needs itself
 * and returns a small summary, so orchestration history never carries chapter text. At-least-once safe: planning a
 * chapter again commits exactly one plan generation, progress is written as totals (never increments), costs are
 * recorded under deterministic dedupe keys, and a finished (or cancelled) job is never finished again. A step takes
 * its dependencies first, so a test can run it again by hand as a retry would.
 */
import type { AnalysisEngines } from '../ports/analysis';
import type { PlanService } from '../planning/planService';
import type { ProjectService } from '../projects/projectService';
import { isTerminal, type JobInput } from './job';
import type { JobService } from './jobService';
import { recordTokenCost, type TokenCostDeps } from './tokenCosts';

export interface PlanBookDeps extends TokenCostDeps {
  jobs: JobService;
  projects: Pick<ProjectService, 'find'>;
  planning: Pick<PlanService, 'chaptersToPlan' | 'planChapter' | 'recountFacts' | 'storedPlanCounts'>;
  /** The attribution engine (Azure OpenAI or the offline heuristic, as configured). */
  analysis: Pick<AnalysisEngines, 'attribution'>;
}

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

export async function planBookStart(deps: PlanBookDeps, input: PlanBookInput): Promise<PlanStartOutcome> {
  if (await deps.jobs.isStopRequested(input)) return { status: 'cancelled' };
  const chapterIds = await deps.planning.chaptersToPlan(input.tenantId, input.projectId, input.chapterIds);
  await deps.jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'planning');
  await deps.jobs.advanceProgress(input, { chaptersTotal: chapterIds.length, chaptersDone: 0 });
  return { status: 'running', chapterIds };
}

export async function planBookChapter(deps: PlanBookDeps, input: PlanChapterInput): Promise<PlanChapterOutcome> {
  if (await deps.jobs.isStopRequested(input)) return { status: 'cancelled' };
  const project = await deps.projects.find(input.tenantId, input.projectId);
  if (!project) throw new Error('The project no longer exists');
  const summary = await deps.planning.planChapter(
    input.tenantId,
    input.projectId,
    input.chapterId,
    deps.analysis.attribution,
    project.metadata.language,
    input.jobId,
  );
  await recordTokenCost(deps, input, summary.usage, `${input.jobId}:${input.chapterId}`);
  const segments = input.segmentsBefore + summary.segments;
  // Totals, not increments: writers of the same step (a replay racing the original) write the same values.
  await deps.jobs.advanceProgress(input, {
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

/** Recounts the facts and ends the job; a succeeded job reports what is stored, not what the steps said. */
export async function planBookFinish(deps: PlanBookDeps, input: PlanFinishInput): Promise<void> {
  const { tenantId, projectId, jobId } = input;
  await deps.planning.recountFacts(tenantId, projectId);
  const job = await deps.jobs.find(tenantId, projectId, jobId);
  if (!job || isTerminal(job.status)) return;
  if (input.outcome === 'succeeded') {
    const stored = await deps.planning.storedPlanCounts(tenantId, projectId, input.chapterIds);
    await deps.jobs.advanceProgress(input, {
      chaptersDone: stored.chapters,
      chaptersTotal: stored.chapters,
      segmentsDone: stored.segments,
      segmentsTotal: stored.segments,
    });
    await deps.jobs.finish(tenantId, projectId, jobId, {
      status: 'succeeded',
      result: { ...stored, tokens: input.tokens, engine: deps.analysis.attribution.engine },
    });
  } else if (input.outcome === 'failed') {
    await deps.jobs.finish(tenantId, projectId, jobId, {
      status: 'failed',
      error: { code: 'planning_failed', message: input.message.slice(0, 500) },
    });
  } else {
    await deps.jobs.finish(tenantId, projectId, jobId, { status: 'cancelled' });
  }
}
