/** How many times the poll interval an idle loop may sleep at most between two polls that find nothing. */
export const IDLE_POLL_GROWTH = 8;

/**
 * The timer service of the engine's loops: a loop sleeps until its poll interval passes, someone kicks it (new work
 * posted in this process), or a known due time (a durable timer message becoming visible) arrives.
 *
 * Work made in this process always kicks, and durable timers set their own wake-up, so a poll only finds what no
 * kick announced: a lease another host let expire, a message it posted. An idle loop therefore polls less and less
 * often, doubling its sleep after each poll that found nothing up to IDLE_POLL_GROWTH times the interval. Only a poll
 * that found work brings it back to the interval (another host is at work); a kick does not, since the work it
 * announces says nothing about work elsewhere. (Every poll is a storage query: at a fixed 250 ms, two loops made more
 * requests during a production than its segments did, and going back to the interval after every kick still made
 * about three queries per piece of work.)
 */
export class Wakeup {
  private waiting: (() => void) | undefined;
  private kicked = false;
  private idleSleepMs: number | undefined;
  private readonly timers = new Set<NodeJS.Timeout>();

  kick(): void {
    this.kicked = true;
    const resolve = this.waiting;
    this.waiting = undefined;
    resolve?.();
  }

  /** Kicks at `atMs` (epoch ms, per `nowMs`); far-off times are left to polling. */
  kickAt(atMs: number, nowMs: number): void {
    const delay = atMs - nowMs;
    if (delay <= 0) return this.kick();
    if (delay > 60 * 60 * 1000) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.kick();
    }, delay + 5);
    timer.unref();
    this.timers.add(timer);
  }

  /** A poll (not a kick) found work: the next idle sleep is the poll interval again. */
  busy(): void {
    this.idleSleepMs = undefined;
  }

  /** How long the next idle sleep lasts: `pollMs` at first and after a poll found work, then twice the last, up to the cap. */
  nextIdleSleepMs(pollMs: number): number {
    const ms = this.idleSleepMs ?? pollMs;
    this.idleSleepMs = Math.min(ms * 2, pollMs * IDLE_POLL_GROWTH);
    return ms;
  }

  /** Sleeps between rounds (see the class comment); resolves true when a kick ended the sleep, false for a poll. */
  sleepIdle(pollMs: number): Promise<boolean> {
    return this.sleep(this.nextIdleSleepMs(pollMs));
  }

  /** Resolves true when a kick (one made before the call included) ended the sleep, false when `ms` passed. */
  sleep(ms: number): Promise<boolean> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve(false);
      }, ms);
      this.waiting = () => {
        clearTimeout(timer);
        this.kicked = false;
        resolve(true);
      };
    });
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.kick();
  }
}
