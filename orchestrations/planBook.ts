/**
 * The `plan` job: segment and attribute the book chapter by chapter (one activity each, so progress is per chapter
 * and a crash resumes at the chapter it was on), then recount the planning facts. A cancel stops before the next
 * chapter: each chapter activity first checks the job's cancel mark (set by the jobs API before it raises `cancel`),
 * so the chapter in flight completes as one consistent write and no new one starts.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import { jobOrchestrations } from '../core/jobs/job';
import type { PlanBookInput, PlanChapterOutcome, PlanStartOutcome } from '../core/jobs/planBookJob';
import { planBookActivities } from './activities/planBookActivities';

const retry = new df.RetryOptions(2_000, 3);
retry.backoffCoefficient = 2;

df.app.orchestration(jobOrchestrations.plan, function* (context: OrchestrationContext) {
  const input = context.df.getInput<PlanBookInput>();
  const base: PlanBookInput = {
    tenantId: input.tenantId,
    projectId: input.projectId,
    jobId: input.jobId,
    userId: input.userId,
  };
  try {
    const start: PlanStartOutcome = yield context.df.callActivityWithRetry(planBookActivities.start, retry, {
      ...base,
      chapterIds: input.chapterIds,
    });
    if (start.status === 'cancelled') {
      yield context.df.callActivity(planBookActivities.finish, { ...base, outcome: 'cancelled' });
      return { status: 'cancelled' };
    }
    let segments = 0;
    let tokens = 0;
    for (let position = 0; position < start.chapterIds.length; position++) {
      const outcome: PlanChapterOutcome = yield context.df.callActivityWithRetry(planBookActivities.chapter, retry, {
        ...base,
        chapterId: start.chapterIds[position],
        position,
        total: start.chapterIds.length,
        segmentsBefore: segments,
      });
      if (outcome.status === 'cancelled') {
        yield context.df.callActivity(planBookActivities.finish, { ...base, outcome: 'cancelled' });
        return { status: 'cancelled' };
      }
      segments += outcome.segments;
      tokens += outcome.tokens;
    }
    yield context.df.callActivity(planBookActivities.finish, {
      ...base,
      outcome: 'succeeded',
      chapterIds: start.chapterIds,
      tokens,
    });
    return { status: 'succeeded', chapters: start.chapterIds.length, segments };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield context.df.callActivity(planBookActivities.finish, { ...base, outcome: 'failed', message });
    return { status: 'failed' };
  }
});
