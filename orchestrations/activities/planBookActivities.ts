/**
 * Activities of the `plan` job. Each reads what it needs from Cosmos and returns a small summary, so orchestration
 * history never carries chapter text. At-least-once safe: planning a chapter again yields exactly one set of segments,
 * costs are recorded under deterministic dedupe keys, and a finished (or cancelled) job is never finished again.
 */
import * as df from 'durable-functions';
import { services, type Services } from '../../adapters/compositionRoot';
import { HeuristicAttribution } from '../../core/characters/heuristicEngines';
import { isTerminal } from '../../core/jobs/job';
import { analysisJobStopped, recordTokenCost } from './analysisJobs';
import type { AnalysisEngines, AttributionEngine } from '../../core/ports/analysis';

export const PLAN_BOOK_START = 'planBook_start';
export const PLAN_BOOK_CHAPTER = 'planBook_chapter';
export const PLAN_BOOK_FINISH = 'planBook_finish';

export interface PlanBookInput {
  tenantId: string;
  projectId: string;
  jobId: string;
  userId: string;
  chapterIds?: string[];
}

export type PlanStartOutcome = { status: 'cancelled' } | { status: 'running'; chapterIds: string[] };

export interface PlanChapterInput extends PlanBookInput {
  chapterId: string;
  position: number;
  total: number;
}

export type PlanChapterOutcome =
  { status: 'cancelled' } | { status: 'planned'; segments: number; flagged: number; tokens: number };

export type PlanFinishInput = PlanBookInput &
  (
    | { outcome: 'succeeded'; chapters: number; segments: number; flagged: number; tokens: number }
    | { outcome: 'failed'; message: string }
    | { outcome: 'cancelled' }
  );

/** The composition root's attribution engine when it has one (LLM or heuristic by config), else the heuristic. */
export function attributionEngine(svc: Services): AttributionEngine {
  const analysis = (svc as Services & { analysis?: AnalysisEngines }).analysis;
  return analysis?.attribution ?? new HeuristicAttribution();
}

df.app.activity(PLAN_BOOK_START, {
  handler: async (input: PlanBookInput): Promise<PlanStartOutcome> => {
    const svc = services();
    if (await analysisJobStopped(svc, input)) return { status: 'cancelled' };
    const chapterIds = await svc.planning.chaptersToPlan(input.tenantId, input.projectId, input.chapterIds);
    await svc.jobs.markRunning(input.tenantId, input.projectId, input.jobId, 'planning');
    await svc.jobs.reportProgress(input.tenantId, input.projectId, input.jobId, {
      chaptersTotal: chapterIds.length,
      chaptersDone: 0,
    });
    return { status: 'running', chapterIds };
  },
});

df.app.activity(PLAN_BOOK_CHAPTER, {
  handler: async (input: PlanChapterInput): Promise<PlanChapterOutcome> => {
    const svc = services();
    if (await analysisJobStopped(svc, input)) return { status: 'cancelled' };
    const project = await svc.projects.find(input.tenantId, input.projectId);
    if (!project) throw new Error('The project no longer exists');
    const summary = await svc.planning.planChapter(
      input.tenantId,
      input.projectId,
      input.chapterId,
      attributionEngine(svc),
      project.metadata.language,
    );
    await recordTokenCost(svc, input, summary.usage, `${input.jobId}:${input.chapterId}`);
    const job = await svc.jobs.reportProgress(input.tenantId, input.projectId, input.jobId, {
      chaptersDone: input.position + 1,
      message: `Planned chapter ${input.position + 1} of ${input.total}`,
    });
    await svc.jobs.reportProgress(input.tenantId, input.projectId, input.jobId, {
      segmentsDone: job.progress.segmentsDone + summary.segments,
      segmentsTotal: job.progress.segmentsTotal + summary.segments,
    });
    return {
      status: 'planned',
      segments: summary.segments,
      flagged: summary.flagged,
      tokens: summary.usage.promptTokens + summary.usage.completionTokens,
    };
  },
});

df.app.activity(PLAN_BOOK_FINISH, {
  handler: async (input: PlanFinishInput): Promise<void> => {
    const svc = services();
    const { tenantId, projectId, jobId } = input;
    await svc.planning.recountFacts(tenantId, projectId);
    const job = await svc.jobs.find(tenantId, projectId, jobId);
    if (!job || isTerminal(job.status)) return;
    if (input.outcome === 'succeeded') {
      const { chapters, segments, flagged, tokens } = input;
      await svc.jobs.finish(tenantId, projectId, jobId, {
        status: 'succeeded',
        result: { chapters, segments, flagged, tokens, engine: attributionEngine(svc).engine },
      });
    } else if (input.outcome === 'failed') {
      await svc.jobs.finish(tenantId, projectId, jobId, {
        status: 'failed',
        error: { code: 'planning_failed', message: input.message.slice(0, 500) },
      });
    } else {
      await svc.jobs.finish(tenantId, projectId, jobId, { status: 'cancelled' });
    }
  },
});
