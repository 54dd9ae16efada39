import { CosmosClient } from '@azure/cosmos';
import {
  CosmosProjectCollection,
  CosmosTenantCollection,
  CosmosTenantDirectory,
} from '../../adapters/cosmos/cosmosCollections';
import { randomIds, systemClock } from '../../adapters/system/system';
import { type CostRecord, CostService, priceUsage, type RateKey } from '../../core/costs';
import { DomainError } from '../../core/errors';
import type { ProjectRecord } from '../../core/projects/project';
import type { TenantRecord } from '../../core/tenants/tenant';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

/**
 * Costs on the real local platform: entries recorded through CostService into the Cosmos emulator the app uses, then
 * read back through the API as aggregates per project, user and day, with each role's visibility (docs/domain.md §Roles
 * and permissions); quota refusal.
 */
let platform: TestPlatform;
let cosmos: CosmosClient;
let costs: CostService;
let tenants: CosmosTenantDirectory<TenantRecord>;
const admin = andes.admin;
const creator = andes.creator;
const validator = andes.validator;
let creatorProject: string;
let adminProject: string;
let pampaProject: string;

type Report = {
  totalUsd: number;
  groups: { key: string; amountUsd: number; byKind: Record<string, { quantity: number; amountUsd: number }> }[];
};

async function newProject(user: string, title: string): Promise<string> {
  const res = await platform.api(user, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(title) } });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

async function report(user: string, path: string): Promise<Report> {
  const res = await platform.api(user, path);
  expect(`${path} ${res.status}`).toBe(`${path} 200`);
  return (await res.json()) as Report;
}

function usage(tenantId: string, projectId: string, userId: string, rate: RateKey, quantity: number, day: string) {
  return priceUsage({ tenantId, projectId, userId, rate, quantity, at: new Date(`${day}T12:00:00Z`) }, 'standard');
}

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
  cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const db = cosmos.database('khipu');
  costs = new CostService({
    costs: new CosmosProjectCollection<CostRecord>(db.container('costs')),
    projects: new CosmosTenantCollection<ProjectRecord>(db.container('projects')),
    clock: systemClock,
    ids: randomIds,
  });
  tenants = new CosmosTenantDirectory<TenantRecord>(db.container('tenants'));

  creatorProject = await newProject(creator, 'Creator book');
  adminProject = await newProject(admin, 'Admin book');
  pampaProject = await newProject(pampa.admin, 'Pampa book');
  const members = await platform.api(admin, `/v1/projects/${adminProject}/members`, {
    method: 'PUT',
    json: { validatorIds: [andes.userIds.validator] },
  });
  expect(members.status).toBe(200);

  await costs.record([
    usage(andes.id, creatorProject, andes.userIds.creator, 'tts:neural', 500_000, '2025-03-01'), // $8
    usage(andes.id, creatorProject, andes.userIds.creator, 'llm:gpt-4o:input', 1_000_000, '2025-03-01'), // $2.50
    usage(andes.id, creatorProject, andes.userIds.admin, 'tts:neural', 250_000, '2025-03-02'), // $4
    usage(andes.id, adminProject, andes.userIds.admin, 'llm:gpt-4o:output', 100_000, '2025-03-02'), // $1
    usage(andes.id, adminProject, andes.userIds.admin, 'compute', 10_000, '2025-03-31'), // $0.52
    usage(andes.id, adminProject, andes.userIds.admin, 'tts:neural', 1_000_000, '2025-04-01'), // outside March
    usage(pampa.id, pampaProject, pampa.userIds.admin, 'tts:neural', 9_000_000, '2025-03-01'),
  ]);
});
afterAll(async () => {
  cosmos?.dispose();
  await platform?.stop();
});

const march = 'from=2025-03-01&to=2025-03-31';

it('aggregates the whole tenant per project for an admin', async () => {
  const byProject = await report(admin, `/v1/costs?groupBy=project&${march}`);
  expect(byProject.totalUsd).toBe(16.02);
  expect(byProject.groups.map((g) => [g.key, g.amountUsd])).toEqual([
    [creatorProject, 14.5],
    [adminProject, 1.52],
  ]);
  expect(byProject.groups[0].byKind.tts_characters).toEqual({ quantity: 750_000, amountUsd: 12 });
});

it('aggregates per user and per day', async () => {
  const byUser = await report(admin, `/v1/costs?groupBy=user&${march}`);
  expect(byUser.groups.map((g) => [g.key, g.amountUsd])).toEqual([
    [andes.userIds.creator, 10.5],
    [andes.userIds.admin, 5.52],
  ]);
  const byDay = await report(admin, `/v1/costs?groupBy=day&${march}`);
  expect(byDay.groups.map((g) => [g.key, g.amountUsd])).toEqual([
    ['2025-03-01', 10.5],
    ['2025-03-02', 5],
    ['2025-03-31', 0.52],
  ]);
  const april = await report(admin, '/v1/costs?groupBy=day&from=2025-04-01&to=2025-04-30');
  expect(april.groups.map((g) => [g.key, g.amountUsd])).toEqual([['2025-04-01', 16]]);
});

it('shows creators their own projects and validators their assigned ones', async () => {
  const mine = await report(creator, `/v1/costs?groupBy=project&${march}`);
  expect(mine.groups.map((g) => g.key)).toEqual([creatorProject]);
  const assigned = await report(validator, `/v1/costs?groupBy=project&${march}`);
  expect(assigned.groups.map((g) => g.key)).toEqual([adminProject]);
  const pampaCosts = await report(pampa.admin, `/v1/costs?groupBy=project&${march}`);
  expect(pampaCosts.groups.map((g) => [g.key, g.amountUsd])).toEqual([[pampaProject, 144]]);
});

it('reports one project, hiding it from those who may not see it', async () => {
  const project = await report(creator, `/v1/projects/${creatorProject}/costs?groupBy=day&${march}`);
  expect(project.totalUsd).toBe(14.5);
  expect((await platform.api(creator, `/v1/projects/${adminProject}/costs`)).status).toBe(404);
  expect((await platform.api(pampa.admin, `/v1/projects/${creatorProject}/costs`)).status).toBe(404);
  expect((await platform.api(admin, `/v1/projects/${creatorProject}/costs?groupBy=nope`)).status).toBe(400);
  expect((await platform.api(admin, '/v1/costs?from=2024-01-01&to=2025-06-01')).status).toBe(400);
  expect((await platform.api(admin, '/v1/costs?from=2025-02-30')).status).toBe(400);
});

it('records an entry once per dedupe key, so retried activities do not double-count', async () => {
  const entry = {
    ...usage(andes.id, adminProject, andes.userIds.admin, 'tts:neural', 100_000, '2025-05-05'),
    dedupeKey: 'job_1:segment_abc:tts',
  };
  expect(await costs.record([entry])).toEqual({ recorded: 1, duplicates: 0 });
  expect(await costs.record([entry])).toEqual({ recorded: 0, duplicates: 1 });
  const may = await report(admin, `/v1/projects/${adminProject}/costs?groupBy=kind&from=2025-05-01&to=2025-05-31`);
  expect(may.groups).toEqual([expect.objectContaining({ key: 'tts_characters', amountUsd: 1.6 })]);
});

it('counts month-to-date characters and refuses a job over the monthly quota before spending', async () => {
  const today = new Date().toISOString().slice(0, 10);
  await costs.record([usage(andes.id, creatorProject, andes.userIds.creator, 'tts:neural', 300_000, today)]);
  expect(await costs.monthToDateCharacters(andes.id)).toBe(300_000);

  const stored = (await tenants.get(andes.id))!;
  const tight = { ...stored, quotas: { ...stored.quotas, monthlyCharacters: 400_000 } };
  await expect(costs.checkQuota(tight, { characters: 100_000 })).resolves.toMatchObject({
    monthlyCharacters: { used: 300_000, remaining: 100_000 },
  });
  const refusal = await costs.checkQuota(tight, { characters: 100_001 }).catch((e: unknown) => e);
  expect(refusal).toBeInstanceOf(DomainError);
  expect(refusal).toMatchObject({
    code: 'quota_exceeded',
    details: { quota: 'monthlyCharacters', limit: 400_000, used: 300_000, requested: 100_001 },
  });
  expect((refusal as Error).message).toMatch(/Monthly character quota exceeded/);
});
