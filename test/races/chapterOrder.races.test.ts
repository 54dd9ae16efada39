/**
 * Splits and reorders of a book's chapters, fired 24 at once on the real local platform, alone and crossed with
 * merges. Whatever is answered, the book ends with every chapter once at positions 0..n-1 in an order some request
 * asked for, and every part of its text exactly once.
 */
import { body } from '../support/responses';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { BOOK_CHAPTERS, bookParagraph, chapterBook, TEN_CHAPTER_BOOK, type ChapterSummary } from './chapterBook';
import { cosmosContainer, inParallel, tally, type Outcome } from './support';

const andes = freshTenant('andes');

const CREATOR = andes.creator;
const PARALLEL = 24;
const ROUNDS = 3;
const CHAPTERS = BOOK_CHAPTERS;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const { liveChapters, chapterText, bookText, newBook: importBook } = chapterBook(() => platform, CREATOR);
const newBook = () => importBook('Order');

/** Every chapter once, listed at the positions 0..n-1 (the book has no deleted chapters). */
function expectWellOrdered(chapters: ChapterSummary[]): void {
  expect(chapters.map((chapter) => chapter.order)).toEqual(chapters.map((_, position) => position));
  expect(new Set(chapters.map((chapter) => chapter.id)).size).toBe(chapters.length);
}

/** Every chapter once, no two at one position; a merge leaves its absorbed chapter's position unused. */
function expectDistinctPositions(chapters: ChapterSummary[]): void {
  chapters.slice(1).forEach((chapter, i) => expect(chapter.order).toBeGreaterThan(chapters[i]!.order));
  expect(new Set(chapters.map((chapter) => chapter.id)).size).toBe(chapters.length);
}

/** Every paragraph of the book exactly once, and nothing else added or lost. */
function expectEveryParagraphOnce(text: string): void {
  expect(text.length).toBe(TEN_CHAPTER_BOOK.length);
  for (let n = 1; n <= CHAPTERS; n++) expect(text.split(bookParagraph(n)).length - 1).toBe(1);
}

function expectClearAnswers(outcomes: Outcome[], allowed: number[]): void {
  for (const outcome of outcomes) {
    if (!allowed.includes(outcome.status)) {
      throw new Error(`unexpected answer ${outcome.status}: ${JSON.stringify(outcome.body)}`);
    }
    if (outcome.status >= 400) expect(typeof outcome.body?.error?.message).toBe('string');
  }
}

/** A different order of the chapters for each request: shuffled with a fixed seed, none twice. */
function distinctOrders(ids: string[], count: number): string[][] {
  let seed = 7;
  const random = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const orders = new Map<string, string[]>();
  while (orders.size < count) {
    const shuffled = [...ids];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    orders.set(shuffled.join(','), shuffled);
  }
  return [...orders.values()];
}

function reorder(projectId: string, chapterIds: string[]): Promise<Response> {
  return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/reorder`, {
    method: 'POST',
    json: { chapterIds },
  });
}

async function splitPoint(projectId: string, chapterId: string): Promise<number> {
  const offset = (await chapterText(projectId, chapterId)).indexOf(' where the long afternoon');
  expect(offset).toBeGreaterThan(0);
  return offset;
}

test(`${PARALLEL} identical splits of one chapter at one point (${ROUNDS} rounds): one new chapter, the text kept exactly`, async () => {
  for (let round = 1; round <= ROUNDS; round++) {
    const projectId = await newBook();
    const text = await bookText(projectId);
    const target = (await liveChapters(projectId))[1]!;
    const offset = await splitPoint(projectId, target.id);
    const outcomes = await inParallel(PARALLEL, () =>
      platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${target.id}/split`, {
        method: 'POST',
        json: { offset },
      }),
    );
    // Once split, the offset is the end of the shortened chapter: a late request is refused as out of range (400).
    expectClearAnswers(outcomes, [201, 400, 409, 412]);
    expect(tally(outcomes)[201]).toBe(1);
    const after = await liveChapters(projectId);
    expect(after).toHaveLength(CHAPTERS + 1);
    expectWellOrdered(after);
    const second = outcomes.find((outcome) => outcome.status === 201)!.body.second.id as string;
    expect(after[2]!.id).toBe(second);
    expect(await bookText(projectId)).toBe(text);
  }
});

test(`${PARALLEL} reorders with different orders at once (${ROUNDS} rounds): the book ends in one of the orders answered`, async () => {
  for (let round = 1; round <= ROUNDS; round++) {
    const projectId = await newBook();
    const ids = (await liveChapters(projectId)).map((chapter) => chapter.id);
    const orders = distinctOrders(ids, PARALLEL);
    const outcomes = await inParallel(PARALLEL, (i) => reorder(projectId, orders[i]!));
    expectClearAnswers(outcomes, [200, 409, 412]);
    const answered = outcomes.flatMap((outcome, i) => (outcome.status === 200 ? [orders[i]!.join(',')] : []));
    expect(answered.length).toBeGreaterThanOrEqual(1);
    // Each request answered 200 says the order it stored.
    outcomes.forEach((outcome, i) => {
      if (outcome.status === 200) expect(outcome.body.items.map((c: ChapterSummary) => c.id)).toEqual(orders[i]);
    });
    const after = await liveChapters(projectId);
    expectWellOrdered(after);
    expect(answered).toContain(after.map((chapter) => chapter.id).join(','));
  }
});

test(`${PARALLEL} reorders crossed with splits and merges (${ROUNDS} rounds): every chapter once in order, the text once`, async () => {
  for (let round = 1; round <= ROUNDS; round++) {
    const projectId = await newBook();
    const chapters = await liveChapters(projectId);
    const ids = chapters.map((chapter) => chapter.id);
    const orders = distinctOrders(ids, PARALLEL / 3);
    const offsets = await Promise.all(chapters.map((chapter) => splitPoint(projectId, chapter.id)));
    const outcomes = await inParallel(PARALLEL, (i) => {
      const chapter = i % CHAPTERS;
      if (i % 3 === 0) return reorder(projectId, orders[i / 3]!);
      if (i % 3 === 1) {
        return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${ids[chapter]}/split`, {
          method: 'POST',
          json: { offset: offsets[chapter] },
        });
      }
      return platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${ids[chapter]}/merge-next`, {
        method: 'POST',
      });
    });
    expectClearAnswers(outcomes, [200, 201, 400, 404, 409, 412]);
    const counts = tally(outcomes);
    const after = await liveChapters(projectId);
    expectDistinctPositions(after);
    expect(after).toHaveLength(
      CHAPTERS + (counts[201] ?? 0) - outcomes.filter((o, i) => i % 3 === 2 && o.status === 200).length,
    );
    expectEveryParagraphOnce(await bookText(projectId));
  }
});

test('a claim on the order held by a change in flight refuses a reorder clearly; one whose change died lapses', async () => {
  const projectId = await newBook();
  const before = await liveChapters(projectId);
  const reversed = before.map((chapter) => chapter.id).reverse();
  const chapters = cosmosContainer(platform, 'chapters');
  try {
    const { resources } = await chapters.container.items
      .query<{ tenantId: string }>({
        query: 'SELECT TOP 1 c.tenantId FROM c WHERE c.projectId = @projectId',
        parameters: [{ name: '@projectId', value: projectId }],
      })
      .fetchAll();
    const claim = (since: Date) => ({
      id: `${projectId}.chapterOrder`,
      type: 'chapterOrderClaim',
      tenantId: resources[0]!.tenantId,
      projectId,
      heldBy: 'ord_in_flight',
      change: 'split',
      since: since.toISOString(),
      updatedAt: since.toISOString(),
    });

    await chapters.container.items.upsert(claim(new Date()));
    const refused = await reorder(projectId, reversed);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: 'conflict',
      message: expect.stringContaining('try again'),
      details: { field: 'chapterIds', reason: 'chapter_order_busy' },
    });
    expect(await liveChapters(projectId)).toEqual(before);

    // The process that claimed three minutes ago died before giving the claim back: the next change takes it over.
    await chapters.container.items.upsert(claim(new Date(Date.now() - 3 * 60_000)));
    const reordered = await body<{ items: ChapterSummary[] }>(await reorder(projectId, reversed), 200);
    expect(reordered.items.map((chapter) => chapter.id)).toEqual(reversed);
    expectWellOrdered(await liveChapters(projectId));
  } finally {
    chapters.close();
  }
});
