/** Node http <-> the worker's RpcHttpData, plus bounded request-body reading. */
import type * as http from 'node:http';
import type { RpcHttpData, RpcTypedData } from './coreTypes';
import { formatSetCookie, typedDataToBuffer } from './rpcData';

export const DEFAULT_MAX_REQUEST_BODY_BYTES = 60 * 1024 * 1024;

export class RequestBodyTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`Request body exceeds ${limitBytes} bytes`);
    this.name = 'RequestBodyTooLargeError';
  }
}

/** Buffers the request body, refusing (before reading, when Content-Length tells) anything over `maxBytes`. */
export function readRequestBody(req: http.IncomingMessage, maxBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.reject(new RequestBodyTooLargeError(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      received += chunk.length;
      if (received > maxBytes) {
        req.off('data', onData);
        chunks.length = 0;
        reject(new RequestBodyTooLargeError(maxBytes));
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks, received)));
    req.once('error', reject);
  });
}

/**
 * Sends a JSON error and, when the request body was not fully read, closes the connection after the response so a
 * client streaming a huge body cannot keep us reading it.
 */
export function sendJson(res: http.ServerResponse, status: number, body: unknown, closeConnection = false): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const payload = Buffer.from(JSON.stringify(body));
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  if (closeConnection) {
    res.setHeader('Connection', 'close');
    res.once('finish', () => res.socket?.destroySoon());
  }
  res.end(payload);
}

/** Joins repeated query keys with "," as the Functions host does (ASP.NET StringValues). */
function queryRecord(searchParams: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) query[key] = searchParams.getAll(key).join(',');
  return query;
}

function headerRecord(req: http.IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers[name] = Array.isArray(value) ? value.join(name === 'cookie' ? '; ' : ', ') : value;
  }
  return headers;
}

export function toRpcHttpRequest(
  req: http.IncomingMessage,
  url: URL,
  params: Record<string, string>,
  body: Buffer,
): RpcHttpData {
  const bodyData: RpcTypedData = { bytes: body };
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url: url.toString(),
    headers: headerRecord(req),
    query: queryRecord(url.searchParams),
    params,
    body: bodyData,
    rawBody: bodyData,
  };
}

const HOP_BY_HOP = new Set(['content-length', 'transfer-encoding', 'connection', 'keep-alive']);

/** Writes the function's http output. `null` (the function returned nothing) becomes 204, as in the Functions host. */
export function writeRpcHttpResponse(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  output: RpcHttpData | null,
): void {
  if (!output) {
    res.statusCode = 204;
    res.end();
    return;
  }
  const status = Number.parseInt(output.statusCode ?? '200', 10);
  if (!Number.isInteger(status) || status < 100 || status > 999)
    throw new Error(`Invalid HTTP status "${output.statusCode}"`);
  const body = typedDataToBuffer(output.body);
  const setCookies: string[] = [];
  for (const [name, value] of Object.entries(output.headers ?? {})) {
    const lower = name.toLowerCase();
    if (HOP_BY_HOP.has(lower)) continue;
    if (lower === 'set-cookie') setCookies.push(value);
    else res.setHeader(name, value);
  }
  setCookies.push(...(output.cookies ?? []).map(formatSetCookie));
  if (setCookies.length > 0) res.setHeader('Set-Cookie', setCookies);
  res.statusCode = status;
  const bodyless = req.method === 'HEAD' || status === 204 || status === 304;
  if (!bodyless) res.setHeader('Content-Length', body.length);
  res.end(bodyless ? undefined : body);
}
