import type { HostApi, RegisteredFunction } from '../host/types';
import type { CloudEventRecord } from './types';
import type { AttemptResult } from './webhookDelivery';

/** Function side of delivery: the event goes in as the trigger's JSON, as the Functions host's Event Grid extension does. */

export const EVENT_GRID_TRIGGER = 'eventGridTrigger';

/** Binding types are matched case-insensitively, as the Functions host does. */
function isEventGridTrigger(fn: RegisteredFunction): boolean {
  return fn.trigger.type.toLowerCase() === EVENT_GRID_TRIGGER.toLowerCase();
}

export function eventGridTriggerFunctions(host: HostApi): RegisteredFunction[] {
  return host.functions().filter(isEventGridTrigger);
}

/** Errors thrown by the app may come from another realm (the host loads it outside jest's sandbox): no instanceof. */
function messageOf(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

function metadataString(value: unknown): { string: string } | undefined {
  return typeof value === 'string' ? { string: value } : undefined;
}

export async function invokeEventGridFunction(
  host: HostApi,
  functionName: string,
  event: CloudEventRecord,
): Promise<AttemptResult> {
  const fn = host.functions().find((candidate) => candidate.name === functionName);
  if (!fn) return { ok: false, retryable: true, error: `function ${functionName} is not registered` };
  if (!isEventGridTrigger(fn)) {
    return { ok: false, retryable: false, error: `function ${functionName} is not an ${EVENT_GRID_TRIGGER} function` };
  }
  const triggerMetadata: Record<string, { string: string }> = {};
  for (const name of ['id', 'type', 'source', 'subject', 'time'] as const) {
    const value = metadataString(event[name]);
    if (value) triggerMetadata[name] = value;
  }
  try {
    await host.invoke(functionName, { trigger: { json: JSON.stringify(event) }, triggerMetadata });
    return { ok: true, statusCode: 200 };
  } catch (error) {
    return { ok: false, retryable: true, error: `function ${functionName} failed: ${messageOf(error)}` };
  }
}
