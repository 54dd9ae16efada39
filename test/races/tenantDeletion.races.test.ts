/**
 * An organization's deletion under concurrency, on the real local platform: 24 deletion requests and 24 reopenings
 * at once, each written once; the operator reopening it while a retention run is deciding to purge it (the run is
 * held between its read of the tenant and what it writes next, and runs in this process against the platform's
 * emulators, its clock a day ahead so the deletion is due for it and not yet for the operator); and 24 retention runs
 * at once on one due tenant. A reopening that is answered 204 leaves the organization whole; once a run has begun
 * the purge the reopening is refused (409), and only one run purges.
 */
import type { Database } from '@azure/cosmos';
import type { Services } from '../../adapters/compositionRoot';
import { CosmosTenantDirectory } from '../../adapters/cosmos/cosmosCollections';
import { CosmosTenantDocuments } from '../../adapters/privacy/cosmosTenantDocuments';
import { TenantDeletionService } from '../../core/privacy/tenantDeletion';
import type { Clock } from '../../core/ports/system';
import type { TenantRecord } from '../../core/tenants/tenant';
import { body } from '../support/responses';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant, type FreshTenant } from '../support/freshTenant';
import { appServicesFor, inParallel, tally, type Outcome } from './support';

const OPERATOR = 'operator@khipu.test';
const PARALLEL = 24;
const HOUR = 60 * 60_000;

const marked = freshTenant('marked');
const reopened = freshTenant('reopened');
const purging = freshTenant('purging');
const purgedOnce = freshTenant('purged-once');

let platform: TestPlatform;
let app: Services;
let database: Database;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  for (const tenant of [marked, reopened, purging, purgedOnce]) await tenant.signUp(platform);
  ({ services: app, database } = await appServicesFor(platform));
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

const tenantsContainer = () => new CosmosTenantDirectory<TenantRecord>(database.container('tenants'));

/** The tenant with a project of its own, its deletion asked for by its admin and due at `purgeAfter`. */
async function closedTenant(tenant: FreshTenant, purgeAfter: Date): Promise<void> {
  await body(
    await platform.api(tenant.creator, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Kept') } }),
    201,
  );
  await body(
    await platform.api(tenant.admin, '/v1/tenant/deletion', { method: 'POST', json: { tenantName: tenant.name } }),
    202,
  );
  // Moved as the passing of time would (the API never backdates).
  const directory = tenantsContainer();
  const stored = (await directory.get(tenant.id))!;
  await directory.replace(
    { ...stored, deletion: { ...stored.deletion!, purgeAfter: purgeAfter.toISOString() } },
    stored.etag!,
  );
}

/**
 * A retention run's deletion service over the platform's emulators, with its clock `aheadMs` in the future; `hold`
 * runs once, right after the run's first read of the tenant or right after its first write to it, before it goes on.
 */
function retentionRun(aheadMs: number, hold?: { after: 'read' | 'write'; then: () => Promise<void> }) {
  const directory = tenantsContainer();
  let pending = hold;
  const holding =
    <A extends unknown[], R>(step: 'read' | 'write', call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const result = await call(...args);
      if (pending?.after === step) {
        const { then } = pending;
        pending = undefined;
        await then();
      }
      return result;
    };
  const clock: Clock = { now: () => new Date(Date.now() + aheadMs) };
  return new TenantDeletionService({
    tenants: {
      get: holding('read', (id: string) => directory.get(id)),
      replace: holding('write', (doc: TenantRecord, etag: string) => directory.replace(doc, etag)),
      create: (doc) => directory.create(doc),
      list: (query) => directory.list(query),
    },
    documents: new CosmosTenantDocuments(database),
    blobs: app.blobs,
    pseudonyms: app.privacy.pseudonyms,
    clock,
  });
}

const reopen = (tenant: FreshTenant) =>
  platform.api(OPERATOR, `/v1/operator/tenants/${tenant.id}/deletion`, { method: 'DELETE' });

async function projectCount(tenant: FreshTenant): Promise<number> {
  const { resources } = await database
    .container('projects')
    .items.query({
      query: 'SELECT VALUE COUNT(1) FROM c WHERE c.tenantId = @t',
      parameters: [{ name: '@t', value: tenant.id }],
    })
    .fetchAll();
  return resources[0] as number;
}

function expectRefusal(outcomes: Outcome[], reason: string): void {
  for (const outcome of outcomes) {
    expect(outcome.status).toBe(409);
    expect(outcome.body).toMatchObject({ error: { code: 'conflict', details: { reason } } });
    expect(typeof outcome.body.error.message).toBe('string');
  }
}

test(`${PARALLEL} deletion requests at once are written once; ${PARALLEL} reopenings at once reopen it once`, async () => {
  const requests = await inParallel(PARALLEL, () =>
    platform.api(marked.admin, '/v1/tenant/deletion', { method: 'POST', json: { tenantName: marked.name } }),
  );
  // A request that arrives once the organization is closed is refused as any other of its members' requests.
  for (const refused of requests.filter((o) => o.status !== 202)) {
    expect(refused).toMatchObject({ status: 403, body: { error: { code: 'tenant_suspended' } } });
  }
  const accepted = requests.filter((o) => o.status === 202).map((o) => o.body as { requestedAt: string });
  expect(accepted.length).toBeGreaterThanOrEqual(1);
  const stored = (await tenantsContainer().get(marked.id))!;
  expect(new Set(accepted.map((answer) => answer.requestedAt))).toEqual(new Set([stored.deletion!.requestedAt]));

  const reopenings = await inParallel(PARALLEL, () => reopen(marked));
  expect(tally(reopenings)).toEqual({ 204: PARALLEL });
  expect((await tenantsContainer().get(marked.id))!.deletion).toBeNull();
  expect((await platform.api(marked.creator, '/v1/projects')).status).toBe(200);
});

test(`${PARALLEL} reopenings while a retention run decides to purge: all answered 204, and nothing is purged`, async () => {
  await closedTenant(reopened, new Date(Date.now() + HOUR));
  const before = await projectCount(reopened);
  expect(before).toBe(1);
  let reopenings: Outcome[] = [];
  // Due for the run (its clock a day ahead), not yet for the operator: the run read it due, then the operator reopens.
  const run = retentionRun(24 * HOUR, {
    after: 'read',
    then: async () => {
      reopenings = await inParallel(PARALLEL, () => reopen(reopened));
    },
  });
  const purge = await run.purgeIfDue(reopened.id);
  expect(tally(reopenings)).toEqual({ 204: PARALLEL });
  expect(purge).toBeUndefined();
  const stored = await tenantsContainer().get(reopened.id);
  expect(stored?.deletion).toBeNull();
  expect(await projectCount(reopened)).toBe(before);
  expect((await platform.api(reopened.creator, '/v1/projects')).status).toBe(200);
});

test(`${PARALLEL} reopenings once a retention run has begun the purge: all refused (409), and the organization is gone`, async () => {
  await closedTenant(purging, new Date(Date.now() + HOUR));
  let reopenings: Outcome[] = [];
  const run = retentionRun(24 * HOUR, {
    after: 'write',
    then: async () => {
      reopenings = await inParallel(PARALLEL, () => reopen(purging));
    },
  });
  const purge = await run.purgeIfDue(purging.id);
  expect(reopenings).toHaveLength(PARALLEL);
  expectRefusal(reopenings, 'purge_started');
  expect(purge).toMatchObject({ documents: { tenants: 1 } });
  expect(await tenantsContainer().get(purging.id)).toBeUndefined();
  expect(await projectCount(purging)).toBe(0);
});

test(`${PARALLEL} retention runs at once on a due organization: one purges it, the others leave it to that run`, async () => {
  await closedTenant(purgedOnce, new Date(Date.now() - 1000));
  // Past its retention period the operator can no longer reopen it.
  expectRefusal(await inParallel(PARALLEL, () => reopen(purgedOnce)), 'retention_expired');
  const runs = await Promise.all(Array.from({ length: PARALLEL }, () => retentionRun(0).purgeIfDue(purgedOnce.id)));
  const purges = runs.filter((run) => typeof run === 'object');
  expect(purges).toHaveLength(1);
  // The others found it claimed, or (reading after it was deleted) found nothing due.
  expect(runs.filter((run) => run === 'underway' || run === undefined)).toHaveLength(PARALLEL - 1);
  expect(purges[0]).toMatchObject({ documents: { tenants: 1 } });
  expect(await tenantsContainer().get(purgedOnce.id)).toBeUndefined();
  expect(await projectCount(purgedOnce)).toBe(0);
});
