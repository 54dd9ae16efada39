/**
 * Per-tenant uniqueness and limits under concurrency, counted in what Cosmos stored: one user per email address in
 * an organization, and at most the allowed number of webhook subscriptions, however many requests arrive at once.
 */
import { randomUUID } from 'node:crypto';
import { MAX_SUBSCRIPTIONS_PER_TENANT } from '../../core/webhooks/subscription';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { cosmosContainer, inParallel, tally } from './support';

const andes = freshTenant('andes');

const ADMIN = andes.admin;
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** Stored documents of one type in the tenant's partition of a container, straight from the emulator. */
async function stored(containerName: string, type: string, extra = ''): Promise<Record<string, unknown>[]> {
  const { container, close } = cosmosContainer(platform, containerName);
  try {
    const { resources } = await container.items
      .query<Record<string, unknown>>(
        {
          query: `SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = @type${extra}`,
          parameters: [
            { name: '@tenantId', value: andes.id },
            { name: '@type', value: type },
          ],
        },
        { partitionKey: andes.id },
      )
      .fetchAll();
    return resources;
  } finally {
    close();
  }
}

test(`${PARALLEL} parallel invitations of one email address store one user; the others answer 409`, async () => {
  for (let round = 0; round < 3; round++) {
    const email = andes.emailFor(`race-${randomUUID().slice(0, 8)}`);
    const outcomes = await inParallel(PARALLEL, (i) =>
      platform.api(ADMIN, '/v1/users', {
        method: 'POST',
        json: { email, displayName: `Invitee ${i}`, role: 'creator' },
      }),
    );
    expect(tally(outcomes)).toEqual({ 201: 1, 409: PARALLEL - 1 });
    for (const o of outcomes.filter((o) => o.status === 409)) {
      expect(o.body.error).toMatchObject({ code: 'conflict', details: { field: 'email' } });
    }
    const users = await stored('users', 'user', ` AND c.email = "${email}"`);
    expect(users.map((u) => u.id)).toEqual([outcomes.find((o) => o.status === 201)!.body.id]);
  }
});

test(`${PARALLEL + 6} parallel webhook subscriptions store at most ${MAX_SUBSCRIPTIONS_PER_TENANT}`, async () => {
  const hook = `${platform.urls.api.replace(/\/api$/, '')}/hooks/race`;
  const outcomes = await inParallel(PARALLEL + 6, () =>
    platform.api(ADMIN, '/v1/webhooks', { method: 'POST', json: { url: hook, eventTypes: ['khipu.job.completed'] } }),
  );
  const counts = tally(outcomes);
  expect(counts[201]).toBe(MAX_SUBSCRIPTIONS_PER_TENANT);
  expect(counts[409]).toBe(PARALLEL + 6 - MAX_SUBSCRIPTIONS_PER_TENANT);
  expect(await stored('webhooks', 'webhookSubscription')).toHaveLength(MAX_SUBSCRIPTIONS_PER_TENANT);

  // Deleting one frees exactly one place, for exactly one of the next racers.
  const deleted = await platform.api(ADMIN, `/v1/webhooks/${outcomes.find((o) => o.status === 201)!.body.id}`, {
    method: 'DELETE',
  });
  expect(deleted.status).toBe(204);
  const next = await inParallel(PARALLEL, () =>
    platform.api(ADMIN, '/v1/webhooks', { method: 'POST', json: { url: hook, eventTypes: ['khipu.job.failed'] } }),
  );
  expect(tally(next)).toEqual({ 201: 1, 409: PARALLEL - 1 });
  expect(await stored('webhooks', 'webhookSubscription')).toHaveLength(MAX_SUBSCRIPTIONS_PER_TENANT);
});
