/**
 * The organization's settings and usage. Every member reads how much of the tenant's quotas is used this month
 * (`GET /v1/tenant/usage`: the quota is the organization's, whatever projects the member sees). A tenant admin renames the organization through `PATCH /v1/tenant` (the one setting the organization owns; plan,
 * status and quotas stay the operator's): If-Match is required, a stale version answers 412 with the stored one,
 * other roles are refused, unknown or operator-only fields are refused and change nothing, and of 20 racing renames
 * from the same version exactly one wins.
 */
import { CosmosClient } from '@azure/cosmos';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { randomIds, systemClock } from '../../adapters/system/system';
import { type CostRecord, CostService, priceUsage } from '../../core/costs';
import type { ProjectRecord } from '../../core/projects/project';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

const ADMIN = andes.admin;
let platform: TestPlatform;

interface Tenant {
  id: string;
  name: string;
  plan: string;
  quotas: { monthlyCharacters: number };
  etag: string;
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

async function current(user = ADMIN): Promise<Tenant> {
  const res = await platform.api(user, '/v1/tenant');
  expect(res.status).toBe(200);
  return (await res.json()) as Tenant;
}

function rename(user: string, json: unknown, etag?: string) {
  return platform.api(user, '/v1/tenant', {
    method: 'PATCH',
    json,
    headers: etag === undefined ? {} : { 'if-match': etag },
  });
}

test('an admin renames the organization; everyone in it sees the new name', async () => {
  const before = await current();
  const res = await rename(ADMIN, { name: 'Andes Audio Editions' }, before.etag);
  expect(res.status).toBe(200);
  const after = (await res.json()) as Tenant;
  expect(after).toMatchObject({ id: before.id, name: 'Andes Audio Editions', plan: before.plan });
  expect(after.quotas).toEqual(before.quotas);
  expect(after.etag).not.toBe(before.etag);
  expect((await current(andes.creator)).name).toBe('Andes Audio Editions');
  const me = (await (await platform.api(andes.validator, '/v1/me')).json()) as { tenant: { name: string } };
  expect(me.tenant.name).toBe('Andes Audio Editions');
});

test('creators, validators and the operator may not rename a tenant this way', async () => {
  const { etag } = await current();
  for (const user of [andes.creator, andes.validator, 'operator@khipu.test']) {
    const res = await rename(user, { name: 'Taken Over' }, etag);
    expect({ user, status: res.status }).toEqual({ user, status: 403 });
  }
  expect((await current()).name).not.toBe('Taken Over');
});

test('without If-Match 428, with a stale one 412 carrying the stored version; nothing changes', async () => {
  const before = await current();
  const missing = await rename(ADMIN, { name: 'No Version' });
  expect(missing.status).toBe(428);
  await rename(ADMIN, { name: 'Andes Audio' }, before.etag).then((r) => expect(r.status).toBe(200));
  const stale = await rename(ADMIN, { name: 'Stale Edit' }, before.etag);
  expect(stale.status).toBe(412);
  const body = (await stale.json()) as { error: { details: { current: Tenant } } };
  expect(body.error.details.current).toMatchObject({ id: before.id, name: 'Andes Audio' });
  expect((await current()).name).toBe('Andes Audio');
});

test('plan, quotas, status and bad names are refused, naming the field, and change nothing', async () => {
  const before = await current();
  for (const [json, field] of [
    [{ plan: 'enterprise' }, 'plan'],
    [{ name: 'Andes', quotas: { monthlyCharacters: 1 } }, 'quotas'],
    [{ status: 'active' }, 'status'],
    [{ name: 'x' }, 'name'],
    [{ name: 'y'.repeat(121) }, 'name'],
  ] as const) {
    const res = await rename(ADMIN, json, before.etag);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { details: { fields: { field: string }[] } } };
    expect(body.error.details.fields.map((f) => f.field).join(' ')).toContain(field);
  }
  expect(await current()).toEqual(before);
});

test('20 racing renames from the same version: exactly one wins, the others get 412', async () => {
  const { etag } = await current();
  const names = Array.from({ length: 20 }, (_, i) => `Andes Audio ${i + 1}`);
  const responses = await Promise.all(names.map((name) => rename(ADMIN, { name }, etag)));
  const statuses = responses.map((r) => r.status);
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 412)).toHaveLength(19);
  const winner = names[statuses.indexOf(200)];
  expect((await current()).name).toBe(winner);
});

interface Usage {
  month: string;
  monthlyCharacters: { limit: number; used: number; remaining: number; resetsAt: string };
  concurrentJobs: { limit: number; running: number };
  storageBytes: { limit: number; used: number };
}

test("every member sees the organization's use of its quotas this month, not only their projects'", async () => {
  const cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const db = cosmos.database('khipu');
    const costs = new CostService({
      costs: new CosmosProjectCollection<CostRecord>(db.container('costs')),
      projects: new CosmosTenantCollection<ProjectRecord>(db.container('projects')),
      clock: systemClock,
      ids: randomIds,
    });
    const project = async (user: string) => {
      const res = await platform.api(user, '/v1/projects', {
        method: 'POST',
        json: { metadata: minimalMetadata('Usage book') },
      });
      expect(res.status).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const adminProject = await project(ADMIN);
    const pampaProject = await project(pampa.admin);
    const now = new Date();
    const lastMonth = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15));
    const charge = (tenantId: string, projectId: string, quantity: number, at = now) =>
      priceUsage({ tenantId, projectId, userId: 'u-someone', rate: 'tts:neural', quantity, at }, 'standard');
    await costs.record([
      charge(andes.id, adminProject, 120_000),
      charge(andes.id, adminProject, 30_000),
      charge(andes.id, adminProject, 999_999, lastMonth),
      charge(pampa.id, pampaProject, 5_000_000),
    ]);

    const tenant = await current();
    for (const user of [ADMIN, andes.creator, andes.validator]) {
      const res = await platform.api(user, '/v1/tenant/usage');
      expect(res.status).toBe(200);
      const usage = (await res.json()) as Usage;
      expect(usage.month).toBe(now.toISOString().slice(0, 7));
      expect(usage.monthlyCharacters).toMatchObject({
        limit: tenant.quotas.monthlyCharacters,
        used: 150_000,
        remaining: Math.max(0, tenant.quotas.monthlyCharacters - 150_000),
      });
      expect(Date.parse(usage.monthlyCharacters.resetsAt)).toBeGreaterThan(now.getTime());
      expect(usage.concurrentJobs.running).toBe(0);
      expect(usage.storageBytes.used).toBeGreaterThanOrEqual(0);
    }
    expect((await platform.api('operator@khipu.test', '/v1/tenant/usage')).status).toBe(403);
  } finally {
    cosmos.dispose();
  }
});
