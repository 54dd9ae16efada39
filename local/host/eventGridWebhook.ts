/**
 * The Event Grid extension's webhook, as Core Tools serves it: `POST /runtime/webhooks/EventGrid?functionName=X`.
 * Speaks both schemas: Event Grid (`aeg-event-type: SubscriptionValidation | Notification`) and CloudEvents 1.0
 * (structured single or batch, plus the abuse-protection `OPTIONS` handshake). The system key (`code=`) is not
 * checked locally, as with Core Tools.
 */
import type * as http from 'node:http';
import { errorMessage } from './hostLog';
import { readRequestBody, RequestBodyTooLargeError, sendJson } from './httpIO';
import type { RegisteredFunction } from './types';

export const EVENT_GRID_WEBHOOK_PATH = '/runtime/webhooks/eventgrid';

export interface EventGridWebhookDeps {
  findFunction(name: string): RegisteredFunction | undefined;
  /** Invokes an eventGridTrigger function with one event (the object as received). */
  invokeWithEvent(functionName: string, event: unknown): Promise<void>;
  maxRequestBodyBytes: number;
}

/** HostApi input for an eventGridTrigger function: the event JSON, as the Event Grid extension passes it. */
export function eventGridInvocationInput(event: unknown): { trigger: { json: string } } {
  return { trigger: { json: JSON.stringify(event) } };
}

function isEventGridTrigger(fn: RegisteredFunction): boolean {
  return fn.trigger.type.toLowerCase() === 'eventgridtrigger';
}

function asEventList(body: unknown): unknown[] {
  return Array.isArray(body) ? body : [body];
}

function validationCode(events: unknown[]): string | undefined {
  const [first] = events as { data?: { validationCode?: unknown } }[];
  const code = first?.data?.validationCode;
  return typeof code === 'string' ? code : undefined;
}

export async function handleEventGridWebhook(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
  deps: EventGridWebhookDeps,
): Promise<void> {
  if (req.method === 'OPTIONS') {
    const origin = req.headers['webhook-request-origin'];
    if (typeof origin !== 'string' || origin === '') {
      sendJson(res, 400, { error: 'Missing WebHook-Request-Origin header' });
      return;
    }
    res.writeHead(200, { 'WebHook-Allowed-Origin': origin, 'WebHook-Allowed-Rate': '*', 'Content-Length': 0 });
    res.end();
    return;
  }
  if (req.method !== 'POST') {
    sendJson(res, 405, { error: 'Use POST (or OPTIONS for the CloudEvents handshake)' });
    return;
  }
  const functionName = url.searchParams.get('functionName') ?? '';
  const fn = deps.findFunction(functionName);
  if (!fn || !isEventGridTrigger(fn)) {
    sendJson(res, 404, { error: `No eventGridTrigger function named "${functionName}"` });
    return;
  }

  let events: unknown[];
  try {
    const body = await readRequestBody(req, deps.maxRequestBodyBytes);
    events = asEventList(JSON.parse(body.toString('utf8')));
  } catch (error) {
    if (error instanceof RequestBodyTooLargeError) sendJson(res, 413, { error: error.message }, true);
    else sendJson(res, 400, { error: `Invalid event payload: ${errorMessage(error)}` });
    return;
  }

  const eventType = String(req.headers['aeg-event-type'] ?? '').toLowerCase();
  if (eventType === 'subscriptionvalidation') {
    const code = validationCode(events);
    if (code) sendJson(res, 200, { validationResponse: code });
    else sendJson(res, 400, { error: 'SubscriptionValidation event without data.validationCode' });
    return;
  }
  if (eventType === 'unsubscribe') {
    sendJson(res, 202, {});
    return;
  }

  const failures: string[] = [];
  for (const event of events) {
    if (!event || typeof event !== 'object') {
      failures.push('event is not an object');
      continue;
    }
    try {
      await deps.invokeWithEvent(fn.name, event);
    } catch (error) {
      failures.push(errorMessage(error));
    }
  }
  if (failures.length > 0) {
    // A 5xx makes Event Grid (and the local emulator) retry the delivery.
    sendJson(res, 500, { error: 'Function invocation failed', failures });
    return;
  }
  res.writeHead(202, { 'Content-Length': 0 });
  res.end();
}
