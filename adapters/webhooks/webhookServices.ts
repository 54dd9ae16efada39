import type { Container } from '@azure/cosmos';
import { typedTenantCollection, type TypedTenantRecord } from '../../core/ports/typedCollection';
import type { BlobStore } from '../../core/ports/blobs';
import type { EventPublisher } from '../../core/ports/events';
import type { Clock, IdGenerator, Logger } from '../../core/ports/system';
import type { TenantRecord } from '../../core/tenants/tenant';
import type { WebhookDeliveryDoc } from '../../core/webhooks/deliveryLog';
import { retryDelayMs } from '../../core/webhooks/retryPolicy';
import { WebhookDispatcher } from '../../core/webhooks/webhookDispatcher';
import { SubscriptionRoster, type WebhookRosterDoc } from '../../core/webhooks/subscriptionRoster';
import { WebhookService, type WebhookSubscriptionDoc } from '../../core/webhooks/webhookService';
import type { AppEnvironment } from '../config/config';
import { CosmosTenantCollection, type CosmosTenantDirectory } from '../cosmos/cosmosCollections';
import { createHostVetter } from './hostVetting';
import { safeHttpDeliverer } from './safeHttpDelivery';

export interface WebhookServicesInput {
  config: AppEnvironment;
  webhooksContainer: Container;
  deliveriesContainer: Container;
  tenants: CosmosTenantDirectory<TenantRecord>;
  events: EventPublisher;
  blobs: BlobStore;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

/** Wires the webhook subscription service and the dispatcher for the composition root. */
export function buildWebhookServices(input: WebhookServicesInput): {
  webhooks: WebhookService;
  webhookDispatcher: WebhookDispatcher;
} {
  const { config, clock, ids, logger, events, blobs } = input;
  const webhooksContainer = new CosmosTenantCollection<TypedTenantRecord>(input.webhooksContainer);
  const subscriptions = typedTenantCollection<WebhookSubscriptionDoc>(webhooksContainer, 'webhookSubscription');
  const rosters = typedTenantCollection<WebhookRosterDoc>(webhooksContainer, 'webhookRoster');
  const deliveries = typedTenantCollection<WebhookDeliveryDoc>(
    new CosmosTenantCollection(input.deliveriesContainer),
    'webhookDelivery',
  );
  // Plain http and loopback receivers exist for local tests only; the config accepts the key in local mode only.
  const allowLoopback = config.KHIPU_MODE === 'local' && config.WEBHOOK_ALLOW_LOOPBACK;
  return {
    webhooks: new WebhookService({
      webhooks: subscriptions,
      roster: new SubscriptionRoster({ rosters, subscriptions, clock }),
      deliveries,
      events,
      clock,
      ids,
      allowLoopback,
      vetUrl: createHostVetter(allowLoopback),
    }),
    webhookDispatcher: new WebhookDispatcher({
      webhooks: subscriptions,
      deliveries,
      deliverer: safeHttpDeliverer,
      blobs,
      clock,
      logger,
      allowLoopback,
      retryDelayMs: (failedAttempt) => retryDelayMs(failedAttempt, Math.random),
      tenantIsActive: async (tenantId) => (await input.tenants.get(tenantId))?.status === 'active',
    }),
  };
}
