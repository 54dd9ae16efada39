/**
 * The production estimate of a selection of chapters counts those chapters only, as the production of that selection
 * would bill them: the studio's start form shows it beside "A selection" instead of the whole book's figures.
 */
import { plannedBookViaApi, json, CREATOR } from '../production/support';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

interface Estimate {
  billableCharacters: number;
  estimatedAudioSeconds: number;
}

test('an estimate for some chapters counts only their lines', async () => {
  const { id: projectId } = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('A Selection'), language: 'en-US' } },
    }),
    201,
  );
  await plannedBookViaApi(platform, CREATOR, projectId);
  const chapters = (
    await json<{ items: { id: string }[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`), 200)
  ).items;
  expect(chapters.length).toBeGreaterThan(1);
  const estimate = (query: string) =>
    platform
      .api(CREATOR, `/v1/projects/${projectId}/productions/estimate?platforms=apple${query}`)
      .then((res) => json<Estimate>(res, 200));

  const book = await estimate('');
  const first = await estimate(`&chapterIds=${chapters[0].id}`);
  const all = await estimate(`&chapterIds=${chapters.map((chapter) => chapter.id).join(',')}`);
  expect(first.billableCharacters).toBeGreaterThan(0);
  expect(first.billableCharacters).toBeLessThan(book.billableCharacters);
  expect(first.estimatedAudioSeconds).toBeLessThan(book.estimatedAudioSeconds);
  expect(all.billableCharacters).toBe(book.billableCharacters);
  await json(await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate?chapterIds=a%20b`), 400);
});
