import type { DeliveryErrorCode } from './delivery';

/**
 * Delay before each retry (attempt 2 waits the first entry, and so on): about 15 hours in total, so a receiver that
 * is down for a deploy or an outage overnight still gets its events. After the last entry the message is dead-lettered.
 */
export const WEBHOOK_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  30_000,
  2 * 60_000,
  10 * 60_000,
  30 * 60_000,
  60 * 60_000,
  2 * 60 * 60_000,
  4 * 60 * 60_000,
  8 * 60 * 60_000,
];

export const MAX_DELIVERY_ATTEMPTS = WEBHOOK_RETRY_DELAYS_MS.length + 1;

/** ±20% so receivers recovering from an outage are not hit by every tenant's backlog in the same second. */
export const RETRY_JITTER_RATIO = 0.2;

/**
 * Delay before attempt `failedAttempt + 1`, or `undefined` when attempts are exhausted (dead-letter).
 * `random` returns [0, 1); it is a parameter so orchestrations can pass a replay-safe source.
 */
export function retryDelayMs(failedAttempt: number, random: () => number): number | undefined {
  if (!Number.isInteger(failedAttempt) || failedAttempt < 1) throw new RangeError('failedAttempt starts at 1');
  const base = WEBHOOK_RETRY_DELAYS_MS[failedAttempt - 1];
  if (base === undefined) return undefined;
  const jitter = (random() * 2 - 1) * RETRY_JITTER_RATIO;
  return Math.round(base * (1 + jitter));
}

/**
 * Whether a failed attempt is worth repeating. A URL refused by the SSRF policy stays refused, so retrying only delays
 * the dead-letter; everything else (including 4xx from a misconfigured receiver) may be fixed by the tenant meanwhile.
 */
export function isRetryableDeliveryFailure(code: DeliveryErrorCode): boolean {
  return code !== 'ssrf_refused';
}
