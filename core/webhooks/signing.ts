import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Standard Webhooks (https://www.standardwebhooks.com) symmetric signing: HMAC-SHA256 over
 * `{webhook-id}.{webhook-timestamp}.{payload}` keyed with the base64-decoded secret after its `whsec_` prefix.
 * Receivers can verify with any Standard Webhooks library, so the exact byte layout here is a public contract.
 */

export const SECRET_PREFIX = 'whsec_';
export const DEFAULT_TOLERANCE_SECONDS = 5 * 60;

// A type alias, not an interface, so it stays assignable to `Record<string, string>` header maps.
export type StandardWebhookHeaders = {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
};

export interface SignInput {
  /** Stable across retries of one message so receivers can deduplicate. */
  id: string;
  /** Unix seconds. Fresh per attempt: receivers reject timestamps outside their tolerance. */
  timestamp: number;
  /** The exact bytes sent as the request body; re-serializing JSON would break the signature. */
  payload: string;
  secret: string;
}

export function decodeWebhookSecret(secret: string): Buffer {
  if (!secret.startsWith(SECRET_PREFIX)) throw new TypeError('webhook secret must start with whsec_');
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  if (key.length < 16) throw new TypeError('webhook secret is too short');
  return key;
}

function assertSignable(id: string, timestamp: number): void {
  // A `.` in the id would make `{id}.{timestamp}.{payload}` ambiguous.
  if (id.length === 0 || id.length > 256 || id.includes('.')) throw new TypeError('invalid webhook id');
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) throw new TypeError('timestamp must be integer seconds');
}

function computeSignature(key: Buffer, id: string, timestamp: number | string, payload: string): Buffer {
  return createHmac('sha256', key).update(`${id}.${timestamp}.${payload}`, 'utf8').digest();
}

export function signStandardWebhook(input: SignInput): StandardWebhookHeaders {
  assertSignable(input.id, input.timestamp);
  const key = decodeWebhookSecret(input.secret);
  const signature = computeSignature(key, input.id, input.timestamp, input.payload).toString('base64');
  return {
    'webhook-id': input.id,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': `v1,${signature}`,
  };
}

export type VerifyFailure =
  'missing_headers' | 'invalid_timestamp' | 'timestamp_too_old' | 'timestamp_too_new' | 'no_matching_signature';

export type VerifyResult = { ok: true } | { ok: false; reason: VerifyFailure };

export interface VerifyInput {
  /** Header names are matched case-insensitively, as HTTP requires. */
  headers: Record<string, string | string[] | undefined>;
  payload: string;
  secret: string;
  /** Unix seconds; passed in so verification stays deterministic. */
  nowSeconds: number;
  toleranceSeconds?: number;
}

function header(headers: VerifyInput['headers'], name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value.join(' ') : value;
  }
  return undefined;
}

export function verifyStandardWebhook(input: VerifyInput): VerifyResult {
  const id = header(input.headers, 'webhook-id');
  const timestampText = header(input.headers, 'webhook-timestamp');
  const signatures = header(input.headers, 'webhook-signature');
  if (!id || !timestampText || !signatures) return { ok: false, reason: 'missing_headers' };
  if (!/^\d{1,15}$/.test(timestampText)) return { ok: false, reason: 'invalid_timestamp' };
  const timestamp = Number(timestampText);
  const tolerance = input.toleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS;
  if (timestamp < input.nowSeconds - tolerance) return { ok: false, reason: 'timestamp_too_old' };
  if (timestamp > input.nowSeconds + tolerance) return { ok: false, reason: 'timestamp_too_new' };

  const expected = computeSignature(decodeWebhookSecret(input.secret), id, timestampText, input.payload);
  for (const candidate of signatures.split(' ')) {
    const comma = candidate.indexOf(',');
    // Other versions (e.g. v1a asymmetric) may sit alongside; they are not ours to check.
    if (comma < 0 || candidate.slice(0, comma) !== 'v1') continue;
    const provided = Buffer.from(candidate.slice(comma + 1), 'base64');
    if (provided.length === expected.length && timingSafeEqual(provided, expected)) return { ok: true };
  }
  return { ok: false, reason: 'no_matching_signature' };
}
