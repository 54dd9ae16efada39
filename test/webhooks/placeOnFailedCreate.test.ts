/**
 * A subscription create that fails gives its roster place back only when the subscription is not stored: a create
 * whose answer was lost on the way (the document stored, the caller told it failed) keeps its place, or the roster
 * would count one subscription fewer than are stored and let the tenant past the limit. On the Cosmos emulator.
 */
import { CosmosClient } from '@azure/cosmos';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { randomIds, systemClock } from '../../adapters/system/system';
import type { TenantPrincipal } from '../../core/auth/principal';
import { typedTenantCollection, type TypedTenantRecord } from '../../core/ports/typedCollection';
import { SubscriptionRoster, type WebhookRosterDoc } from '../../core/webhooks/subscriptionRoster';
import { WebhookService, type WebhookSubscriptionDoc } from '../../core/webhooks/webhookService';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

let cosmos: RunningCosmos;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
});
afterAll(async () => {
  client.dispose();
  await cosmos.stop();
});

type Create = (doc: WebhookSubscriptionDoc) => Promise<WebhookSubscriptionDoc>;

/** The service over the emulator; its subscription creates go through `failingCreate`, given the real create. */
function servicesFor(failingCreate: (realCreate: Create) => Create) {
  const container = new CosmosTenantCollection<TypedTenantRecord>(
    client.database('khipu').container(containerDefinitions.webhooks.id),
  );
  const subscriptions = typedTenantCollection<WebhookSubscriptionDoc>(container, 'webhookSubscription');
  const rosters = typedTenantCollection<WebhookRosterDoc>(container, 'webhookRoster');
  const failingCreates = Object.assign(Object.create(subscriptions) as typeof subscriptions, {
    create: failingCreate((doc) => subscriptions.create(doc)),
  });
  const service = new WebhookService({
    webhooks: failingCreates,
    roster: new SubscriptionRoster({ rosters, subscriptions, clock: systemClock }),
    deliveries: typedTenantCollection(container, 'webhookDelivery'),
    events: { publish: async () => undefined },
    clock: systemClock,
    ids: randomIds,
    allowLoopback: true,
  });
  return { service, subscriptions, rosters };
}

const admin = (tenantId: string): TenantPrincipal => ({
  kind: 'tenant-user',
  userId: 'u-admin',
  tenantId,
  role: 'admin',
});
const input = { url: 'http://127.0.0.1:9/hook', eventTypes: ['khipu.job.completed' as const] };

async function placesOf(rosters: ReturnType<typeof servicesFor>['rosters'], tenantId: string): Promise<string[]> {
  return ((await rosters.get(tenantId, 'webhookRoster'))?.places ?? []).map((place) => place.subscriptionId);
}

test('a create that stored the subscription but lost its answer keeps the place', async () => {
  const tenantId = 't-lost-answer';
  const { service, subscriptions, rosters } = servicesFor((realCreate) => async (doc) => {
    await realCreate(doc);
    throw new Error('socket hang up');
  });
  await expect(service.create(admin(tenantId), input)).rejects.toThrow('socket hang up');
  const stored = (await subscriptions.list(tenantId, { page: { pageSize: 10 } })).items.map((s) => s.id);
  expect(stored).toHaveLength(1);
  expect(await placesOf(rosters, tenantId)).toEqual(stored);
});

test('a create that stored nothing gives the place back', async () => {
  const tenantId = 't-not-stored';
  const { service, rosters } = servicesFor(() => async () => {
    throw new Error('socket hang up');
  });
  await expect(service.create(admin(tenantId), input)).rejects.toThrow('socket hang up');
  expect(await placesOf(rosters, tenantId)).toEqual([]);
});
