/** Where a request's bearer token is read from. Nothing else about the caller is taken from headers. */

/**
 * Static Web Apps replaces `Authorization` on proxied `/api` calls with its own value, so the web app also sends
 * its token here. When present it wins over `Authorization`.
 */
export const KHIPU_AUTHORIZATION_HEADER = 'x-khipu-authorization';

/**
 * Set by Static Web Apps from its own session. It is unsigned as far as the Function App can tell (anyone who
 * reaches the app directly can send it), so it never authenticates anybody: `extractBearerToken` ignores it,
 * and nothing should read it.
 */
export const UNTRUSTED_CLIENT_PRINCIPAL_HEADER = 'x-ms-client-principal';

export interface HeaderReader {
  get(name: string): string | null;
}

/** RFC 6750 §2.1 b64token, length-capped like the verifier. */
const BEARER_PATTERN = /^Bearer +([A-Za-z0-9\-._~+/]{1,16384}=*) *$/i;

/**
 * The raw bearer token, or undefined when the request carries none. If the custom header is present it is the
 * only source considered: a malformed custom header does not fall back to a (possibly platform-rewritten)
 * `Authorization` header.
 */
export function extractBearerToken(headers: HeaderReader): string | undefined {
  const custom = headers.get(KHIPU_AUTHORIZATION_HEADER);
  const value = custom ?? headers.get('authorization');
  if (value === null || value === undefined) return undefined;
  return BEARER_PATTERN.exec(value)?.[1];
}
