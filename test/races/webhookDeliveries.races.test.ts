/**
 * A webhook delivery's state under many workers, against the platform's emulators: one event handed to 24
 * dispatchers at once (Event Grid delivers at least once, to any instance), and one due retry swept by 24 sweepers at
 * once (every instance's timer). The receiver counts what it was sent: each attempt reaches it once, and the delivery
 * document records exactly the attempts that were made and ends in one state.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from '@azure/cosmos';
import type { Services } from '../../adapters/compositionRoot';
import type { WebhookDeliveryDoc } from '../../core/webhooks/deliveryLog';
import type { InboundEvent } from '../../core/webhooks/webhookEvent';
import { pollBackoff } from '../support/polling';
import { body } from '../support/responses';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { appServicesFor } from './support';

const andes = freshTenant('andes');
const PARALLEL = 24;

let platform: TestPlatform;
let app: Services;
let database: Database;
let receiver: Receiver;

jest.setTimeout(5 * 60_000);

/** An integrator's endpoint whose answer the test sets, counting every request by its message id. */
interface Receiver {
  url: string;
  status: number;
  received: string[];
  /** While set, requests are counted at once and answered when it settles. */
  hold: Promise<void> | undefined;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const state = { status: 200, received: [] as string[], hold: undefined as Promise<void> | undefined };
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      state.received.push(String(req.headers['webhook-id']));
      const answer = () => res.writeHead(state.status, { 'content-type': 'text/plain' }).end('');
      if (state.hold) void state.hold.then(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}/hooks`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

beforeAll(async () => {
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
  ({ services: app, database } = await appServicesFor(platform));
  receiver = await startReceiver();
}, 180_000);
afterAll(async () => {
  await receiver?.close();
  await platform?.stop();
});

async function subscription(): Promise<string> {
  const created = await body<{ id: string }>(
    await platform.api(andes.admin, '/v1/webhooks', {
      method: 'POST',
      json: { url: receiver.url, eventTypes: ['khipu.job.completed'] },
    }),
    201,
  );
  return created.id;
}

let events = 0;
function event(): InboundEvent {
  events++;
  return {
    tenantId: andes.id,
    id: `evt-race-${Date.now()}-${events}`,
    type: 'khipu.job.completed',
    subject: `/tenants/${andes.id}/jobs/job-race-${events}`,
    time: new Date().toISOString(),
    data: { jobId: `job-race-${events}` },
  };
}

async function deliveriesOf(eventId: string): Promise<WebhookDeliveryDoc[]> {
  const { resources } = await database
    .container('deliveries')
    .items.query<WebhookDeliveryDoc>({
      query: 'SELECT * FROM c WHERE c.tenantId = @t AND c.eventId = @e',
      parameters: [
        { name: '@t', value: andes.id },
        { name: '@e', value: eventId },
      ],
    })
    .fetchAll();
  return resources;
}

/** The event's one delivery once no attempt holds it (a racer outside this process may still be sending). */
async function settled(eventId: string): Promise<WebhookDeliveryDoc> {
  const pause = pollBackoff(100);
  for (let deadline = Date.now() + 60_000; ; await pause()) {
    const [delivery] = await deliveriesOf(eventId);
    if (delivery?.status !== 'pending' || Date.now() > deadline) return delivery!;
  }
}

const sentFor = (eventId: string) => receiver.received.filter((id) => id.endsWith(eventId)).length;

test(`one event handed to ${PARALLEL} dispatchers at once: one delivery, sent once`, async () => {
  const hookId = await subscription();
  const once = event();
  const summaries = await Promise.all(Array.from({ length: PARALLEL }, () => app.webhookDispatcher.dispatch(once)));
  expect(summaries.reduce((sum, s) => sum + s.delivered, 0)).toBe(1);
  expect(summaries.reduce((sum, s) => sum + s.duplicates, 0)).toBe(PARALLEL - 1);
  expect(sentFor(once.id)).toBe(1);
  const [delivery, ...others] = await deliveriesOf(once.id);
  expect(others).toEqual([]);
  expect(delivery).toMatchObject({ subscriptionId: hookId, status: 'succeeded', nextAttemptAt: null });
  expect(delivery!.attempts).toHaveLength(1);
  await platform.api(andes.admin, `/v1/webhooks/${hookId}`, { method: 'DELETE' });
});

test(`a due retry swept by ${PARALLEL} sweepers at once: attempted once, recorded once`, async () => {
  const hookId = await subscription();
  const retried = event();
  // The first attempt fails: the delivery waits for its retry.
  receiver.status = 503;
  await app.webhookDispatcher.dispatch(retried);
  const [failed] = await deliveriesOf(retried.id);
  expect(failed).toMatchObject({ status: 'pending' });
  expect(failed!.attempts).toHaveLength(1);
  // The retry falls due (as time passing would), and the receiver is back.
  await database
    .container('deliveries')
    .item(failed!.id, andes.id)
    .replace({ ...failed, nextAttemptAt: new Date(Date.now() - 1000).toISOString() });
  receiver.status = 200;
  const sweeps = await Promise.all(Array.from({ length: PARALLEL }, () => app.webhookDispatcher.sweep(andes.id)));
  // The host's own sweeper (every minute) is one more racer: it may be the one that wins the retry.
  expect(sweeps.reduce((sum, s) => sum + s.attempted, 0)).toBeLessThanOrEqual(1);
  const delivery = await settled(retried.id);
  expect(sentFor(retried.id)).toBe(2);
  expect(delivery).toMatchObject({ status: 'succeeded', nextAttemptAt: null });
  expect(delivery!.attempts.map((attempt) => attempt.outcome)).toEqual(['failed', 'succeeded']);
  await platform.api(andes.admin, `/v1/webhooks/${hookId}`, { method: 'DELETE' });
});

test('an attempt whose delivery another worker took while it was sending: its record loses and it says so', async () => {
  const hookId = await subscription();
  const late = event();
  let release!: () => void;
  receiver.hold = new Promise<void>((resolve) => (release = resolve));
  receiver.status = 200;
  const dispatching = app.webhookDispatcher.dispatch(late);
  const pause = pollBackoff(50);
  for (let deadline = Date.now() + 30_000; sentFor(late.id) === 0 && Date.now() < deadline;) await pause();
  expect(sentFor(late.id)).toBe(1);
  // The lease ran out and another worker claimed the delivery (its ETag-checked write, as a sweeper's claim is).
  const [inFlight] = await deliveriesOf(late.id);
  const takenOver = { ...inFlight!, nextAttemptAt: new Date(Date.now() + 60_000).toISOString() };
  await database.container('deliveries').item(inFlight!.id, andes.id).replace(takenOver);
  release();
  receiver.hold = undefined;
  const summary = await dispatching;
  expect(summary).toMatchObject({ delivered: 0, failed: 0, duplicates: 0, superseded: 1 });
  // What the other worker stored stands: this attempt's outcome did not overwrite it.
  const [stored] = await deliveriesOf(late.id);
  expect(stored).toMatchObject({ status: 'pending', nextAttemptAt: takenOver.nextAttemptAt });
  expect(stored!.attempts).toEqual([]);
  await platform.api(andes.admin, `/v1/webhooks/${hookId}`, { method: 'DELETE' });
});
