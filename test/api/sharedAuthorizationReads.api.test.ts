/**
 * Requests that ask for the same user and tenant before those reads are sent share them
 * (functions/http/readsSentTogether.ts), and a request never shares a read sent before it arrived: a demotion the
 * store acknowledged counts for the very next request even while an earlier request's read is still on its way. The
 * host talks to the emulator through a proxy that counts and can hold requests.
 */
import { CosmosClient } from '@azure/cosmos';
import * as net from 'node:net';
import { startCosmosWire, type CosmosWire, type CosmosWireRequest } from '../support/cosmosWire';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const CREATOR = 'creator@andes.test';
const TITLES = ['Emma', 'Persuasion', 'Mansfield Park'];
let proxy: CosmosWire;
let platform: TestPlatform;
let cosmos: CosmosClient;

const userRead = (request: CosmosWireRequest) => request.method === 'GET' && request.resource.includes('/colls/users/');
const tenantRead = (request: CosmosWireRequest) =>
  request.method === 'GET' && request.resource.includes('/colls/tenants/');
const projectQuery = (request: CosmosWireRequest) =>
  request.kind === 'query' && request.resource.includes('/colls/projects/');

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
  // Straight to the emulator: the store's own change, acknowledged before the next request is sent.
  cosmos = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  for (const title of TITLES) {
    const res = await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { title, authors: ['Jane Austen'], language: 'en-GB' } },
    });
    expect(res.status).toBe(201);
  }
}, 120_000);
afterAll(async () => {
  cosmos?.dispose();
  await platform?.stop();
  await proxy?.stop();
});

async function titlesListedFor(user: string): Promise<string[]> {
  const res = await platform.api(user, '/v1/projects?pageSize=25');
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: { metadata: { title: string } }[] };
  return page.items.map((item) => item.metadata.title).sort();
}

/**
 * `count` listings written to one connection in one write (HTTP pipelining): the host parses them from one read, so
 * they arrive together, whatever the machine's speed. Resolves with the status of each answer.
 */
async function pipelinedListings(count: number): Promise<number[]> {
  const { hostname, port, pathname } = new URL(platform.urls.api);
  const token = await platform.token(CREATOR);
  const target = `${pathname.replace(/\/$/, '')}/v1/projects?pageSize=25`;
  const request = `GET ${target} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`;
  const socket = net.connect(Number(port), hostname);
  try {
    socket.write(request.repeat(count));
    const statuses: number[] = [];
    let received = Buffer.alloc(0);
    for await (const chunk of socket) {
      received = Buffer.concat([received, chunk as Buffer]);
      for (;;) {
        const headEnd = received.indexOf('\r\n\r\n');
        if (headEnd < 0) break;
        const head = received.subarray(0, headEnd).toString('latin1');
        const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1]);
        if (!Number.isInteger(length)) throw new Error(`an answer without a length: ${head}`);
        if (received.length < headEnd + 4 + length) break;
        statuses.push(Number(head.split(' ')[1]));
        received = received.subarray(headEnd + 4 + length);
      }
      if (statuses.length === count) return statuses;
    }
    throw new Error(`the connection closed after ${statuses.length} answers`);
  } finally {
    socket.destroy();
  }
}

test('listings that arrive together share their reads of the user and the tenant', async () => {
  await titlesListedFor(CREATOR); // the process's first request may load what it keeps (keys, container metadata)
  // The platform's timers (the metrics flush, the webhook sweep) reach Cosmos now and then and may fall inside the
  // window: of a few rounds, the one with the fewest requests is the listings' own.
  let fewest: CosmosWireRequest[] | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    let statuses: number[] = [];
    const seen = await proxy.during(async () => {
      statuses = await pipelinedListings(5);
    });
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    if (!fewest || seen.length < fewest.length) fewest = seen;
  }
  expect(fewest!.filter(projectQuery)).toHaveLength(5);
  // The first listing's reads go at once (none on their way); the four asking while they are share one of each.
  // Each request read for itself before: five of each.
  expect(fewest!.filter(userRead)).toHaveLength(2);
  expect(fewest!.filter(tenantRead)).toHaveLength(2);
});

test('a request never shares a read sent before it arrived: a demotion counts on the very next request', async () => {
  const users = cosmos.database(platform.env.COSMOS_DATABASE ?? 'khipu').container('users');
  const setRole = (role: string) =>
    users.item('u-andes-creator', 't-andes').patch([{ op: 'set', path: '/role', value: role }]);
  const held = proxy.hold(userRead);
  try {
    const earlierRead = proxy.arrival(userRead);
    const earlier = platform.api(CREATOR, '/v1/projects?pageSize=25');
    await earlierRead; // the earlier request's read is on its way, held before the store answers it
    await setRole('validator');
    const laterRead = proxy.arrival(userRead);
    const later = titlesListedFor(CREATOR);
    // Joining the earlier read, the later request would send none: release it anyway after a while, so that fails.
    let giveUp: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      laterRead.then(() => 'a read of its own'),
      new Promise<string>((resolve) => {
        giveUp = setTimeout(() => resolve('no read of its own'), 10_000);
      }),
    ]);
    clearTimeout(giveUp);
    held.release();
    expect(outcome).toBe('a read of its own');
    expect((await earlier).status).toBe(200);
    // The token still says creator; the store says validator (no projects assigned), and the later request sees it.
    expect(await later).toEqual([]);
  } finally {
    held.release();
    await setRole('creator');
  }
  expect(await titlesListedFor(CREATOR)).toEqual([...TITLES].sort());
});
