/**
 * The engine's loops query storage once per piece of work announced to them, not once more after every round: with a
 * poll interval of an hour, only work (a start, an enqueued activity, a posted result) makes a loop query, so the
 * queries counted here are the ones work causes. Each is a table query against Azurite, and a production runs hundreds
 * of activities.
 */
import { ActivityQueue, Inbox } from '../../local/durable/workQueues';
import { DurableTestEnv, startDurableTestEnv, startOrchestration, waitForTerminal } from './support';

const AN_HOUR_MS = 60 * 60 * 1000;
let env: DurableTestEnv;
let inboxQueries: jest.SpyInstance;
let activityQueries: jest.SpyInstance;

beforeAll(async () => {
  inboxQueries = jest.spyOn(Inbox.prototype, 'due');
  activityQueries = jest.spyOn(ActivityQueue.prototype, 'lease');
  env = await startDurableTestEnv('PollsTestHub', AN_HOUR_MS);
});
afterAll(async () => {
  await env?.stop();
  jest.restoreAllMocks();
});

/** Queries each loop made while `name` ran to its end. */
async function queriesDuring(name: string, input?: unknown) {
  inboxQueries.mockClear();
  activityQueries.mockClear();
  const id = await startOrchestration(env.host.url, name, input);
  const status = await waitForTerminal(env.host.url, id);
  return { status, inbox: inboxQueries.mock.calls.length, activities: activityQueries.mock.calls.length };
}

test('a chain of three activities costs each loop about one query per step', async () => {
  const { status, inbox, activities } = await queriesDuring('Chain');
  expect(status.runtimeStatus).toBe('Completed');
  // Four rounds of the orchestration (the start and three results) and three activities to lease. A loop that queried
  // again after every round made 8 inbox and 9 activity queries; a kick that lands during a round may add one.
  expect(inbox).toBeGreaterThanOrEqual(4);
  expect(inbox).toBeLessThanOrEqual(6);
  expect(activities).toBeGreaterThanOrEqual(3);
  expect(activities).toBeLessThanOrEqual(5);
});

test('a fan-out wider than the activity slots still runs every activity without waiting for a poll', async () => {
  // Seven activities, three slots (fixtures/host.json): a finished activity makes the scheduler look for the rest at
  // once; with an hour between polls, anything left to polling would time this test out.
  const { status } = await queriesDuring('FanOut', 7);
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toBe(140);
});
