/**
 * The admin roster and a user record are two writes; the Functions host is killed (SIGKILL) exactly between them,
 * by a proxy in front of the Cosmos emulator that lets the first write through and kills the host when the second
 * arrives. Either way the tenant keeps an active admin after the restart, the roster lists nobody who is not one, and
 * the admin the roster lost is found again from the user records the next time it would otherwise refuse.
 */
import { acceptTerms, json } from '../privacy/support';
import { cosmosContainer } from '../races/support';
import type { TestPlatform } from '../support/testPlatform';
import {
  startPlatformBehindKillingProxy,
  type CosmosRequest,
  type KillingProxy,
  type PlatformBehindKillingProxy,
} from '../integrity/killingProxy';

const TENANT = 't-andes';
const FIRST = 'admin@andes.test';
const SECOND = 'kill-admin@andes.test';

interface StoredUser {
  id: string;
  role: string;
  status: string;
}

let platform: TestPlatform;
let proxy: KillingProxy;
let running: PlatformBehindKillingProxy | undefined;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  running = await startPlatformBehindKillingProxy({
    separateHostProcess: true,
    env: { RATE_LIMIT_PER_MINUTE: '1000000' },
  });
  ({ platform, proxy } = running);
}, 180_000);
afterAll(async () => {
  await running?.stop();
});

async function stored(): Promise<{ users: Map<string, StoredUser>; roster: string[] }> {
  const { container, close } = cosmosContainer(platform, 'users');
  try {
    const { resources } = await container.items
      .query<StoredUser>(
        {
          query: 'SELECT c.id, c.role, c.status FROM c WHERE c.tenantId = @tenantId AND c.type = "user"',
          parameters: [{ name: '@tenantId', value: TENANT }],
        },
        { partitionKey: TENANT },
      )
      .fetchAll();
    const { resource } = await container.item('adminRoster', TENANT).read<{ adminIds: string[] }>();
    return { users: new Map(resources.map((user) => [user.id, user])), roster: resource?.adminIds ?? [] };
  } finally {
    close();
  }
}

const canManage = (user: StoredUser | undefined) => user?.role === 'admin' && user.status !== 'deactivated';
const isUserWrite =
  (id: string) =>
  ({ method, path }: CosmosRequest): boolean =>
    method === 'PUT' && path.endsWith(`/colls/users/docs/${id}`);
const isRosterWrite = ({ method, path }: CosmosRequest): boolean =>
  method === 'PUT' && path.endsWith('/colls/users/docs/adminRoster');

/** Sends a change the kill will cut: its answer never comes (the connection drops or the new host has no record). */
async function cut(by: string, userId: string, change: Record<string, string>): Promise<void> {
  await platform.api(by, `/v1/users/${userId}`, { method: 'PATCH', json: change }).catch(() => undefined);
}

async function expectRosterOnlyListsAdmins(): Promise<{ users: Map<string, StoredUser>; roster: string[] }> {
  const state = await stored();
  expect(state.roster.length).toBeGreaterThanOrEqual(1);
  for (const id of state.roster) expect(canManage(state.users.get(id))).toBe(true);
  return state;
}

test('killed between taking an admin off the roster and demoting them: the admin is still one, and found again', async () => {
  const firstId = (await json<{ principal: { userId: string } }>(await platform.api(FIRST, '/v1/me'), 200)).principal
    .userId;
  const secondId = (
    await json<{ id: string }>(
      await platform.api(FIRST, '/v1/users', {
        method: 'POST',
        json: { email: SECOND, displayName: 'Second admin', role: 'admin' },
      }),
      201,
    )
  ).id;
  await acceptTerms(platform, SECOND);
  expect((await stored()).roster.sort()).toEqual([firstId, secondId].sort());

  // The first admin demotes the second; the roster write lands, the host dies before the user record is written.
  const killed = proxy.killAt(1, isUserWrite(secondId));
  await cut(FIRST, secondId, { role: 'creator' });
  await killed;
  const afterKill = await expectRosterOnlyListsAdmins();
  expect(canManage(afterKill.users.get(secondId))).toBe(true);
  expect(afterKill.roster).toEqual([firstId]);

  // The second admin, left off the roster, is found again from the records: their change to the first goes through
  // (the roster alone would have refused it), and the tenant still has an admin, the second.
  const demoted = await platform.api(SECOND, `/v1/users/${firstId}`, { method: 'PATCH', json: { role: 'creator' } });
  expect(demoted.status).toBe(200);
  const repaired = await expectRosterOnlyListsAdmins();
  expect(repaired.roster).toEqual([secondId]);
  expect(repaired.users.get(firstId)).toMatchObject({ role: 'creator' });
  // And they are now the last admin: the former one cannot demote them.
  expect(
    (await platform.api(FIRST, `/v1/users/${secondId}`, { method: 'PATCH', json: { role: 'creator' } })).status,
  ).toBe(403);
});

test('killed between promoting an admin and adding them to the roster: the roster never lists more than the records', async () => {
  const idOf = async (email: string) =>
    (await json<{ principal: { userId: string } }>(await platform.api(email, '/v1/me'), 200)).principal.userId;
  const firstId = await idOf(FIRST);
  const secondId = await idOf(SECOND);
  expect((await stored()).roster).toEqual([secondId]);

  // The last admin makes the first admin again: the user record is written, the host dies before the roster write.
  const killed = proxy.killAt(1, isRosterWrite);
  await cut(SECOND, firstId, { role: 'admin' });
  await killed;
  const afterKill = await expectRosterOnlyListsAdmins();
  expect(afterKill.users.get(firstId)).toMatchObject({ role: 'admin' });
  expect(afterKill.roster).toEqual([secondId]);

  // The admin the roster lacks is found again when it would otherwise refuse them.
  const demoted = await platform.api(FIRST, `/v1/users/${secondId}`, { method: 'PATCH', json: { role: 'validator' } });
  expect(demoted.status).toBe(200);
  const repaired = await expectRosterOnlyListsAdmins();
  expect(repaired.roster).toEqual([firstId]);
  expect(repaired.users.get(secondId)).toMatchObject({ role: 'validator' });
  expect([...repaired.users.values()].filter(canManage).map((user) => user.id)).toEqual([firstId]);
  // Nobody can take the last admin away: the demoted one has no admin rights left, and an admin cannot demote
  // themselves.
  expect(
    (await platform.api(SECOND, `/v1/users/${firstId}`, { method: 'PATCH', json: { role: 'creator' } })).status,
  ).toBe(403);
});
