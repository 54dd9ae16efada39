/**
 * A listing reads ahead of its authorization (functions/http/readAhead.ts): the page query is sent while the caller's
 * user document is still being read, yet nothing it found reaches a caller the store no longer admits as the token
 * says. The host talks to the emulator through a proxy that can hold the user document's read.
 */
import { startCosmosWire, type CosmosWire, type CosmosWireRequest } from '../support/cosmosWire';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

const ADMIN = 'admin@andes.test';
const CREATOR = 'creator@andes.test';
const TITLES = ['Emma', 'Persuasion', 'Mansfield Park'];
let proxy: CosmosWire;
let platform: TestPlatform;

const userRead = (request: CosmosWireRequest) => request.method === 'GET' && request.resource.includes('/colls/users/');
const projectQuery = (request: CosmosWireRequest) =>
  request.kind === 'query' && request.resource.includes('/colls/projects/');

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
  for (const title of TITLES) {
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

async function titlesListedFor(user: string): Promise<string[]> {
  const res = await platform.api(user, '/v1/projects?pageSize=25');
  expect(res.status).toBe(200);
  const page = (await res.json()) as { items: { metadata: { title: string } }[] };
  return page.items.map((item) => item.metadata.title).sort();
}

async function changeUser(userId: string, change: Record<string, string>): Promise<void> {
  const res = await platform.api(ADMIN, `/v1/users/${userId}`, { method: 'PATCH', json: change });
  expect(res.status).toBe(200);
}

test('the page query is sent while the user document is still being read', async () => {
  await titlesListedFor(CREATOR); // the process's first request may load what it keeps (keys, container metadata)
  const held = proxy.hold(userRead);
  const userReadArrived = proxy.arrival(userRead);
  const queryArrived = proxy.arrival(projectQuery);
  const listing = titlesListedFor(CREATOR);
  await userReadArrived;
  // Without reading ahead the query waits for the held read: release it anyway after a while, so that fails here.
  let giveUp: NodeJS.Timeout | undefined;
  const first = await Promise.race([
    queryArrived.then(() => 'query sent while the user read was held'),
    new Promise<string>((resolve) => {
      giveUp = setTimeout(() => resolve('query not sent while the user read was held'), 10_000);
    }),
  ]);
  clearTimeout(giveUp);
  held.release();
  expect(first).toBe('query sent while the user read was held');
  expect(await listing).toEqual([...TITLES].sort());
});

test('a role narrowed in the store counts on the very next request, whatever the token says', async () => {
  expect(await titlesListedFor(CREATOR)).toEqual([...TITLES].sort());
  await changeUser('u-andes-creator', { role: 'validator' });
  try {
    // The token still says creator; the read ahead ran as one, the answer is the validator's (no projects assigned).
    expect(await titlesListedFor(CREATOR)).toEqual([]);
  } finally {
    await changeUser('u-andes-creator', { role: 'creator' });
  }
  expect(await titlesListedFor(CREATOR)).toEqual([...TITLES].sort());
});

test('a deactivated user is refused on the very next request, and nothing the query found is sent', async () => {
  await changeUser('u-andes-creator', { status: 'deactivated' });
  try {
    const queries = await proxy.during(async () => {
      const res = await platform.api(CREATOR, '/v1/projects?pageSize=25');
      const text = await res.text();
      expect(res.status).toBe(403);
      for (const title of TITLES) expect(text).not.toContain(title);
    });
    // The query did run ahead of the refusal (so this refusal is the read-ahead's, not an early exit's).
    expect(queries.some(projectQuery)).toBe(true);
  } finally {
    await changeUser('u-andes-creator', { status: 'active' });
  }
});

test("a suspended tenant's user is refused on the very next request, and nothing the query found is sent", async () => {
  const operator = 'operator@khipu.test';
  const suspend = async (status: 'suspended' | 'active') => {
    const res = await platform.api(operator, '/v1/operator/tenants/t-andes', { method: 'PATCH', json: { status } });
    expect(res.status).toBe(200);
  };
  await suspend('suspended');
  try {
    const res = await platform.api(CREATOR, '/v1/projects?pageSize=25');
    const text = await res.text();
    expect(res.status).toBe(403);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'tenant_suspended' } });
    for (const title of TITLES) expect(text).not.toContain(title);
  } finally {
    await suspend('active');
  }
  expect(await titlesListedFor(CREATOR)).toEqual([...TITLES].sort());
});
