import * as path from 'node:path';
import { AzureKeyCredential } from '@azure/eventgrid';
import { EventGridEventPublisher } from '../../adapters/events/eventGridPublisher';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import { startEventGridEmulator } from '../../local/eventgrid/eventGridEmulator';
import { startFunctionHost, type RunningFunctionHost } from '../../local/host/functionHost';
import { makeTempDir, TEST_TOPIC_KEY } from './support';

/** End to end with the real local Functions host: publish → emulator → host → the app's `app.eventGrid` handler. */

test('delivers published events to an app.eventGrid function in the real local host, retrying its failure', async () => {
  const temp = await makeTempDir();
  const emulator = await startEventGridEmulator({
    port: 0,
    topicKey: TEST_TOPIC_KEY,
    dataDir: temp.dir,
    subscriptions: [{ name: 'app-functions', destination: { kind: 'function' } }],
    retry: { maxAttempts: 3, initialDelayMs: 5, maxDelayMs: 20 },
  });
  const hostLines: Array<Record<string, unknown>> = [];
  const fixtures = path.join(__dirname, 'fixtures');
  let host: RunningFunctionHost | undefined;
  try {
    host = await startFunctionHost({
      appEntry: path.join(fixtures, 'eventGridApp.ts'),
      hostJsonPath: path.join(fixtures, 'host.json'),
      port: 0,
      extensions: [emulator.asHostExtension()],
      logger: (line) => hostLines.push(line as Record<string, unknown>),
    });
    const subject = jobSubject('tenant-a', 'project-1', 'job-7');
    const started = createDomainEvent({
      type: EventTypes.jobStarted,
      source: '/khipu',
      subject,
      time: '2025-01-02T03:04:05Z',
      data: {},
    });
    const flaky = createDomainEvent({
      type: EventTypes.jobFailed,
      source: '/khipu',
      subject,
      time: '2025-01-02T03:05:05Z',
      data: { failTimes: 1 },
    });
    const publisher = new EventGridEventPublisher({
      endpoint: emulator.topicEndpoint,
      credential: new AzureKeyCredential(TEST_TOPIC_KEY),
    });
    await publisher.publish([started, flaky]);
    await emulator.whenIdle();

    const received = hostLines
      .filter((line) => line.type === 'log' && line.function === 'onKhipuEvent')
      .map((line) => line.message);
    expect(received.sort()).toEqual(
      [
        `received khipu.job.failed ${flaky.id} ${subject}`,
        `received khipu.job.started ${started.id} ${subject}`,
      ].sort(),
    );
    const flakyDeliveries = emulator.deliveries().filter((d) => d.eventId === flaky.id);
    expect(flakyDeliveries.map((d) => d.outcome)).toEqual(['retrying', 'delivered']);
    expect(flakyDeliveries[0].error).toMatch(/planned failure 1/);
    // The HTTP trigger was not mistaken for a subscriber.
    expect(emulator.deliveries().every((d) => d.destination === 'function:onKhipuEvent')).toBe(true);
  } finally {
    await host?.stop();
    await emulator.stop();
    await temp.remove();
  }
});
