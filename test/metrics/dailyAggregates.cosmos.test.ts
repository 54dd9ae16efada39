/**
 * The stored daily aggregates on the Cosmos emulator: many processes flushing into the same tenant's day at once lose
 * nothing and count nothing twice (ETag-conditional merges, create-only first writes), a flush retried after an
 * answer that never arrived is recognised by its id, a failed flush is sent again, active users are counted by
 * one-way keys, and completions are filed under their project's creation day.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { DailyMetricsStore, type DailyMetricsRecord } from '../../core/metrics/dailyMetricsStore';
import { MetricsAggregator } from '../../core/metrics/metricsAggregator';
import { PLATFORM_SCOPE } from '../../core/metrics/metricsBuffer';
import { emptyTotals } from '../../core/metrics/dailyMetrics';
import type { TenantCollection } from '../../core/ports/documents';
import type { Logger } from '../../core/ports/system';
import { randomIds } from '../../adapters/system/system';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

let cosmos: RunningCosmos;
let client: CosmosClient;
let documents: CosmosTenantCollection<DailyMetricsRecord>;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
  documents = new CosmosTenantCollection<DailyMetricsRecord>(
    client.database('khipu').container(containerDefinitions.metrics.id),
  );
});
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

const DAY = '2031-03-14';
const clock = { now: () => new Date(`${DAY}T10:00:00Z`) };
const warnings: string[] = [];
const logger: Logger = { info: () => undefined, warn: (message) => warnings.push(message), error: () => undefined };

function aggregator(
  collection: TenantCollection<DailyMetricsRecord> = documents,
  onNewActiveUsers?: (tenantId: string, count: number) => void,
) {
  return new MetricsAggregator({
    store: new DailyMetricsStore({ documents: collection, clock }),
    clock,
    ids: randomIds,
    logger,
    onNewActiveUsers,
  });
}

const day = async (scope: string) => (await documents.get(scope, DAY))!;

test('24 processes flushing into the same day at once: every measurement counted exactly once', async () => {
  const tenantId = 't-race';
  const processes = Array.from({ length: 24 }, () => aggregator());
  processes.forEach((process, i) => {
    process.record({ name: 'http.request', tenantId, operation: 'listProjects', status: 200, durationMs: 40 + i });
    process.record({ name: 'http.request', tenantId, operation: 'listProjects', status: 503, durationMs: 900 });
    process.record({
      name: 'speech.request',
      tenantId,
      engine: 'offline',
      outcome: 'ok',
      durationMs: 120,
      billableCharacters: 100 + i,
    });
    process.record({ name: 'speech.segments', tenantId, cacheHits: 2, synthesized: 1 });
    process.record({
      name: 'job.ended',
      tenantId,
      kind: 'produce',
      outcome: i % 4 === 0 ? 'failed' : 'succeeded',
      durationMs: 60_000,
    });
  });
  await Promise.all(processes.map((process) => process.flush()));

  const expectedCharacters = Array.from({ length: 24 }, (_, i) => 100 + i).reduce((a, b) => a + b, 0);
  for (const scope of [tenantId, PLATFORM_SCOPE]) {
    const { totals } = await day(scope);
    expect(totals.http.listProjects).toMatchObject({ requests: 48, serverErrors: 24, clientErrors: 0 });
    expect(totals.http.listProjects!.latency.count).toBe(48);
    expect(totals.speech).toMatchObject({ requests: 24, billableCharacters: expectedCharacters });
    expect(totals.segments).toEqual({ cacheHits: 48, synthesized: 24 });
    expect(totals.jobs.produce).toMatchObject({ succeeded: 18, failed: 6, cancelled: 0 });
  }
  expect(processes.every((process) => !process.hasUnflushed)).toBe(true);
});

test('the same flush sent 20 times at once (a retry after a lost answer) is merged once', async () => {
  const store = new DailyMetricsStore({ documents, clock });
  const totals = emptyTotals();
  totals.speech.requests = 1;
  totals.speech.billableCharacters = 500;
  const delta = { scope: 't-retry', day: DAY, totals, activeUserKeys: ['k1'], flushId: 'mflush_same' };
  await Promise.all(Array.from({ length: 20 }, () => store.apply(delta)));
  const stored = await day('t-retry');
  expect(stored.totals.speech).toMatchObject({ requests: 1, billableCharacters: 500 });
  expect(stored.totals.activeUsers).toBe(1);
  expect(stored.appliedFlushes).toEqual(['mflush_same']);
});

test('a write whose answer was lost is sent again under its flush id and counted once', async () => {
  // The store accepts the replace but the caller never hears back (a timeout after the write).
  let loseNextAnswer = true;
  const lossy: TenantCollection<DailyMetricsRecord> = {
    get: (tenantId, id) => documents.get(tenantId, id),
    list: (tenantId, query) => documents.list(tenantId, query),
    delete: (tenantId, id) => documents.delete(tenantId, id),
    create: async (doc) => {
      const created = await documents.create(doc);
      if (loseNextAnswer) {
        loseNextAnswer = false;
        throw new Error('socket hang up');
      }
      return created;
    },
    replace: (doc, etag) => documents.replace(doc, etag),
  };
  const process = aggregator(lossy);
  process.record({ name: 'project.created', tenantId: 't-lossy' });
  await process.flush();
  expect(process.hasUnflushed).toBe(true);
  expect(warnings.some((w) => w.includes('kept for the next one'))).toBe(true);
  await process.flush();
  expect(process.hasUnflushed).toBe(false);
  expect((await day('t-lossy')).totals.projects.created).toBe(1);
});

test('a failed flush keeps its measurements for the next one', async () => {
  let down = true;
  const flaky: TenantCollection<DailyMetricsRecord> = {
    get: (tenantId, id) => (down ? Promise.reject(new Error('service unavailable')) : documents.get(tenantId, id)),
    list: (tenantId, query) => documents.list(tenantId, query),
    delete: (tenantId, id) => documents.delete(tenantId, id),
    create: (doc) => documents.create(doc),
    replace: (doc, etag) => documents.replace(doc, etag),
  };
  const process = aggregator(flaky);
  process.record({ name: 'http.request', tenantId: 't-flaky', operation: 'getMe', status: 200, durationMs: 12 });
  await process.flush();
  expect(await documents.get('t-flaky', DAY)).toBeUndefined();
  down = false;
  process.record({ name: 'http.request', tenantId: 't-flaky', operation: 'getMe', status: 200, durationMs: 14 });
  await process.flush();
  expect((await day('t-flaky')).totals.http.getMe!.requests).toBe(2);
});

test('active users: distinct per tenant and day across processes, by keys that do not reveal the user', async () => {
  const told: number[] = [];
  const processes = Array.from({ length: 20 }, () => aggregator(documents, (_tenantId, count) => told.push(count)));
  processes.forEach((process, i) => {
    for (const userId of ['u-ana', 'u-bruno', 'u-carla'])
      process.record({ name: 'user.active', tenantId: 't-users', userId });
    process.record({ name: 'user.active', tenantId: 't-users', userId: `u-extra-${i % 2}` });
    process.record({ name: 'user.active', tenantId: 't-users-2', userId: 'u-ana' });
    // The same user again in the same process: handed over once.
    process.record({ name: 'user.active', tenantId: 't-users', userId: 'u-ana' });
  });
  await Promise.all(processes.map((process) => process.flush()));
  const stored = await day('t-users');
  expect(stored.totals.activeUsers).toBe(5);
  expect(stored.activeUserKeys).toHaveLength(5);
  expect(JSON.stringify(stored)).not.toMatch(/u-ana|u-bruno|u-carla|u-extra/);
  expect((await day('t-users-2')).totals.activeUsers).toBe(1);
  // The platform's day grows by exactly the users the tenants' days found new.
  const platform = await day(PLATFORM_SCOPE);
  expect(platform.activeUserKeys).toEqual([]);
  expect(platform.totals.activeUsers).toBe(6);
  // What OpenTelemetry is told is the same exact count (the store decides what is new, not the process).
  expect(told.reduce((a, b) => a + b, 0)).toBe(6);
});

test('a completion is filed under the day its project was created', async () => {
  const process = aggregator();
  process.record({ name: 'project.created', tenantId: 't-cohort' });
  process.record({ name: 'project.completed', tenantId: 't-cohort', createdDay: '2031-03-01' });
  await process.flush();
  expect((await day('t-cohort')).totals.projects).toEqual({ created: 1, completedOfCreated: 0 });
  expect((await documents.get('t-cohort', '2031-03-01'))!.totals.projects).toEqual({
    created: 0,
    completedOfCreated: 1,
  });
});

test('a flush that breaks half-way neither rejects nor stops the flushes after it', async () => {
  let failIds = true;
  const process = new MetricsAggregator({
    store: new DailyMetricsStore({ documents, clock }),
    clock,
    ids: {
      newId: (prefix) => {
        if (failIds) throw new Error('no entropy');
        return randomIds.newId(prefix);
      },
    },
    logger,
  });
  process.record({ name: 'project.created', tenantId: 't-broken' });
  await expect(process.flush()).resolves.toBeUndefined();
  failIds = false;
  process.record({ name: 'project.created', tenantId: 't-broken' });
  await process.flush();
  expect((await day('t-broken')).totals.projects.created).toBe(1);
});
