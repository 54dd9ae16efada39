import { randomUUID } from 'node:crypto';
import type * as http from 'node:http';

/**
 * Answers the host gives on the app's behalf (a body over the host's limit) in the API's documented error shape,
 * `{ error: { code, message, details, requestId } }`, with the request id the app would have used.
 */
export function payloadTooLarge(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  limitBytes: number,
): { error: { code: string; message: string; details: Record<string, unknown>; requestId: string } } {
  const requestId = validRequestId(req.headers['x-request-id']) ?? randomUUID();
  if (!res.headersSent) res.setHeader('x-request-id', requestId);
  return {
    error: {
      code: 'payload_too_large',
      message: `Request body exceeds ${limitBytes} bytes`,
      details: { limitBytes },
      requestId,
    },
  };
}

/** The app's rule for a client-chosen request id (functions/http/endpoint.ts). */
function validRequestId(value: string | string[] | undefined): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._-]{8,128}$/.test(value) ? value : undefined;
}
