/**
 * The tenant's stored bytes as a stored measurement, on the Cosmos emulator and Azurite (behind a proxy that counts
 * what the blob service is sent): reading the figure lists no blob once it is measured, a measurement lists the
 * tenant's blobs once, and measurements finishing out of order never replace a newer figure with an older one.
 */
import { CosmosClient } from '@azure/cosmos';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { typedTenantCollection } from '../../core/ports/typedCollection';
import {
  STORAGE_USAGE_ID,
  TenantStorageUsage,
  type StorageUsageRecord,
  type StoredBytes,
} from '../../core/tenants/storageUsage';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';
import { startBlobWire, type BlobWire } from '../support/blobWire';

jest.setTimeout(120_000);

let cosmos: RunningCosmos;
let client: CosmosClient;
let wire: BlobWire;
let blobs: AzureBlobStore;
let documents: ReturnType<typeof typedTenantCollection<StorageUsageRecord>>;

beforeAll(async () => {
  [cosmos, wire] = await Promise.all([startCosmos({ port: 0, database: 'khipu' }), startBlobWire('storage-usage')]);
  client = new CosmosClient({
    endpoint: cosmos.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  documents = typedTenantCollection<StorageUsageRecord>(
    new CosmosTenantCollection(client.database('khipu').container(containerDefinitions.metrics.id)),
    'storageUsage',
  );
  blobs = (await wire.container('khipu')).blobs;
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await Promise.all([cosmos?.stop(), wire?.stop()]);
});

const listings = () => wire.requests.filter((request) => request.comp === 'list').length;

test('the figure is read without listing a blob; only a measurement lists, once', async () => {
  const tenantId = 't-reads';
  await blobs.put(`tenants/${tenantId}/projects/p1/manuscript.txt`, Buffer.alloc(1000), 'text/plain');
  await blobs.put(`tenants/${tenantId}/projects/p1/cover.jpg`, Buffer.alloc(2500), 'image/jpeg');
  await blobs.put('tenants/t-other/projects/p9/audio.wav', Buffer.alloc(7000), 'audio/wav');
  const usage = new TenantStorageUsage({ documents, blobs, clock: { now: () => new Date() } });

  wire.clear();
  const first = await usage.current(tenantId);
  // None stored yet: the first read measures.
  expect(first.bytes).toBe(3500);
  expect(listings()).toBe(1);

  await blobs.put(`tenants/${tenantId}/projects/p1/audio.wav`, Buffer.alloc(4000), 'audio/wav');
  wire.clear();
  for (let read = 0; read < 5; read++) expect(await usage.current(tenantId)).toEqual(first);
  // Five reads: five point reads on Cosmos and nothing at all sent to the blob service.
  expect(wire.requests).toEqual([]);

  const measured = await usage.measure(tenantId);
  expect(measured.bytes).toBe(7500);
  expect(listings()).toBe(1);
  expect(await usage.current(tenantId)).toEqual(measured);
});

test('24 measurements at once, the newest finishing first: the newest figure is the one stored', async () => {
  const tenantId = 't-race';
  const MEASUREMENTS = 24;
  const start = Date.parse('2031-03-14T10:00:00Z');
  let started = 0;
  // Each measurement starts one second after the one before it and lists for longer the earlier it started, so they
  // are stored newest first: a write that did not look at `measuredAt` would leave the oldest figure.
  const clock = { now: () => new Date(start + started * 1000) };
  const listing = {
    async bytesUnder(): Promise<number> {
      const order = started++;
      await new Promise((resolve) => setTimeout(resolve, (MEASUREMENTS - order) * 20));
      return 1_000 + order;
    },
  };
  const usage = new TenantStorageUsage({ documents, blobs: listing, clock });

  const answers: StoredBytes[] = await Promise.all(Array.from({ length: MEASUREMENTS }, () => usage.measure(tenantId)));

  const newest: StoredBytes = {
    bytes: 1_000 + MEASUREMENTS - 1,
    measuredAt: new Date(start + (MEASUREMENTS - 1) * 1000).toISOString(),
  };
  expect(await documents.get(tenantId, STORAGE_USAGE_ID)).toMatchObject(newest);
  // The last to finish (the oldest) answers the newer figure it found stored, not its own.
  expect(answers[0]).toEqual(newest);

  // An older measurement arriving later still leaves the newer one.
  const late = new TenantStorageUsage({
    documents,
    blobs: { bytesUnder: async () => 1 },
    clock: { now: () => new Date(start - 60_000) },
  });
  expect(await late.measure(tenantId)).toEqual(newest);
  expect(await documents.get(tenantId, STORAGE_USAGE_ID)).toMatchObject(newest);
});

test('24 uploads counted at once: every one is added, none lost to another, and nothing is listed', async () => {
  const tenantId = 't-uploads';
  await blobs.put(`tenants/${tenantId}/projects/p1/manuscript.txt`, Buffer.alloc(4000), 'text/plain');
  const usage = new TenantStorageUsage({ documents, blobs, clock: { now: () => new Date() } });
  const measured = await usage.measure(tenantId);

  wire.clear();
  const sizes = Array.from({ length: 24 }, (_, index) => 1000 + index);
  await Promise.all(sizes.map((bytes) => usage.addStored(tenantId, bytes)));

  const stored = await usage.current(tenantId);
  expect(stored.bytes).toBe(4000 + sizes.reduce((sum, bytes) => sum + bytes, 0));
  // The figure still says when the tenant's blobs were last listed, and counting listed none.
  expect(stored.measuredAt).toBe(measured.measuredAt);
  expect(listings()).toBe(0);
});
