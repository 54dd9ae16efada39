/**
 * Merging a chapter with the next one, fired 24 at once on the real local platform: whatever is answered, the book's
 * text (its live chapters' texts in reading order) stays exactly what it was, no part lost and none twice, and each
 * merge answered 200 removed exactly one chapter. Identical merges of one chapter, and merges of a chapter crossed
 * with merges of its next one.
 */
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { chapterBook, type ChapterSummary } from './chapterBook';
import { inParallel, tally, type Outcome } from './support';

const andes = freshTenant('andes');

const CREATOR = andes.creator;
const PARALLEL = 24;
const ROUNDS = 3;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const { liveChapters, bookText, newBook: importBook } = chapterBook(() => platform, CREATOR);
const newBook = () => importBook('Merges');

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
