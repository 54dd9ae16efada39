import { z } from 'zod';
import { createDomainEvent, type DomainEvent, EventTypes, isEventType } from '../ports/events';

/** What the dispatcher accepts from Event Grid (CloudEvents 1.0, structured mode), and what it sends to tenants. */

const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;
const TENANT_SUBJECT = /^\/tenants\/([A-Za-z0-9_-]{1,128})(?:\/|$)/;
/** Far above any event we publish; bounds what one delivery document and every retry carry. */
export const MAX_WEBHOOK_PAYLOAD_BYTES = 64 * 1024;
export const WEBHOOK_EVENT_SOURCE = '/khipu';

const incomingEventSchema = z.object({
  id: z.string().min(1).max(256),
  type: z.string().min(1).max(128),
  source: z.string().max(1024).optional(),
  subject: z.string().min(1).max(1024),
  time: z.string().max(64).optional(),
  data: z.unknown().optional(),
});

export interface InboundEvent {
  tenantId: string;
  id: string;
  type: string;
  subject: string;
  time: string;
  data: unknown;
}

export type ParsedEvent = { ok: true; event: InboundEvent } | { ok: false; reason: string };

/**
 * The tenant comes from the subject the publisher (our own pipeline) set, never from the data. Anything else is
 * refused rather than guessed: a malformed subject must not reach some tenant's endpoint.
 */
export function parseInboundEvent(raw: unknown, now: Date): ParsedEvent {
  const parsed = incomingEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'not a CloudEvent with id, type and subject' };
  const { id, type, subject, time, data } = parsed.data;
  const match = TENANT_SUBJECT.exec(subject);
  if (!match) return { ok: false, reason: 'subject does not start with /tenants/{tenantId}' };
  if (subject.split('/').some((segment, i) => i > 0 && !SAFE_SEGMENT.test(segment))) {
    return { ok: false, reason: 'subject has an unsafe segment' };
  }
  if (!isEventType(type)) return { ok: false, reason: `unknown event type ${type}` };
  const validTime = time && !Number.isNaN(Date.parse(time)) ? new Date(time).toISOString() : now.toISOString();
  return { ok: true, event: { tenantId: match[1], id, type, subject, time: validTime, data: data ?? {} } };
}

/**
 * The body tenants receive, in the Standard Webhooks shape (`type`, `timestamp`, `data`) plus the event id and
 * subject. Serialized once and stored: retries resend the same bytes.
 */
export function webhookPayload(event: InboundEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    timestamp: event.time,
    subject: event.subject,
    data: event.data,
  });
}

/** `webhook-id` must not contain `.` (it is part of the signed string); publisher ids are usually UUIDs already. */
export function webhookMessageId(eventId: string): string {
  return SAFE_SEGMENT.test(eventId) ? eventId : `evt_${eventId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 120)}`;
}

export function webhookSubject(tenantId: string, subscriptionId: string): string {
  if (!SAFE_SEGMENT.test(tenantId) || !SAFE_SEGMENT.test(subscriptionId)) throw new TypeError('unsafe subject segment');
  return `/tenants/${tenantId}/webhooks/${subscriptionId}`;
}

/** A test event for one subscription; `nonce` makes each click a new event (and a new delivery). */
export function webhookTestEvent(tenantId: string, subscriptionId: string, nonce: string, time: Date): DomainEvent {
  return createDomainEvent({
    type: EventTypes.webhookTest,
    source: WEBHOOK_EVENT_SOURCE,
    subject: webhookSubject(tenantId, subscriptionId),
    time: time.toISOString(),
    data: { webhookId: subscriptionId, message: 'This is a test event from Khipu Cloud.' },
    discriminator: nonce,
  });
}

/** For a test event, the one subscription it targets (from the subject); undefined for ordinary events. */
export function testEventTarget(event: InboundEvent): string | undefined {
  if (event.type !== EventTypes.webhookTest) return undefined;
  const match = /^\/tenants\/[A-Za-z0-9_-]+\/webhooks\/([A-Za-z0-9_-]+)$/.exec(event.subject);
  return match?.[1];
}
