import { classifyAddress, isIpLiteral } from './addressPolicy';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export interface DeliveryUrlOptions {
  /** Local tests only: plain http, any port, and the loopback addresses 127.0.0.0/8 and ::1. */
  allowLoopback: boolean;
}

export type DeliveryTarget =
  | {
      ok: true;
      protocol: 'http:' | 'https:';
      /** Without IPv6 brackets, ready for DNS or for connecting. */
      hostname: string;
      port: number;
      /** Path and query, sent as the request target. */
      path: string;
      /** The `Host` header value, as the URL spelled it (normalized). */
      hostHeader: string;
      isIpLiteral: boolean;
    }
  | { ok: false; reason: string };

const DEFAULT_PORTS = { 'http:': 80, 'https:': 443 } as const;

/**
 * Parses a tenant-supplied URL with WHATWG rules, so numeric host spellings (`2130706433`, `0x7f.1`, `017700000001`)
 * are normalized to dotted decimal before the address policy sees them; and checks what can be checked without DNS.
 */
export function checkDeliveryUrl(rawUrl: string, options: DeliveryUrlOptions): DeliveryTarget {
  if (rawUrl.length > MAX_WEBHOOK_URL_LENGTH) return { ok: false, reason: 'URL is too long' };
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return { ok: false, reason: 'URL is not valid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, reason: 'URL must use https' };
  if (url.protocol === 'http:' && !options.allowLoopback) return { ok: false, reason: 'URL must use https' };
  // Credentials in URLs end up in logs and are a classic parser-confusion vector.
  if (url.username || url.password) return { ok: false, reason: 'URL must not contain credentials' };
  const port = url.port === '' ? DEFAULT_PORTS[url.protocol] : Number(url.port);
  if (!options.allowLoopback && port !== 443 && port !== 80) return { ok: false, reason: 'URL port must be 443 or 80' };
  const bracketed = url.hostname;
  const hostname = bracketed.startsWith('[') ? bracketed.slice(1, -1) : bracketed;
  if (hostname === '') return { ok: false, reason: 'URL has no host' };
  const literal = isIpLiteral(hostname);
  if (literal) {
    const verdict = classifyAddress(hostname, options);
    if (!verdict.allowed) return { ok: false, reason: `refused address: ${verdict.reason}` };
  }
  return {
    ok: true,
    protocol: url.protocol,
    hostname,
    port,
    path: `${url.pathname}${url.search}`,
    hostHeader: url.host,
    isIpLiteral: literal,
  };
}
