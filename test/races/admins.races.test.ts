/**
 * A tenant never loses its last admin, whatever arrives at once: every admin demotes, deactivates or erases every
 * other admin in parallel, round after round. Afterwards the tenant still has an active admin, in what Cosmos stored,
 * every change that was acknowledged is stored, and every refusal is a clear one (409 `last_admin` naming the field,
 * 403 for someone already demoted, 412 for a change overtaken by another).
 */
import { cosmosContainer, inParallel, tally, type Outcome } from './support';
import { inviteUser, json, waitForPrivacyJob } from '../privacy/support';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant, type FreshTenant } from '../support/freshTenant';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

/** At least this many requests reach the host together in every round. */
const PARALLEL = 22;
const ROUNDS = 3;

interface Admin {
  id: string;
  email: string;
}

interface StoredUser {
  id: string;
  role: string;
  status: string;
}

type Change = { role: 'creator' | 'validator' } | { status: 'deactivated' };
const CHANGES: Change[] = [{ role: 'creator' }, { status: 'deactivated' }, { role: 'validator' }];

let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function storedUsers(tenantId: string): Promise<Map<string, StoredUser>> {
  const { container, close } = cosmosContainer(platform, 'users');
  try {
    const { resources } = await container.items
      .query<StoredUser>(
        {
          query: 'SELECT c.id, c.role, c.status FROM c WHERE c.tenantId = @tenantId AND c.type = "user"',
          parameters: [{ name: '@tenantId', value: tenantId }],
        },
        { partitionKey: tenantId },
      )
      .fetchAll();
    return new Map(resources.map((user) => [user.id, user]));
  } finally {
    close();
  }
}

async function storedRoster(tenantId: string): Promise<string[] | undefined> {
  const { container, close } = cosmosContainer(platform, 'users');
  try {
    const { resource } = await container.item('adminRoster', tenantId).read<{ adminIds: string[] }>();
    return resource?.adminIds;
  } finally {
    close();
  }
}

const canManage = (user: StoredUser | undefined) => user?.role === 'admin' && user.status !== 'deactivated';

/** The tenant's first admin and `extra` invited admins (each signed in and having accepted the terms). */
async function adminsOf(tenant: FreshTenant, extra: number): Promise<Admin[]> {
  const me = await json<{ principal: { userId: string } }>(await platform.api(tenant.admin, '/v1/me'), 200);
  const admins: Admin[] = [{ id: me.principal.userId, email: tenant.admin }];
  for (let i = 1; i <= extra; i++) {
    const email = tenant.emailFor(`co-admin-${i}`);
    admins.push({
      id: await inviteUser(platform, tenant.admin, { email, displayName: `Co-admin ${i}`, role: 'admin' }),
      email,
    });
  }
  return admins;
}

/** One of the admins still able to manage gives every other admin back their role and account. */
async function restore(tenantId: string, admins: Admin[]): Promise<void> {
  const users = await storedUsers(tenantId);
  const survivor = admins.find((admin) => canManage(users.get(admin.id)))!;
  for (const admin of admins.filter((a) => a !== survivor)) {
    await json(
      await platform.api(survivor.email, `/v1/users/${admin.id}`, {
        method: 'PATCH',
        json: { role: 'admin', status: 'active' },
      }),
      200,
    );
  }
}

/** Every 409 is `last_admin` naming the field; nothing else than these refusals comes back. */
function expectClearRefusals(outcomes: Outcome[], accepted: number): void {
  for (const outcome of outcomes) {
    expect([accepted, 403, 409, 412]).toContain(outcome.status);
    if (outcome.status === 409) {
      expect(outcome.body.error).toMatchObject({ code: 'last_admin', details: { field: expect.any(String) } });
      expect(['role', 'status']).toContain(outcome.body.error.details.field);
      expect(outcome.body.error.message).toMatch(/at least one active admin/);
    }
  }
}

async function demoteEachOther(tenantId: string, admins: Admin[]): Promise<void> {
  const pairs = admins.flatMap((by) => admins.filter((target) => target !== by).map((target) => ({ by, target })));
  const copies = Math.ceil(PARALLEL / pairs.length);
  for (let round = 1; round <= ROUNDS; round++) {
    // Everyone asks the same change of one target (two different roles for one person could not both be stored);
    // across targets and rounds, demotions and deactivations mix.
    const changeOf = (target: Admin) => CHANGES[(admins.indexOf(target) + round) % CHANGES.length]!;
    const requests = Array.from({ length: pairs.length * copies }, (_, i) => {
      const pair = pairs[i % pairs.length]!;
      return { ...pair, change: changeOf(pair.target) };
    });
    const outcomes = await inParallel(requests.length, (i) =>
      platform.api(requests[i]!.by.email, `/v1/users/${requests[i]!.target.id}`, {
        method: 'PATCH',
        json: requests[i]!.change,
      }),
    );
    expectClearRefusals(outcomes, 200);
    const users = await storedUsers(tenantId);
    // The invariant, in what Cosmos stored: someone can still manage the organization.
    const managers = admins.filter((admin) => canManage(users.get(admin.id)));
    expect(managers.length).toBeGreaterThanOrEqual(1);
    // Every acknowledged change is stored (changes here only ever take rights away, so none undoes another).
    outcomes.forEach((outcome, i) => {
      if (outcome.status !== 200) return;
      const { target, change } = requests[i]!;
      expect(users.get(target.id)).toMatchObject(change);
    });
    // The roster lists only people who really can manage, never a former admin.
    const roster = await storedRoster(tenantId);
    expect(roster).toBeDefined();
    for (const id of roster!) expect(canManage(users.get(id))).toBe(true);
    expect(tally(outcomes)[200]).toBeGreaterThanOrEqual(1);
    await restore(tenantId, admins);
  }
}

let andesAdmins: Admin[] = [];

test(`2 admins demoting and deactivating each other (${PARALLEL} requests at once, ${ROUNDS} rounds) keep one admin`, async () => {
  andesAdmins = await adminsOf(andes, 1);
  await demoteEachOther(andes.id, andesAdmins);
});

test(`5 admins each demoting every other (${PARALLEL}+ requests at once, ${ROUNDS} rounds) keep one admin`, async () => {
  await demoteEachOther(pampa.id, await adminsOf(pampa, 4));
});

test('2 admins erasing each other at once: one erasure is accepted, the other admin stays, the roster keeps no erased admin', async () => {
  const tenantId = andes.id;
  const admins = andesAdmins;
  expect(admins).toHaveLength(2);
  await restore(tenantId, admins);
  const users = await storedUsers(tenantId);
  expect(admins.every((admin) => canManage(users.get(admin.id)))).toBe(true);
  const outcomes = await inParallel(PARALLEL, (i) => {
    const by = admins[i % 2]!;
    const target = admins[(i + 1) % 2]!;
    return platform.api(by.email, `/v1/users/${target.id}`, { method: 'DELETE' });
  });
  expectClearRefusals(outcomes, 202);
  const erased = new Set(outcomes.flatMap((o, i) => (o.status === 202 ? [admins[(i + 1) % 2]!] : [])));
  expect(erased.size).toBe(1);
  const [target] = [...erased];
  const survivor = admins.find((admin) => admin !== target)!;
  const after = await storedUsers(tenantId);
  expect(canManage(after.get(survivor.id))).toBe(true);
  // Accepted means the account is shut at once (and, once the job ends, gone).
  expect(after.get(target!.id)?.status ?? 'erased').not.toBe('active');
  const jobId = outcomes.find((o) => o.status === 202)!.body.id as string;
  // While the job runs, the survivor keeps giving the erased admin their rights back: the job shuts the account
  // again before deleting it, so the roster never keeps an admin whose record is gone.
  let jobEnded = false;
  const reactivations = (async () => {
    const statuses: number[] = [];
    while (!jobEnded) {
      const res = await platform.api(survivor.email, `/v1/users/${target!.id}`, {
        method: 'PATCH',
        json: { role: 'admin', status: 'active' },
      });
      statuses.push(res.status);
      await res.text();
    }
    return statuses;
  })();
  const job = await waitForPrivacyJob(platform, survivor.email, jobId);
  jobEnded = true;
  const statuses = await reactivations;
  expect(statuses).toContain(200);
  expect(job.status).toBe('succeeded');
  const finished = await storedUsers(tenantId);
  expect(finished.has(target!.id)).toBe(false);
  expect(canManage(finished.get(survivor.id))).toBe(true);
  expect(await storedRoster(tenantId)).toEqual([survivor.id]);
});
