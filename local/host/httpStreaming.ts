/**
 * HTTP triggers with streaming on (`app.setup({ enableHttpStream: true })`), served the way the Functions host does:
 * the programming model listens on a local proxy (the `HttpUri` worker capability) and the host forwards each request
 * there, body and all, as it arrives, tagged with the invocation id, while it sends the invocation itself. The
 * function sees `request.body` as a stream and answers on the proxy; the host relays the answer.
 *
 * So the host never buffers a body: a function that refuses a request on its headers (401 before reading a 60 MB
 * upload) answers at once, and the host closes the connection instead of reading the rest.
 */
import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { payloadTooLarge } from './apiErrorBody';
import type { RpcHttpData } from './coreTypes';
import { errorMessage, type HostLogger } from './hostLog';
import { lingerThenClose } from '../http/lingeringClose';
import { sendJson, toRpcHttpRequest } from './httpIO';
import { bodilessProxyRequest, hasNoRequestBody, RelayedResponse } from './httpStreamingInProcess';
import { FunctionInvocationError } from './invoker';
import type { RouteMatch } from './routeTable';

export interface StreamedTriggerDeps {
  /** The worker's proxy address (the programming model's `HttpUri` capability). */
  httpStreamUri: string;
  /** The proxy's server, when the host holds it: a request without a body is handed to it in this process. */
  httpStreamServer?: http.Server;
  maxRequestBodyBytes: number;
  invokeHttp(functionName: string, request: RpcHttpData, invocationId: string): Promise<RpcHttpData | null>;
  logger: HostLogger;
}

/** Request headers that describe this hop only, or that the proxy request sets for itself. */
const NOT_FORWARDED = new Set(['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'expect', 'host']);
/** Response headers of the proxy hop that the client must not see. */
const NOT_RELAYED = new Set(['connection', 'keep-alive', 'transfer-encoding', 'x-ms-invocation-id']);

/**
 * An idle connection is closed here before the proxy's own keep-alive timer closes it (Node's servers: 5 s), so a
 * request is rarely written on a connection the proxy is closing at that moment. Node's agent keeps idle connections
 * without limit unless given a timeout: it reads the server's `Keep-Alive: timeout=` hint only to shorten a timeout it
 * has. Rarely, not never: after an event-loop stall both timers have expired, and a request handled before the timers
 * run takes the idle connection anyway; the proxy's timer then closes it under the request (a reset). Such a request
 * is sent again on a new connection (`ProxyHop`).
 */
const PROXY_IDLE_CONNECTION_MS = 2_000;
const proxyAgent = new http.Agent({ keepAlive: true, timeout: PROXY_IDLE_CONNECTION_MS });
/**
 * The body bytes kept while a request is on a reused connection, so that it can be sent again if the proxy turns out
 * to have closed that connection. Past this the copy is dropped and a reset is answered 502 as before (an upload that
 * far along was not racing an idle close).
 */
const REPLAYABLE_BODY_BYTES = 256 * 1024;
/** How long an answer may trail the end of its invocation before the host decides none is coming. */
const NO_ANSWER_GRACE_MS = 5_000;

export async function serveStreamedHttpTrigger(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  match: RouteMatch,
  deps: StreamedTriggerDeps,
): Promise<void> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > deps.maxRequestBodyBytes) {
    sendJson(res, 413, payloadTooLarge(req, res, deps.maxRequestBodyBytes), true);
    return;
  }
  const invocationId = randomUUID();
  const headers: http.IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !NOT_FORWARDED.has(name)) headers[name] = value;
  }
  headers['x-ms-invocation-id'] = invocationId;
  headers['x-forwarded-host'] = url.host;
  headers['x-forwarded-proto'] = url.protocol.replace(/:$/, '');
  if (deps.httpStreamServer && hasNoRequestBody(req)) {
    const inProcess = { ...deps, httpStreamServer: deps.httpStreamServer };
    await serveInProcess(req, res, url, match, inProcess, { invocationId, headers });
    return;
  }
  const hop = new ProxyHop(new URL(`${url.pathname}${url.search}`, deps.httpStreamUri), req.method ?? 'GET', headers);
  let proxyRequest = hop.open(proxyAgent);

  let answered = false;
  let responded: () => void = () => undefined;
  const response = new Promise<void>((resolve) => (responded = resolve));
  const done = new Promise<void>((resolve) => res.once('close', () => resolve()));
  const stopForwarding = () => {
    req.off('data', forward);
    req.off('end', endForwarding);
  };
  /** Answers from the host itself (the function's answer never came); the rest of the body is not read. */
  const answerFromHost = (status: number, body: unknown) => {
    if (answered) return;
    answered = true;
    stopForwarding();
    proxyRequest.destroy();
    sendJson(res, status, body, !req.complete);
  };

  let received = 0;
  const forward = (chunk: Buffer) => {
    received += chunk.length;
    if (received > deps.maxRequestBodyBytes) {
      answerFromHost(413, payloadTooLarge(req, res, deps.maxRequestBodyBytes));
      return;
    }
    hop.keep(chunk);
    if (!proxyRequest.write(chunk)) req.pause();
  };
  const endForwarding = () => {
    hop.ended = true;
    proxyRequest.end();
  };
  req.on('data', forward);
  req.on('end', endForwarding);
  req.on('error', () => proxyRequest.destroy());
  // The client went away: the function's request stream ends with an error and its answer has nowhere to go.
  res.once('close', () => {
    if (!res.writableFinished) proxyRequest.destroy();
  });

  const onResponse = (proxyResponse: http.IncomingMessage) => {
    responded();
    hop.forget();
    if (answered) {
      proxyResponse.resume();
      return;
    }
    answered = true;
    const bodyUnread = !req.complete;
    if (bodyUnread) stopForwarding();
    for (const [name, value] of Object.entries(proxyResponse.headers)) {
      if (value !== undefined && !NOT_RELAYED.has(name)) res.setHeader(name, value);
    }
    res.statusCode = proxyResponse.statusCode ?? 502;
    proxyResponse.pipe(res);
    proxyResponse.once('end', () => proxyRequest.destroy());
    // The function answered without the whole body: nobody will read the rest.
    if (bodyUnread) res.once('finish', () => lingerThenClose(req));
    proxyResponse.once('error', () => res.destroy());
  };
  const listen = (request: http.ClientRequest) => {
    request.on('drain', () => req.resume());
    request.on('response', onResponse);
    request.on('error', (error) => {
      if (answered || request !== proxyRequest) return;
      if (hop.canSendAgain(request)) {
        // The invocation itself was sent once, apart from this hop: sending the hop again runs nothing twice.
        deps.logger({
          type: 'host',
          level: 'warn',
          message: 'HTTP stream proxy reset a reused connection: sent again',
        });
        proxyRequest = listen(hop.again());
        if (!hop.ended) req.resume();
        return;
      }
      deps.logger({ type: 'host', level: 'error', message: `HTTP stream proxy failed: ${errorMessage(error)}` });
      answerFromHost(502, { error: 'BadGateway', invocationId });
    });
    return request;
  };
  listen(proxyRequest);

  try {
    await deps.invokeHttp(
      match.route.functionName,
      toRpcHttpRequest(req, url, match.params, Buffer.alloc(0)),
      invocationId,
    );
  } catch (error) {
    const failedId = error instanceof FunctionInvocationError ? error.invocationId : invocationId;
    answerFromHost(500, { error: 'InternalServerError', invocationId: failedId });
  }
  if (!answered) {
    // The answer is written to the proxy before the invocation completes, but may still be on its way; a function
    // that returned nothing never answers, which the Functions host reports as 204.
    await Promise.race([response, new Promise((resolve) => setTimeout(resolve, NO_ANSWER_GRACE_MS).unref())]);
    if (!answered) {
      answered = true;
      stopForwarding();
      proxyRequest.destroy();
      res.statusCode = 204;
      if (!req.complete) res.setHeader('Connection', 'close');
      res.end();
    }
  }
  await done;
}

/**
 * The request to the proxy, and what it takes to send it again. A request written on a kept-alive connection that the
 * proxy closed at that moment fails with a reset before any answer; it is sent once more, on a new connection, when
 * nothing of an answer came back on the failed connection and every body byte sent so far is still held (or there
 * were none). A failure on a new connection, or after answer bytes, or past the held body, is the proxy's: 502.
 */
class ProxyHop {
  private body: Buffer[] | null = [];
  private bodyBytes = 0;
  private sentAgain = false;
  private readonly answerBytesBefore = new WeakMap<http.ClientRequest, number>();
  /** The client's body has all been forwarded. */
  ended = false;

  constructor(
    private readonly target: URL,
    private readonly method: string,
    private readonly headers: http.IncomingHttpHeaders,
  ) {}

  open(agent: http.Agent | false): http.ClientRequest {
    const request = http.request(this.target, { method: this.method, headers: this.headers, agent });
    request.once('socket', (socket) => {
      this.answerBytesBefore.set(request, socket.bytesRead);
      // A new connection was not being closed as the request was written: nothing to hold for sending it again.
      if (!request.reusedSocket) this.forget();
    });
    request.flushHeaders();
    return request;
  }

  /** Holds a forwarded chunk while the request may still be sent again. */
  keep(chunk: Buffer): void {
    if (!this.body) return;
    this.bodyBytes += chunk.length;
    if (this.bodyBytes > REPLAYABLE_BODY_BYTES) this.forget();
    else this.body.push(chunk);
  }

  /** An answer came: the request will not be sent again. */
  forget(): void {
    this.body = null;
  }

  canSendAgain(failed: http.ClientRequest): boolean {
    const before = this.answerBytesBefore.get(failed);
    const answerBytes = before === undefined || !failed.socket ? 0 : failed.socket.bytesRead - before;
    return !this.sentAgain && this.body !== null && failed.reusedSocket && answerBytes === 0;
  }

  /** The same request on a connection of its own (never a kept-alive one, which could be closing too). */
  again(): http.ClientRequest {
    this.sentAgain = true;
    const request = this.open(false);
    for (const chunk of this.body ?? []) request.write(chunk);
    if (this.ended) request.end();
    return request;
  }
}

async function serveInProcess(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  match: RouteMatch,
  deps: StreamedTriggerDeps & { httpStreamServer: http.Server },
  proxied: { invocationId: string; headers: http.IncomingHttpHeaders },
): Promise<void> {
  const { invocationId, headers } = proxied;
  let answered = false;
  const done = new Promise<void>((resolve) => res.once('close', () => resolve()));
  req.resume(); // nothing to read, but the request must still end
  const answer = new RelayedResponse(res, NOT_RELAYED, () => {
    answered = true;
  });
  deps.httpStreamServer.emit('request', bodilessProxyRequest(req, url, headers), answer);
  try {
    await deps.invokeHttp(
      match.route.functionName,
      toRpcHttpRequest(req, url, match.params, Buffer.alloc(0)),
      invocationId,
    );
  } catch (error) {
    const failedId = error instanceof FunctionInvocationError ? error.invocationId : invocationId;
    if (!answered) {
      answered = true;
      sendJson(res, 500, { error: 'InternalServerError', invocationId: failedId });
    }
  }
  // The model writes its answer before the invocation completes; a function that returned nothing never answers,
  // which the Functions host reports as 204.
  if (!answered) {
    res.statusCode = 204;
    res.end();
  }
  await done;
}
