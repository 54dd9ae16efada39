/**
 * A chapter's listing and mastering are retried like its synthesis batches (a store error of the moment passes),
 * and a failure that would repeat comes back as a refusal that fails the chapter at once, with its message, instead
 * of being retried. The renderChapter orchestrator is driven step by step: each yield is answered as Durable would.
 */
import type { OrchestrationContext } from 'durable-functions';
import { failureOf } from '../../orchestrations/productionFailure';

type Orchestrator = (context: OrchestrationContext) => Generator<unknown, unknown, unknown>;
const orchestrators = new Map<string, Orchestrator>();

jest.mock('durable-functions', () => ({
  app: {
    orchestration: (name: string, fn: Orchestrator) => orchestrators.set(name, fn),
    activity: () => undefined,
  },
  RetryOptions: class {
    backoffCoefficient = 1;
    constructor(
      readonly firstRetryIntervalInMilliseconds: number,
      readonly maxNumberOfAttempts: number,
    ) {}
  },
}));
// The activity names only: the real module registers handlers over the whole platform.
jest.mock('../../orchestrations/activities/productionActivities', () => ({
  productionActivities: {
    listSegmentBatches: 'productionListSegmentBatches',
    synthesize: 'productionSynthesizeSegments',
    master: 'productionMasterChapter',
  },
}));

/** What the orchestrator asked Durable to do at one step. */
interface Step {
  kind: 'activity' | 'retriedActivity' | 'all';
  name?: string;
  retry?: { maxNumberOfAttempts: number };
  tasks?: Step[];
}

function scriptedContext(input: unknown): OrchestrationContext {
  const df = {
    getInput: () => input,
    callActivity: (name: string): Step => ({ kind: 'activity', name }),
    callActivityWithRetry: (name: string, retry: { maxNumberOfAttempts: number }): Step => ({
      kind: 'retriedActivity',
      name,
      retry,
    }),
    Task: { all: (tasks: Step[]): Step => ({ kind: 'all', tasks }) },
  };
  return { df } as unknown as OrchestrationContext;
}

const chapter = { tenantId: 't', projectId: 'p', jobId: 'job-1', userId: 'u', chapterId: 'ch-1', formats: [] };
const synthesized = {
  cancelled: false,
  segments: 2,
  synthesisCalls: 2,
  cacheHits: 0,
  duplicateWrites: 0,
  billableCharacters: 20,
  skipped: [],
};

beforeAll(async () => {
  await import('../../orchestrations/produceBook');
});

test('the listing, each synthesis batch and the mastering are called with retries', () => {
  const run = orchestrators.get('renderChapter')!(scriptedContext(chapter));
  const listing = run.next().value as Step;
  expect(listing).toMatchObject({ kind: 'retriedActivity', name: 'productionListSegmentBatches' });
  expect(listing.retry!.maxNumberOfAttempts).toBeGreaterThan(1);
  const batches = run.next({ cancelled: false, batches: [['s1'], ['s2']] }).value as Step;
  expect(batches.tasks).toHaveLength(2);
  for (const task of batches.tasks!) expect(task).toMatchObject({ kind: 'retriedActivity' });
  const master = run.next([synthesized, synthesized]).value as Step;
  expect(master).toMatchObject({ kind: 'retriedActivity', name: 'productionMasterChapter' });
  expect(master.retry!.maxNumberOfAttempts).toBeGreaterThan(1);
  const ended = run.next({ chapterId: 'ch-1', blobName: 'm.flac', durationSec: 3, reused: false });
  expect(ended).toMatchObject({ done: true, value: { segments: 4, durationSec: 3 } });
});

test('a refused listing fails the chapter at once with its message', () => {
  const run = orchestrators.get('renderChapter')!(scriptedContext(chapter));
  run.next();
  let thrown: unknown;
  try {
    run.next({ refused: { code: 'not_found', message: 'Project was not found' } });
  } catch (error) {
    thrown = error;
  }
  expect(failureOf(thrown)).toEqual({ code: 'production_failed', message: 'Project was not found' });
});

test('a refused mastering fails the chapter at once with its message', () => {
  const run = orchestrators.get('renderChapter')!(scriptedContext(chapter));
  run.next();
  run.next({ cancelled: false, batches: [['s1']] });
  run.next([synthesized]);
  const refusal = { refused: { code: 'unprocessable', message: 'Chapter "One" has nothing to speak' } };
  expect(() => run.next(refusal)).toThrow('Chapter "One" has nothing to speak');
});
