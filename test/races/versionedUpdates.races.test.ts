/**
 * Check-then-acts the race suites had not fired 20+ identical requests at, on the real local platform, counted in
 * what Cosmos stored: a webhook's update from one version (If-Match) and a project's pause policy replaced from one
 * version (of each, exactly one request is stored; the others answer 412 and change nothing), and a webhook's secret
 * rotated by 24 requests at once (each rotation answered was stored over the version it read; the stored secret is
 * one that was shown, beside the one it replaced).
 */
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, tally } from './support';

const andes = freshTenant('andes');

const ADMIN = andes.admin;
const CREATOR = andes.creator;
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

async function storedWebhook(id: string): Promise<Record<string, unknown>> {
  const { container, close } = cosmosContainer(platform, 'webhooks');
  try {
    const { resource } = await container.item(id, andes.id).read();
    return resource as Record<string, unknown>;
  } finally {
    close();
  }
}

async function newWebhook(): Promise<{ id: string; etag: string; secret: string }> {
  const hook = `${platform.urls.api.replace(/\/api$/, '')}/hooks/versions`;
  return body(
    await platform.api(ADMIN, '/v1/webhooks', {
      method: 'POST',
      json: { url: hook, eventTypes: ['khipu.job.completed'] },
    }),
    201,
  );
}

test(`${PARALLEL} updates of a webhook from one version: one is stored, the others answer 412`, async () => {
  const webhook = await newWebhook();
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(ADMIN, `/v1/webhooks/${webhook.id}`, {
      method: 'PATCH',
      headers: { 'if-match': webhook.etag },
      json: { description: `racer ${i}` },
    }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const winner = outcomes.find((o) => o.status === 200)!.body as { description: string; etag: string };
  const stored = await storedWebhook(webhook.id);
  expect(stored).toMatchObject({ description: winner.description });
  expect(stored._etag).toBe(winner.etag);
});

test(`${PARALLEL} rotations of a webhook's secret at once: every one answered was stored over the version it read, and the stored secret was shown`, async () => {
  const webhook = await newWebhook();
  const outcomes = await inParallel(PARALLEL, () =>
    platform.api(ADMIN, `/v1/webhooks/${webhook.id}/rotate-secret`, { method: 'POST' }),
  );
  const counts = tally(outcomes);
  // Each rotation replaces the version it read: those that read the same one race and one wins (the others answer
  // 409, not the 412 of a failed If-Match the request never sent); one that read a rotation stored before it is a
  // rotation after it.
  expect(counts[200]).toBeGreaterThanOrEqual(1);
  expect(counts[200] + (counts[409] ?? 0)).toBe(PARALLEL);
  for (const lost of outcomes.filter((o) => o.status === 409)) {
    expect(lost.body).toMatchObject({ error: { code: 'conflict' } });
    expect(JSON.stringify(lost.body)).not.toMatch(/secret"/);
  }
  const shown = outcomes.filter((o) => o.status === 200).map((o) => (o.body as { secret: string }).secret);
  expect(new Set(shown).size).toBe(shown.length);
  // The stored secret is one a rotation answered, and the one before it still signs: the secret the last rotation
  // replaced, which another answered rotation showed (or the first one, when one rotation was stored).
  const stored = await storedWebhook(webhook.id);
  expect(shown).toContain(stored.secret);
  expect([webhook.secret, ...shown]).toContain(stored.previousSecret);
  expect(stored.previousSecret).not.toBe(stored.secret);
  if (shown.length === 1) expect(stored.previousSecret).toBe(webhook.secret);
});

test(`${PARALLEL} replacements of a pause policy from one version: one is stored, the others answer 412`, async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Pauses') } }),
    201,
  );
  const path = `/v1/projects/${project.id}/pause-policy`;
  // The first write stores the policy (create-only); the race is on the stored version.
  const first = await body<{ etag: string }>(
    await platform.api(CREATOR, path, { method: 'PUT', json: { sentence: 300 } }),
    200,
  );
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(CREATOR, path, { method: 'PUT', headers: { 'if-match': first.etag }, json: { sentence: 400 + i } }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const winner = outcomes.find((o) => o.status === 200)!.body as { overrides: { sentence: number } };
  const now = await body<{ overrides: { sentence: number } }>(await platform.api(CREATOR, path), 200);
  expect(now.overrides).toEqual(winner.overrides);
});

test(`${PARALLEL} first saves of a pause policy without If-Match: each is stored in turn (none answers 409 or 412)`, async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('First pauses') },
    }),
    201,
  );
  const path = `/v1/projects/${project.id}/pause-policy`;
  // No policy stored yet: the first write creates it and the rest replace it. A request without If-Match asks for
  // no version, so a write that lands between its read and its own is no reason to refuse it.
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(CREATOR, path, { method: 'PUT', json: { sentence: 400 + i } }),
  );
  expect(tally(outcomes)).toEqual({ 200: PARALLEL });
  const answered = outcomes.map((o) => (o.body as { overrides: { sentence: number } }).overrides.sentence);
  const now = await body<{ overrides: { sentence: number } }>(await platform.api(CREATOR, path), 200);
  expect(answered).toContain(now.overrides.sentence);
});
