/**
 * Cost entries outlive a purged project (docs/privacy.md §Retention): on the real local platform, a project produced,
 * archived and purged by the retention timer still counts in the organization's cost report (under its project id)
 * and in this month's quota usage; another tenant's entries, even under the same project id, never appear; a creator
 * still sees only the projects they may read, so the purged one is left to admins.
 */
import { CosmosClient } from '@azure/cosmos';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection, CosmosTenantCollection } from '../../adapters/cosmos/cosmosCollections';
import { randomIds, systemClock } from '../../adapters/system/system';
import { type CostRecord, CostService, priceUsage } from '../../core/costs';
import type { ProjectRecord } from '../../core/projects/project';
import { createProject } from '../planning/support';
import { plannedBookViaApi, produce } from '../production/support';
import { withDatabase } from '../privacy/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

jest.setTimeout(10 * 60_000);

const ADMIN = 'admin@andes.test';
const CREATOR = 'creator@andes.test';
const PAMPA_ADMIN = 'admin@pampa.test';
const TENANT = 't-andes';

let platform: TestPlatform;
let cosmos: CosmosClient;
let costs: CostService;

interface Report {
  groups: { key: string; amountUsd: number; byKind: Record<string, { quantity: number; amountUsd: number }> }[];
}

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
  cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const db = cosmos.database('khipu');
  costs = new CostService({
    costs: new CosmosProjectCollection<CostRecord>(db.container(containerDefinitions.costs.id)),
    projects: new CosmosTenantCollection<ProjectRecord>(db.container(containerDefinitions.projects.id)),
    clock: systemClock,
    ids: randomIds,
  });
}, 180_000);
afterAll(async () => {
  cosmos?.dispose();
  await platform?.stop();
});

async function read<T>(user: string, path: string): Promise<T> {
  const res = await platform.api(user, path);
  expect(`${path} ${res.status}`).toBe(`${path} 200`);
  return (await res.json()) as T;
}

/** This month's report, grouped by project, as `user` sees it. */
const monthReport = (user: string) => read<Report>(user, '/v1/costs?groupBy=project');
const charactersUsed = async (user: string) =>
  (await read<{ monthlyCharacters: { used: number } }>(user, '/v1/tenant/usage')).monthlyCharacters.used;
const keysOf = (report: Report) => report.groups.map((group) => group.key).sort();

function characters(tenantId: string, projectId: string, quantity: number) {
  return priceUsage(
    { tenantId, projectId, userId: 'u-someone', rate: 'tts:neural', quantity, at: new Date() },
    'standard',
  );
}

/** Archived long enough ago for the retention run to purge it (the API never backdates). */
async function archivedLongAgo(projectId: string): Promise<void> {
  const res = await platform.api(CREATOR, `/v1/projects/${projectId}/archive`, { method: 'POST' });
  expect(res.status).toBe(200);
  await withDatabase(platform, async (db) => {
    const item = db.container(containerDefinitions.projects.id).item(projectId, TENANT);
    const { resource } = await item.read<Record<string, unknown>>();
    await item.replace({ ...resource!, archivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
  });
}

/** Runs the retention timer as its schedule would, and waits until the project record, deleted last, is gone. */
async function purgedByRetention(projectId: string): Promise<void> {
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
  for (let attempt = 0; attempt < 600; attempt++) {
    if ((await platform.api(ADMIN, `/v1/projects/${projectId}`)).status === 404) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the retention run did not purge ${projectId}`);
}

test('a purged project’s spend stays in the admin’s report and the quota usage, never in another tenant’s', async () => {
  const purged = await createProject(platform, CREATOR, 'Produced then purged');
  await plannedBookViaApi(platform, CREATOR, purged);
  expect((await produce(platform, purged, ['apple'], CREATOR)).status).toBe('succeeded');
  const creatorKept = await createProject(platform, CREATOR, 'Still on the shelf');
  const adminOwn = await createProject(platform, ADMIN, 'The admin’s own');
  const pampaProject = await createProject(platform, PAMPA_ADMIN, 'Pampa book');
  await costs.record([
    characters(TENANT, creatorKept, 40_000),
    characters(TENANT, adminOwn, 60_000),
    characters('t-pampa', pampaProject, 700_000),
    // Another tenant's entry under the same project id: the tenant, not the project id, scopes every read.
    characters('t-pampa', purged, 7_000),
  ]);

  const before = await monthReport(ADMIN);
  const spend = before.groups.find((group) => group.key === purged)!;
  const producedCharacters = spend.byKind.tts_characters.quantity;
  expect(producedCharacters).toBeGreaterThan(0);
  expect(keysOf(before)).toEqual([adminOwn, creatorKept, purged].sort());
  expect(await charactersUsed(ADMIN)).toBe(producedCharacters + 100_000);
  expect(keysOf(await monthReport(CREATOR))).toEqual([creatorKept, purged].sort());

  await archivedLongAgo(purged);
  await purgedByRetention(purged);

  const after = await monthReport(ADMIN);
  expect(after.groups.find((group) => group.key === purged)).toEqual(spend);
  expect(keysOf(after)).toEqual(keysOf(before));
  for (const member of [ADMIN, CREATOR, 'validator@andes.test']) {
    expect(await charactersUsed(member)).toBe(producedCharacters + 100_000);
  }
  // The purged project has no owner left to check: its entries are the admins'.
  expect(keysOf(await monthReport(CREATOR))).toEqual([creatorKept]);
  expect((await monthReport('validator@andes.test')).groups).toEqual([]);

  const pampa = await monthReport(PAMPA_ADMIN);
  expect(pampa.groups.map((group) => [group.key, group.byKind.tts_characters.quantity]).sort()).toEqual(
    [
      [pampaProject, 700_000],
      [purged, 7_000],
    ].sort(),
  );
  expect(await charactersUsed(PAMPA_ADMIN)).toBe(707_000);
  expect(await costs.monthToDateCharacters(TENANT)).toBe(producedCharacters + 100_000);
});

test('the quota check reads the tenant’s entries in one query, however many projects the tenant has', async () => {
  for (let i = 0; i < 5; i++) {
    const projectId = await createProject(platform, ADMIN, `Quota walk ${i}`);
    await costs.record([characters(TENANT, projectId, 1_000)]);
  }
  const db = cosmos.database('khipu');
  const entries = new CosmosProjectCollection<CostRecord>(db.container(containerDefinitions.costs.id));
  const projects = new CosmosTenantCollection<ProjectRecord>(db.container(containerDefinitions.projects.id));
  const reads = { costQueries: 0, projectQueries: 0 };
  const costQuery = () => reads.costQueries++;
  const projectQuery = () => reads.projectQueries++;
  const metered = new CostService({
    costs: Object.assign(Object.create(entries) as typeof entries, {
      list: (...args: Parameters<typeof entries.list>) => {
        costQuery();
        return entries.list(...args);
      },
      listTenantWide: (...args: Parameters<typeof entries.listTenantWide>) => {
        costQuery();
        return entries.listTenantWide(...args);
      },
    }),
    projects: Object.assign(Object.create(projects) as typeof projects, {
      list: (...args: Parameters<typeof projects.list>) => {
        projectQuery();
        return projects.list(...args);
      },
      get: (...args: Parameters<typeof projects.get>) => {
        projectQuery();
        return projects.get(...args);
      },
    }),
    clock: systemClock,
    ids: randomIds,
  });
  expect(await metered.monthToDateCharacters(TENANT)).toBe(await costs.monthToDateCharacters(TENANT));
  expect(await metered.monthToDateCharacters(TENANT)).toBeGreaterThanOrEqual(5_000);
  expect(reads).toEqual({ costQueries: 2, projectQueries: 0 });
});
