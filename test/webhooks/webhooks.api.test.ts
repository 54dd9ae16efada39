import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';
import { createHmac, randomUUID } from 'node:crypto';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { startReceiver, type WebhookReceiver } from './receiver';

/**
 * Webhooks end to end on the real local platform: subscription CRUD and permissions, a test event through Event Grid
 * and the dispatcher to a local receiver, signatures checked with an independent HMAC, at-least-once deduplication,
 * and retries ending in a dead-letter blob (the retry sweeper run on demand, as Core Tools' admin endpoint allows).
 */
let platform: TestPlatform;
let ok: WebhookReceiver;
let failing: WebhookReceiver;
let cosmos: CosmosClient;
const admin = 'admin@andes.test';
const pampaAdmin = 'admin@pampa.test';

beforeAll(async () => {
  platform = await startTestPlatform({ env: { WEBHOOK_ALLOW_LOOPBACK: 'true' } });
  ok = await startReceiver(200);
  failing = await startReceiver(500);
  cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
});
afterAll(async () => {
  cosmos?.dispose();
  await ok?.close();
  await failing?.close();
  await platform?.stop();
});

const hostUrl = () => platform.urls.api.replace(/\/api$/, '');

async function createWebhook(user: string, url: string, eventTypes: string[]) {
  const res = await platform.api(user, '/v1/webhooks', { method: 'POST', json: { url, eventTypes } });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; secret: string; etag: string };
}

/** Delivers one CloudEvent to the dispatcher the way Event Grid does, and waits for the invocation to finish. */
async function deliverEvent(event: object) {
  const res = await fetch(`${hostUrl()}/runtime/webhooks/EventGrid?functionName=webhookDispatcher`, {
    method: 'POST',
    headers: { 'content-type': 'application/cloudevents+json; charset=utf-8' },
    body: JSON.stringify(event),
  });
  expect(res.status).toBeLessThan(300);
  await res.arrayBuffer();
}

function jobEvent(type: string, tenant: string, id = randomUUID()) {
  return {
    specversion: '1.0',
    id,
    type,
    source: '/khipu',
    subject: `/tenants/${tenant}/projects/prj_matrix/jobs/job_1`,
    time: new Date().toISOString(),
    datacontenttype: 'application/json',
    data: { projectId: 'prj_matrix', jobId: 'job_1' },
  };
}

/** Standard Webhooks, computed here from the spec rather than with the app's own signing module. */
function expectedSignature(secret: string, id: string, timestamp: string, body: string): string {
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  return createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64');
}

async function deliveriesOf(webhookId: string) {
  const res = await platform.api(admin, `/v1/webhooks/${webhookId}/deliveries`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: any[] }).items;
}

it('lets only admins manage subscriptions, reveals the secret once, and hides other tenants', async () => {
  const created = await createWebhook(admin, ok.url, ['khipu.job.completed']);
  expect(created.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

  const read = await platform.api(admin, `/v1/webhooks/${created.id}`);
  expect(read.status).toBe(200);
  const view = (await read.json()) as Record<string, unknown>;
  expect(view).not.toHaveProperty('secret');
  expect(view.url).toBe(ok.url);
  const listed = (await (await platform.api(admin, '/v1/webhooks')).json()) as { items: object[] };
  expect(JSON.stringify(listed)).not.toContain(created.secret);

  for (const user of ['creator@andes.test', 'validator@andes.test']) {
    expect((await platform.api(user, '/v1/webhooks')).status).toBe(403);
    const post = await platform.api(user, '/v1/webhooks', {
      method: 'POST',
      json: { url: ok.url, eventTypes: ['khipu.job.completed'] },
    });
    expect(post.status).toBe(403);
    expect((await platform.api(user, `/v1/webhooks/${created.id}`)).status).toBe(403);
  }

  for (const [method, path] of [
    ['GET', ''],
    ['PATCH', ''],
    ['DELETE', ''],
    ['POST', '/rotate-secret'],
    ['POST', '/test'],
    ['GET', '/deliveries'],
  ] as const) {
    const res = await platform.api(pampaAdmin, `/v1/webhooks/${created.id}${path}`, {
      method,
      ...(method === 'PATCH' ? { headers: { 'if-match': created.etag }, json: { active: false } } : {}),
    });
    expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 404`);
    // Indistinguishable from an id that never existed: same code and message, nothing about the owner.
    const ghost = await platform.api(pampaAdmin, `/v1/webhooks/whk_neverexisted${path}`, {
      method,
      ...(method === 'PATCH' ? { headers: { 'if-match': created.etag }, json: { active: false } } : {}),
    });
    const withoutRequestId = async (r: Response) => {
      const { error } = (await r.json()) as { error: Record<string, unknown> };
      delete error.requestId;
      return error;
    };
    expect(await withoutRequestId(res)).toEqual(await withoutRequestId(ghost));
  }
});

it('updates with If-Match only, and rotates the secret', async () => {
  const created = await createWebhook(admin, ok.url, ['khipu.job.failed']);
  const noMatch = await platform.api(admin, `/v1/webhooks/${created.id}`, { method: 'PATCH', json: { active: false } });
  expect(noMatch.status).toBe(428);
  const stale = await platform.api(admin, `/v1/webhooks/${created.id}`, {
    method: 'PATCH',
    headers: { 'if-match': '"stale"' },
    json: { active: false },
  });
  expect(stale.status).toBe(412);
  const staleBody = await stale.text();
  expect(staleBody).not.toContain('whsec_');
  const updated = await platform.api(admin, `/v1/webhooks/${created.id}`, {
    method: 'PATCH',
    headers: { 'if-match': created.etag },
    json: { eventTypes: ['khipu.job.failed', 'khipu.package.ready'], description: 'ops' },
  });
  expect(updated.status).toBe(200);
  expect(((await updated.json()) as { eventTypes: string[] }).eventTypes).toEqual([
    'khipu.job.failed',
    'khipu.package.ready',
  ]);

  const rotated = await platform.api(admin, `/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST' });
  expect(rotated.status).toBe(200);
  const { secret } = (await rotated.json()) as { secret: string };
  expect(secret).toMatch(/^whsec_/);
  expect(secret).not.toBe(created.secret);

  expect((await platform.api(admin, `/v1/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(204);
  expect((await platform.api(admin, `/v1/webhooks/${created.id}`)).status).toBe(404);
});

it('sends a test event through Event Grid to the receiver, signed as documented', async () => {
  const created = await createWebhook(admin, ok.url, ['khipu.job.completed']);
  const before = ok.received.length;
  const res = await platform.api(admin, `/v1/webhooks/${created.id}/test`, { method: 'POST' });
  expect(res.status).toBe(202);
  const { eventId } = (await res.json()) as { eventId: string };

  const [message] = (await ok.waitFor(before + 1)).slice(before);
  const id = message.headers['webhook-id'] as string;
  const timestamp = message.headers['webhook-timestamp'] as string;
  expect(id).toBe(eventId);
  expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(300);
  expect(message.headers['webhook-signature']).toBe(
    `v1,${expectedSignature(created.secret, id, timestamp, message.body)}`,
  );
  const body = JSON.parse(message.body) as { type: string; data: { webhookId: string } };
  expect(body.type).toBe('khipu.webhook.test');
  expect(body.data.webhookId).toBe(created.id);

  const [delivery] = await deliveriesOf(created.id);
  expect(delivery).toMatchObject({ eventId, status: 'succeeded', test: true, nextAttemptAt: null });
  expect(delivery.attempts).toEqual([expect.objectContaining({ attempt: 1, outcome: 'succeeded', httpStatus: 200 })]);
});

it("delivers a tenant's events only to that tenant's matching subscriptions, once per event id", async () => {
  const andes = await createWebhook(admin, ok.url, ['khipu.package.ready']);
  await createWebhook(pampaAdmin, ok.url, ['khipu.package.ready']);
  const before = ok.received.length;
  const event = jobEvent('khipu.package.ready', 't-andes');
  await deliverEvent(event);
  await deliverEvent(event); // Event Grid is at-least-once: the same event again
  await deliverEvent(jobEvent('khipu.job.started', 't-andes')); // nobody subscribed to this type
  await deliverEvent({ ...jobEvent('khipu.package.ready', 't-andes'), subject: '/tenants/t-andes/../t-pampa/x' });

  const received = ok.received.slice(before);
  expect(received.map((r) => r.headers['webhook-id'])).toEqual([event.id]);
  expect(received[0].headers['webhook-signature']).toBe(
    `v1,${expectedSignature(andes.secret, event.id, received[0].headers['webhook-timestamp'] as string, received[0].body)}`,
  );
  expect(JSON.parse(received[0].body)).toMatchObject({ id: event.id, type: 'khipu.package.ready', data: event.data });
  expect(await deliveriesOf(andes.id)).toHaveLength(1);
});

it('retries a failing receiver with backoff, then dead-letters the delivery to blob storage', async () => {
  const created = await createWebhook(admin, failing.url, ['khipu.job.failed']);
  const event = jobEvent('khipu.job.failed', 't-andes');
  await deliverEvent(event);

  let [delivery] = await deliveriesOf(created.id);
  expect(delivery.status).toBe('pending');
  expect(delivery.attempts).toEqual([
    expect.objectContaining({ attempt: 1, outcome: 'failed', httpStatus: 500, errorCode: 'http_error' }),
  ]);
  expect(Date.parse(delivery.nextAttemptAt)).toBeGreaterThan(Date.parse(delivery.attempts[0].attemptedAt));

  // Make each scheduled retry due now (the schedule spans ~15 hours), then run the sweeper as its timer would.
  const container = cosmos.database('khipu').container('deliveries');
  for (let round = 0; round < 12 && delivery.status === 'pending'; round++) {
    const { resource } = await container.item(delivery.id, 't-andes').read();
    await container.item(delivery.id, 't-andes').replace({ ...resource, nextAttemptAt: '2000-01-01T00:00:00.000Z' });
    const run = await fetch(`${hostUrl()}/admin/functions/webhookRetrySweeper`, { method: 'POST', body: '{}' });
    expect(run.status).toBe(202);
    [delivery] = await deliveriesOf(created.id);
  }

  expect(delivery.status).toBe('dead');
  expect(delivery.attempts).toHaveLength(10);
  expect(delivery.attempts.map((a: { attempt: number }) => a.attempt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  const attemptsSeen = failing.received.filter((r) => r.headers['webhook-id'] === event.id);
  expect(attemptsSeen).toHaveLength(10);
  expect(new Set(attemptsSeen.map((r) => r.body)).size).toBe(1);

  expect(delivery.deadLetterBlob).toBe(`tenants/t-andes/webhooks/deadletter/${created.id}/${delivery.id}.json`);
  const blob = BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING)
    .getContainerClient('khipu')
    .getBlobClient(delivery.deadLetterBlob);
  const deadLetter = JSON.parse((await blob.downloadToBuffer()).toString('utf8'));
  expect(deadLetter).toMatchObject({ eventId: event.id, request: { url: failing.url, method: 'POST' } });
  expect(deadLetter.attempts).toHaveLength(10);
});

it('refuses private and metadata addresses even where loopback is allowed', async () => {
  for (const url of [
    'http://10.0.0.5/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::ffff:192.168.1.1]/hook',
    'http://168.63.129.16/',
    'ftp://127.0.0.1/hook',
  ]) {
    const res = await platform.api(admin, '/v1/webhooks', {
      method: 'POST',
      json: { url, eventTypes: ['khipu.job.completed'] },
    });
    expect(`${url} ${res.status}`).toBe(`${url} 400`);
    expect(
      ((await res.json()) as { error: { details: { fields: { field: string }[] } } }).error.details.fields[0].field,
    ).toBe('url');
  }
});

it('documents every webhook and cost operation in the OpenAPI document', async () => {
  const doc = (await (await platform.api(null, '/openapi.json')).json()) as {
    paths: Record<string, Record<string, { operationId: string }>>;
    components: { schemas: Record<string, unknown> };
  };
  const operations = Object.values(doc.paths).flatMap((ops) => Object.values(ops).map((op) => op.operationId));
  expect(operations).toEqual(
    expect.arrayContaining([
      'listWebhooks',
      'createWebhook',
      'getWebhook',
      'updateWebhook',
      'deleteWebhook',
      'rotateWebhookSecret',
      'listWebhookDeliveries',
      'sendWebhookTest',
      'getCosts',
      'getProjectCosts',
    ]),
  );
  expect(Object.keys(doc.components.schemas)).toEqual(
    expect.arrayContaining(['Webhook', 'WebhookWithSecret', 'WebhookDelivery', 'CostReport']),
  );
});

it('signs with both the new and the previous secret during a rotation', async () => {
  const created = await createWebhook(admin, ok.url, ['khipu.job.completed']);
  const rotated = await platform.api(admin, `/v1/webhooks/${created.id}/rotate-secret`, { method: 'POST' });
  const { secret } = (await rotated.json()) as { secret: string };
  const before = ok.received.length;
  expect((await platform.api(admin, `/v1/webhooks/${created.id}/test`, { method: 'POST' })).status).toBe(202);
  const [message] = (await ok.waitFor(before + 1)).slice(before);
  const id = message.headers['webhook-id'] as string;
  const timestamp = message.headers['webhook-timestamp'] as string;
  expect((message.headers['webhook-signature'] as string).split(' ')).toEqual([
    `v1,${expectedSignature(secret, id, timestamp, message.body)}`,
    `v1,${expectedSignature(created.secret, id, timestamp, message.body)}`,
  ]);
});
