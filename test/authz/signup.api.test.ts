/**
 * Self-service signup: one identity owns at most one tenant unless the operator allows more, and the check holds
 * under 20 parallel signups with one token; someone deactivated in any tenant cannot sign up a new one.
 */
import { randomUUID } from 'node:crypto';
import { platformClient, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { inParallel, tally } from '../races/support';
import { body } from '../support/responses';

const andes = freshTenant('andes');

const OPERATOR = 'operator@khipu.test';
const ADMIN = andes.admin;
const PARALLEL = 20;
let platform: TestPlatform;

jest.setTimeout(3 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const signup = (email: string, tenantName: string) =>
  platform.api(email, '/v1/tenants/signup', { method: 'POST', json: { tenantName } });

async function userIdOf(email: string): Promise<string> {
  return (await body<{ principal: { userId: string } }>(await platform.api(email, '/v1/me'), 200)).principal.userId;
}

async function tenantsNamed(name: string): Promise<string[]> {
  const page = await body<{ items: { id: string; name: string }[] }>(
    await platform.api(OPERATOR, '/v1/operator/tenants?pageSize=100'),
    200,
  );
  return page.items.filter((t) => t.name === name).map((t) => t.id);
}

test(`${PARALLEL} parallel signups with one token create exactly one tenant`, async () => {
  const email = `founder-${randomUUID().slice(0, 8)}@example.test`;
  const name = `Parallel Press ${email}`;
  // One token, minted before the burst: a token minted after the tenant exists would name the new member instead.
  await platform.token(email);
  const outcomes = await inParallel(PARALLEL, () => signup(email, name));
  expect(tally(outcomes)).toEqual({ 201: 1, 409: PARALLEL - 1 });
  for (const refused of outcomes.filter((o) => o.status === 409)) {
    expect(refused.body.error).toMatchObject({ code: 'conflict', details: { reason: 'tenant_allowance_reached' } });
  }
  const created = outcomes.find((o) => o.status === 201)!.body.tenant.id;
  expect(await tenantsNamed(name)).toEqual([created]);
  // Now a member who has not accepted the new tenant's terms, with a token that says so: a signup sent again is told
  // the identity already belongs to a tenant, not asked for consent first.
  const memberClient = platformClient(platform.urls);
  const again = await body<{ error: { code: string } }>(
    await memberClient.api(email, '/v1/tenants/signup', { method: 'POST', json: { tenantName: name } }),
    409,
  );
  expect(again.error).toMatchObject({ code: 'conflict' });
  const identity = await body(await platform.api(OPERATOR, `/v1/operator/identities/${await userIdOf(email)}`), 200);
  expect(identity).toEqual({
    userId: await userIdOf(email),
    tenantIds: [created],
    tenantAllowance: 1,
    allowanceIsDefault: true,
  });
  // Later, one at a time, the same token still cannot make another.
  expect((await signup(email, `${name} again`)).status).toBe(409);
});

test('the operator can allow an identity more tenants; the allowance holds under parallel signups', async () => {
  const email = `agency-${randomUUID().slice(0, 8)}@example.test`;
  await body(await signup(email, `Agency One ${email}`), 201);
  const userId = await userIdOf(email);
  const refused = await signup(email, `Agency Two ${email}`);
  expect(refused.status).toBe(409);

  // Only the operator decides.
  const byAdmin = await platform.api(ADMIN, `/v1/operator/identities/${userId}/tenant-allowance`, {
    method: 'PUT',
    json: { tenantAllowance: 3 },
  });
  expect(byAdmin.status).toBe(403);
  const allowed = await body(
    await platform.api(OPERATOR, `/v1/operator/identities/${userId}/tenant-allowance`, {
      method: 'PUT',
      json: { tenantAllowance: 3 },
    }),
    200,
  );
  expect(allowed).toMatchObject({ tenantAllowance: 3, allowanceIsDefault: false });

  const outcomes = await inParallel(PARALLEL, (i) => signup(email, `Agency Extra ${i} ${email}`));
  expect(tally(outcomes)).toEqual({ 201: 2, 409: PARALLEL - 2 });
  const identity = await body<{ tenantIds: string[] }>(
    await platform.api(OPERATOR, `/v1/operator/identities/${userId}`),
    200,
  );
  expect(identity.tenantIds).toHaveLength(3);
});

test('a user deactivated in a tenant cannot sign up a new one', async () => {
  const email = andes.emailFor(`leaver-${randomUUID().slice(0, 8)}`);
  const invited = await body<{ id: string; etag: string }>(
    await platform.api(ADMIN, '/v1/users', { method: 'POST', json: { email, displayName: 'Leaver', role: 'creator' } }),
    201,
  );
  await body(
    await platform.api(ADMIN, `/v1/users/${invited.id}`, {
      method: 'PATCH',
      headers: { 'if-match': invited.etag },
      json: { status: 'deactivated' },
    }),
    200,
  );
  // The identity provider no longer gives them the tenant: they sign in as nobody's member.
  expect((await body(await platform.api(email, '/v1/me'), 200)).principal.kind).toBe('unaffiliated');
  const refused = await signup(email, `Comeback ${email}`);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as any).error.code).toBe('forbidden');
  expect(await tenantsNamed(`Comeback ${email}`)).toEqual([]);
});
