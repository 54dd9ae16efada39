/**
 * A listing scoped to one partition key sends no query-plan request (adapters/cosmos/singlePartitionQuery.ts): the
 * emulator, behind a proxy that counts requests, sees only the query itself, and the page is still ordered and
 * continued by the service. The same query sent plainly with the SDK shows the plan request the adapter saves.
 */
import { CosmosClient } from '@azure/cosmos';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

interface Dated {
  id: string;
  tenantId: string;
  projectId: string;
  updatedAt: string;
  etag?: string;
}

const PLAN_HEADER = 'x-ms-cosmos-is-query-plan-request';

/** Forwards every request to `target`, counting queries and query-plan requests. */
async function countingProxy(target: string) {
  const counts = { plans: 0, queries: 0 };
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    if (String(req.headers[PLAN_HEADER] ?? '').toLowerCase() === 'true') counts.plans++;
    else if (String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true') counts.queries++;
    const forwarded = http.request(new URL(req.url ?? '/', target), {
      method: req.method,
      headers: req.headers,
      agent,
    });
    forwarded.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forwarded.on('error', () => res.destroy());
    req.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    counts,
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    reset: () => Object.assign(counts, { plans: 0, queries: 0 }),
    stop: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

let cosmos: RunningCosmos;
let proxy: Awaited<ReturnType<typeof countingProxy>>;
let client: CosmosClient;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  proxy = await countingProxy(cosmos.endpoint);
  client = new CosmosClient({
    endpoint: proxy.endpoint,
    key: cosmos.key,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
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

    proxy.reset();
    const query = { orderBy: { field: 'updatedAt', direction: 'DESC' as const }, page: { pageSize: 3 } };
    const first = await collection.list('tenant-plan', query);
    const second = await collection.list('tenant-plan', {
      ...query,
      page: { pageSize: 3, continuationToken: first.continuationToken! },
    });
    expect([...first.items, ...second.items].map((doc) => doc.id)).toEqual([
      'doc-4',
      'doc-3',
      'doc-2',
      'doc-1',
      'doc-0',
    ]);
    expect(second.continuationToken).toBeNull();
    expect(proxy.counts).toEqual({ plans: 0, queries: 2 });

    // The same query, sent plainly: the SDK asks for a plan beside it.
    proxy.reset();
    await container.items
      .query(
        { query: 'SELECT * FROM c WHERE c.tenantId = @t', parameters: [{ name: '@t', value: 'tenant-plan' }] },
        {
          partitionKey: 'tenant-plan',
        },
      )
      .fetchNext();
    expect(proxy.counts).toEqual({ plans: 1, queries: 1 });
  }, 60_000);

  it('a project listing (both keys of a hierarchical partition) sends no plan either', async () => {
    const container = client.database('khipu').container(containerDefinitions.segments.id);
    const collection = new CosmosProjectCollection<Dated>(container);
    for (let i = 0; i < 3; i++) await collection.create(dated('tenant-plan', 'project-1', i));

    proxy.reset();
    const page = await collection.list('tenant-plan', 'project-1', { page: { pageSize: 10 } });
    expect(page.items).toHaveLength(3);
    expect(proxy.counts).toEqual({ plans: 0, queries: 1 });
  }, 60_000);
});
