/**
 * Merging a chapter with the next one, fired 24 at once on the real local platform: whatever is answered, the book's
 * text (its live chapters' texts in reading order) stays exactly what it was, no part lost and none twice, and each
 * merge answered 200 removed exactly one chapter. Identical merges of one chapter, and merges of a chapter crossed
 * with merges of its next one.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { body } from '../support/responses';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { inParallel, RACE_PLATFORM_ENV, tally, type Outcome } from './support';

const CREATOR = 'creator@andes.test';
const PARALLEL = 24;
const ROUNDS = 3;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: RACE_PLATFORM_ENV });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const BOOK = NUMERALS.flatMap((numeral, i) => [
  `Chapter ${numeral}`,
  '',
  `Paragraph ${i + 1} of the book, where the long afternoon went slowly on and nobody came to the door.`,
  '',
]).join('\n');

interface ChapterSummary {
  id: string;
}

async function newBook(): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Merges') } }),
    201,
  );
  const uploaded = await body<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/manuscript?fileName=book.txt`, {
      method: 'PUT',
      headers: { 'content-type': 'text/plain' },
      body: BOOK,
    }),
    202,
  );
  const done = await waitForJob(platform, CREATOR, project.id, uploaded.job.id);
  expect(done.status).toBe('succeeded');
  return project.id;
}

async function liveChapters(projectId: string): Promise<ChapterSummary[]> {
  return (
    await body<{ items: ChapterSummary[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/chapters`), 200)
  ).items;
}

async function bookText(projectId: string): Promise<string> {
  const texts: string[] = [];
  for (const chapter of await liveChapters(projectId)) {
    const full = await body<{ text: string }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapter.id}`),
      200,
    );
    texts.push(full.text);
  }
  return texts.join('');
}

function expectClearAnswers(outcomes: Outcome[]): void {
  for (const outcome of outcomes) expect([200, 404, 409, 412]).toContain(outcome.status);
}

async function mergeRounds(targets: (chapters: ChapterSummary[]) => ChapterSummary[]): Promise<void> {
  for (let round = 1; round <= ROUNDS; round++) {
    // A book of its own each round: merges sent without If-Match may go on merging the next chapter in turn.
    const projectId = await newBook();
    const text = await bookText(projectId);
    const before = await liveChapters(projectId);
    const chosen = targets(before);
    const outcomes = await inParallel(PARALLEL, (i) =>
      platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chosen[i % chosen.length]!.id}/merge-next`, {
        method: 'POST',
      }),
    );
    expectClearAnswers(outcomes);
    const merged = tally(outcomes)[200] ?? 0;
    expect(merged).toBeGreaterThanOrEqual(1);
    expect(await bookText(projectId)).toBe(text);
    expect((await liveChapters(projectId)).length).toBe(before.length - merged);
  }
}

test(`${PARALLEL} identical merges of one chapter (${ROUNDS} rounds): the book's text is kept exactly`, async () => {
  await mergeRounds((chapters) => [chapters[1]!]);
});

test(`${PARALLEL} merges of a chapter crossed with merges of its next one (${ROUNDS} rounds): the book's text is kept exactly`, async () => {
  await mergeRounds((chapters) => [chapters[0]!, chapters[1]!]);
});
