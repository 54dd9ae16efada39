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
 * request is never written on a connection the proxy is closing at that moment (it failed with a reset, answered
 * 502). Node's agent keeps idle connections without limit unless given a timeout: it reads the server's
 * `Keep-Alive: timeout=` hint only to shorten a timeout it has.
 */
const PROXY_IDLE_CONNECTION_MS = 2_000;
const proxyAgent = new http.Agent({ keepAlive: true, timeout: PROXY_IDLE_CONNECTION_MS });
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
  const proxyRequest = http.request(new URL(`${url.pathname}${url.search}`, deps.httpStreamUri), {
    method: req.method,
    headers,
    agent: proxyAgent,
  });
  proxyRequest.flushHeaders();

  let answered = false;
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
    if (!proxyRequest.write(chunk)) req.pause();
  };
  const endForwarding = () => proxyRequest.end();
  proxyRequest.on('drain', () => req.resume());
  req.on('data', forward);
  req.on('end', endForwarding);
  req.on('error', () => proxyRequest.destroy());
  // The client went away: the function's request stream ends with an error and its answer has nowhere to go.
  res.once('close', () => {
    if (!res.writableFinished) proxyRequest.destroy();
  });

  proxyRequest.on('response', (proxyResponse) => {
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
  });
  proxyRequest.on('error', (error) => {
    if (!answered) {
      deps.logger({ type: 'host', level: 'error', message: `HTTP stream proxy failed: ${errorMessage(error)}` });
      answerFromHost(502, { error: 'BadGateway', invocationId });
    }
  });

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
    await Promise.race([
      new Promise((resolve) => proxyRequest.once('response', resolve)),
      new Promise((resolve) => setTimeout(resolve, NO_ANSWER_GRACE_MS).unref()),
    ]);
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
