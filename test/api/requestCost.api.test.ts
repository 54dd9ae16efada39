/**
 * What one API request costs the store: the Functions host talks to the Cosmos emulator through a proxy that counts
 * every request by kind, so a change that adds a round trip to the request path (a read the request already holds, a
 * query plan, a second page) fails here, whatever the machine's speed.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

interface CosmosRequest {
  method: string;
  /** The resource addressed, with ids replaced by their kind (`/dbs/*\/colls/users/docs/*`). */
  resource: string;
  kind: 'query' | 'query-plan' | 'other';
}

/**
 * A proxy listening before the platform starts (its address goes into the host's COSMOS_ENDPOINT) and forwarding once
 * it learns the emulator's address; requests arriving before that wait for it.
 */
async function countingCosmosProxy() {
  const seen: CosmosRequest[] = [];
  let setTarget!: (url: string) => void;
  const target = new Promise<string>((resolve) => (setTarget = resolve));
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const headers = req.headers;
    const kind =
      String(headers['x-ms-cosmos-is-query-plan-request']).toLowerCase() === 'true'
        ? 'query-plan'
        : String(headers['x-ms-documentdb-isquery']).toLowerCase() === 'true'
          ? 'query'
          : 'other';
    seen.push({ method: req.method ?? '', resource: resourceOf(req.url ?? '/'), kind });
    void target.then((base) => {
      const forwarded = http.request(new URL(req.url ?? '/', base), { method: req.method, headers, agent });
      forwarded.on('response', (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      forwarded.on('error', () => res.destroy());
      req.pipe(forwarded);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    forwardTo: setTarget,
    /** The requests made while `action` ran. */
    async during(action: () => Promise<void>): Promise<CosmosRequest[]> {
      const from = seen.length;
      await action();
      return seen.slice(from);
    },
    stop: () => {
      agent.destroy();
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** `/dbs/khipu/colls/users/docs/u-1` → `/dbs/*\/colls/users/docs/*`: the container stays, the ids go. */
function resourceOf(url: string): string {
  const parts = new URL(url, 'http://x').pathname.split('/').filter(Boolean);
  return `/${parts.map((part, i) => (i % 2 === 1 && parts[i - 1] !== 'colls' ? '*' : part)).join('/')}`;
}

const CREATOR = 'creator@andes.test';
let proxy: Awaited<ReturnType<typeof countingCosmosProxy>>;
let platform: TestPlatform;

beforeAll(async () => {
  proxy = await countingCosmosProxy();
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
