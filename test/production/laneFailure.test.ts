/**
 * A lane of the production window ends with the job's failure whatever failed in it (its chapter, or a checkpoint
 * between chapters), never by throwing: Durable's Task.all fails the moment one of its tasks fails, so a lane that
 * threw would let the production release the job's pins while the other lane's chapter still synthesizes and masters
 * from them. The orchestrator is driven step by step here: each yield is answered (or failed) as Durable would.
 */
import type { OrchestrationContext } from 'durable-functions';

type Orchestrator = (context: OrchestrationContext) => Generator<unknown, unknown, unknown>;
const orchestrators = new Map<string, Orchestrator>();

jest.mock('durable-functions', () => ({
  app: {
    orchestration: (name: string, fn: Orchestrator) => orchestrators.set(name, fn),
    activity: () => undefined,
  },
  RetryOptions: class {
    backoffCoefficient = 1;
  },
}));
// The activity names only: the real module registers handlers over the whole platform.
jest.mock('../../orchestrations/activities/productionActivities', () => ({
  productionActivities: { checkpoint: 'productionCheckpoint', fail: 'productionFail' },
}));

/** What the orchestrator asked Durable to do at one step. */
interface Step {
  kind: 'activity' | 'subOrchestration';
  name: string;
  input: unknown;
}

function scriptedContext(input: unknown): OrchestrationContext {
  const df = {
    getInput: () => input,
    callActivity: (name: string, activityInput: unknown): Step => ({ kind: 'activity', name, input: activityInput }),
    callSubOrchestrator: (name: string, subInput: unknown): Step => ({
      kind: 'subOrchestration',
      name,
      input: subInput,
    }),
  };
  return { df } as unknown as OrchestrationContext;
}

const job = { tenantId: 't', projectId: 'p', jobId: 'job-1', userId: 'u' };

beforeAll(async () => {
  await import('../../orchestrations/produceBook');
});

test('a checkpoint that fails between chapters fails the job and ends the lane with that failure', () => {
  const lane = orchestrators.get('renderChapterLane')!;
  const run = lane(scriptedContext({ ...job, chapterIds: ['ch-1', 'ch-2'], formats: [] }));
  expect(run.next().value).toMatchObject({ name: 'productionCheckpoint' });
  expect(run.next({ cancelled: false }).value).toMatchObject({ kind: 'subOrchestration', name: 'renderChapter' });
  const chapter = { chapterId: 'ch-1', cancelled: false, segments: 3, synthesisCalls: 3, skipped: [] };
  expect(
    run.next({ ...chapter, cacheHits: 0, duplicateWrites: 0, billableCharacters: 9, durationSec: 2 }).value,
  ).toMatchObject({
    name: 'productionCheckpoint',
  });

  const failing = run.throw(new Error("Activity function 'productionCheckpoint' failed: the store did not answer"));
  expect(failing.value).toMatchObject({ name: 'productionFail', input: { ...job, code: 'production_failed' } });
  const ended = run.next(undefined);
  expect(ended.done).toBe(true);
  expect(ended.value).toMatchObject({ chapters: 1, failure: { code: 'production_failed' } });
});

test('a lane whose own call to fail the job fails still ends with the failure (the production fails the job)', () => {
  const lane = orchestrators.get('renderChapterLane')!;
  const run = lane(scriptedContext({ ...job, chapterIds: ['ch-1'], formats: [] }));
  run.next();
  run.next({ cancelled: false });
  expect(run.throw(new Error('Chapter "One" has no segments to master')).value).toMatchObject({
    name: 'productionFail',
  });
  const ended = run.throw(new Error("Activity function 'productionFail' failed: timeout"));
  expect(ended.done).toBe(true);
  expect(ended.value).toMatchObject({ failure: { code: 'production_failed' } });
});
