/**
 * A listing scoped to one partition key sends no query-plan request (adapters/cosmos/singlePartitionQuery.ts): the
 * emulator, behind a proxy that counts requests, sees only the query itself, and the page is still ordered and
 * continued by the service. The same query sent plainly with the SDK shows the plan request the adapter saves.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';
import { startCosmosWire, type CosmosWire } from '../support/cosmosWire';

interface Dated {
  id: string;
  tenantId: string;
  projectId: string;
  updatedAt: string;
  etag?: string;
}

/** Queries and query-plan requests among the requests `action` made. */
async function countsDuring(action: () => Promise<unknown>): Promise<{ plans: number; queries: number }> {
  const seen = await proxy.during(async () => {
    await action();
  });
  return {
    plans: seen.filter((r) => r.kind === 'query-plan').length,
    queries: seen.filter((r) => r.kind === 'query').length,
  };
}

let cosmos: RunningCosmos;
let proxy: CosmosWire;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  proxy = await startCosmosWire(cosmos.endpoint);
  client = emulatorClient({ endpoint: proxy.endpoint, key: cosmos.key });
}, 60_000);
afterAll(async () => {
  client?.dispose();
  await proxy?.stop();
  await cosmos?.stop();
});

const dated = (tenantId: string, projectId: string, index: number): Dated => ({
  id: `doc-${index}`,
  tenantId,
  projectId,
  updatedAt: `2026-01-${String(10 + index).padStart(2, '0')}T00:00:00.000Z`,
});

describe('listings scoped to one partition key', () => {
  it('a tenant listing sends the query alone, no plan, and pages in order', async () => {
    const container = client.database('khipu').container(containerDefinitions.projects.id);
    const collection = new CosmosTenantCollection<Dated>(container);
    for (let i = 0; i < 5; i++) await collection.create(dated('tenant-plan', 'p', i));
    await collection.create(dated('tenant-other', 'p', 9));

    const query = { orderBy: { field: 'updatedAt', direction: 'DESC' as const }, page: { pageSize: 3 } };
    let ids: string[] = [];
    let lastContinuation: string | null = null;
    const listingCounts = await countsDuring(async () => {
      const first = await collection.list('tenant-plan', query);
      const second = await collection.list('tenant-plan', {
        ...query,
        page: { pageSize: 3, continuationToken: first.continuationToken! },
      });
      ids = [...first.items, ...second.items].map((doc) => doc.id);
      lastContinuation = second.continuationToken;
    });
    expect(ids).toEqual(['doc-4', 'doc-3', 'doc-2', 'doc-1', 'doc-0']);
    expect(lastContinuation).toBeNull();
    expect(listingCounts).toEqual({ plans: 0, queries: 2 });

    // The same query, sent plainly: the SDK asks for a plan beside it.
    const plainCounts = await countsDuring(() =>
      container.items
        .query(
          { query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: 'tenant-plan' }] },
          { partitionKey: 'tenant-plan' },
        )
        .fetchNext(),
    );
    expect(plainCounts).toEqual({ plans: 1, queries: 1 });
  }, 60_000);

  it('a project listing (both keys of a hierarchical partition) sends no plan either', async () => {
    const container = client.database('khipu').container(containerDefinitions.segments.id);
    const collection = new CosmosProjectCollection<Dated>(container);
    for (let i = 0; i < 3; i++) await collection.create(dated('tenant-plan', 'project-1', i));

    let listed = 0;
    const counts = await countsDuring(async () => {
      listed = (await collection.list('tenant-plan', 'project-1', { page: { pageSize: 10 } })).items.length;
    });
    expect(listed).toBe(3);
    expect(counts).toEqual({ plans: 0, queries: 1 });
  }, 60_000);
});
