/** Registers the `plan` job's activities; what they do is in planBookSteps.ts. */
import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';
import {
  PLAN_BOOK_CHAPTER,
  PLAN_BOOK_FINISH,
  PLAN_BOOK_START,
  planBookChapter,
  planBookFinish,
  planBookStart,
  type PlanBookInput,
  type PlanChapterInput,
  type PlanFinishInput,
} from './planBookSteps';

export * from './planBookSteps';

df.app.activity(PLAN_BOOK_START, { handler: (input: PlanBookInput) => planBookStart(services(), input) });
df.app.activity(PLAN_BOOK_CHAPTER, { handler: (input: PlanChapterInput) => planBookChapter(services(), input) });
df.app.activity(PLAN_BOOK_FINISH, { handler: (input: PlanFinishInput) => planBookFinish(services(), input) });
