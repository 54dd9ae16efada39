/**
 * The host's HTTP front door: `/{routePrefix}/...` goes to the app's HTTP triggers through the route table; other
 * paths are offered to extensions (`handleHttp`), then to the built-in runtime endpoints (Event Grid webhook,
 * host status, function list); everything else is a JSON 404.
 */
import type * as http from 'node:http';
import { payloadTooLarge } from './apiErrorBody';
import type { RpcHttpData } from './coreTypes';
import { EVENT_GRID_WEBHOOK_PATH, handleEventGridWebhook, type EventGridWebhookDeps } from './eventGridWebhook';
import { errorMessage, type HostLogger } from './hostLog';
import { readRequestBody, RequestBodyTooLargeError, sendJson, toRpcHttpRequest, writeRpcHttpResponse } from './httpIO';
import { serveStreamedHttpTrigger } from './httpStreaming';
import { FunctionInvocationError } from './invoker';
import type { RouteMatch, RouteTable } from './routeTable';
import type { HostExtension, RegisteredFunction } from './types';

export interface HttpDispatcherDeps {
  routePrefixSegments: string[];
  routes: RouteTable;
  extensions: readonly HostExtension[];
  functions(): RegisteredFunction[];
  /** Invokes an httpTrigger function; resolves with its http output (null when it returned none). */
  invokeHttp(functionName: string, request: RpcHttpData, invocationId?: string): Promise<RpcHttpData | null>;
  /** Set when the app turned HTTP streaming on: the programming model's proxy, where requests are forwarded. */
  httpStreamUri?: string;
  /** The proxy's server itself, when the host holds it: a request without a body is handed to it in process. */
  httpStreamServer?: http.Server;
  eventGrid: EventGridWebhookDeps;
  baseUrl(): string;
  maxRequestBodyBytes: number;
  logger: HostLogger;
}

const HOST_HEADER = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i;

/** The request URL as the function sees it; an implausible Host header falls back to the listener's address. */
function requestUrl(req: http.IncomingMessage, baseUrl: string): URL {
  const hostHeader = req.headers.host;
  const origin = hostHeader && HOST_HEADER.test(hostHeader) ? `http://${hostHeader}` : baseUrl;
  const target = (req.url ?? '/').startsWith('/') ? (req.url ?? '/') : new URL(req.url ?? '/').pathname;
  return new URL(target, origin);
}

function pathSegments(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => decodeURIComponent(segment));
}

function startsWithSegments(segments: string[], prefix: string[]): boolean {
  return prefix.every((part, index) => segments[index]?.toLowerCase() === part.toLowerCase());
}

async function serveHttpTrigger(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  match: RouteMatch,
  deps: HttpDispatcherDeps,
): Promise<void> {
  if (deps.httpStreamUri) {
    await serveStreamedHttpTrigger(req, res, url, match, { ...deps, httpStreamUri: deps.httpStreamUri });
    return;
  }
  let body: Buffer;
  try {
    body = await readRequestBody(req, deps.maxRequestBodyBytes);
  } catch (error) {
    if (error instanceof RequestBodyTooLargeError)
      sendJson(res, 413, payloadTooLarge(req, res, error.limitBytes), true);
    else sendJson(res, 400, { error: 'BadRequest', message: 'Could not read the request body' }, true);
    return;
  }
  let output: RpcHttpData | null;
  try {
    output = await deps.invokeHttp(match.route.functionName, toRpcHttpRequest(req, url, match.params, body));
  } catch (error) {
    const invocationId = error instanceof FunctionInvocationError ? error.invocationId : undefined;
    sendJson(res, 500, { error: 'InternalServerError', invocationId });
    return;
  }
  try {
    writeRpcHttpResponse(req, res, output);
  } catch (error) {
    deps.logger({
      type: 'host',
      level: 'error',
      message: `Invalid HTTP response from ${match.route.functionName}: ${errorMessage(error)}`,
    });
    sendJson(res, 500, { error: 'InternalServerError' });
  }
}

async function serveBuiltIn(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: HttpDispatcherDeps,
): Promise<boolean> {
  const path = url.pathname.replace(/\/+$/, '').toLowerCase();
  if (path === EVENT_GRID_WEBHOOK_PATH) {
    await handleEventGridWebhook(req, res, url, deps.eventGrid);
    return true;
  }
  if (path === '/admin/host/status' && req.method === 'GET') {
    sendJson(res, 200, { state: 'Running', version: 'khipu-local' });
    return true;
  }
  if (path === '/admin/functions' && req.method === 'GET') {
    sendJson(res, 200, deps.functions());
    return true;
  }
  return false;
}

async function dispatch(req: http.IncomingMessage, res: http.ServerResponse, deps: HttpDispatcherDeps): Promise<void> {
  const url = requestUrl(req, deps.baseUrl());
  const segments = pathSegments(url.pathname);
  const method = (req.method ?? 'GET').toUpperCase();
  if (startsWithSegments(segments, deps.routePrefixSegments)) {
    const lookup = deps.routes.lookup(method, segments.slice(deps.routePrefixSegments.length));
    if (lookup.kind === 'match') {
      await serveHttpTrigger(req, res, url, lookup.match, deps);
      return;
    }
    if (deps.routePrefixSegments.length > 0) {
      // Like the Functions host, a path that only matches with another method is simply not found.
      sendJson(res, 404, { error: 'NotFound', message: `No function serves ${method} ${url.pathname}` });
      return;
    }
  }
  for (const extension of deps.extensions) {
    if (extension.handleHttp && (await extension.handleHttp(req, res))) return;
  }
  if (await serveBuiltIn(req, res, url, deps)) return;
  sendJson(res, 404, { error: 'NotFound', message: `No function serves ${method} ${url.pathname}` });
}

export function createRequestListener(deps: HttpDispatcherDeps): http.RequestListener {
  return (req, res) => {
    dispatch(req, res, deps).catch((error: unknown) => {
      if (error instanceof URIError) {
        sendJson(res, 400, { error: 'BadRequest', message: 'Malformed URL encoding' }, true);
        return;
      }
      deps.logger({ type: 'host', level: 'error', message: `HTTP dispatch failed: ${errorMessage(error)}` });
      sendJson(res, 500, { error: 'InternalServerError' }, true);
    });
  };
}
