import {
  AzureKeyCredential,
  AzureSASCredential,
  EventGridPublisherClient,
  generateSharedAccessSignature,
} from '@azure/eventgrid';
import { EventGridEventPublisher } from '../../adapters/events/eventGridPublisher';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import { startEventGridEmulator, type EventGridEmulator } from '../../local/eventgrid/eventGridEmulator';
import { makeTempDir, startWebhookReceiver, TEST_TOPIC_KEY, type WebhookReceiver } from './support';

/** The topic side: what the real EventGridPublisherClient sends is accepted, everything else refused with Azure's codes. */

const subject = jobSubject('tenant-a', 'project-1', 'job-1');
const sampleEvent = createDomainEvent({
  type: EventTypes.jobStarted,
  source: '/khipu',
  subject,
  time: '2025-01-02T03:04:05.000Z',
  data: { jobId: 'job-1' },
});

/** The emulator listens on plain http on loopback; the SDK needs to be told that is intended. */
const insecure = { allowInsecureConnection: true };

let emulator: EventGridEmulator;
let receiver: WebhookReceiver;
let temp: { dir: string; remove(): Promise<void> };

beforeEach(async () => {
  temp = await makeTempDir();
  receiver = await startWebhookReceiver({ handshake: 'allow' });
  emulator = await startEventGridEmulator({
    port: 0,
    topicKey: TEST_TOPIC_KEY,
    dataDir: temp.dir,
    subscriptions: [{ name: 'all-events', destination: { kind: 'webhook', url: receiver.url } }],
    retry: { maxAttempts: 2, initialDelayMs: 10, maxDelayMs: 20 },
  });
});

afterEach(async () => {
  await emulator.stop();
  await receiver.close();
  await temp.remove();
});

async function rawPost(body: string | Buffer, headers: Record<string, string>, query = '?api-version=2018-01-01') {
  return fetch(`${emulator.topicEndpoint}${query}`, { method: 'POST', headers, body });
}

const batchHeaders = {
  'aeg-sas-key': TEST_TOPIC_KEY,
  'content-type': 'application/cloudevents-batch+json; charset=utf-8',
};

test('accepts a batch from the real publisher client with the topic key', async () => {
  const client = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureKeyCredential(TEST_TOPIC_KEY),
    insecure,
  );
  await client.send([{ type: 'khipu.job.started', source: '/khipu', subject, data: { n: 1 } }]);
  await emulator.whenIdle();
  expect(receiver.posts()).toHaveLength(1);
});

test('refuses a wrong key with 401 and delivers nothing', async () => {
  const client = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureKeyCredential('wrong-key'),
    insecure,
  );
  await expect(client.send([{ type: 'khipu.job.started', source: '/khipu', data: {} }])).rejects.toMatchObject({
    statusCode: 401,
  });
  const missing = await rawPost('[]', { 'content-type': 'application/cloudevents-batch+json' });
  expect(missing.status).toBe(401);
  await emulator.whenIdle();
  expect(receiver.requests).toHaveLength(0);
});

test('accepts a SAS token signed with the topic key, refuses a forged or expired one', async () => {
  const inOneHour = new Date(Date.now() + 3_600_000);
  const token = await generateSharedAccessSignature(
    emulator.topicEndpoint,
    new AzureKeyCredential(TEST_TOPIC_KEY),
    inOneHour,
  );
  const good = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureSASCredential(token),
    insecure,
  );
  await good.send([{ type: 'khipu.job.started', source: '/khipu', data: {} }]);

  const forgedToken = await generateSharedAccessSignature(
    emulator.topicEndpoint,
    new AzureKeyCredential(Buffer.from('other').toString('base64')),
    inOneHour,
  );
  const forged = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureSASCredential(forgedToken),
    insecure,
  );
  await expect(forged.send([{ type: 'khipu.job.started', source: '/khipu', data: {} }])).rejects.toMatchObject({
    statusCode: 401,
  });

  const expiredToken = await generateSharedAccessSignature(
    emulator.topicEndpoint,
    new AzureKeyCredential(TEST_TOPIC_KEY),
    new Date(Date.now() - 60_000),
  );
  const expired = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureSASCredential(expiredToken),
    insecure,
  );
  await expect(expired.send([{ type: 'khipu.job.started', source: '/khipu', data: {} }])).rejects.toMatchObject({
    statusCode: 401,
  });
});

test('refuses bearer tokens unless configured to accept them', async () => {
  const response = await rawPost(JSON.stringify([{ specversion: '1.0', id: '1', source: '/s', type: 't' }]), {
    authorization: 'Bearer abc.def.ghi',
    'content-type': 'application/cloudevents-batch+json',
  });
  expect(response.status).toBe(401);
});

test('refuses malformed payloads with 400 and wrong media types with 415', async () => {
  expect((await rawPost('{not json', batchHeaders)).status).toBe(400);
  expect((await rawPost('{"specversion":"1.0"}', batchHeaders)).status).toBe(400);
  expect((await rawPost('[]', batchHeaders)).status).toBe(400);
  const missingSource = [{ specversion: '1.0', id: 'x', type: 'khipu.job.started' }];
  expect((await rawPost(JSON.stringify(missingSource), batchHeaders)).status).toBe(400);
  const wrongVersion = [{ specversion: '0.3', id: 'x', type: 't', source: '/s' }];
  expect((await rawPost(JSON.stringify(wrongVersion), batchHeaders)).status).toBe(400);
  const badTime = [{ specversion: '1.0', id: 'x', type: 't', source: '/s', time: 'yesterday' }];
  expect((await rawPost(JSON.stringify(badTime), batchHeaders)).status).toBe(400);
  const valid = JSON.stringify([{ specversion: '1.0', id: 'x', type: 't', source: '/s' }]);
  expect((await rawPost(valid, { ...batchHeaders, 'content-type': 'text/plain' })).status).toBe(415);
  expect((await rawPost(valid, batchHeaders, '')).status).toBe(400);
  await emulator.whenIdle();
  expect(receiver.posts()).toHaveLength(0);
});

test('refuses requests over 1 MB with 413', async () => {
  const big = JSON.stringify([
    { specversion: '1.0', id: 'x', type: 't', source: '/s', data: { blob: 'a'.repeat(1_100_000) } },
  ]);
  const response = await rawPost(big, batchHeaders);
  expect(response.status).toBe(413);
  const client = new EventGridPublisherClient(
    emulator.topicEndpoint,
    'CloudEvent',
    new AzureKeyCredential(TEST_TOPIC_KEY),
    insecure,
  );
  await expect(client.send([{ type: 't', source: '/s', data: { blob: 'a'.repeat(1_100_000) } }])).rejects.toMatchObject(
    { statusCode: 413 },
  );
});

test('the app adapter splits large publishes into batches the topic accepts', async () => {
  const publisher = new EventGridEventPublisher({
    endpoint: emulator.topicEndpoint,
    credential: new AzureKeyCredential(TEST_TOPIC_KEY),
  });
  const chunky = Array.from({ length: 5 }, (_, index) =>
    createDomainEvent({
      type: EventTypes.chapterCompleted,
      source: '/khipu',
      subject,
      time: '2025-01-02T03:04:05.000Z',
      discriminator: `chapter-${index}`,
      data: { padding: 'p'.repeat(300_000) },
    }),
  );
  await publisher.publish([sampleEvent, ...chunky]);
  await emulator.whenIdle();
  const delivered = receiver.posts().map((post) => JSON.parse(post.body) as { id: string });
  expect(delivered.map((event) => event.id).sort()).toEqual([sampleEvent, ...chunky].map((event) => event.id).sort());
});
