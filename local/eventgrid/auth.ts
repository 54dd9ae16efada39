import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The three ways EventGridPublisherClient authenticates: `aeg-sas-key` (AzureKeyCredential), `aeg-sas-token`
 * (AzureSASCredential holding a token from `generateSharedAccessSignature`), or a bearer token (TokenCredential).
 * Bearer tokens cannot be verified offline, so they are refused unless the caller opts in.
 */
export interface PublishAuthOptions {
  topicKey: string;
  acceptAnyBearerToken: boolean;
  /** Path of the topic endpoint, which a SAS token's resource (`r=`) must name. */
  topicPath: string;
  now: () => Date;
}

export type AuthResult = { ok: true } | { ok: false; reason: string };

function sameSecret(presented: string, expected: string): boolean {
  // Hash first so the comparison is constant-time whatever the lengths.
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

function singleHeader(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** `e=` as the SDK writes it: `M/D/YYYY h:mm:ss AM|PM`, UTC. */
export function parseSasExpiry(value: string): Date | undefined {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2}):(\d{2}) (AM|PM)$/.exec(value);
  if (!match) return undefined;
  const [, month, day, year, hour12, minute, second, meridiem] = match;
  const hour = (Number(hour12) % 12) + (meridiem === 'PM' ? 12 : 0);
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day), hour, Number(minute), Number(second)));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

export function verifySasToken(token: string, options: PublishAuthOptions): AuthResult {
  const signatureAt = token.lastIndexOf('&s=');
  if (signatureAt < 0) return { ok: false, reason: 'SAS token has no signature' };
  const unsigned = token.slice(0, signatureAt);
  const params = new URLSearchParams(token);
  const resource = params.get('r');
  const expiresOn = params.get('e');
  const signature = params.get('s');
  if (!resource || !expiresOn || !signature) return { ok: false, reason: 'SAS token is malformed' };
  const expected = createHmac('sha256', Buffer.from(options.topicKey, 'base64')).update(unsigned).digest('base64');
  if (!sameSecret(signature, expected)) return { ok: false, reason: 'SAS token signature does not match' };
  const expiry = parseSasExpiry(expiresOn);
  if (!expiry || expiry.getTime() <= options.now().getTime()) return { ok: false, reason: 'SAS token has expired' };
  let resourcePath: string;
  try {
    resourcePath = new URL(resource).pathname;
  } catch {
    return { ok: false, reason: 'SAS token resource is not a URL' };
  }
  if (resourcePath !== options.topicPath) return { ok: false, reason: 'SAS token is for another resource' };
  return { ok: true };
}

export function authorizePublish(headers: IncomingHttpHeaders, options: PublishAuthOptions): AuthResult {
  const key = singleHeader(headers, 'aeg-sas-key');
  if (key !== undefined) {
    return sameSecret(key, options.topicKey) ? { ok: true } : { ok: false, reason: 'access key does not match' };
  }
  const sasToken = singleHeader(headers, 'aeg-sas-token');
  if (sasToken !== undefined) return verifySasToken(sasToken, options);
  const authorization = singleHeader(headers, 'authorization');
  if (authorization && /^Bearer\s+\S+/i.test(authorization)) {
    return options.acceptAnyBearerToken ? { ok: true } : { ok: false, reason: 'bearer tokens are not accepted' };
  }
  return { ok: false, reason: 'no credentials (aeg-sas-key, aeg-sas-token or Authorization: Bearer)' };
}
