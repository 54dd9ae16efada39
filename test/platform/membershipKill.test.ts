/**
 * Webhook subscriptions and invitations the API acknowledged survive `kill -9` of every local process, taken while
 * more of both are in flight; after the restart the subscription limit still holds and every stored subscription
 * still holds its place on the tenant's roster (so a subscription stored just before the kill is still counted).
 */
import { CosmosClient } from '@azure/cosmos';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MAX_SUBSCRIPTIONS_PER_TENANT } from '../../core/webhooks/subscription';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { eventually, killEverything } from './support';

const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';
const CREATES = 30;
const INVITES = 12;
/** Acknowledged subscriptions to wait for before the kill; the rest are still in flight when it comes. */
const KILL_AFTER = 8;
const ENV = { WEBHOOK_ALLOW_LOOPBACK: 'true', RATE_LIMIT_PER_MINUTE: '1000000' };

let dataDir: string;
let platform: TestPlatform | undefined;

jest.setTimeout(6 * 60_000);

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-kill-members-'));
});
afterAll(async () => {
  await platform?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Sends a create and notes its id once answered 201; a request cut by the kill counts as not acknowledged. */
function send(p: TestPlatform, route: string, json: unknown, acknowledged: string[]): Promise<void> {
  return p
    .api(ADMIN, route, { method: 'POST', json })
    .then(async (res) => {
      if (res.status === 201) acknowledged.push(((await res.json()) as { id: string }).id);
    })
    .catch(() => undefined);
}

async function storedWebhookRoster(p: TestPlatform): Promise<string[]> {
  const client = new CosmosClient({
    endpoint: p.urls.cosmos,
    key: p.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { resource } = await client.database('khipu').container('webhooks').item('webhookRoster', TENANT).read();
    return ((resource?.places ?? []) as { subscriptionId: string }[]).map((place) => place.subscriptionId);
  } finally {
    client.dispose();
  }
}

test(`acknowledged subscriptions and invitations survive kill -9 of everything taken with more in flight`, async () => {
  platform = await startTestPlatform({ dataDir, env: ENV });
  const p = platform;
  const hook = `${p.urls.api.replace(/\/api$/, '')}/hooks/kill`;
  const subscriptions: string[] = [];
  const invited: string[] = [];
  const run = randomUUID().slice(0, 8);
  const requests = [
    ...Array.from({ length: CREATES }, () =>
      send(p, '/v1/webhooks', { url: hook, eventTypes: ['khipu.job.completed'] }, subscriptions),
    ),
    ...Array.from({ length: INVITES }, (_, i) =>
      send(
        p,
        '/v1/users',
        { email: `kill-${run}-${i}@andes.test`, displayName: `Kill ${i}`, role: 'creator' },
        invited,
      ),
    ),
  ];
  expect(await eventually(() => subscriptions.length >= KILL_AFTER, 120_000)).toBe(true);
  await killEverything(p.pid);
  await Promise.all(requests);
  const acknowledgedSubscriptions = [...subscriptions];
  const acknowledgedInvitations = [...invited];

  platform = await startTestPlatform({ dataDir, env: ENV });
  const restarted = platform;
  const listed = await restarted.api(ADMIN, '/v1/webhooks');
  expect(listed.status).toBe(200);
  const stored = ((await listed.json()) as { items: { id: string }[] }).items.map((w) => w.id);
  expect(acknowledgedSubscriptions.filter((id) => !stored.includes(id))).toEqual([]);
  expect(stored.length).toBeLessThanOrEqual(MAX_SUBSCRIPTIONS_PER_TENANT);
  const places = await storedWebhookRoster(restarted);
  expect(stored.filter((id) => !places.includes(id))).toEqual([]);
  for (const id of acknowledgedInvitations) {
    expect((await restarted.api(ADMIN, `/v1/users/${id}`)).status).toBe(200);
  }

  // The limit holds across the restart: however many arrive now, the stored total never passes it.
  await Promise.all(
    Array.from({ length: CREATES }, () =>
      restarted.api(ADMIN, '/v1/webhooks', { method: 'POST', json: { url: hook, eventTypes: ['khipu.job.failed'] } }),
    ),
  );
  const after = await restarted.api(ADMIN, '/v1/webhooks');
  const afterIds = ((await after.json()) as { items: { id: string }[] }).items.map((w) => w.id);
  expect(afterIds.length).toBeLessThanOrEqual(MAX_SUBSCRIPTIONS_PER_TENANT);
  expect(stored.filter((id) => !afterIds.includes(id))).toEqual([]);
});
