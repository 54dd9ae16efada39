/** Registers the `plan` job's activities; what they do is in planBookSteps.ts. */
import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';
import {
  planBookActivities,
  planBookChapter,
  planBookFinish,
  planBookStart,
  type PlanBookInput,
  type PlanChapterInput,
  type PlanFinishInput,
} from './planBookSteps';

export * from './planBookSteps';

df.app.activity(planBookActivities.start, { handler: (input: PlanBookInput) => planBookStart(services(), input) });
df.app.activity(planBookActivities.chapter, {
  handler: (input: PlanChapterInput) => planBookChapter(services(), input),
});
df.app.activity(planBookActivities.finish, { handler: (input: PlanFinishInput) => planBookFinish(services(), input) });
