/**
 * Check-then-acts on a member and on the organization, fired 24 at once on the real local platform and counted in
 * what Cosmos stored:
 * - a non-admin's role change from one version (If-Match): one is stored, the others answer 412; without If-Match
 *   every change is stored in turn, the last one stored wins and a field another request changed is not lost;
 * - the operator's plan and quota change racing the tenant admin's rename: without If-Match the operator's change
 *   lands whatever was renamed meanwhile and keeps the name; from one version (If-Match on both) one of them wins;
 * - starting the organization's export: one export runs at a time, so every request answers the same job and only
 *   that job is stored, the first time and again once it has finished.
 */
import { inParallel, cosmosContainer, tally, type Outcome } from './support';
import { inviteUser, json, waitForPrivacyJob } from '../privacy/support';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');

const ADMIN = andes.admin;
const OPERATOR = 'operator@khipu.test';
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(6 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface UserView {
  id: string;
  displayName: string;
  role: string;
  etag: string;
}

interface TenantView {
  name: string;
  plan: string;
  quotas: { monthlyCharacters: number; concurrentJobs: number; storageBytes: number };
  etag: string;
}

async function storedDocument(containerName: string, id: string): Promise<Record<string, any>> {
  const { container, close } = cosmosContainer(platform, containerName);
  try {
    const { resource } = await container.item(id, andes.id).read();
    return resource as Record<string, any>;
  } finally {
    close();
  }
}

async function storedExports(): Promise<Record<string, any>[]> {
  const { container, close } = cosmosContainer(platform, 'privacy');
  try {
    const { resources } = await container.items
      .query<Record<string, any>>(
        {
          query: 'SELECT * FROM c WHERE c.tenantId = @tenantId AND c.type = "privacyJob" AND c.kind = "tenantExport"',
          parameters: [{ name: '@tenantId', value: andes.id }],
        },
        { partitionKey: andes.id },
      )
      .fetchAll();
    return resources;
  } finally {
    close();
  }
}

let invited = 0;
async function newCreator(): Promise<UserView> {
  invited++;
  const email = andes.emailFor(`racing-creator-${invited}`);
  const id = await inviteUser(platform, ADMIN, { email, displayName: `Creator ${invited}`, role: 'creator' });
  return json<UserView>(await platform.api(ADMIN, `/v1/users/${id}`), 200);
}

const answered = <T>(outcomes: Outcome[], status = 200): T[] =>
  outcomes.filter((o) => o.status === status).map((o) => o.body as T);

test(`${PARALLEL} role changes of a creator from one version: one is stored, the others answer 412`, async () => {
  const user = await newCreator();
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(ADMIN, `/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'if-match': user.etag },
      json: { role: 'validator', displayName: `Racer ${i}` },
    }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  for (const lost of outcomes.filter((o) => o.status === 412)) {
    expect(lost.body.error).toMatchObject({ code: 'precondition_failed' });
  }
  const [winner] = answered<UserView>(outcomes);
  const stored = await storedDocument('users', user.id);
  expect(stored).toMatchObject({ role: 'validator', displayName: winner!.displayName });
  expect(stored._etag).toBe(winner!.etag);
});

test(`${PARALLEL} changes of a creator without If-Match: every one is stored in turn, and neither field is lost`, async () => {
  const user = await newCreator();
  // Half change the role, half the name: each names only its own field, so both must survive whatever the order.
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(ADMIN, `/v1/users/${user.id}`, {
      method: 'PATCH',
      json: i % 2 === 0 ? { role: 'validator' } : { displayName: `Renamed ${i}` },
    }),
  );
  expect(tally(outcomes)).toEqual({ 200: PARALLEL });
  const stored = await storedDocument('users', user.id);
  expect(stored.role).toBe('validator');
  const names = outcomes.flatMap((o, i) => (i % 2 === 1 ? [`Renamed ${i}`] : []));
  expect(names).toContain(stored.displayName);
  // The last one stored is the one whose answer carries the stored version, and it answered what is stored.
  const last = answered<UserView>(outcomes).filter((view) => view.etag === stored._etag);
  expect(last).toHaveLength(1);
  expect(last[0]).toMatchObject({ role: stored.role, displayName: stored.displayName });
});

test(`the operator's plan change (${PARALLEL / 2} at once, no If-Match) racing ${PARALLEL / 2} renames from one version: every plan change is stored and keeps the winning name`, async () => {
  const before = await json<TenantView>(await platform.api(ADMIN, '/v1/tenant'), 200);
  const outcomes = await inParallel(PARALLEL, (i) =>
    i % 2 === 0
      ? platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`, {
          method: 'PATCH',
          json: { plan: 'enterprise', quotas: { concurrentJobs: 7 } },
        })
      : platform.api(ADMIN, '/v1/tenant', {
          method: 'PATCH',
          headers: { 'if-match': before.etag },
          json: { name: `Andes Racing ${i}` },
        }),
  );
  const operators = outcomes.filter((_, i) => i % 2 === 0);
  const renames = outcomes.filter((_, i) => i % 2 === 1);
  expect(tally(operators)).toEqual({ 200: PARALLEL / 2 });
  const renamed = answered<TenantView>(renames);
  expect(renamed.length).toBeLessThanOrEqual(1);
  expect(renamed.length + (tally(renames)[412] ?? 0)).toBe(PARALLEL / 2);

  const stored = await storedDocument('tenants', andes.id);
  expect(stored).toMatchObject({ plan: 'enterprise', quotas: { concurrentJobs: 7 } });
  // An acknowledged rename is never undone by the operator's change, which does not name the name.
  expect(stored.name).toBe(renamed[0]?.name ?? before.name);
  for (const view of answered<TenantView>(operators)) expect([before.name, stored.name]).toContain(view.name);
});

test(`${PARALLEL} changes of the organization from one version, the operator's and the admin's mixed: one is stored`, async () => {
  const before = await json<TenantView>(await platform.api(ADMIN, '/v1/tenant'), 200);
  const outcomes = await inParallel(PARALLEL, (i) =>
    i % 2 === 0
      ? platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`, {
          method: 'PATCH',
          headers: { 'if-match': before.etag },
          json: { quotas: { concurrentJobs: 10 + i } },
        })
      : platform.api(ADMIN, '/v1/tenant', {
          method: 'PATCH',
          headers: { 'if-match': before.etag },
          json: { name: `Andes Versioned ${i}` },
        }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const [winner] = answered<TenantView>(outcomes);
  const stored = await storedDocument('tenants', andes.id);
  expect(stored._etag).toBe(winner!.etag);
  expect(stored).toMatchObject({ name: winner!.name, quotas: winner!.quotas });
});

test(`${PARALLEL} starts of the organization's export: one job, answered to all and alone in Cosmos; again once it finished`, async () => {
  const earlier = new Set((await storedExports()).map((job) => job.id as string));
  for (let round = 1; round <= 2; round++) {
    const outcomes = await inParallel(PARALLEL, () => platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }));
    expect(tally(outcomes)).toEqual({ 202: PARALLEL });
    const ids = new Set(outcomes.map((o) => o.body.id as string));
    expect(ids.size).toBe(1);
    const [jobId] = [...ids];
    expect(earlier.has(jobId!)).toBe(false);
    // The losers' own job records are gone: the tenant holds the exports it had and this one.
    const stored = await storedExports();
    expect(stored.map((job) => job.id).sort()).toEqual([...earlier, jobId].sort());
    expect(await storedDocument('privacy', 'tenant-export-claim')).toMatchObject({ jobId });
    const done = await waitForPrivacyJob(platform, ADMIN, jobId!);
    expect(done.status).toBe('succeeded');
    earlier.add(jobId!);
  }
});
