/**
 * Consent before first use: with a terms version nobody has accepted yet, every tenant operation answers 403
 * `consent_required` until the person accepts it, except reading who they are, reading and giving consent, and
 * exporting their own data. Accepting is idempotent under parallel requests.
 */
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { ADMIN, CREATOR, json } from './support';

const TERMS = '2027-02';
let platform: TestPlatform;

beforeAll(async () => {
  // The seeded users accepted the default terms; a new version asks every one of them again.
  platform = await startTestPlatform({ env: { TERMS_VERSION: TERMS, RATE_LIMIT_PER_MINUTE: '1000000' } });
});
afterAll(async () => {
  await platform?.stop();
});

type ConsentView = {
  termsVersion: string;
  accepted: { termsVersion: string; acceptedAt: string } | null;
  required: boolean;
};

test('a new terms version is required before anything else, and accepting it opens the platform', async () => {
  const refused = await platform.api(CREATOR, '/v1/projects');
  expect(refused.status).toBe(403);
  const error = ((await refused.json()) as { error: { code: string; details: { termsVersion: string } } }).error;
  expect(error.code).toBe('consent_required');
  expect(error.details.termsVersion).toBe(TERMS);
  // A write is refused too, and nothing is created.
  const create = await platform.api(CREATOR, '/v1/projects', {
    method: 'POST',
    json: { metadata: { title: 'Before consent', authors: ['A'], language: 'en-US' } },
  });
  expect(create.status).toBe(403);

  // Who am I, what must I accept, and my own data: all available before consent.
  expect((await platform.api(CREATOR, '/v1/me')).status).toBe(200);
  const before = await json<ConsentView>(await platform.api(CREATOR, '/v1/me/consent'), 200);
  expect(before).toMatchObject({ termsVersion: TERMS, required: true });
  expect(before.accepted?.termsVersion).not.toBe(TERMS);
  const mine = await platform.api(CREATOR, '/v1/me/personal-data');
  expect(mine.status).toBe(200);
  expect(((await mine.json()) as { profile: { email: string } }).profile.email).toBe(CREATOR);

  // Accepting another version than the one in force is refused, naming the field.
  const stale = await platform.api(CREATOR, '/v1/me/consent', { method: 'PUT', json: { termsVersion: '2026-12' } });
  expect(stale.status).toBe(400);
  const staleError = ((await stale.json()) as { error: { details: { fields: { field: string }[] } } }).error;
  expect(staleError.details.fields.map((f) => f.field)).toEqual(['termsVersion']);
  expect((await platform.api(CREATOR, '/v1/projects')).status).toBe(403);

  const accepted = await json<ConsentView>(
    await platform.api(CREATOR, '/v1/me/consent', { method: 'PUT', json: { termsVersion: TERMS } }),
    200,
  );
  expect(accepted).toMatchObject({ termsVersion: TERMS, required: false, accepted: { termsVersion: TERMS } });
  expect((await platform.api(CREATOR, '/v1/projects')).status).toBe(200);
  // Someone else in the tenant still has to accept for themselves.
  expect((await platform.api(ADMIN, '/v1/projects')).status).toBe(403);
});

test('20 parallel acceptances record one acceptance', async () => {
  const results = await Promise.all(
    Array.from({ length: 20 }, () =>
      platform.api(ADMIN, '/v1/me/consent', { method: 'PUT', json: { termsVersion: TERMS } }),
    ),
  );
  const views = await Promise.all(results.map((res) => json<ConsentView>(res, 200)));
  const acceptedAt = new Set(views.map((view) => view.accepted?.acceptedAt));
  expect(acceptedAt.size).toBe(1);
  const stored = await json<ConsentView>(await platform.api(ADMIN, '/v1/me/consent'), 200);
  expect(stored.accepted?.acceptedAt).toBe([...acceptedAt][0]);
  expect((await platform.api(ADMIN, '/v1/users')).status).toBe(200);
});

test('unknown fields and malformed versions are refused', async () => {
  const extra = await platform.api(ADMIN, '/v1/me/consent', {
    method: 'PUT',
    json: { termsVersion: TERMS, acceptedAt: '2020-01-01T00:00:00Z' },
  });
  expect(extra.status).toBe(400);
  const malformed = await platform.api(ADMIN, '/v1/me/consent', {
    method: 'PUT',
    json: { termsVersion: '../etc' },
  });
  expect(malformed.status).toBe(400);
});
