import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';

/** Connection-scoped headers (RFC 9110 §7.6.1) belong to one hop and must not be forwarded. */
const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const result: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!HOP_BY_HOP.has(name.toLowerCase()) && value !== undefined) result[name] = value;
  }
  return result;
}

/**
 * Forwards one request to the API origin, streaming the body both ways (covers and manuscripts never sit in memory).
 * Status, headers and body pass through unchanged; a dead upstream becomes a 502 in the API's error shape.
 */
export function proxyToApi(
  apiBase: URL,
  req: IncomingMessage,
  res: ServerResponse,
  extraHeaders: Record<string, string>,
): void {
  const target = new URL(req.url ?? '/', apiBase);
  const headers = forwardable(req.headers);
  headers.host = target.host;
  headers['x-forwarded-host'] = req.headers.host ?? '';
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-for'] = req.socket.remoteAddress ?? '';

  const upstream = http.request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      method: req.method,
      headers,
    },
    (upstreamRes) => {
      const responseHeaders = forwardable(upstreamRes.headers);
      for (const [name, value] of Object.entries(extraHeaders)) {
        if (responseHeaders[name.toLowerCase()] === undefined) responseHeaders[name.toLowerCase()] = value;
      }
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders);
      upstreamRes.pipe(res);
      upstreamRes.on('error', () => res.destroy());
    },
  );
  upstream.on('error', (error) => {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    const body = JSON.stringify({
      error: {
        code: 'bad_gateway',
        message: `The API at ${apiBase.origin} is not reachable (${error.message})`,
        requestId: randomUUID(),
      },
    });
    res.writeHead(502, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      ...extraHeaders,
    });
    res.end(body);
  });
  // A client that goes away must not leave the upstream request (and its upload) running.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.pipe(upstream);
}
