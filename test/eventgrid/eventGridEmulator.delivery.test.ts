import { readFile } from 'node:fs/promises';
import { AzureKeyCredential } from '@azure/eventgrid';
import { EventGridEventPublisher } from '../../adapters/events/eventGridPublisher';
import { createDomainEvent, EventTypes, jobSubject, type DomainEvent, type EventType } from '../../core/ports/events';
import {
  startEventGridEmulator,
  type EventGridEmulator,
  type EventGridEmulatorOptions,
} from '../../local/eventgrid/eventGridEmulator';
import {
  createFakeHost,
  makeTempDir,
  startWebhookReceiver,
  TEST_TOPIC_KEY,
  type WebhookReceiver,
  type WebhookReceiverBehaviour,
} from './support';

/** The subscription side: handshake, structured-mode delivery, retries, dead letters, filters, function delivery. */

const fastRetry = { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 };
const cleanups: Array<() => Promise<void>> = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function tempDir(): Promise<string> {
  const temp = await makeTempDir();
  cleanups.push(temp.remove);
  return temp.dir;
}

async function receiver(behaviour: WebhookReceiverBehaviour): Promise<WebhookReceiver> {
  const started = await startWebhookReceiver(behaviour);
  cleanups.push(started.close);
  return started;
}

async function emulatorWith(
  options: Partial<EventGridEmulatorOptions> & Pick<EventGridEmulatorOptions, 'subscriptions'>,
) {
  const started = await startEventGridEmulator({
    port: 0,
    topicKey: TEST_TOPIC_KEY,
    dataDir: await tempDir(),
    retry: fastRetry,
    ...options,
  });
  cleanups.push(started.stop);
  return started;
}

function publisherFor(emulator: EventGridEmulator): EventGridEventPublisher {
  return new EventGridEventPublisher({
    endpoint: emulator.topicEndpoint,
    credential: new AzureKeyCredential(TEST_TOPIC_KEY),
  });
}

function jobEvent(type: EventType, tenantId = 'tenant-a', discriminator = ''): DomainEvent {
  return createDomainEvent({
    type,
    source: '/khipu',
    subject: jobSubject(tenantId, 'project-1', 'job-1'),
    time: '2025-01-02T03:04:05.000Z',
    discriminator,
    data: { tenantId, jobId: 'job-1' },
  });
}

test('delivers each event as a structured CloudEvent after a successful handshake', async () => {
  const hook = await receiver({ handshake: 'allow' });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'tenant-hooks', destination: { kind: 'webhook', url: hook.url } }],
  });
  const events = [jobEvent(EventTypes.jobStarted), jobEvent(EventTypes.jobCompleted)];
  await publisherFor(emulator).publish(events);
  await emulator.whenIdle();

  expect(hook.handshakes()).toHaveLength(1);
  expect(hook.handshakes()[0].headers['webhook-request-origin']).toBe('eventgrid.azure.net');
  const posts = hook.posts();
  expect(posts).toHaveLength(2);
  expect(hook.requests[0].method).toBe('OPTIONS');
  for (const post of posts) expect(post.headers['content-type']).toMatch(/^application\/cloudevents\+json/);
  const delivered = posts.map((post) => JSON.parse(post.body) as Record<string, unknown>);
  expect(delivered.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort());
  const started = delivered.find((event) => event.type === EventTypes.jobStarted);
  expect(started).toMatchObject({
    specversion: '1.0',
    source: '/khipu',
    subject: '/tenants/tenant-a/projects/project-1/jobs/job-1',
    time: '2025-01-02T03:04:05.000Z',
    data: { tenantId: 'tenant-a', jobId: 'job-1' },
  });
  expect(emulator.deliveries().filter((d) => d.outcome === 'delivered')).toHaveLength(2);
});

test('publish is acknowledged before the receiver has answered (deliveries are queued)', async () => {
  const hook = await receiver({ handshake: 'allow', holdPosts: true });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'slow', destination: { kind: 'webhook', url: hook.url } }],
  });
  await publisherFor(emulator).publish([jobEvent(EventTypes.jobStarted)]);
  expect(emulator.pendingCount()).toBe(1);
  expect(emulator.deliveries()).toHaveLength(0);
  hook.release();
  await emulator.whenIdle();
  expect(emulator.deliveries().map((d) => d.outcome)).toEqual(['delivered']);
});

test('stopping interrupts a hung delivery and keeps it pending for the next start', async () => {
  const dataDir = await tempDir();
  const hook = await receiver({ handshake: 'allow', holdPosts: true });
  const subscriptions = [{ name: 'hung', destination: { kind: 'webhook' as const, url: hook.url } }];
  const first = await startEventGridEmulator({
    port: 0,
    topicKey: TEST_TOPIC_KEY,
    dataDir,
    subscriptions,
    retry: fastRetry,
  });
  cleanups.push(first.stop);
  await publisherFor(first).publish([jobEvent(EventTypes.jobStarted)]);
  while (hook.posts().length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  await first.stop();

  const second = await emulatorWith({
    dataDir,
    subscriptions,
    retry: { ...fastRetry, initialDelayMs: 60_000, maxDelayMs: 60_000 },
  });
  expect(second.pendingCount()).toBe(1);
});

test('accepts a wildcard allowed origin', async () => {
  const hook = await receiver({ handshake: 'wildcard' });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'wildcard', destination: { kind: 'webhook', url: hook.url } }],
  });
  await publisherFor(emulator).publish([jobEvent(EventTypes.jobStarted)]);
  await emulator.whenIdle();
  expect(hook.posts()).toHaveLength(1);
});

test.each(['refuse', 'wrong-origin'] as const)('never posts events when the handshake is %s', async (handshake) => {
  const hook = await receiver({ handshake });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'refusing', destination: { kind: 'webhook', url: hook.url } }],
  });
  const event = jobEvent(EventTypes.jobStarted);
  await publisherFor(emulator).publish([event]);
  await emulator.whenIdle();

  expect(hook.handshakes().length).toBeGreaterThan(0);
  expect(hook.posts()).toHaveLength(0);
  const deadLetters = await emulator.deadLetters('refusing');
  expect(deadLetters).toHaveLength(1);
  expect(deadLetters[0].reason).toMatch(/handshake refused/);
  expect(deadLetters[0].event.id).toBe(event.id);
});

test('retries with backoff and succeeds when the receiver fails twice', async () => {
  const hook = await receiver({ handshake: 'allow', failFirstPosts: 2 });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'flaky', destination: { kind: 'webhook', url: hook.url } }],
  });
  const event = jobEvent(EventTypes.packageReady);
  await publisherFor(emulator).publish([event]);
  await emulator.whenIdle();

  const posts = hook.posts();
  expect(posts).toHaveLength(3);
  expect(posts.map((post) => (JSON.parse(post.body) as { id: string }).id)).toEqual([event.id, event.id, event.id]);
  expect(posts.map((post) => post.headers['aeg-delivery-count'])).toEqual(['0', '1', '2']);
  expect(emulator.deliveries().map((d) => d.outcome)).toEqual(['retrying', 'retrying', 'delivered']);
  expect(await emulator.deadLetters('flaky')).toHaveLength(0);
});

test('dead-letters to a file under dataDir after the last attempt', async () => {
  const hook = await receiver({ handshake: 'allow', alwaysStatus: 503 });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'down-receiver', destination: { kind: 'webhook', url: hook.url } }],
  });
  const event = jobEvent(EventTypes.jobFailed);
  await publisherFor(emulator).publish([event]);
  await emulator.whenIdle();

  expect(hook.posts()).toHaveLength(fastRetry.maxAttempts);
  const lines = (await readFile(emulator.deadLetterFile('down-receiver'), 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]) as { attempts: number; reason: string; event: { id: string } };
  expect(record).toMatchObject({ attempts: 3, event: { id: event.id } });
  expect(record.reason).toMatch(/HTTP 503/);
  expect(emulator.deliveries().at(-1)?.outcome).toBe('dead-lettered');
});

test('does not retry an event the receiver rejects as bad (400)', async () => {
  const hook = await receiver({ handshake: 'allow', alwaysStatus: 400 });
  const emulator = await emulatorWith({
    subscriptions: [{ name: 'picky', destination: { kind: 'webhook', url: hook.url } }],
  });
  await publisherFor(emulator).publish([jobEvent(EventTypes.jobStarted)]);
  await emulator.whenIdle();
  expect(hook.posts()).toHaveLength(1);
  expect(await emulator.deadLetters('picky')).toHaveLength(1);
});

test('filters by event type and by subject prefix', async () => {
  const completions = await receiver({ handshake: 'allow' });
  const tenantB = await receiver({ handshake: 'allow' });
  const emulator = await emulatorWith({
    subscriptions: [
      {
        name: 'completions',
        eventTypes: [EventTypes.jobCompleted, EventTypes.packageReady],
        destination: { kind: 'webhook', url: completions.url },
      },
      { name: 'tenant-b', subjectBeginsWith: '/tenants/tenant-b/', destination: { kind: 'webhook', url: tenantB.url } },
    ],
  });
  await publisherFor(emulator).publish([
    jobEvent(EventTypes.jobStarted, 'tenant-a'),
    jobEvent(EventTypes.jobCompleted, 'tenant-a'),
    jobEvent(EventTypes.jobStarted, 'tenant-b'),
    jobEvent(EventTypes.packageReady, 'tenant-b'),
    // A tenant whose id merely starts with the other's must not match its prefix.
    jobEvent(EventTypes.jobStarted, 'tenant-bb'),
  ]);
  await emulator.whenIdle();

  const summary = (hook: WebhookReceiver) =>
    hook
      .posts()
      .map((post) => JSON.parse(post.body) as { type: string; subject: string })
      .map((event) => `${event.type} ${event.subject.split('/')[2]}`)
      .sort();
  expect(summary(completions)).toEqual(['khipu.job.completed tenant-a', 'khipu.package.ready tenant-b']);
  expect(summary(tenantB)).toEqual(['khipu.job.started tenant-b', 'khipu.package.ready tenant-b']);
});

test('delivers to eventGridTrigger functions through the host, retrying a failing invocation', async () => {
  const host = createFakeHost(['webhookDispatcher', 'auditTrail']);
  const emulator = await emulatorWith({
    subscriptions: [
      { name: 'dispatcher', destination: { kind: 'function', functionName: 'webhookDispatcher' } },
      { name: 'every-function', eventTypes: [EventTypes.jobCompleted], destination: { kind: 'function' } },
    ],
  });
  const extension = emulator.asHostExtension();
  const started = jobEvent(EventTypes.jobStarted);
  const completed = jobEvent(EventTypes.jobCompleted);
  // Published before the host is up: deliveries wait for it rather than failing.
  await publisherFor(emulator).publish([started, completed]);
  expect(emulator.pendingCount()).toBe(3);

  host.failNext(1);
  await extension.start(host);
  await emulator.whenIdle();

  const received = host.invocations
    .map((call) => `${call.functionName} ${(call.event as { type: string }).type}`)
    .sort();
  expect(received).toEqual([
    'auditTrail khipu.job.completed',
    'webhookDispatcher khipu.job.completed',
    'webhookDispatcher khipu.job.completed',
    'webhookDispatcher khipu.job.started',
  ]);
  expect(host.invocations.every((call) => typeof call.input.trigger.json === 'string')).toBe(true);
  expect(host.invocations.find((call) => call.functionName === 'auditTrail')?.event).toMatchObject({
    id: completed.id,
    specversion: '1.0',
  });
  expect(emulator.deliveries().filter((d) => d.outcome === 'retrying')).toHaveLength(1);
  await extension.stop();
});

test('keeps accepted deliveries across a restart (at-least-once)', async () => {
  const dataDir = await tempDir();
  const host = createFakeHost(['webhookDispatcher']);
  const subscriptions = [
    { name: 'dispatcher', destination: { kind: 'function' as const, functionName: 'webhookDispatcher' } },
  ];
  const first = await startEventGridEmulator({
    port: 0,
    topicKey: TEST_TOPIC_KEY,
    dataDir,
    subscriptions,
    retry: fastRetry,
  });
  cleanups.push(first.stop);
  const event = jobEvent(EventTypes.jobStarted);
  await publisherFor(first).publish([event]);
  await first.stop();

  const second = await emulatorWith({ dataDir, subscriptions });
  expect(second.pendingCount()).toBe(1);
  await second.asHostExtension().start(host);
  await second.whenIdle();
  expect(host.invocations.map((call) => (call.event as { id: string }).id)).toEqual([event.id]);
});
