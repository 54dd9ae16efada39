import { ConflictError, PreconditionFailedError } from '../errors';
import type { BlobStore } from '../ports/blobs';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock, Logger } from '../ports/system';
import { DEFAULT_DELIVERY_LIMITS, type DeliveryResult, type WebhookDeliverer } from './delivery';
import { type DeliveryAttempt, deadLetterBlobName, deliveryIdFor, type WebhookDeliveryDoc } from './deliveryLog';
import { isRetryableDeliveryFailure } from './retryPolicy';
import { signStandardWebhook } from './signing';
import { subscriptionMatches } from './subscription';
import {
  type InboundEvent,
  MAX_WEBHOOK_PAYLOAD_BYTES,
  testEventTarget,
  webhookMessageId,
  webhookPayload,
} from './webhookEvent';
import type { WebhookSubscriptionDoc } from './webhookService';

export interface WebhookDispatcherDeps {
  webhooks: TypedTenantCollection<WebhookSubscriptionDoc>;
  deliveries: TypedTenantCollection<WebhookDeliveryDoc>;
  deliverer: WebhookDeliverer;
  blobs: BlobStore;
  clock: Clock;
  logger: Logger;
  allowLoopback: boolean;
  /** Delay before the attempt after `failedAttempt`, undefined when exhausted (core/webhooks/retryPolicy.ts). */
  retryDelayMs: (failedAttempt: number) => number | undefined;
  /** Whether the tenant may receive webhooks at all (exists and is active). */
  tenantIsActive: (tenantId: string) => Promise<boolean>;
}

/** An attempt in flight holds its delivery this long; a crashed worker's delivery is retried after it. */
export const ATTEMPT_LEASE_MS = 2 * 60_000;
/** Due deliveries handled per tenant per sweep, and at once; the rest wait for the next sweep. */
export const SWEEP_BATCH = 100;
const SWEEP_CONCURRENCY = 8;

export interface DispatchSummary {
  delivered: number;
  failed: number;
  duplicates: number;
  /** Attempts whose record lost to another worker that took the delivery meanwhile: that worker reports it. */
  superseded: number;
  ignored?: string;
}

/**
 * Fans one domain event out to the tenant's matching subscriptions and drives each delivery to success or the
 * dead-letter blob. State lives in the delivery document, so the Event Grid trigger (first attempt) and the timer
 * sweeper (retries) are interchangeable and a crash at any point only delays a delivery.
 */
export class WebhookDispatcher {
  constructor(private readonly deps: WebhookDispatcherDeps) {}

  async dispatch(event: InboundEvent): Promise<DispatchSummary> {
    const summary: DispatchSummary = { delivered: 0, failed: 0, duplicates: 0, superseded: 0 };
    if (!(await this.deps.tenantIsActive(event.tenantId))) return { ...summary, ignored: 'tenant is not active' };
    const payload = webhookPayload(event);
    if (Buffer.byteLength(payload, 'utf8') > MAX_WEBHOOK_PAYLOAD_BYTES) {
      this.deps.logger.error('webhook payload too large', { eventId: event.id, type: event.type });
      return { ...summary, ignored: 'payload too large' };
    }
    const targets = await this.targetsOf(event);
    const now = this.deps.clock.now();
    await Promise.all(
      targets.map(async (subscription) => {
        const created = await this.createDelivery(event, subscription, payload, now);
        if (!created) {
          summary.duplicates++;
          return;
        }
        const outcome = await this.attempt(created, subscription);
        if (outcome === 'succeeded') summary.delivered++;
        else if (outcome === 'superseded') summary.superseded++;
        else summary.failed++;
      }),
    );
    return summary;
  }

  /** Retries every due delivery of one tenant (called by the timer sweeper for each tenant). */
  async sweep(tenantId: string): Promise<{ attempted: number }> {
    const now = this.deps.clock.now().toISOString();
    const page = await this.deps.deliveries.list(tenantId, {
      filter: {
        op: 'and',
        filters: [
          { field: 'status', op: 'eq', value: 'pending' },
          { field: 'nextAttemptAt', op: 'lt', value: now },
        ],
      },
      page: { pageSize: SWEEP_BATCH },
    });
    let attempted = 0;
    const queue = [...page.items];
    const worker = async () => {
      for (let doc = queue.shift(); doc; doc = queue.shift()) {
        const claimed = await this.claim(doc);
        if (!claimed) continue;
        attempted++;
        await this.attempt(claimed, await this.deps.webhooks.get(tenantId, doc.subscriptionId));
      }
    };
    await Promise.all(Array.from({ length: SWEEP_CONCURRENCY }, worker));
    return { attempted };
  }

  private async targetsOf(event: InboundEvent): Promise<WebhookSubscriptionDoc[]> {
    const target = testEventTarget(event);
    if (target) {
      const subscription = await this.deps.webhooks.get(event.tenantId, target);
      return subscription ? [subscription] : [];
    }
    if (event.type === 'khipu.webhook.test') return [];
    const page = await this.deps.webhooks.list(event.tenantId, {
      filter: {
        op: 'and',
        filters: [
          { field: 'active', op: 'eq', value: true },
          { field: 'eventTypes', op: 'arrayContains', value: event.type },
        ],
      },
      page: { pageSize: 100 },
    });
    // Filtered again in code: the emulator's query engine is not the thing that should decide who gets data.
    return page.items.filter((s) => s.tenantId === event.tenantId && subscriptionMatches(s, event.type));
  }

  /** Create-only: a second copy of the same event (Event Grid is at-least-once) finds the document and stops. */
  private async createDelivery(
    event: InboundEvent,
    subscription: WebhookSubscriptionDoc,
    payload: string,
    now: Date,
  ): Promise<WebhookDeliveryDoc | undefined> {
    try {
      return await this.deps.deliveries.create({
        id: deliveryIdFor(subscription.id, event.id),
        type: 'webhookDelivery',
        tenantId: event.tenantId,
        subscriptionId: subscription.id,
        eventId: event.id,
        eventType: event.type,
        test: event.type === 'khipu.webhook.test',
        payload,
        status: 'pending',
        attempts: [],
        // Leased by this invocation; if it dies before attempting, the sweeper takes over after the lease.
        nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS).toISOString(),
        deadLetterBlob: null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      });
    } catch (error) {
      if (error instanceof ConflictError) return undefined;
      throw error;
    }
  }

  /** Takes the lease with an ETag-checked write; another sweeper that got there first wins. */
  private async claim(doc: WebhookDeliveryDoc): Promise<WebhookDeliveryDoc | undefined> {
    const now = this.deps.clock.now();
    return this.save(
      { ...doc, nextAttemptAt: new Date(now.getTime() + ATTEMPT_LEASE_MS).toISOString(), updatedAt: now.toISOString() },
      doc.etag!,
    );
  }

  /**
   * One attempt and its record. 'superseded' when the record's ETag-checked write lost: the lease ran out while the
   * request was in flight and another worker took the delivery, so what this attempt saw is not what was stored.
   */
  private async attempt(
    doc: WebhookDeliveryDoc,
    subscription: WebhookSubscriptionDoc | undefined,
  ): Promise<WebhookDeliveryDoc['status'] | 'superseded'> {
    const usable = subscription && (subscription.active || doc.test);
    if (!usable) {
      const now = this.deps.clock.now().toISOString();
      const saved = await this.save({ ...doc, status: 'cancelled', nextAttemptAt: null, updatedAt: now }, doc.etag!);
      return saved ? 'cancelled' : 'superseded';
    }
    const attemptNumber = doc.attempts.length + 1;
    const startedAt = this.deps.clock.now();
    const result = await this.send(doc, subscription, startedAt);
    const finishedAt = this.deps.clock.now();
    const attempt = toAttempt(attemptNumber, startedAt, result);
    const attempts = [...doc.attempts, attempt];
    const base = { ...doc, attempts, updatedAt: finishedAt.toISOString() };

    if (result.ok) {
      const saved = await this.save({ ...base, status: 'succeeded', nextAttemptAt: null }, doc.etag!);
      return saved ? 'succeeded' : 'superseded';
    }
    const delay =
      result.error && !isRetryableDeliveryFailure(result.error.code)
        ? undefined
        : this.deps.retryDelayMs(attemptNumber);
    if (delay !== undefined) {
      const nextAttemptAt = new Date(finishedAt.getTime() + delay).toISOString();
      const saved = await this.save({ ...base, status: 'pending', nextAttemptAt }, doc.etag!);
      return saved ? 'pending' : 'superseded';
    }
    const blobName = deadLetterBlobName(doc.tenantId, doc.subscriptionId, doc.id);
    await this.deps.blobs.put(
      blobName,
      Buffer.from(JSON.stringify(deadLetter(base, subscription.url), null, 2)),
      'application/json',
    );
    const saved = await this.save(
      { ...base, status: 'dead', nextAttemptAt: null, deadLetterBlob: blobName },
      doc.etag!,
    );
    if (!saved) return 'superseded';
    this.deps.logger.warn('webhook dead-lettered', {
      tenantId: doc.tenantId,
      deliveryId: doc.id,
      attempts: attemptNumber,
    });
    return 'dead';
  }

  private send(doc: WebhookDeliveryDoc, subscription: WebhookSubscriptionDoc, at: Date): Promise<DeliveryResult> {
    const id = webhookMessageId(doc.eventId);
    const timestamp = Math.floor(at.getTime() / 1000);
    const headers = signStandardWebhook({ id, timestamp, payload: doc.payload, secret: subscription.secret });
    const previous = subscription.previousSecret;
    if (
      previous &&
      subscription.previousSecretExpiresAt &&
      Date.parse(subscription.previousSecretExpiresAt) > at.getTime()
    ) {
      const old = signStandardWebhook({ id, timestamp, payload: doc.payload, secret: previous });
      headers['webhook-signature'] = `${headers['webhook-signature']} ${old['webhook-signature']}`;
    }
    return this.deps.deliverer.deliver({
      url: subscription.url,
      headers: { ...headers, 'x-khipu-event-type': doc.eventType },
      body: doc.payload,
      allowLoopback: this.deps.allowLoopback,
      timeouts: DEFAULT_DELIVERY_LIMITS.timeouts,
      maxResponseBytes: DEFAULT_DELIVERY_LIMITS.maxResponseBytes,
    });
  }

  /** Undefined when someone else changed the document first (they own it now). */
  private async save(doc: WebhookDeliveryDoc, etag: string): Promise<WebhookDeliveryDoc | undefined> {
    try {
      return await this.deps.deliveries.replace(doc, etag);
    } catch (error) {
      if (error instanceof PreconditionFailedError) return undefined;
      throw error;
    }
  }
}

function toAttempt(attempt: number, at: Date, result: DeliveryResult): DeliveryAttempt {
  return {
    attempt,
    attemptedAt: at.toISOString(),
    outcome: result.ok ? 'succeeded' : 'failed',
    ...(result.status !== undefined ? { httpStatus: result.status } : {}),
    durationMs: result.durationMs,
    ...(result.error ? { errorCode: result.error.code, errorMessage: result.error.message.slice(0, 500) } : {}),
    ...(result.responseExcerpt ? { responseExcerpt: result.responseExcerpt } : {}),
  };
}

/** The dead-letter blob: enough to replay the delivery by hand (request without signatures: they expire). */
function deadLetter(doc: WebhookDeliveryDoc, url: string) {
  return {
    deliveryId: doc.id,
    tenantId: doc.tenantId,
    subscriptionId: doc.subscriptionId,
    eventId: doc.eventId,
    eventType: doc.eventType,
    request: {
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'webhook-id': webhookMessageId(doc.eventId) },
      body: doc.payload,
    },
    attempts: doc.attempts,
    deadLetteredAt: doc.updatedAt,
  };
}
