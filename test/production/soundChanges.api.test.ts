/**
 * Which produced chapters would sound different if produced now, through the public API on the local platform: none
 * right after a production; a character's new voice changes the chapters they speak in, a pronunciation the chapters
 * whose lines it matches, and nothing else.
 */
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { CREATOR, json, plannedBook, produce } from './support';

let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

test('a new voice and a new pronunciation name the chapters that would sound different now', async () => {
  const { projectId, chapterIds } = await plannedBook(platform, {});
  const [first, second] = chapterIds;
  const changed = async () =>
    (await json<{ chapterIds: string[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/sound-changes`), 200))
      .chapterIds;
  expect(await changed()).toEqual([]);

  expect((await produce(platform, projectId, ['apple'])).status).toBe('succeeded');
  expect(await changed()).toEqual([]);

  // Mr. Darcy speaks only in the first chapter.
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/characters/char-darcy/voice`, {
      method: 'PUT',
      json: { voiceName: 'en-US-EspeakMale1' },
    }),
    200,
  );
  expect(await changed()).toEqual([first]);

  // "rain" is said only in the second.
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
      method: 'POST',
      json: { grapheme: 'rain', kind: 'alias', value: 'drizzle', locale: 'en-US' },
    }),
    201,
  );
  expect(await changed()).toEqual([first, second]);

  // Produced again, the book sounds as it is now.
  expect((await produce(platform, projectId, ['apple'])).status).toBe('succeeded');
  expect(await changed()).toEqual([]);
});
