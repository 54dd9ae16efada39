/**
 * How a failed TTS call is judged and how long to wait before trying again (docs/domain.md §Azure AI Speech):
 * throttling and transient faults are retried with capped exponential backoff and jitter, never sooner than the
 * service's retry-after; permanent faults (bad SSML, auth, unknown voice, over limits) are surfaced at once, retrying
 * cannot fix them.
 */
import { isSpeechPermanent, isSpeechThrottled } from '../ports/speech';

/** A fault worth retrying that is not the service asking us to slow down (connection lost, timeout, 5xx). */
export class SpeechTransientError extends Error {
  readonly retryable = true;
  constructor(
    message: string,
    public readonly kind: 'network' | 'timeout' | 'service' = 'network',
  ) {
    super(message);
    this.name = 'SpeechTransientError';
  }
}

/** Raised when a caller's signal stops work that had not started, or a retry that was waiting. */
export class SpeechCancelledError extends Error {
  readonly retryable = false;
  constructor(message = 'speech work was cancelled') {
    super(message);
    this.name = 'AbortError';
  }
}

export type FailureKind = 'throttled' | 'permanent' | 'transient' | 'cancelled';

export function classifySpeechFailure(error: unknown): FailureKind {
  if (isSpeechThrottled(error)) return 'throttled';
  if (isSpeechPermanent(error)) return 'permanent';
  if (error instanceof SpeechCancelledError) return 'cancelled';
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  // Anything unrecognised is a fault of the moment (sockets, DNS, 5xx); attempts are bounded, so retrying is safe.
  return 'transient';
}

export function retryAfterOf(error: unknown): number | undefined {
  return isSpeechThrottled(error) ? error.retryAfterMs : undefined;
}

export interface RetryPolicy {
  /** Attempts in total, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_SPEECH_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxAttempts: 8,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
});

/**
 * Delay before attempt `failedAttempts + 1`: "equal jitter" (half fixed, half random) over a doubling base capped at
 * `maxDelayMs`, so retries of a throttled burst spread out but never collapse to zero; at least `retryAfterMs`.
 * `random` returns a number in [0, 1).
 */
export function backoffDelayMs(
  failedAttempts: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs?: number,
): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.min(exponent, 30));
  const jitter = Math.min(Math.max(random(), 0), 1);
  const backoff = Math.round(ceiling / 2 + (ceiling / 2) * jitter);
  return Math.max(backoff, retryAfterMs ?? 0);
}
