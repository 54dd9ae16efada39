/**
 * What one API request costs the store: the Functions host talks to the Cosmos emulator through a proxy that counts
 * every request by kind, so a change that adds a round trip to the request path (a read the request already holds, a
 * query plan, a second page) fails here, whatever the machine's speed.
 */
import { startCosmosWire, type CosmosWire } from '../support/cosmosWire';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const CREATOR = 'creator@andes.test';
let proxy: CosmosWire;
let platform: TestPlatform;

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
  for (const title of ['Emma', 'Persuasion', 'Mansfield Park']) {
    const res = await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { title, authors: ['Jane Austen'], language: 'en-GB' } },
    });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await proxy?.stop();
});

async function listProjects(): Promise<void> {
  const res = await platform.api(CREATOR, '/v1/projects?pageSize=25');
  expect(res.status).toBe(200);
  expect(((await res.json()) as { items: unknown[] }).items).toHaveLength(3);
}

/**
 * The requests one listing makes. Timers of the platform (the metrics flush, the webhook retry sweep) also reach
 * Cosmos now and then and may fall inside a listing's window: of a few listings, the one with the fewest requests is
 * the listing's own. A request added to the listing's path shows in every one of them, so it still fails.
 */
async function requestsOfOneListing(): Promise<string[]> {
  let fewest: string[] | undefined;
  for (let attempt = 0; attempt < 5; attempt++) {
    const seen = (await proxy.during(listProjects)).map((r) => `${r.kind} ${r.method} ${r.resource}`).sort();
    if (!fewest || seen.length < fewest.length) fewest = seen;
  }
  return fewest!;
}

test('GET /v1/projects makes one query and the two authorization reads, nothing else', async () => {
  await listProjects(); // the first request of a process may load what a process keeps (keys, container metadata)
  expect(await requestsOfOneListing()).toEqual([
    'other GET /dbs/*/colls/tenants/docs/*',
    'other GET /dbs/*/colls/users/docs/*',
    'query POST /dbs/*/colls/projects/docs',
  ]);
});
