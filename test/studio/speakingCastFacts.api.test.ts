/**
 * The project's facts say who of the characters needs a voice: a character added who says nothing (only named, or
 * spoken to) is counted among the characters but not among those production would ask a voice of, so the studio's
 * stage badge does not hold a planned, cast book at "Casting". Through the public API on the local platform.
 */
import { plannedBookViaApi, json, CREATOR } from '../production/support';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Facts {
  characterCount: number;
  charactersWithVoice: number;
  speakingCharacters?: number;
  speakingCharactersWithVoice?: number;
}

test('a silent character without a voice is not counted as needing one', async () => {
  const { id: projectId } = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('Who Speaks'), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  const facts = () => platform.api(CREATOR, `/v1/projects/${projectId}/facts`).then((res) => json<Facts>(res, 200));
  const cast = await facts();
  expect(cast.speakingCharacters).toBeGreaterThan(0);
  expect(cast.speakingCharactersWithVoice).toBe(cast.speakingCharacters);

  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters`, {
      method: 'POST',
      json: { name: 'The Silent Miller' },
    }),
    201,
  );
  const after = await facts();
  expect(after).toMatchObject({
    characterCount: cast.characterCount + 1,
    charactersWithVoice: cast.charactersWithVoice,
    speakingCharacters: cast.speakingCharacters,
    speakingCharactersWithVoice: cast.speakingCharacters,
  });
});
