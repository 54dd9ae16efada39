/**
 * A person's consent to the terms in force, given 24 times at once while their admin renames them 24 times (both
 * write the one user record), on the real local platform: the acceptance is stored once, every acceptance answered
 * shows that one, no rename loses it and no acceptance loses a rename.
 */
import type { ConsentRecord } from '../../core/privacy/consent';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, tally } from './support';

const andes = freshTenant('andes');
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface StoredUser {
  displayName: string;
  consent: ConsentRecord | null;
}

/** Reads the creator's user record, or changes it as a new terms version would (nobody has accepted it yet). */
async function creatorRecord(change?: (doc: StoredUser) => StoredUser): Promise<StoredUser> {
  const { container, close } = cosmosContainer(platform, 'users');
  try {
    const item = container.item(andes.userIds.creator, andes.id);
    const { resource } = await item.read<StoredUser>();
    if (!change) return resource!;
    return (await item.replace(change(resource!))).resource!;
  } finally {
    close();
  }
}

test(`${PARALLEL} acceptances of the terms while the admin renames the person ${PARALLEL} times: one acceptance, no change lost`, async () => {
  const { termsVersion } = await body<{ termsVersion: string }>(
    await platform.api(andes.creator, '/v1/me/consent'),
    200,
  );
  await creatorRecord((doc) => ({ ...doc, consent: null }));
  expect((await platform.api(andes.creator, '/v1/projects')).status).toBe(403);

  const outcomes = await inParallel(PARALLEL * 2, (i) =>
    i % 2 === 0
      ? platform.api(andes.creator, '/v1/me/consent', { method: 'PUT', json: { termsVersion } })
      : platform.api(andes.admin, `/v1/users/${andes.userIds.creator}`, {
          method: 'PATCH',
          json: { displayName: `Renamed ${i}` },
        }),
  );
  expect(tally(outcomes)).toEqual({ 200: PARALLEL * 2 });
  const acceptances = outcomes.filter((_, i) => i % 2 === 0).map((o) => o.body as { accepted: ConsentRecord });
  const renames = outcomes.filter((_, i) => i % 2 === 1).map((o) => o.body as { displayName: string });

  const stored = await creatorRecord();
  expect(stored.consent).toMatchObject({ termsVersion });
  expect(new Set(acceptances.map((answer) => answer.accepted.acceptedAt))).toEqual(
    new Set([stored.consent!.acceptedAt]),
  );
  expect(renames.map((answer) => answer.displayName)).toContain(stored.displayName);
  expect((await platform.api(andes.creator, '/v1/projects')).status).toBe(200);
});
