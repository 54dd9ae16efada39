/**
 * Retry policy for model calls. The SDK's own retries are switched off (maxRetries: 0) because it sleeps for any
 * `retry-after` however long and allows only a fixed count; here the server's delay is honoured up to a cap, other
 * transient failures back off exponentially with jitter, and every wait can be cancelled.
 */
import { APIError, APIUserAbortError } from 'openai';

export interface RetryPolicy {
  /** Attempts after the first one. */
  maxRetries: number;
  baseDelayMs: number;
  /** Cap for our own backoff. */
  maxBackoffMs: number;
  /** Cap for a server-requested delay; a longer `retry-after` is clamped to it. */
  maxServerDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxRetries: 6,
  baseDelayMs: 500,
  maxBackoffMs: 20_000,
  maxServerDelayMs: 60_000,
};

/** Rate limits, server errors, timeouts and lost connections are worth another try; 4xx request errors are not. */
export function isTransient(error: unknown): boolean {
  if (error instanceof APIUserAbortError) return false;
  if (!(error instanceof APIError)) return false;
  if (error.status === undefined) return true; // connection error or timeout
  return error.status === 408 || error.status === 409 || error.status === 429 || error.status >= 500;
}

/** The delay the server asked for (`retry-after-ms`, then `retry-after` in seconds or as an HTTP date), if any. */
export function serverRequestedDelayMs(error: unknown, now = Date.now()): number | undefined {
  if (!(error instanceof APIError) || !error.headers) return undefined;
  const milliseconds = Number.parseFloat(error.headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  const header = error.headers.get('retry-after');
  if (!header) return undefined;
  const seconds = Number.parseFloat(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function retryDelayMs(error: unknown, retry: number, policy: RetryPolicy, random = Math.random): number {
  const requested = serverRequestedDelayMs(error);
  if (requested !== undefined) return Math.min(requested, policy.maxServerDelayMs);
  const backoff = Math.min(policy.baseDelayMs * 2 ** retry, policy.maxBackoffMs);
  return backoff * (0.75 + 0.25 * random());
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export interface RetryObserver {
  (event: { retry: number; delayMs: number; status: number | undefined }): void;
}

export async function withRetries<T>(
  call: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  onRetry?: RetryObserver,
): Promise<T> {
  for (let retry = 0; ; retry++) {
    try {
      return await call();
    } catch (error) {
      if (retry >= policy.maxRetries || !isTransient(error) || signal?.aborted) throw error;
      const delayMs = retryDelayMs(error, retry, policy);
      onRetry?.({ retry: retry + 1, delayMs, status: error instanceof APIError ? error.status : undefined });
      await sleep(delayMs, signal);
    }
  }
}
