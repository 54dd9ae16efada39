import { z } from 'zod';
import { ContinuationQuery, ErrorBody, Id } from '../core/api/common';
import {
  CreateWebhookRequest,
  UpdateWebhookRequest,
  WebhookDeliveryPage,
  WebhookList,
  WebhookTestResult,
  WebhookView,
  WebhookWithSecretView,
} from '../core/api/webhooks';
import { toDeliveryView } from '../core/webhooks/deliveryLog';
import { endpoint } from './http/endpoint';

const WebhookParams = z.strictObject({ webhookId: Id });

endpoint({
  operationId: 'listWebhooks',
  method: 'GET',
  route: 'v1/webhooks',
  summary: "The tenant's webhook subscriptions (secrets are never listed)",
  tags: ['webhooks'],
  access: 'tenant',
  responses: { 200: { description: 'All subscriptions', schema: WebhookList } },
  async handle({ principal, services }) {
    return { status: 200, json: { items: await services.webhooks.list(principal) } };
  },
});

endpoint({
  operationId: 'createWebhook',
  method: 'POST',
  route: 'v1/webhooks',
  summary: 'Subscribe a URL to events; the signing secret is in this response only (honours Idempotency-Key)',
  tags: ['webhooks'],
  access: 'tenant',
  idempotent: true,
  body: { kind: 'json', schema: CreateWebhookRequest },
  responses: {
    201: { description: 'Created, with its secret', schema: WebhookWithSecretView },
    409: { description: 'The tenant already has the maximum number of webhooks', schema: ErrorBody },
  },
  async handle({ principal, body, services }) {
    const { webhook, secret } = await services.webhooks.create(principal, body);
    return {
      status: 201,
      json: { ...webhook, secret },
      headers: { Location: `/api/v1/webhooks/${webhook.id}`, 'Cache-Control': 'no-store' },
    };
  },
});

endpoint({
  operationId: 'getWebhook',
  method: 'GET',
  route: 'v1/webhooks/{webhookId}',
  summary: 'One subscription (ETag header for later updates)',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  responses: { 200: { description: 'The subscription', schema: WebhookView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: await services.webhooks.get(principal, params.webhookId) };
  },
});

endpoint({
  operationId: 'updateWebhook',
  method: 'PATCH',
  route: 'v1/webhooks/{webhookId}',
  summary: 'Change URL, event types, description or active; requires If-Match with the ETag you read',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  body: { kind: 'json', schema: UpdateWebhookRequest },
  ifMatch: 'required',
  responses: {
    200: { description: 'Updated', schema: WebhookView },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    return { status: 200, json: await services.webhooks.update(principal, params.webhookId, ifMatch, body) };
  },
});

endpoint({
  operationId: 'deleteWebhook',
  method: 'DELETE',
  route: 'v1/webhooks/{webhookId}',
  summary: 'Delete a subscription; its pending retries are cancelled',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  responses: { 204: { description: 'Deleted' } },
  async handle({ principal, params, services }) {
    await services.webhooks.delete(principal, params.webhookId);
    return { status: 204 };
  },
});

endpoint({
  operationId: 'rotateWebhookSecret',
  method: 'POST',
  route: 'v1/webhooks/{webhookId}/rotate-secret',
  summary: 'New signing secret (shown once); the previous one also signs for 24 hours',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  responses: {
    200: { description: 'Rotated, with the new secret', schema: WebhookWithSecretView },
    409: {
      description: 'Another rotation was stored at the same time; nothing changed by this one',
      schema: ErrorBody,
    },
  },
  async handle({ principal, params, services }) {
    const { webhook, secret } = await services.webhooks.rotateSecret(principal, params.webhookId);
    return { status: 200, json: { ...webhook, secret }, headers: { 'Cache-Control': 'no-store' } };
  },
});

endpoint({
  operationId: 'listWebhookDeliveries',
  method: 'GET',
  route: 'v1/webhooks/{webhookId}/deliveries',
  summary: 'Delivery log, newest first: attempts, status codes, timing, error codes, next attempt',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  query: ContinuationQuery,
  responses: { 200: { description: 'A page of deliveries', schema: WebhookDeliveryPage } },
  async handle({ principal, params, query, services }) {
    const page = await services.webhooks.deliveries(principal, params.webhookId, query);
    return { status: 200, json: { items: page.items.map(toDeliveryView), continuationToken: page.continuationToken } };
  },
});

endpoint({
  operationId: 'sendWebhookTest',
  method: 'POST',
  route: 'v1/webhooks/{webhookId}/test',
  summary: 'Send a khipu.webhook.test event to this subscription through the normal delivery path',
  tags: ['webhooks'],
  access: 'tenant',
  params: WebhookParams,
  objects: { webhookId: 'webhook' },
  responses: {
    202: { description: 'Published; watch the delivery log', schema: WebhookTestResult },
  },
  async handle({ principal, params, services }) {
    return { status: 202, json: await services.webhooks.sendTest(principal, params.webhookId) };
  },
});
