import { createHash } from 'node:crypto';
import type { DeliveryErrorCode } from './delivery';

/**
 * One document per (subscription, event) in the `deliveries` container (pk /tenantId), holding every attempt: the
 * tenant-visible delivery log, the retry queue (pending + `nextAttemptAt`) and the dedupe record in one place.
 */
export type DeliveryStatus = 'pending' | 'succeeded' | 'dead' | 'cancelled';

export interface DeliveryAttempt {
  attempt: number;
  attemptedAt: string;
  outcome: 'succeeded' | 'failed';
  httpStatus?: number;
  durationMs: number;
  errorCode?: DeliveryErrorCode;
  errorMessage?: string;
  /** Start of the receiver's answer (at most 1 KiB), to help the tenant debug. */
  responseExcerpt?: string;
}

export interface WebhookDeliveryDoc {
  id: string;
  type: 'webhookDelivery';
  tenantId: string;
  subscriptionId: string;
  /** Domain event id, sent as `webhook-id` on every attempt so receivers can deduplicate. */
  eventId: string;
  eventType: string;
  /** A `khipu.webhook.test` delivery goes out even to an inactive subscription: the admin asked for it. */
  test: boolean;
  /** The exact body sent (signatures cover these bytes). */
  payload: string;
  status: DeliveryStatus;
  attempts: DeliveryAttempt[];
  /** Pending: when the next attempt is due; an attempt in flight holds a lease by pushing it forward. */
  nextAttemptAt: string | null;
  deadLetterBlob: string | null;
  createdAt: string;
  updatedAt: string;
  etag?: string;
}

export type DeliveryView = Omit<WebhookDeliveryDoc, 'type' | 'payload' | 'etag' | 'tenantId'>;

export function toDeliveryView(doc: WebhookDeliveryDoc): DeliveryView {
  const { type: _type, payload: _payload, etag: _etag, tenantId: _tenantId, ...view } = doc;
  return view;
}

/**
 * Same subscription and event, same id: Event Grid delivers at least once, and the create-only write of this id is
 * what turns a redelivered event into a no-op. Hashed because event ids are chosen by the publisher.
 */
export function deliveryIdFor(subscriptionId: string, eventId: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([subscriptionId, eventId]), 'utf8')
    .digest('hex');
  return `whd_${digest.slice(0, 40)}`;
}

export function deadLetterBlobName(tenantId: string, subscriptionId: string, deliveryId: string): string {
  return `tenants/${tenantId}/webhooks/deadletter/${subscriptionId}/${deliveryId}.json`;
}
