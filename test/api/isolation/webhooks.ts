import type { IsolationTable } from './types';

/**
 * Webhook subscriptions: tenant settings, so admins only (docs/domain.md). Creators and validators get 403 whatever the
 * id (the role check comes before the lookup, so it says nothing about existence); another tenant's subscription
 * answers its admin 404, exactly like an id that never existed.
 */
export const isolation: IsolationTable = {
  getWebhook: { allowed: ['admin'] },
  updateWebhook: {
    allowed: ['admin'],
    request: (etag) => ({ headers: { 'if-match': etag }, json: { description: 'Renamed by matrix', active: false } }),
  },
  deleteWebhook: { allowed: ['admin'] },
  rotateWebhookSecret: { allowed: ['admin'] },
  listWebhookDeliveries: { allowed: ['admin'] },
  sendWebhookTest: { allowed: ['admin'] },
};
