/**
 * Watching the `khipu.job.*` events of the local platform from a test: a webhook subscription (in the job's tenant)
 * pointing at a loopback receiver. The platform must run with WEBHOOK_ALLOW_LOOPBACK=true.
 */
import { pollBackoff } from '../support/polling';
import type { EventReceiver } from '../production/support';
import type { TestPlatform } from '../support/testPlatform';

export const JOB_EVENT_TYPES = ['khipu.job.started', 'khipu.job.completed', 'khipu.job.failed', 'khipu.job.cancelled'];

export type ReceivedEvent = EventReceiver['events'][number];

/** Subscribes `receiver` to every job event of the tenant `admin` administers. */
export async function subscribeToJobEvents(platform: TestPlatform, admin: string, receiver: EventReceiver) {
  const res = await platform.api(admin, '/v1/webhooks', {
    method: 'POST',
    json: { url: receiver.url, eventTypes: JOB_EVENT_TYPES, description: 'job events under test' },
  });
  if (res.status !== 201) throw new Error(`webhook subscription: ${res.status} ${await res.text()}`);
}

/**
 * The events of one job, once every type in `types` has arrived (delivery is asynchronous). Throws, naming what is
 * missing, if they have not all come within `waitMs`.
 */
export async function eventsOfJob(
  receiver: EventReceiver,
  jobId: string,
  types: string[],
  waitMs = 60_000,
): Promise<ReceivedEvent[]> {
  const ofJob = () => receiver.events.filter((event) => event.subject?.endsWith(`/jobs/${jobId}`));
  const deadline = Date.now() + waitMs;
  const missing = () => types.filter((type) => !ofJob().some((event) => event.type === type));
  const pause = pollBackoff(250);
  while (missing().length > 0) {
    if (Date.now() > deadline) {
      throw new Error(
        `job ${jobId}: no ${missing().join(', ')} (got ${ofJob()
          .map((e) => e.type)
          .join(', ')})`,
      );
    }
    await pause();
  }
  return ofJob();
}
