/**
 * Voice choices of one character at once, each made on the same version of it (If-Match), on the real local
 * platform: exactly one is stored, every other one is refused with 412 and the character as it is now, so nobody's
 * choice is overwritten without being told. The narrator before its first write (an unstored version) is no exception.
 */
import type { TestPlatform } from '../support/testPlatform';
import { minimalMetadata } from '../support/testPlatform';
import { body } from '../support/responses';
import { inParallel, tally } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

const CREATOR = 'creator@andes.test';
const PARALLEL = 24;
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface CharacterView {
  id: string;
  etag: string;
  voice: { voiceName: string; ratePercent: number } | null;
}

/** Each request a different choice: its own speaking rate tells which one was stored. */
const choice = (i: number) => ({ voiceName: i % 2 ? 'en-GB-EspeakMale1' : 'en-GB-EspeakFemale1', ratePercent: i * 2 });

async function raceOn(projectId: string, character: CharacterView) {
  const path = `/v1/projects/${projectId}/characters/${character.id}/voice`;
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(CREATOR, path, { method: 'PUT', headers: { 'if-match': character.etag }, json: choice(i) }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const winner = outcomes.findIndex((outcome) => outcome.status === 200);
  const stored = await body<CharacterView>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters/${character.id}`),
    200,
  );
  expect(stored.voice).toMatchObject(choice(winner));
  for (const refused of outcomes.filter((outcome) => outcome.status === 412))
    expect(refused.body.error.details.current).toMatchObject({ id: character.id, voice: choice(winner) });

  // The refused ones try again on the version they were shown: that goes through.
  const again = await platform.api(CREATOR, path, {
    method: 'PUT',
    headers: { 'if-match': stored.etag },
    json: choice(winner === 0 ? 1 : 0),
  });
  expect(again.status).toBe(200);
}

test(`${PARALLEL} voice choices on one version of a character store one and refuse the others with 412`, async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Voice races') } }),
    201,
  );
  const character = await body<CharacterView>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/characters`, {
      method: 'POST',
      json: { name: 'Margery Daw' },
    }),
    201,
  );
  await raceOn(project.id, character);

  const narrator = await body<CharacterView>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/characters/narrator`),
    200,
  );
  await raceOn(project.id, narrator);

  // Without If-Match the choice is stored whatever the version (integrations that never sent one keep working).
  const blind = await platform.api(CREATOR, `/v1/projects/${project.id}/characters/${character.id}/voice`, {
    method: 'PUT',
    json: choice(3),
  });
  expect(blind.status).toBe(200);
});
