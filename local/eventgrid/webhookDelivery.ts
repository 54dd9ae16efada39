import type { CloudEventRecord } from './types';

/**
 * Webhook side of delivery, per the CloudEvents HTTP webhook spec (the protocol Event Grid uses for CloudEvents
 * subscriptions): an OPTIONS abuse-protection handshake, then structured-mode POSTs of one event each.
 */

export type AttemptResult =
  { ok: true; statusCode: number } | { ok: false; retryable: boolean; statusCode?: number; error: string };

export interface WebhookCallOptions {
  origin: string;
  timeoutMs: number;
  subscriptionName: string;
  /** Aborted when the emulator stops, so shutdown does not wait for slow receivers. */
  shutdown: AbortSignal;
}

function requestSignal(options: WebhookCallOptions): AbortSignal {
  return AbortSignal.any([AbortSignal.timeout(options.timeoutMs), options.shutdown]);
}

async function discardBody(response: Response): Promise<void> {
  // Release the socket without buffering whatever the receiver sent back.
  await response.body?.cancel().catch(() => undefined);
}

function describeFailure(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

export async function performHandshake(url: string, options: WebhookCallOptions): Promise<AttemptResult> {
  try {
    const response = await fetch(url, {
      method: 'OPTIONS',
      headers: { 'WebHook-Request-Origin': options.origin, 'WebHook-Request-Rate': '120' },
      redirect: 'manual',
      signal: requestSignal(options),
    });
    await discardBody(response);
    const allowed = response.headers.get('webhook-allowed-origin');
    if (response.status !== 200) {
      return {
        ok: false,
        retryable: true,
        statusCode: response.status,
        error: `handshake refused (HTTP ${response.status})`,
      };
    }
    if (allowed !== '*' && allowed?.toLowerCase() !== options.origin.toLowerCase()) {
      return {
        ok: false,
        retryable: true,
        statusCode: 200,
        error: 'handshake refused (WebHook-Allowed-Origin missing or different)',
      };
    }
    return { ok: true, statusCode: 200 };
  } catch (error) {
    return { ok: false, retryable: true, error: `handshake failed: ${describeFailure(error)}` };
  }
}

/** Event Grid gives up at once on these: the receiver says the event itself is unacceptable. */
const NOT_RETRYABLE = new Set([400, 413]);

export async function postEvent(
  url: string,
  event: CloudEventRecord,
  deliveryCount: number,
  options: WebhookCallOptions,
): Promise<AttemptResult> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/cloudevents+json; charset=utf-8',
        'WebHook-Request-Origin': options.origin,
        'aeg-event-type': 'Notification',
        'aeg-subscription-name': options.subscriptionName.toUpperCase(),
        'aeg-delivery-count': String(deliveryCount - 1),
      },
      body: JSON.stringify(event),
      redirect: 'manual',
      signal: requestSignal(options),
    });
    await discardBody(response);
    if (response.status >= 200 && response.status <= 204) return { ok: true, statusCode: response.status };
    return {
      ok: false,
      retryable: !NOT_RETRYABLE.has(response.status),
      statusCode: response.status,
      error: `receiver answered HTTP ${response.status}`,
    };
  } catch (error) {
    return { ok: false, retryable: true, error: `delivery failed: ${describeFailure(error)}` };
  }
}
