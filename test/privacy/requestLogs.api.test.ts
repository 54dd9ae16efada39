/**
 * Request log lines name tenant users by pseudonym only (docs/privacy.md, "Audit trail and logs"): after requests
 * that carry people's ids in their paths and their emails and names in their bodies, successful and refused ones,
 * nothing the platform printed holds the email, user id or name of anyone in a tenant.
 */
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { ADMIN, CREATOR, acceptTerms, json } from './support';

jest.setTimeout(180_000);

let platform: TestPlatform;

beforeAll(async () => {
  // Verbose: the host's own lines (invocations, errors) are part of what is checked too.
  platform = await startTestPlatform({ captureOutput: true, verbose: true });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface UserJson {
  id: string;
  email: string;
  displayName: string;
}

test('no request line names a tenant user by email, id or name', async () => {
  const invitee = { email: 'quilla.mamani@andes.test', displayName: 'Quilla Mamani', role: 'creator' as const };
  const invited = await json<UserJson>(await platform.api(ADMIN, '/v1/users', { method: 'POST', json: invitee }), 201);
  await acceptTerms(platform, invitee.email);
  const project = await json<{ id: string }>(
    await platform.api(invitee.email, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('Logged book') },
    }),
    201,
  );
  await json(await platform.api(invitee.email, `/v1/projects/${project.id}`), 200);
  await json(await platform.api(invitee.email, '/v1/me/personal-data'), 200);
  await json(await platform.api(ADMIN, `/v1/users/${invited.id}`), 200);
  const patched = await platform.api(ADMIN, `/v1/users/${invited.id}`);
  await json(
    await platform.api(ADMIN, `/v1/users/${invited.id}`, {
      method: 'PATCH',
      headers: { 'if-match': ((await patched.json()) as { etag: string }).etag },
      json: { role: 'validator' },
    }),
    200,
  );
  // Refused requests too: a duplicate invitation, a bad one naming the person, another role's forbidden call.
  expect((await platform.api(ADMIN, '/v1/users', { method: 'POST', json: invitee })).status).toBe(409);
  expect((await platform.api(ADMIN, '/v1/users', { method: 'POST', json: { ...invitee, role: 'owner' } })).status).toBe(
    400,
  );
  expect((await platform.api(CREATOR, `/v1/users/${invited.id}`)).status).toBe(403);

  const people = (await json<{ items: UserJson[] }>(await platform.api(ADMIN, '/v1/users'), 200)).items;
  expect(people.map((person) => person.email)).toEqual(expect.arrayContaining([ADMIN, CREATOR, invitee.email]));
  const identifying = people.flatMap((person) => [person.id, person.email, person.displayName]);

  // Each request is logged after it is answered: wait for the last one's line.
  const requestLines = async () =>
    platform
      .output()
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { msg?: string; operation?: string; actor?: string })
      .filter((entry) => entry.msg === 'request');
  for (let deadline = Date.now() + 30_000; ;) {
    const lines = await requestLines();
    if (lines.some((entry) => entry.operation === 'listUsers')) break;
    if (Date.now() > deadline) throw new Error('the request lines never came');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const logged = await requestLines();
  expect(logged.length).toBeGreaterThanOrEqual(11);
  for (const entry of logged) expect(entry.actor).toMatch(/^anon_[0-9a-f]{32}$/);
  const leaks = platform
    .output()
    .flatMap((line) => identifying.filter((value) => line.includes(value)).map((value) => ({ value, line })));
  expect(leaks).toEqual([]);
});
