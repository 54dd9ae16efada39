/**
 * Idempotency-Key under concurrency: the key is reserved atomically before the request runs, so of 20 identical
 * requests sent at once exactly one runs; the others replay its response or answer 409 idempotency_in_progress.
 */
import { randomUUID } from 'node:crypto';
import { IdempotencyStore } from '../../adapters/cosmos/idempotencyStore';
import { CreateProjectRequest } from '../../core/api/projects';
import { importSmallManuscript } from '../api/isolation/fixtures';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { cosmosContainer, inParallel } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const CREATOR_ID = 'u-andes-creator';
const ROUNDS = 10;
const PARALLEL = 20;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function projectIdsTitled(title: string): Promise<string[]> {
  const res = await platform.api(CREATOR, `/v1/projects?q=${encodeURIComponent(title)}&pageSize=100`);
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: { id: string; metadata: { title: string } }[] };
  return page.items.filter((p) => p.metadata.title === title).map((p) => p.id);
}

test(`${ROUNDS} rounds of ${PARALLEL} parallel creates with one key each create exactly ${ROUNDS} projects`, async () => {
  const run = randomUUID().slice(0, 8);
  for (let round = 0; round < ROUNDS; round++) {
    const title = `Idempotent ${run} round ${round}`;
    const key = `race-${run}-${round}`;
    const outcomes = await inParallel(PARALLEL, () =>
      platform.api(CREATOR, '/v1/projects', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        json: { metadata: minimalMetadata(title) },
      }),
    );
    const created = outcomes.filter((o) => o.status === 201);
    const busy = outcomes.filter((o) => o.status === 409);
    expect(created.length + busy.length).toBe(PARALLEL);
    expect(created.filter((o) => o.headers.get('idempotent-replayed') !== 'true')).toHaveLength(1);
    // Every 201 is the same project; every 409 says why and when to retry.
    expect(new Set(created.map((o) => o.body.id)).size).toBe(1);
    for (const o of busy) {
      expect(o.body.error).toMatchObject({ code: 'idempotency_in_progress', details: { field: 'Idempotency-Key' } });
      expect(Number(o.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await projectIdsTitled(title)).toEqual([created[0].body.id]);
  }
});

test('the same key with another request is refused, and does not replay the first response', async () => {
  const key = `other-${randomUUID()}`;
  const first = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    json: { metadata: minimalMetadata('Key Reuse A') },
  });
  expect(first.status).toBe(201);
  const second = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    headers: { 'idempotency-key': key },
    json: { metadata: minimalMetadata('Key Reuse B') },
  });
  expect(second.status).toBe(422);
  expect(((await second.json()) as any).error.details).toEqual({ field: 'Idempotency-Key' });
  expect(await projectIdsTitled('Key Reuse B')).toEqual([]);
});

test('a request that fails gives the key back: the retry runs instead of replaying the failure', async () => {
  const created = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata('Plan Later') },
  });
  const projectId = ((await created.json()) as { id: string }).id;
  const plan = () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/plan`, {
      method: 'POST',
      headers: { 'idempotency-key': `plan-${projectId}` },
      json: {},
    });
  // No chapters yet: refused, and the refusal is not remembered.
  expect((await plan()).status).toBe(422);
  await importSmallManuscript(platform, CREATOR, projectId);
  const retried = await plan();
  expect(retried.status).toBe(202);
  expect(retried.headers.get('idempotent-replayed')).toBeNull();
});

test('a reservation whose request died is taken over after its lease; a live one answers 409 with Retry-After', async () => {
  const { container, close } = cosmosContainer(platform, 'idempotency');
  try {
    const reserve = async (key: string, title: string, reservedAt: Date) => {
      const requestHash = IdempotencyStore.requestHash({
        params: {},
        query: {},
        // The hash is of the request as the server parsed it (defaults filled in).
        body: CreateProjectRequest.parse({ metadata: minimalMetadata(title) }),
      });
      await container.items.create({
        id: IdempotencyStore.recordId(CREATOR_ID, 'createProject', key),
        tenantId: 't-andes',
        requestHash,
        state: 'pending',
        reservedAt: reservedAt.toISOString(),
        createdAt: reservedAt.toISOString(),
        ttl: 86400,
      });
    };
    const post = (key: string, title: string) =>
      platform.api(CREATOR, '/v1/projects', {
        method: 'POST',
        headers: { 'idempotency-key': key },
        json: { metadata: minimalMetadata(title) },
      });

    await reserve('abandoned-key-1', 'Abandoned', new Date(Date.now() - 10 * 60_000));
    const takenOver = await post('abandoned-key-1', 'Abandoned');
    expect(takenOver.status).toBe(201);
    expect(await projectIdsTitled('Abandoned')).toHaveLength(1);

    await reserve('live-key-1', 'Still Running', new Date());
    const busy = await post('live-key-1', 'Still Running');
    expect(busy.status).toBe(409);
    expect(busy.headers.get('retry-after')).toBe('1');
    expect(((await busy.json()) as any).error.code).toBe('idempotency_in_progress');
    expect(await projectIdsTitled('Still Running')).toEqual([]);
  } finally {
    close();
  }
});
