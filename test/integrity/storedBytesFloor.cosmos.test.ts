/**
 * The tenant's stored-bytes figure on the Cosmos emulator: an upload that replaced a cover counts the replaced files
 * off the figure, and a figure measured before those files were stored never held them, so the sum can go below
 * zero; what is stored is never below zero.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { typedTenantCollection } from '../../core/ports/typedCollection';
import { TenantStorageUsage, type StorageUsageRecord } from '../../core/tenants/storageUsage';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

jest.setTimeout(120_000);

let cosmos: RunningCosmos;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

test('a count that takes off more than the figure holds stores zero', async () => {
  const documents = typedTenantCollection<StorageUsageRecord>(
    new CosmosTenantCollection(client.database('khipu').container(containerDefinitions.metrics.id)),
    'storageUsage',
  );
  // The listing found only the manuscript: the old cover was stored after it began.
  const usage = new TenantStorageUsage({
    documents,
    blobs: { bytesUnder: async () => 1000 },
    clock: { now: () => new Date() },
  });
  expect((await usage.measure('t-floor')).bytes).toBe(1000);

  // A new 500-byte cover replaced a 3000-byte one the figure never counted.
  expect((await usage.addStored('t-floor', 500 - 3000)).bytes).toBe(0);
  expect((await usage.current('t-floor')).bytes).toBe(0);
  expect((await usage.addStored('t-floor', 700)).bytes).toBe(700);
});
