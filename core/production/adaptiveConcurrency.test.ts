import fc from 'fast-check';
import { SpeechPermanentError, SpeechThrottledError } from '../ports/speech';
import { AdaptiveConcurrency, type AdaptiveConcurrencyOptions } from './adaptiveConcurrency';
import { backoffDelayMs, SpeechCancelledError, SpeechTransientError } from './speechRetry';

/** Virtual time: sleeps are timers fired in order by `drain`, so no test depends on the wall clock. */
class VirtualTime {
  now = 0;
  private timers: { at: number; seq: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private seq = 0;

  sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new SpeechCancelledError());
      const timer = { at: this.now + Math.max(0, ms), seq: this.seq++, resolve, reject };
      this.timers.push(timer);
      signal?.addEventListener(
        'abort',
        () => {
          this.timers = this.timers.filter((t) => t !== timer);
          reject(new SpeechCancelledError());
        },
        { once: true },
      );
    });

  /** Settles microtasks, then fires timers one at a time until nothing is pending. */
  async drain(until: () => boolean = () => false): Promise<void> {
    for (let guard = 0; guard < 1_000_000; guard++) {
      await flush();
      if (until()) return;
      if (this.timers.length === 0) return;
      this.timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.timers.shift()!;
      this.now = Math.max(this.now, next.at);
      next.resolve();
    }
    throw new Error('virtual time did not settle');
  }
}

async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

function limiter(time: VirtualTime, options: AdaptiveConcurrencyOptions = {}): AdaptiveConcurrency {
  return new AdaptiveConcurrency({ now: () => time.now, sleep: time.sleep, random: () => 0.5, ...options });
}

/** A service that throttles any call arriving while `capacity` calls are already being served. */
function cappedService(time: VirtualTime, capacity: number, latencyMs = 100, retryAfterMs?: number) {
  let active = 0;
  const calls = { total: 0, throttled: 0, peakActive: 0 };
  const call = async (): Promise<string> => {
    calls.total++;
    if (active >= capacity) {
      calls.throttled++;
      throw new SpeechThrottledError('too many requests', retryAfterMs);
    }
    active++;
    calls.peakActive = Math.max(calls.peakActive, active);
    try {
      await time.sleep(latencyMs);
      return 'ok';
    } finally {
      active--;
    }
  };
  return { call, calls };
}

describe('AdaptiveConcurrency', () => {
  it('starts low and ramps up additively while calls succeed', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { initialLimit: 2, maxLimit: 8 });
    const service = cappedService(time, 100);
    const results = Array.from({ length: 60 }, () => aimd.run(() => service.call()));
    await flush();
    expect(aimd.stats().inFlight).toBe(2);
    await time.drain();
    await expect(Promise.all(results)).resolves.toHaveLength(60);
    const stats = aimd.stats();
    expect(stats.peakConcurrency).toBe(8);
    expect(stats.peakInFlight).toBe(8);
    expect(stats.throttled).toBe(0);
    expect(stats.succeeded).toBe(60);
  });

  it('halves once per generation when a burst of in-flight calls is throttled', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { initialLimit: 8, maxLimit: 8, retry: { maxAttempts: 10 } });
    let throttleNext = 8;
    const task = async () => {
      await time.sleep(10);
      if (throttleNext > 0) {
        throttleNext--;
        throw new SpeechThrottledError('4429');
      }
      return 1;
    };
    const results = Array.from({ length: 8 }, () => aimd.run(task));
    await time.drain(() => aimd.stats().throttled === 8);
    expect(aimd.stats().decreases).toBe(1);
    expect(aimd.stats().concurrency).toBe(4);
    await time.drain();
    await Promise.all(results);
    expect(aimd.stats().retries).toBe(8);
  });

  it('honours retry-after as a pause for every new start', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { initialLimit: 4 });
    const starts: number[] = [];
    let first = true;
    const task = async () => {
      starts.push(time.now);
      if (first) {
        first = false;
        throw new SpeechThrottledError('429', 5_000);
      }
      await time.sleep(10);
    };
    const firstRun = aimd.run(task);
    await flush();
    const later = Array.from({ length: 5 }, () => aimd.run(task));
    await flush();
    expect(aimd.stats().pausedUntil).toBe(5_000);
    await time.drain();
    await Promise.all([firstRun, ...later]);
    expect(starts[0]).toBe(0);
    expect(starts.slice(1).every((t) => t >= 5_000)).toBe(true);
    expect(aimd.stats().pauses).toBe(1);
  });

  it('returns permanent errors at once, without retrying', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time);
    let calls = 0;
    const outcome = aimd.run(async () => {
      calls++;
      throw new SpeechPermanentError('voice not found', 'voice_not_found');
    });
    await time.drain();
    await expect(outcome).rejects.toMatchObject({ name: 'SpeechPermanentError', reason: 'voice_not_found' });
    expect(calls).toBe(1);
    expect(aimd.stats()).toMatchObject({ permanentFailures: 1, retries: 0, decreases: 0 });
  });

  it('gives up after the bounded number of attempts with the last throttle', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { retry: { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 1_000 } });
    let calls = 0;
    const outcome = aimd.run(async () => {
      calls++;
      throw new SpeechThrottledError('storm');
    });
    outcome.catch(() => undefined);
    await time.drain();
    await expect(outcome).rejects.toBeInstanceOf(SpeechThrottledError);
    expect(calls).toBe(4);
    expect(aimd.stats()).toMatchObject({ exhausted: 1, retries: 3 });
    // 50..100, 100..200, 200..400 ms with jitter 0.5 → 75 + 150 + 300
    expect(time.now).toBe(525);
  });

  it('retries transient failures without lowering the limit', async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { initialLimit: 3 });
    let calls = 0;
    const outcome = aimd.run(async () => {
      calls++;
      if (calls < 3) throw new SpeechTransientError('socket hang up');
      return 'done';
    });
    await time.drain();
    await expect(outcome).resolves.toBe('done');
    expect(aimd.stats()).toMatchObject({ transientFailures: 2, decreases: 0, concurrency: 3 });
  });

  it('cancel stops new work: queued calls reject, running calls see the abort, nothing else starts', async () => {
    const time = new VirtualTime();
    const controller = new AbortController();
    const aimd = limiter(time, { initialLimit: 2, signal: controller.signal });
    const seen: AbortSignal[] = [];
    let started = 0;
    const task = (signal: AbortSignal) => {
      started++;
      seen.push(signal);
      return time.sleep(1_000, signal);
    };
    const runs = Array.from({ length: 6 }, () => aimd.run(task));
    runs.forEach((r) => r.catch(() => undefined));
    await flush();
    expect(started).toBe(2);
    controller.abort();
    await time.drain();
    const outcomes = await Promise.allSettled(runs);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
    expect(seen.every((s) => s.aborted)).toBe(true);
    expect(started).toBe(2);
    await expect(aimd.run(task)).rejects.toBeInstanceOf(SpeechCancelledError);
    expect(started).toBe(2);
  });

  it("a caller's own signal cancels only that caller's call", async () => {
    const time = new VirtualTime();
    const aimd = limiter(time, { initialLimit: 1 });
    const mine = new AbortController();
    const blocker = aimd.run(() => time.sleep(100));
    const cancelled = aimd.run(() => time.sleep(100), { signal: mine.signal });
    const other = aimd.run(() => time.sleep(100));
    mine.abort();
    await time.drain();
    await expect(cancelled).rejects.toBeInstanceOf(SpeechCancelledError);
    await expect(Promise.all([blocker, other])).resolves.toHaveLength(2);
  });

  it('under any capacity, every call completes and in-flight never exceeds the limit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 5, max: 60 }),
        async (capacity, maxLimit, calls) => {
          const time = new VirtualTime();
          const aimd = limiter(time, { maxLimit, retry: { maxAttempts: 1000 } });
          const service = cappedService(time, capacity);
          const results = Array.from({ length: calls }, () => aimd.run(() => service.call()));
          await time.drain();
          await expect(Promise.all(results)).resolves.toHaveLength(calls);
          const stats = aimd.stats();
          expect(stats.peakInFlight).toBeLessThanOrEqual(maxLimit);
          expect(stats.succeeded).toBe(calls);
          if (service.calls.throttled > 0) expect(stats.decreases).toBeGreaterThan(0);
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe('backoffDelayMs', () => {
  it('stays within half and all of the capped exponential ceiling, never below retry-after', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.double({ min: 0, max: 0.999999, noNaN: true }),
        fc.option(fc.integer({ min: 0, max: 120_000 }), { nil: undefined }),
        (attempt, random, retryAfterMs) => {
          const policy = { maxAttempts: 8, baseDelayMs: 200, maxDelayMs: 10_000 };
          const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
          const delay = backoffDelayMs(attempt, policy, () => random, retryAfterMs);
          expect(delay).toBeGreaterThanOrEqual(Math.max(Math.floor(ceiling / 2), retryAfterMs ?? 0));
          expect(delay).toBeLessThanOrEqual(Math.max(ceiling, retryAfterMs ?? 0));
        },
      ),
    );
  });
});
