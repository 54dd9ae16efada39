import { z } from 'zod';
import { ALL_EVENT_TYPES, type EventType } from '../ports/events';
import { MAX_WEBHOOK_URL_LENGTH } from '../webhooks/deliveryUrl';
import { IsoDateTime, text } from './common';

const EventTypeName = z.enum(ALL_EVENT_TYPES as [EventType, ...EventType[]]);
const EventTypeList = z
  .array(EventTypeName)
  .min(1)
  .max(ALL_EVENT_TYPES.length)
  .refine((types) => new Set(types).size === types.length, 'event types must be unique');
// The address policy (https only in Azure, no private or loopback hosts) is checked by the service, which knows the mode.
const WebhookUrl = z.string().trim().min(1).max(MAX_WEBHOOK_URL_LENGTH);

export const CreateWebhookRequest = z
  .strictObject({
    url: WebhookUrl,
    eventTypes: EventTypeList,
    description: text(200).optional(),
    active: z.boolean().default(true),
  })
  .meta({ id: 'CreateWebhookRequest' });

export const UpdateWebhookRequest = z
  .strictObject({
    url: WebhookUrl.optional(),
    eventTypes: EventTypeList.optional(),
    description: text(200).optional(),
    active: z.boolean().optional(),
  })
  .refine((update) => Object.keys(update).length > 0, 'nothing to update')
  .meta({ id: 'UpdateWebhookRequest' });

export const WebhookView = z
  .object({
    id: z.string(),
    tenantId: z.string(),
    url: z.string(),
    eventTypes: z.array(EventTypeName),
    description: z.string().optional(),
    active: z.boolean(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    createdBy: z.string(),
    secretRotatedAt: IsoDateTime.nullable(),
    etag: z.string(),
  })
  .meta({ id: 'Webhook' });

export const WebhookWithSecretView = WebhookView.extend({
  secret: z.string().meta({
    description: 'whsec_ + base64 key for Standard Webhooks verification; shown only now, store it safely',
  }),
}).meta({ id: 'WebhookWithSecret' });

export const WebhookList = z.object({ items: z.array(WebhookView) }).meta({ id: 'WebhookList' });

const DeliveryAttemptView = z.object({
  attempt: z.number().int(),
  attemptedAt: IsoDateTime,
  outcome: z.enum(['succeeded', 'failed']),
  httpStatus: z.number().int().optional(),
  durationMs: z.number(),
  errorCode: z.enum(['ssrf_refused', 'timeout', 'redirect', 'too_large', 'network', 'http_error']).optional(),
  errorMessage: z.string().optional(),
  responseExcerpt: z.string().optional(),
});

export const WebhookDeliveryView = z
  .object({
    id: z.string(),
    subscriptionId: z.string(),
    eventId: z.string(),
    eventType: z.string(),
    test: z.boolean(),
    status: z.enum(['pending', 'succeeded', 'dead', 'cancelled']),
    attempts: z.array(DeliveryAttemptView),
    nextAttemptAt: IsoDateTime.nullable(),
    deadLetterBlob: z.string().nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'WebhookDelivery' });

export const WebhookDeliveryPage = z
  .object({ items: z.array(WebhookDeliveryView), continuationToken: z.string().nullable() })
  .meta({ id: 'WebhookDeliveryPage' });

export const WebhookTestResult = z
  .object({ eventId: z.string(), eventType: z.string() })
  .meta({ id: 'WebhookTestResult' });
