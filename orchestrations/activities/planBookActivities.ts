/** Registers the `plan` job's activities; what they do is core/jobs/planBookJob.ts. */
import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';
import {
  planBookChapter,
  planBookFinish,
  planBookStart,
  type PlanBookInput,
  type PlanChapterInput,
  type PlanFinishInput,
} from '../../core/jobs/planBookJob';

/** The `plan` job's activities, named `<orchestration><Step>` like every orchestration's. */
export const planBookActivities = {
  start: 'planBookStart',
  chapter: 'planBookChapter',
  finish: 'planBookFinish',
} as const;

df.app.activity(planBookActivities.start, { handler: (input: PlanBookInput) => planBookStart(services(), input) });
df.app.activity(planBookActivities.chapter, {
  handler: (input: PlanChapterInput) => planBookChapter(services(), input),
});
df.app.activity(planBookActivities.finish, { handler: (input: PlanFinishInput) => planBookFinish(services(), input) });
