import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { lingerThenClose } from '../http/lingeringClose';

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

/**
 * The proxy's own connections to the API. The web server shares its process with the Functions host and the app,
 * whose other HTTP clients use Node's shared agent for the same host: the Durable client (axios through
 * follow-redirects) leaves each socket it used set to destroy itself on its next inactivity timeout, and the shared
 * agent gives an idle socket a 4 s timeout that stays while the socket serves its next request. A request sent on such
 * a socket was cut after 4 s of waiting for a slow answer ("socket hang up", answered 502). On this agent no other
 * code touches the sockets; an idle one is closed after 2 s, before the host's own keep-alive (5 s) closes it.
 */
const apiAgent = new http.Agent({ keepAlive: true, timeout: 2_000 });

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
 *
 * The API may answer before it has read the body (401 or 413 on an upload's headers) and then close its connection.
 * The answer is then relayed whole: the rest of the body is no longer sent upstream, a connection error that
 * follows the answer is not mistaken for a broken answer, and the browser's connection closes cleanly
 * (local/http/lingeringClose.ts): the answer says so, and the rest of the body is read and dropped for a moment
 * first, so the browser gets to read the answer before the connection goes.
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

  /** Set once the upstream answer has been read to its end. */
  let relayed = false;
  const sendsBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
  const upstream = http.request(
    {
      protocol: target.protocol,
      hostname: target.hostname,
      port: target.port,
      path: `${target.pathname}${target.search}`,
      method: req.method,
      headers,
      agent: apiAgent,
    },
    (upstreamRes) => {
      const answeredEarly = !req.complete;
      if (answeredEarly) req.unpipe(upstream);
      const responseHeaders = forwardable(upstreamRes.headers);
      for (const [name, value] of Object.entries(extraHeaders)) {
        if (responseHeaders[name.toLowerCase()] === undefined) responseHeaders[name.toLowerCase()] = value;
      }
      // The browser may still be sending: it must not send another request on this connection, which may close.
      if (answeredEarly) responseHeaders.connection = 'close';
      res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.statusMessage, responseHeaders);
      upstreamRes.pipe(res);
      const connection = upstreamRes.socket;
      upstreamRes.once('end', () => {
        relayed = true;
        // A connection that carried a body is not used again: the API may have answered before reading all of it
        // (even when its answer reached the proxy after the body was sent) and then closes that connection, which
        // a next request sent on it would meet as a reset. Destroyed now, before the agent could hand it out again.
        if (sendsBody) connection.destroy();
      });
      // Cut off before its end: the browser must not take a partial answer for a whole one.
      upstreamRes.once('close', () => {
        if (!relayed) res.destroy();
      });
      if (answeredEarly) res.once('finish', () => lingerThenClose(req));
    },
  );
  upstream.on('error', (error) => {
    if (relayed) return;
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
