/**
 * Roles come from the user document on every request: an admin demoted while holding a token loses admin rights on
 * the next request (the token's role claim can only narrow the stored role, never keep a revoked one).
 */
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { acceptTerms } from '../privacy/support';
import { body } from '../support/responses';

const andes = freshTenant('andes');

const ADMIN = andes.admin;
const CREATOR = andes.creator;
let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

async function invite(by: string, email: string, role: string) {
  return platform.api(by, '/v1/users', { method: 'POST', json: { email, displayName: email, role } });
}

test('a demoted admin’s old token can no longer create users or delete projects', async () => {
  const second = await body<{ id: string }>(await invite(ADMIN, andes.emailFor('second-admin'), 'admin'), 201);
  await acceptTerms(platform, andes.emailFor('second-admin'));
  // The second admin signs in while still an admin and keeps that token.
  const oldToken = await platform.token(andes.emailFor('second-admin'));
  const asSecond = (path: string, init: RequestInit & { json?: unknown } = {}) =>
    fetch(`${platform.urls.api}${path}`, {
      ...init,
      headers: { authorization: `Bearer ${oldToken}`, 'content-type': 'application/json' },
      body: init.json === undefined ? undefined : JSON.stringify(init.json),
    });
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Keep Me') } }),
    201,
  );
  // While an admin, the token works for admin work.
  await body(await asSecond('/v1/users', { method: 'POST', json: invitation(andes.emailFor('first-hire')) }), 201);
  expect((await body(await asSecond('/v1/me'), 200)).principal.role).toBe('admin');

  const current = await body<{ etag: string }>(await platform.api(ADMIN, `/v1/users/${second.id}`), 200);
  await body(
    await platform.api(ADMIN, `/v1/users/${second.id}`, {
      method: 'PATCH',
      headers: { 'if-match': current.etag },
      json: { role: 'creator' },
    }),
    200,
  );

  // The same token, next request: a creator now.
  expect((await body(await asSecond('/v1/me'), 200)).principal.role).toBe('creator');
  const createUser = await asSecond('/v1/users', { method: 'POST', json: invitation(andes.emailFor('second-hire')) });
  expect(createUser.status).toBe(403);
  const remove = await asSecond(`/v1/projects/${project.id}`, { method: 'DELETE' });
  // A creator does not see another creator's project at all.
  expect(remove.status).toBe(404);

  const users = await body<{ items: { email: string }[] }>(await platform.api(ADMIN, '/v1/users?pageSize=100'), 200);
  expect(users.items.map((u) => u.email)).not.toContain(andes.emailFor('second-hire'));
  const kept = await body<{ status: string; archivedAt: string | null }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}`),
    200,
  );
  expect(kept).toMatchObject({ status: 'draft', archivedAt: null });
});

test('a deactivated user’s token stops working on the next request', async () => {
  const user = await body<{ id: string }>(await invite(ADMIN, andes.emailFor('leaver'), 'creator'), 201);
  await acceptTerms(platform, andes.emailFor('leaver'));
  expect((await platform.api(andes.emailFor('leaver'), '/v1/projects')).status).toBe(200);
  const current = await body<{ etag: string }>(await platform.api(ADMIN, `/v1/users/${user.id}`), 200);
  await body(
    await platform.api(ADMIN, `/v1/users/${user.id}`, {
      method: 'PATCH',
      headers: { 'if-match': current.etag },
      json: { status: 'deactivated' },
    }),
    200,
  );
  const refused = await platform.api(andes.emailFor('leaver'), '/v1/projects');
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as any).error.code).toBe('forbidden');
});

test('the tenant’s admin roster is not a user: the users API neither lists, reads, changes nor erases it', async () => {
  // An admin invited as such puts the roster in place beside the users.
  await body(await invite(ADMIN, andes.emailFor('roster-admin'), 'admin'), 201);
  const users = await body<{ items: { id: string }[] }>(await platform.api(ADMIN, '/v1/users?pageSize=100'), 200);
  expect(users.items.map((u) => u.id)).not.toContain('adminRoster');
  expect(users.items.length).toBeGreaterThan(0);
  expect((await platform.api(ADMIN, '/v1/users/adminRoster')).status).toBe(404);
  const patched = await platform.api(ADMIN, '/v1/users/adminRoster', { method: 'PATCH', json: { role: 'creator' } });
  expect(patched.status).toBe(404);
  expect((await platform.api(ADMIN, '/v1/users/adminRoster', { method: 'DELETE' })).status).toBe(404);
});

test('demoting an admin with a stale If-Match answers 412 and changes nothing; the version in the 412 then works', async () => {
  const other = await body<{ id: string; etag: string }>(
    await invite(ADMIN, andes.emailFor('stale-admin'), 'admin'),
    201,
  );
  await body(
    await platform.api(ADMIN, `/v1/users/${other.id}`, { method: 'PATCH', json: { displayName: 'Renamed' } }),
    200,
  );
  const stale = await platform.api(ADMIN, `/v1/users/${other.id}`, {
    method: 'PATCH',
    headers: { 'if-match': other.etag },
    json: { role: 'creator' },
  });
  const refused = await body<{ error: { code: string; details: { current: { etag: string; role: string } } } }>(
    stale,
    412,
  );
  expect(refused.error.details.current.role).toBe('admin');
  const unchanged = await body<{ etag: string; role: string }>(await platform.api(ADMIN, `/v1/users/${other.id}`), 200);
  expect(unchanged).toMatchObject({ role: 'admin', etag: refused.error.details.current.etag });
  const demoted = await platform.api(ADMIN, `/v1/users/${other.id}`, {
    method: 'PATCH',
    headers: { 'if-match': refused.error.details.current.etag },
    json: { role: 'creator' },
  });
  expect((await body<{ role: string }>(demoted, 200)).role).toBe('creator');
});

test('the OpenAPI document names the last-admin refusal of a role change and of an erasure', async () => {
  const spec = await body<any>(await fetch(`${platform.urls.api}/openapi.json`), 200);
  expect(spec.paths['/api/v1/users/{userId}'].patch.responses['409'].description).toMatch(/last_admin/);
  expect(spec.paths['/api/v1/users/{userId}'].delete.responses['409'].description).toMatch(/last_admin/);
});

function invitation(email: string) {
  return { email, displayName: email, role: 'creator' };
}
