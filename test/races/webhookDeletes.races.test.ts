/**
 * A webhook deleted by 24 requests at once, crossed with 12 updates naming its version and 12 secret rotations, on
 * the real local platform (a delete writes unconditionally, then gives the subscription's place on the tenant's
 * roster back). Every answer is a clear one (no 5xx), the subscription is gone, its place is given back once and no
 * later write brings either back.
 */
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, type Outcome } from './support';

const andes = freshTenant('andes');
const ADMIN = andes.admin;
const PARALLEL = 24;
const ROUNDS = 3;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function stored(id: string): Promise<{ places?: { subscriptionId: string }[] } | undefined> {
  const { container, close } = cosmosContainer(platform, 'webhooks');
  try {
    return (await container.item(id, andes.id).read()).resource;
  } finally {
    close();
  }
}

function expectClear(outcomes: Outcome[], allowed: number[]): void {
  for (const outcome of outcomes) {
    if (!allowed.includes(outcome.status)) {
      throw new Error(`unexpected answer ${outcome.status}: ${JSON.stringify(outcome.body)}`);
    }
    if (outcome.status >= 400) expect(typeof outcome.body?.error?.message).toBe('string');
  }
}

test(`${PARALLEL} deletes of a webhook crossed with updates and rotations, ${ROUNDS} rounds: gone, its place given back once`, async () => {
  const url = `${platform.urls.api.replace(/\/api$/, '')}/hooks/deletes`;
  for (let round = 0; round < ROUNDS; round++) {
    const webhook = await body<{ id: string; etag: string }>(
      await platform.api(ADMIN, '/v1/webhooks', { method: 'POST', json: { url, eventTypes: ['khipu.job.completed'] } }),
      201,
    );
    const path = `/v1/webhooks/${webhook.id}`;
    const outcomes = await inParallel(PARALLEL * 2, (i) => {
      if (i % 2 === 0) return platform.api(ADMIN, path, { method: 'DELETE' });
      if (i % 4 === 1) {
        return platform.api(ADMIN, path, {
          method: 'PATCH',
          headers: { 'if-match': webhook.etag },
          json: { description: `racer ${i}` },
        });
      }
      return platform.api(ADMIN, `${path}/rotate-secret`, { method: 'POST' });
    });
    const deletes = outcomes.filter((_, i) => i % 2 === 0);
    expectClear(deletes, [204, 404]);
    expect(deletes.some((o) => o.status === 204)).toBe(true);
    expectClear(
      outcomes.filter((_, i) => i % 2 === 1),
      [200, 404, 409, 412],
    );
    expect(await stored(webhook.id)).toBeUndefined();
    expect((await platform.api(ADMIN, path)).status).toBe(404);
    const roster = await stored('webhookRoster');
    expect(roster?.places?.map((place) => place.subscriptionId) ?? []).not.toContain(webhook.id);
  }
  // Nothing holds a place for the deleted ones: the tenant lists none, and the roster lists none.
  const listed = await body<{ items: unknown[] }>(await platform.api(ADMIN, '/v1/webhooks'), 200);
  expect(listed.items).toEqual([]);
  expect((await stored('webhookRoster'))?.places ?? []).toEqual([]);
});
