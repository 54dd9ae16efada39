/**
 * The Durable Functions HTTP management API (the one DurableClient calls through `rpcBaseUrl`, and the webhook URLs
 * of createCheckStatusResponse), served under /runtime/webhooks/durabletask/ on the host's port.
 */
import { randomUUID } from 'node:crypto';
import type * as http from 'node:http';
import { EventType, newEvent } from './history';
import { ConcurrencyConflict, InstanceRecord, InstanceStore, RuntimeStatus, terminalStatuses } from './instanceStore';
import { statusView } from './statusView';
import type { Inbox } from './workQueues';
import { managementPayload } from './clientBinding';
import { executionStartMessage } from './effects';

export const DURABLE_PATH_PREFIX = '/runtime/webhooks/durabletask/';
const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HttpApiDeps {
  store: InstanceStore;
  inbox: Inbox;
  taskHubName: string;
  baseUrl: () => string;
  now: () => Date;
  isOrchestrator: (functionName: string) => boolean;
  /** New inbox messages were posted: the dispatcher should look now. */
  kick: () => void;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function validInstanceId(id: string): boolean {
  const hasControlCharacter = [...id].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f);
  return id.length > 0 && id.length <= 256 && !hasControlCharacter && !/[/\\#?]/.test(id);
}

export async function handleDurableHttp(
  deps: HttpApiDeps,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://local');
  if (!url.pathname.startsWith(DURABLE_PATH_PREFIX)) return false;
  const segments = url.pathname.slice(DURABLE_PATH_PREFIX.length).split('/').filter(Boolean).map(decodeURIComponent);
  const method = (req.method ?? 'GET').toUpperCase();
  try {
    const body = method === 'POST' ? await readBody(req) : '';
    const [resource, id, action, actionArg] = segments;
    if (resource === 'orchestrators' && method === 'POST' && id && segments.length <= 3) {
      return send(res, 202, await startNew(deps, id, action, body));
    }
    if (resource === 'instances' && !id && method === 'GET') return send(res, 200, await list(deps, url.searchParams));
    if (resource === 'instances' && !id && method === 'DELETE')
      return send(res, 200, await purgeWhere(deps, url.searchParams));
    if (resource === 'instances' && id && !action && method === 'GET')
      return await getStatus(deps, id, url.searchParams, res);
    if (resource === 'instances' && id && !action && method === 'DELETE') return await purgeOne(deps, id, res);
    if (resource === 'instances' && id && action === 'raiseEvent' && actionArg && method === 'POST') {
      return send(res, await raiseEvent(deps, id, actionArg, body), null);
    }
    if (resource === 'instances' && id && action === 'terminate' && method === 'POST') {
      return send(res, await terminate(deps, id, url.searchParams.get('reason') ?? ''), null);
    }
    if (resource === 'instances' && id && ['rewind', 'suspend', 'resume', 'restart'].includes(action ?? '')) {
      return send(res, 501, { message: `${action} is not supported by the local durable engine` });
    }
    return send(res, 404, { message: 'no such durable API' });
  } catch (error) {
    if (error instanceof HttpError) return send(res, error.status, { message: error.message });
    return send(res, 500, { message: (error as Error).message });
  }
}

async function startNew(
  deps: HttpApiDeps,
  name: string,
  requestedId: string | undefined,
  body: string,
): Promise<unknown> {
  if (!deps.isOrchestrator(name))
    throw new HttpError(400, `The function '${name}' doesn't exist, is disabled, or is not an orchestrator function.`);
  const instanceId = requestedId ?? randomUUID().replace(/-/g, '');
  if (!validInstanceId(instanceId)) throw new HttpError(400, 'Invalid instance id');
  const input = body.trim() === '' ? null : validJson(body);
  const existing = await deps.store.get(instanceId);
  if (existing && !terminalStatuses.has(existing.record.status)) {
    throw new HttpError(409, `An instance with ID '${instanceId}' already exists and is ${existing.record.status}.`);
  }
  const now = deps.now().toISOString();
  const record: InstanceRecord = {
    instanceId,
    name,
    executionId: randomUUID(),
    status: 'Pending',
    createdTime: now,
    lastUpdatedTime: now,
    input,
    output: null,
    customStatus: null,
    history: [],
    processedMessageIds: [],
  };
  try {
    await deps.store.save(record, existing?.etag);
  } catch (error) {
    if (error instanceof ConcurrencyConflict)
      throw new HttpError(409, `Instance '${instanceId}' is being started by another request.`);
    throw error;
  }
  await deps.inbox.post(executionStartMessage(record, input));
  deps.kick();
  return managementPayload(deps.baseUrl(), deps.taskHubName, instanceId);
}

async function getStatus(
  deps: HttpApiDeps,
  id: string,
  query: URLSearchParams,
  res: http.ServerResponse,
): Promise<true> {
  const stored = await deps.store.get(id);
  if (!stored) return send(res, 404, null);
  const record = stored.record;
  const view = statusView(record, viewOptions(query));
  const failedAsError = query.get('returnInternalServerErrorOnFailure') === 'true' && record.status === 'Failed';
  const status = failedAsError ? 500 : terminalStatuses.has(record.status) ? 200 : 202;
  return send(res, status, view);
}

function viewOptions(query: URLSearchParams) {
  return {
    showHistory: query.get('showHistory') === 'true',
    showHistoryOutput: query.get('showHistoryOutput') === 'true',
    showInput: query.get('showInput') !== 'false',
  };
}

async function matching(
  deps: HttpApiDeps,
  query: URLSearchParams,
): Promise<{ record: InstanceRecord; etag: string }[]> {
  const statuses = (query.get('runtimeStatus') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean) as RuntimeStatus[];
  const from = query.get('createdTimeFrom');
  const to = query.get('createdTimeTo');
  const prefix = query.get('instanceIdPrefix');
  return (await deps.store.list()).filter(({ record }) => {
    if (statuses.length > 0 && !statuses.includes(record.status)) return false;
    if (from && record.createdTime < new Date(from).toISOString()) return false;
    if (to && record.createdTime > new Date(to).toISOString()) return false;
    if (prefix && !record.instanceId.startsWith(prefix)) return false;
    return true;
  });
}

async function list(deps: HttpApiDeps, query: URLSearchParams): Promise<unknown[]> {
  const options = viewOptions(query);
  return (await matching(deps, query)).map(({ record }) => statusView(record, options));
}

/** How often a purge re-reads an ended instance whose record changed under it before it gives up. */
const PURGE_ATTEMPTS = 10;

async function purgeOne(deps: HttpApiDeps, id: string, res: http.ServerResponse): Promise<true> {
  // An ended instance's record can still be written once more (a message that arrived before the end is settled
  // into it), so a delete refused on the ETag reads the record again: the runtime purges any ended instance.
  for (let attempt = 0; attempt < PURGE_ATTEMPTS; attempt++) {
    const stored = await deps.store.get(id);
    if (!stored || !terminalStatuses.has(stored.record.status)) return send(res, 404, { instancesDeleted: 0 });
    if (await deps.store.delete(id, stored.etag)) return send(res, 200, { instancesDeleted: 1 });
  }
  return send(res, 404, { instancesDeleted: 0 });
}

async function purgeWhere(deps: HttpApiDeps, query: URLSearchParams): Promise<unknown> {
  let instancesDeleted = 0;
  for (const { record, etag } of await matching(deps, query)) {
    if (terminalStatuses.has(record.status) && (await deps.store.delete(record.instanceId, etag))) instancesDeleted++;
  }
  return { instancesDeleted };
}

async function raiseEvent(deps: HttpApiDeps, id: string, eventName: string, body: string): Promise<number> {
  const stored = await deps.store.get(id);
  if (!stored) return 404;
  if (terminalStatuses.has(stored.record.status)) return 410;
  const input = body.trim() === '' ? null : validJson(body);
  const event = newEvent(EventType.EventRaised, deps.now(), { Name: eventName, Input: input });
  await deps.inbox.post({ id: `event|${randomUUID()}`, instanceId: id, kind: 'event', event });
  deps.kick();
  return 202;
}

async function terminate(deps: HttpApiDeps, id: string, reason: string): Promise<number> {
  const stored = await deps.store.get(id);
  if (!stored) return 404;
  if (terminalStatuses.has(stored.record.status)) return 410;
  await deps.inbox.post({ id: `terminate|${randomUUID()}`, instanceId: id, kind: 'terminate', reason });
  deps.kick();
  return 202;
}

function validJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    throw new HttpError(400, 'The request body must be JSON');
  }
}

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, 'request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: http.ServerResponse, status: number, body: unknown): true {
  const text = body === null || body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
  });
  res.end(text);
  return true;
}
