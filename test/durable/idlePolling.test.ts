/**
 * The engine's loops poll storage less and less often while they find nothing (each poll is a storage query), and go
 * back to the poll interval as soon as work is found or announced by a kick.
 */
import { IDLE_POLL_GROWTH, Wakeup } from '../../local/durable/wakeup';

const POLL_MS = 250;

describe('idle polling', () => {
  it('doubles the sleep after each poll that found nothing, up to the cap', () => {
    const wakeup = new Wakeup();
    const sleeps = Array.from({ length: 6 }, () => wakeup.nextIdleSleepMs(POLL_MS));
    expect(sleeps).toEqual([250, 500, 1000, 2000, 2000, 2000]);
    expect(Math.max(...sleeps)).toBe(POLL_MS * IDLE_POLL_GROWTH);
  });

  it('goes back to the poll interval after work was found', () => {
    const wakeup = new Wakeup();
    for (let i = 0; i < 5; i++) wakeup.nextIdleSleepMs(POLL_MS);
    wakeup.busy();
    expect(wakeup.nextIdleSleepMs(POLL_MS)).toBe(POLL_MS);
  });

  it('goes back to the poll interval after a kick, and the kick ends a long idle sleep', async () => {
    const wakeup = new Wakeup();
    const hour = 60 * 60 * 1000;
    wakeup.nextIdleSleepMs(hour);
    const sleeping = wakeup.sleepIdle(hour);
    wakeup.kick();
    await sleeping;
    expect(wakeup.nextIdleSleepMs(POLL_MS)).toBe(POLL_MS);
    wakeup.dispose();
  });
});
