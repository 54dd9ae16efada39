import type http from 'node:http';
import { SIGN_IN_PAGE_CSP } from './signInPage';

/** Request parsing and response writing for the dev IdP; small on purpose, with hard limits. */

export interface RequestFields {
  get(name: string): string | null;
}

const MAX_BODY_BYTES = 16 * 1024;
const allowedRedirectHosts = new Set(['127.0.0.1', 'localhost']);

class BadRequest extends Error {
  readonly statusCode: number;
  constructor(message: string, statusCode = 400) {
    super(message);
    this.statusCode = statusCode;
  }
}

/**
 * Open-redirect guard: tokens only ever travel to a page on this machine. Returns the normalized URL to redirect
 * to (never the raw input, so no parser differences), or undefined when the address is not allowed.
 */
export function allowedRedirectUri(candidate: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(candidate);
  } catch {
    return undefined;
  }
  const allowed =
    parsed.protocol === 'http:' &&
    allowedRedirectHosts.has(parsed.hostname) &&
    parsed.username === '' &&
    parsed.password === '' &&
    !candidate.includes('#');
  return allowed ? parsed.href : undefined;
}

/** Reads a form-encoded or JSON body (string values only) of at most 16 KB. */
export async function readSmallBody(request: http.IncomingMessage): Promise<RequestFields> {
  const contentType = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  const isJson = contentType === 'application/json';
  if (!isJson && contentType !== 'application/x-www-form-urlencoded') {
    throw new BadRequest('unsupported content type', 415);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BadRequest('body too large', 413);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (!isJson) return new URLSearchParams(text);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BadRequest('malformed JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new BadRequest('expected an object');
  const record = parsed as Record<string, unknown>;
  return {
    get: (name) => (Object.hasOwn(record, name) && typeof record[name] === 'string' ? record[name] : null),
  };
}

export function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response
    .writeHead(status, {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    .end(JSON.stringify(body));
}

export function sendHtml(response: http.ServerResponse, status: number, html: string): void {
  response
    .writeHead(status, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': SIGN_IN_PAGE_CSP,
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'no-referrer',
    })
    .end(html);
}
