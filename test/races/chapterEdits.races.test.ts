/**
 * A chapter's own edits fired 24 at once on the real local platform: PATCHes naming one version in If-Match, deletes,
 * restores, and deletes crossed with restores. What Cosmos stores afterwards is counted: one PATCH stored and the
 * others refused with the version that won; a delete or a restore written once however often it is asked; and the
 * project's chapter count always the number of live chapters, whatever order the writes landed in.
 */
import { body } from '../support/responses';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { BOOK_CHAPTERS, chapterBook } from './chapterBook';
import { cosmosContainer, inParallel, tally, type Outcome } from './support';

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

const { liveChapters, newBook } = chapterBook(() => platform, CREATOR);

interface ChapterAnswer {
  id: string;
  title: string;
  deleted: boolean;
  etag: string;
}

async function storedChapter(projectId: string, chapterId: string): Promise<ChapterAnswer & { _etag: string }> {
  const { container, close } = cosmosContainer(platform, 'chapters');
  try {
    const { resource } = await container.item(chapterId, [andes.id, projectId]).read();
    return resource as ChapterAnswer & { _etag: string };
  } finally {
    close();
  }
}

async function storedChapterCount(projectId: string): Promise<number> {
  const { container, close } = cosmosContainer(platform, 'projects');
  try {
    const { resource } = await container.item(projectId, andes.id).read();
    return (resource as { facts: { chapterCount: number } }).facts.chapterCount;
  } finally {
    close();
  }
}

function chapterPath(projectId: string, chapterId: string): string {
  return `/v1/projects/${projectId}/chapters/${chapterId}`;
}

const remove = (projectId: string, chapterId: string) =>
  platform.api(CREATOR, chapterPath(projectId, chapterId), { method: 'DELETE' });
const restore = (projectId: string, chapterId: string) =>
  platform.api(CREATOR, `${chapterPath(projectId, chapterId)}/restore`, { method: 'POST' });

function expectEveryAnswer(outcomes: Outcome[], status: number): void {
  for (const outcome of outcomes) {
    if (outcome.status !== status) throw new Error(`answered ${outcome.status}: ${JSON.stringify(outcome.body)}`);
  }
}

test(`${PARALLEL} PATCHes of a chapter naming one version: one is stored, the others answer 412 with the version that won`, async () => {
  const projectId = await newBook('Chapter patches');
  const [first] = await liveChapters(projectId);
  const loaded = await body<ChapterAnswer>(await platform.api(CREATOR, chapterPath(projectId, first!.id)), 200);
  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(CREATOR, chapterPath(projectId, first!.id), {
      method: 'PATCH',
      headers: { 'if-match': loaded.etag },
      json: { title: `Racer ${i}` },
    }),
  );
  expect(tally(outcomes)).toEqual({ 200: 1, 412: PARALLEL - 1 });
  const winner = outcomes.find((o) => o.status === 200)!.body as ChapterAnswer;
  for (const lost of outcomes.filter((o) => o.status === 412)) {
    expect(lost.body).toMatchObject({
      error: { code: 'precondition_failed', details: { current: { etag: winner.etag, title: winner.title } } },
    });
    expect(typeof lost.body.error.message).toBe('string');
  }
  const stored = await storedChapter(projectId, first!.id);
  expect(stored.title).toBe(winner.title);
  expect(stored._etag).toBe(winner.etag);
});

test(`${PARALLEL} deletes of one chapter, then ${PARALLEL} restores: each written once, all answered 200 with it`, async () => {
  const projectId = await newBook('Chapter deletes');
  const [, second] = await liveChapters(projectId);
  for (const [send, deleted, count] of [
    [remove, true, BOOK_CHAPTERS - 1],
    [restore, false, BOOK_CHAPTERS],
  ] as const) {
    const outcomes = await inParallel(PARALLEL, () => send(projectId, second!.id));
    expectEveryAnswer(outcomes, 200);
    const stored = await storedChapter(projectId, second!.id);
    expect(stored.deleted).toBe(deleted);
    // Every request answers the one version written: a request that finds the change made writes nothing.
    expect(new Set(outcomes.map((o) => (o.body as ChapterAnswer).etag))).toEqual(new Set([stored._etag]));
    expect(await storedChapterCount(projectId)).toBe(count);
  }
});

test(`deletes and restores of one chapter crossed, ${PARALLEL} at once, ${ROUNDS} rounds: one state stored, counted as stored`, async () => {
  const projectId = await newBook('Chapter delete and restore');
  const chapters = await liveChapters(projectId);
  const target = chapters[4]!;
  for (let round = 0; round < ROUNDS; round++) {
    const outcomes = await inParallel(PARALLEL, (i) =>
      i % 2 === 0 ? remove(projectId, target.id) : restore(projectId, target.id),
    );
    expectEveryAnswer(outcomes, 200);
    const stored = await storedChapter(projectId, target.id);
    // The stored state is the one some request wrote and answered with that very version.
    const answeredStored = outcomes.filter((o) => (o.body as ChapterAnswer).etag === stored._etag);
    expect(answeredStored.length).toBeGreaterThanOrEqual(1);
    for (const answer of answeredStored) expect((answer.body as ChapterAnswer).deleted).toBe(stored.deleted);
    const live = await liveChapters(projectId);
    expect(live.map((chapter) => chapter.id).includes(target.id)).toBe(!stored.deleted);
    expect(live).toHaveLength(stored.deleted ? BOOK_CHAPTERS - 1 : BOOK_CHAPTERS);
    expect(await storedChapterCount(projectId)).toBe(live.length);
  }
});
