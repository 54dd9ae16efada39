/**
 * The tests' shared waits look again soon after they start (pollBackoff: 20 ms, then doubling to their old fixed
 * interval), so a wait for something that is nearly done does not last a whole interval. Fake timers: no wall time.
 */
import { waitFor } from '../e2e/support/session';
import { eventsOfJob } from '../jobs/jobEvents';
import { eventually } from '../platform/support';
import type { EventReceiver } from '../production/support';

beforeEach(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] }));
afterEach(() => jest.useRealTimers());

/** Resolves with whether `promise` has settled once `ms` of fake time have passed. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let settled = false;
  void promise.then(() => (settled = true));
  await jest.advanceTimersByTimeAsync(ms);
  return settled;
}

describe('the shared waits of the tests', () => {
  it('waitFor (browser walks) looks again 20 ms after a condition not yet met', async () => {
    let checks = 0;
    const met = waitFor(async () => ++checks > 1);
    expect(await settledWithin(met, 20)).toBe(true);
  });

  it('eventsOfJob looks again 20 ms after an event that had not arrived', async () => {
    const receiver: EventReceiver = { url: '', events: [], close: async () => undefined };
    const arrived = eventsOfJob(receiver, 'job-1', ['khipu.job.completed']);
    receiver.events.push({ type: 'khipu.job.completed', id: 'e1', subject: '/projects/p1/jobs/job-1', data: {} });
    expect(await settledWithin(arrived, 20)).toBe(true);
  });

  it('eventually (platform processes) looks again 20 ms after a condition not yet met', async () => {
    let checks = 0;
    const met = eventually(() => ++checks > 1);
    expect(await settledWithin(met, 20)).toBe(true);
  });
});
