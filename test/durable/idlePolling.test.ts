/**
 * The engine's loops poll storage less and less often while they find nothing (each poll is a storage query), and go
 * back to the poll interval only when a poll finds work no kick announced. A kick wakes a loop at once but leaves the
 * backoff where it was: the work it announces says nothing about work posted elsewhere.
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

  it('ends a long idle sleep at a kick, telling a kick from a poll, and keeps backing off after it', async () => {
    const wakeup = new Wakeup();
    for (let i = 0; i < 5; i++) wakeup.nextIdleSleepMs(POLL_MS);
    const sleeping = wakeup.sleepIdle(POLL_MS);
    wakeup.kick();
    await expect(sleeping).resolves.toBe(true);
    expect(wakeup.nextIdleSleepMs(POLL_MS)).toBe(POLL_MS * IDLE_POLL_GROWTH);
    // A kick made while the loop was busy ends its next sleep before it starts.
    wakeup.kick();
    await expect(wakeup.sleepIdle(POLL_MS)).resolves.toBe(true);
    await expect(wakeup.sleep(1)).resolves.toBe(false);
    wakeup.dispose();
  });
});
