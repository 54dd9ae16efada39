/**
 * The local durable engine driving the unmodified durable-functions library through the local host, with all state
 * in Azurite: every orchestration feature the app relies on, exercised through df.getClient from HTTP functions.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applyActions } from '../../local/durable/actionApplier';
import { EventType, type OrchestratorState } from '../../local/durable/history';
import { DURABLE_PATH_PREFIX, handleDurableHttp } from '../../local/durable/httpApi';
import { InstanceStore } from '../../local/durable/instanceStore';
import { openHubStorage } from '../../local/durable/storage';
import {
  DurableTestEnv,
  getStatus,
  request,
  startDurableTestEnv,
  startOrchestration,
  waitForStatus,
  waitForTerminal,
} from './support';

const HUB = 'EngineTestHub';
let env: DurableTestEnv;
let base: string;

beforeAll(async () => {
  env = await startDurableTestEnv(HUB);
  base = env.host.url;
});
afterAll(async () => {
  await env?.stop();
});

async function run(name: string, input?: unknown, instanceId?: string) {
  const id = await startOrchestration(base, name, input, instanceId);
  return { id, status: await waitForTerminal(base, id) };
}

const historyTypes = (status: { history: { EventType: string }[] }) => status.history.map((e) => e.EventType);

test('activity chain runs activities in order and returns their results', async () => {
  const { status } = await run('Chain');
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
});

test('fan-out/fan-in with Task.all', async () => {
  const { status } = await run('FanOut', 10);
  expect(status.output).toBe(385);
});

test('activities never exceed host.json maxConcurrentActivityFunctions', async () => {
  const { status } = await run('ConcurrencyProbe', { count: 8, ms: 400 });
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toBeLessThanOrEqual(3);
  expect(status.output).toBeGreaterThan(1);
});

test('durable timer fires and is recorded in history', async () => {
  const { id, status } = await run('Timer', 800);
  expect(status.output).toBe('timer fired');
  const withHistory = await getStatus(base, id, true);
  expect(historyTypes(withHistory)).toEqual(expect.arrayContaining(['TimerCreated', 'TimerFired']));
});

test('Task.any race: the event wins over a long timer, and a short timer wins without the event', async () => {
  const approvedId = await startOrchestration(base, 'Race', 10 * 60_000);
  await waitForStatus(base, approvedId, (s) => s.runtimeStatus === 'Running');
  expect((await request('POST', `${base}/api/event/${approvedId}/Approval`, 'alice')).status).toBe(202);
  const approved = await waitForTerminal(base, approvedId);
  expect(approved.output).toEqual({ outcome: 'approved', by: 'alice' });

  const { status: timedOut } = await run('Race', 300);
  expect(timedOut.output).toEqual({ outcome: 'timeout' });
});

test('external events are delivered, including one raised before it is awaited', async () => {
  const id = await startOrchestration(base, 'AwaitEvent');
  await waitForStatus(base, id, (s) => s.runtimeStatus === 'Running');
  await request('POST', `${base}/api/event/${id}/Second`, { n: 2 });
  await request('POST', `${base}/api/event/${id}/First`, { n: 1 });
  const status = await waitForTerminal(base, id);
  expect(status.output).toEqual({ first: { n: 1 }, second: { n: 2 } });
});

test('callActivityWithRetry retries a failing activity until it succeeds', async () => {
  const { id, status } = await run('Retry', { key: 'retry-succeeds', failures: 2, maxAttempts: 3 });
  expect(status.output).toEqual({ succeededOnAttempt: 3 });
  const types = historyTypes(await getStatus(base, id, true));
  expect(types.filter((t) => t === 'TaskFailed')).toHaveLength(2);
  expect(types.filter((t) => t === 'TaskScheduled')).toHaveLength(3);
});

test('callActivityWithRetry gives up after maxNumberOfAttempts and the orchestrator sees the failure', async () => {
  const { status } = await run('Retry', { key: 'retry-gives-up', failures: 5, maxAttempts: 2 });
  expect(status.output.gaveUp).toContain('flaky failure 2');
});

test('sub-orchestrations with generated and explicit ids, and a failing child', async () => {
  const { id, status } = await run('Parent');
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output.chain).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
  expect(status.output.fanOut).toBe(14);
  expect(status.output.childFailure).toContain('child boom');
  const child = await getStatus(base, `${id}-child`);
  expect(child).toMatchObject({ name: 'FanOut', runtimeStatus: 'Completed', output: 14 });
});

test('custom status is visible while running and after completion', async () => {
  const id = await startOrchestration(base, 'CustomStatus');
  await waitForStatus(base, id, (s) => s.customStatus?.stage === 'waiting');
  await request('POST', `${base}/api/event/${id}/Continue`, 'go on');
  const status = await waitForTerminal(base, id);
  expect(status.output).toBe('go on');
  expect(status.customStatus).toEqual({ stage: 'done', note: 'go on' });
});

test('continueAsNew restarts with new input and a fresh history', async () => {
  const { id, status } = await run('Counter', 1);
  expect(status.output).toEqual({ n: 3, squared: 9 });
  const withHistory = await getStatus(base, id, true);
  expect(historyTypes(withHistory).filter((t) => t === 'TaskScheduled')).toHaveLength(1);
  expect(withHistory.history.find((e: { EventType: string }) => e.EventType === 'ExecutionStarted').Input).toBe(3);
});

test('terminate stops a running instance', async () => {
  const id = await startOrchestration(base, 'WaitForever');
  await waitForStatus(base, id, (s) => s.runtimeStatus === 'Running');
  expect((await request('POST', `${base}/api/terminate/${id}?reason=no%20longer%20needed`)).status).toBe(202);
  const status = await waitForTerminal(base, id);
  expect(status.runtimeStatus).toBe('Terminated');
  expect(status.output).toBe('no longer needed');
  const late = await request('POST', `${base}/runtime/webhooks/durabletask/instances/${id}/raiseEvent/Never`, 1);
  expect(late.status).toBe(410);
});

test('purge removes a finished instance and leaves running ones alone', async () => {
  const { id } = await run('Chain');
  const running = await startOrchestration(base, 'WaitForever');
  await waitForStatus(base, running, (s) => s.runtimeStatus === 'Running');
  expect((await request('DELETE', `${base}/api/purge/${running}`)).body).toEqual({ instancesDeleted: 0 });
  expect((await request('DELETE', `${base}/api/purge/${id}`)).body).toEqual({ instancesDeleted: 1 });
  expect(await getStatus(base, id)).toBeUndefined();
  await request('POST', `${base}/api/terminate/${running}`);
});

test('purging an ended instance whose record is written once more in between still purges it', async () => {
  const { id } = await run('Chain');
  const storage = await openHubStorage(env.azurite.connectionString, HUB);
  const store = new InstanceStore(storage);
  let writesLeft = 1;
  // The engine settling a late message into the ended record between the purge's read and its delete.
  const racingStore = Object.assign(Object.create(store) as InstanceStore, {
    get: async (instanceId: string) => {
      const stored = await store.get(instanceId);
      if (stored && writesLeft-- > 0) await store.save(stored.record, stored.etag);
      return stored;
    },
  });
  const deps = {
    store: racingStore,
    inbox: { post: async () => undefined } as never, // the purge posts nothing
    taskHubName: HUB,
    baseUrl: () => base,
    now: () => new Date(),
    isOrchestrator: () => true,
    kick: () => undefined,
  };
  const server = http.createServer((req, res) => void handleDurableHttp(deps, req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const purged = await fetch(`http://127.0.0.1:${port}${DURABLE_PATH_PREFIX}instances/${id}`, { method: 'DELETE' });
    expect(purged.status).toBe(200);
    expect(await purged.json()).toEqual({ instancesDeleted: 1 });
    expect(await store.get(id)).toBeUndefined();
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});

test('activity exceptions reach the orchestrator; uncaught ones fail the instance with details', async () => {
  const { status: caught } = await run('Catching');
  expect(caught.output.caught).toContain('caught boom');

  const { status: failed } = await run('Failing', 'kaboom');
  expect(failed.runtimeStatus).toBe('Failed');
  expect(failed.output).toContain('kaboom');

  const { status: threw } = await run('Throwing');
  expect(threw.runtimeStatus).toBe('Failed');
  expect(threw.output).toContain('orchestrator threw on purpose');
});

test('list instances by status and wait for completion through the client', async () => {
  const done = await request('POST', `${base}/api/run/Chain`);
  expect(done.status).toBe(200);
  expect(done.body).toEqual(['Hello Tokyo!', 'Hello Seattle!', 'Hello London!']);
  const completed = (await request('GET', `${base}/api/instances?status=Completed`)).body as {
    runtimeStatus: string;
  }[];
  expect(completed.length).toBeGreaterThan(0);
  expect(completed.every((s) => s.runtimeStatus === 'Completed')).toBe(true);
});

test('replaying a stored history yields the same actions and output', async () => {
  const { id, status } = await run('Chain');
  const storage = await openHubStorage(env.azurite.connectionString, HUB);
  const stored = await new InstanceStore(storage).get(id);
  const history = stored!.record.history.filter((e) => e.EventType !== EventType.ExecutionCompleted);
  const payload = { history, input: null, instanceId: id, isReplaying: true, upperSchemaVersion: 0 };
  const replay = (await env.host.api.invoke('Chain', { trigger: { string: JSON.stringify(payload) } }))
    .returnValue as OrchestratorState;
  expect(replay.isDone).toBe(true);
  expect(replay.output).toEqual(status.output);
  const applied = applyActions(
    history,
    replay.actions,
    { instanceId: id, executionId: stored!.record.executionId },
    new Date(),
  );
  expect(applied.failure).toBeUndefined();
  expect(applied.events).toHaveLength(0);
});

test('a non-deterministic orchestrator is detected and failed', async () => {
  const { status } = await run('NonDeterministic');
  expect(status.runtimeStatus).toBe('Failed');
  expect(status.output).toContain('Non-Deterministic');
  expect(status.output).toContain("CallActivity 'Square'");
});
