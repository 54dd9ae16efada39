/**
 * The timer service of the engine's loops: a loop sleeps until its poll interval passes, someone kicks it (new work
 * posted in this process), or a known due time (a durable timer message becoming visible) arrives.
 */
export class Wakeup {
  private waiting: (() => void) | undefined;
  private kicked = false;
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

  sleep(ms: number): Promise<void> {
    if (this.kicked) {
      this.kicked = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.waiting = undefined;
        resolve();
      }, ms);
      this.waiting = () => {
        clearTimeout(timer);
        this.kicked = false;
        resolve();
      };
    });
  }

  dispose(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    this.kick();
  }
}
