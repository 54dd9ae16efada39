import type http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { ZodError } from 'zod';

/** Response helpers for the stub API, in the real API's error shape (`{ error: { code, message, details, requestId } }`). */

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export function validationError(error: ZodError, prefix: string): HttpError {
  const fields = error.issues.map((issue) => ({
    field: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }));
  return new HttpError(400, 'validation_failed', 'The request has invalid fields', { fields });
}

export function sendJson(
  res: http.ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}

export function sendError(res: http.ServerResponse, error: HttpError): void {
  sendJson(res, error.status, {
    error: {
      code: error.code,
      message: error.message,
      ...(error.details && { details: error.details }),
      requestId: randomUUID(),
    },
  });
}

export async function readBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new HttpError(413, 'payload_too_large', `The body exceeds ${maxBytes} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export async function readJson(req: http.IncomingMessage): Promise<unknown> {
  const type = (req.headers['content-type'] ?? '').split(';')[0].trim();
  if (type !== 'application/json') throw new HttpError(415, 'unsupported_media_type', 'Send application/json');
  try {
    return JSON.parse((await readBody(req, 1024 * 1024)).toString('utf8'));
  } catch (error) {
    if (error instanceof HttpError) throw error;
    throw new HttpError(400, 'validation_failed', 'The body is not valid JSON');
  }
}

export interface Caller {
  userId: string;
  tenantId: string | null;
  role: 'admin' | 'creator' | 'validator' | null;
  email?: string;
  displayName?: string;
}

/**
 * The stub trusts any well-formed bearer token without checking its signature (no JWKS): it only needs to know who
 * is calling. The custom header wins over Authorization, as in the real API behind Static Web Apps.
 */
export function callerFrom(req: http.IncomingMessage, tenantClaim: string, rolesClaim: string): Caller {
  const header = req.headers['x-khipu-authorization'] ?? req.headers.authorization;
  const token = typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.split(/\s+/)[1] : '';
  if (!token) throw new HttpError(401, 'unauthenticated', 'A valid bearer token is required');
  let claims: Record<string, unknown>;
  try {
    claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<
      string,
      unknown
    >;
  } catch {
    throw new HttpError(401, 'unauthenticated', 'A valid bearer token is required');
  }
  if (typeof claims.sub !== 'string') throw new HttpError(401, 'unauthenticated', 'A valid bearer token is required');
  if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) {
    throw new HttpError(401, 'unauthenticated', 'The token has expired');
  }
  const roles = Array.isArray(claims[rolesClaim]) ? (claims[rolesClaim] as unknown[]) : [];
  const role = (['admin', 'creator', 'validator'] as const).find((candidate) => roles.includes(candidate)) ?? null;
  return {
    userId: claims.sub,
    tenantId: typeof claims[tenantClaim] === 'string' ? (claims[tenantClaim] as string) : null,
    role,
    email: typeof claims.email === 'string' ? claims.email : undefined,
    displayName: typeof claims.name === 'string' ? claims.name : undefined,
  };
}
