/**
 * AIMD limiter for calls to a TTS service: ramp gradually, back off on 429/4429/1007, honour retry-after
 * (docs/domain.md §Azure AI Speech).
 * Starts low; each success in a saturated window adds `additiveIncrease / limit` (about one slot per window of
 * successes); a throttle multiplies the limit by `decreaseFactor`, at most once per generation of calls, so a storm
 * of rejections from calls already in flight counts as one signal; a retry-after pauses every new start.
 * Throttled and transient failures are retried with capped, jittered backoff; permanent ones surface at once.
 * Clock, sleep and randomness are injected so the logic is tested without wall-clock time.
 */
import {
  backoffDelayMs,
  classifySpeechFailure,
  DEFAULT_SPEECH_RETRY_POLICY,
  retryAfterOf,
  type RetryPolicy,
  SpeechCancelledError,
} from './speechRetry';

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

export interface AdaptiveConcurrencyOptions {
  initialLimit?: number;
  minLimit?: number;
  maxLimit?: number;
  additiveIncrease?: number;
  /** In (0, 1): the limit is multiplied by it on a throttle. */
  decreaseFactor?: number;
  retry?: Partial<RetryPolicy>;
  /** Milliseconds since any fixed origin. */
  now?: () => number;
  /** Resolves after `ms`, rejects (or resolves early) when the signal aborts. */
  sleep?: Sleep;
  /** In [0, 1); drives backoff jitter. */
  random?: () => number;
  /** Aborting it cancels queued and waiting work and is passed to running tasks. */
  signal?: AbortSignal;
}

export interface AdaptiveConcurrencyStats {
  /** Current limit (fractional while it ramps); `concurrency` is the number of calls allowed at once. */
  limit: number;
  concurrency: number;
  peakConcurrency: number;
  lowestConcurrencyAfterBackoff: number | null;
  inFlight: number;
  peakInFlight: number;
  queued: number;
  attempts: number;
  succeeded: number;
  throttled: number;
  transientFailures: number;
  permanentFailures: number;
  retries: number;
  exhausted: number;
  cancelled: number;
  decreases: number;
  pauses: number;
  /** Time until which new calls wait because the service sent a retry-after, if still ahead. */
  pausedUntil: number | null;
}

interface Waiter {
  signal: AbortSignal;
  resolve: () => void;
  reject: (error: unknown) => void;
  detach: () => void;
}

const defaultSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) return reject(new SpeechCancelledError());
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new SpeechCancelledError());
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });

export class AdaptiveConcurrency {
  private limit: number;
  private readonly minLimit: number;
  private readonly maxLimit: number;
  private readonly additiveIncrease: number;
  private readonly decreaseFactor: number;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly sleep: Sleep;
  private readonly random: () => number;
  private readonly lifetime = new AbortController();
  private readonly queue: Waiter[] = [];
  private inFlight = 0;
  private generation = 0;
  private pausedUntil = 0;
  private pauseTimerActive = false;
  private readonly counters = {
    peakConcurrency: 0,
    lowestConcurrencyAfterBackoff: null as number | null,
    peakInFlight: 0,
    attempts: 0,
    succeeded: 0,
    throttled: 0,
    transientFailures: 0,
    permanentFailures: 0,
    retries: 0,
    exhausted: 0,
    cancelled: 0,
    decreases: 0,
    pauses: 0,
  };

  constructor(options: AdaptiveConcurrencyOptions = {}) {
    this.minLimit = Math.max(1, Math.floor(options.minLimit ?? 1));
    this.maxLimit = Math.max(this.minLimit, Math.floor(options.maxLimit ?? 16));
    this.limit = clamp(options.initialLimit ?? 2, this.minLimit, this.maxLimit);
    this.additiveIncrease = Math.max(0, options.additiveIncrease ?? 1);
    const factor = options.decreaseFactor ?? 0.5;
    this.decreaseFactor = factor > 0 && factor < 1 ? factor : 0.5;
    this.policy = { ...DEFAULT_SPEECH_RETRY_POLICY, ...options.retry };
    this.policy.maxAttempts = Math.max(1, Math.floor(this.policy.maxAttempts));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? defaultSleep;
    this.random = options.random ?? Math.random;
    this.counters.peakConcurrency = this.concurrency();
    if (options.signal) {
      if (options.signal.aborted) this.cancel();
      else options.signal.addEventListener('abort', () => this.cancel(), { once: true });
    }
  }

  /**
   * Runs `task` when a slot is free, retrying throttled and transient failures within the retry policy.
   * The task receives a signal that aborts when the limiter or the caller's `signal` is cancelled.
   */
  async run<T>(task: (signal: AbortSignal) => Promise<T>, options: { signal?: AbortSignal } = {}): Promise<T> {
    // A signal of its own per call: listeners then attach to it, not by the hundred to one shared signal.
    const signal = AbortSignal.any(options.signal ? [this.lifetime.signal, options.signal] : [this.lifetime.signal]);
    for (let attempt = 1; ; attempt++) {
      await this.acquire(signal);
      const generation = this.generation;
      const saturated = this.inFlight >= this.concurrency();
      this.counters.attempts++;
      let failure: unknown;
      try {
        const value = await task(signal);
        this.release();
        this.onSuccess(saturated);
        return value;
      } catch (error) {
        this.release();
        failure = error;
      }
      const kind = signal.aborted ? 'cancelled' : classifySpeechFailure(failure);
      if (kind === 'cancelled') {
        this.counters.cancelled++;
        throw failure;
      }
      if (kind === 'permanent') {
        this.counters.permanentFailures++;
        throw failure;
      }
      const retryAfterMs = retryAfterOf(failure);
      if (kind === 'throttled') this.onThrottle(generation, retryAfterMs);
      else this.counters.transientFailures++;
      if (attempt >= this.policy.maxAttempts) {
        this.counters.exhausted++;
        throw failure;
      }
      this.counters.retries++;
      try {
        await this.sleep(backoffDelayMs(attempt, this.policy, this.random, retryAfterMs), signal);
      } catch {
        this.counters.cancelled++;
        throw new SpeechCancelledError();
      }
      if (signal.aborted) {
        this.counters.cancelled++;
        throw new SpeechCancelledError();
      }
    }
  }

  /** Stops new work: queued calls and waiting retries reject with SpeechCancelledError; running tasks see the abort. */
  cancel(): void {
    if (this.lifetime.signal.aborted) return;
    this.lifetime.abort(new SpeechCancelledError());
    for (const waiter of this.queue.splice(0)) {
      waiter.detach();
      this.counters.cancelled++;
      waiter.reject(new SpeechCancelledError());
    }
  }

  stats(): AdaptiveConcurrencyStats {
    const now = this.now();
    return {
      ...this.counters,
      limit: this.limit,
      concurrency: this.concurrency(),
      inFlight: this.inFlight,
      queued: this.queue.length,
      pausedUntil: this.pausedUntil > now ? this.pausedUntil : null,
    };
  }

  private concurrency(): number {
    return Math.max(this.minLimit, Math.floor(this.limit));
  }

  private canStart(): boolean {
    return !this.lifetime.signal.aborted && this.inFlight < this.concurrency() && this.now() >= this.pausedUntil;
  }

  private acquire(signal: AbortSignal): Promise<void> {
    if (signal.aborted) {
      this.counters.cancelled++;
      return Promise.reject(new SpeechCancelledError());
    }
    if (this.queue.length === 0 && this.canStart()) {
      this.occupy();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const index = this.queue.indexOf(waiter);
        if (index >= 0) this.queue.splice(index, 1);
        this.counters.cancelled++;
        reject(new SpeechCancelledError());
      };
      const waiter: Waiter = {
        signal,
        resolve,
        reject,
        detach: () => signal.removeEventListener('abort', onAbort),
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.queue.push(waiter);
      this.pump();
    });
  }

  private occupy(): void {
    this.inFlight++;
    this.counters.peakInFlight = Math.max(this.counters.peakInFlight, this.inFlight);
  }

  private release(): void {
    this.inFlight--;
    this.pump();
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.lifetime.signal.aborted && this.inFlight < this.concurrency()) {
      const wait = this.pausedUntil - this.now();
      if (wait > 0) {
        this.schedulePauseEnd(wait);
        return;
      }
      const waiter = this.queue.shift()!;
      waiter.detach();
      this.occupy();
      waiter.resolve();
    }
  }

  private schedulePauseEnd(waitMs: number): void {
    if (this.pauseTimerActive) return;
    this.pauseTimerActive = true;
    this.sleep(waitMs, this.lifetime.signal).then(
      () => {
        this.pauseTimerActive = false;
        this.pump();
      },
      () => {
        this.pauseTimerActive = false;
      },
    );
  }

  private onSuccess(saturated: boolean): void {
    this.counters.succeeded++;
    // Growing while the window is not full would raise the limit without ever testing it against the service.
    if (!saturated && this.queue.length === 0) return;
    this.limit = Math.min(this.maxLimit, this.limit + this.additiveIncrease / Math.max(1, this.limit));
    this.counters.peakConcurrency = Math.max(this.counters.peakConcurrency, this.concurrency());
    this.pump();
  }

  private onThrottle(generation: number, retryAfterMs: number | undefined): void {
    this.counters.throttled++;
    if (retryAfterMs !== undefined && retryAfterMs > 0) {
      const until = this.now() + retryAfterMs;
      if (until > this.pausedUntil) {
        this.pausedUntil = until;
        this.counters.pauses++;
      }
    }
    // Calls started before the last decrease were sent at the old rate; their rejections are not new information.
    if (generation !== this.generation) return;
    this.generation++;
    this.limit = Math.max(this.minLimit, this.limit * this.decreaseFactor);
    this.counters.decreases++;
    const concurrency = this.concurrency();
    const lowest = this.counters.lowestConcurrencyAfterBackoff;
    this.counters.lowestConcurrencyAfterBackoff = lowest === null ? concurrency : Math.min(lowest, concurrency);
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
