/**
 * The segment listing against the real Cosmos adapter and emulator: every filter and page size walks exactly the
 * committed segments of live chapters in reading order (legacy chapters without generations or totals, plans being
 * written, deleted chapters and empty plans included), and a page reads about as much as it returns, whatever the
 * length of the book.
 */
import { listSegmentPage, type SegmentFilters } from '../../core/planning/segmentListing';
import type { SegmentRecord } from '../../core/book/records';
import { ValidationError, NotFoundError } from '../../core/errors';
import {
  counted,
  expectedListing,
  seedBook,
  startStore,
  TENANT,
  type ChapterSpec,
  type LineSpec,
  type Reads,
  type Store,
} from './support';

/** A deterministic mix of speakers, flags and kinds: line `i` of chapter `c`. */
function line(c: number, i: number): LineSpec {
  const roll = (c * 31 + i * 17) % 23;
  const speakerId = roll < 3 ? 'unknown' : roll < 9 ? 'char-a' : roll < 12 ? 'char-b' : 'narrator';
  return { kind: speakerId === 'narrator' ? 'narration' : 'dialogue', speakerId, flagged: roll % 5 === 0 };
}

function book(chapters: number, linesPerChapter: number): ChapterSpec[] {
  return Array.from({ length: chapters }, (_, c) => ({
    lines: Array.from({ length: linesPerChapter + (c % 4) * 3 }, (_, i) => line(c, i)),
  }));
}

async function walk(store: Store, projectId: string, filters: SegmentFilters, pageSize: number) {
  const pages: SegmentRecord[][] = [];
  let continuationToken: string | undefined;
  do {
    const page = await listSegmentPage(store, TENANT, projectId, { ...filters, pageSize, continuationToken });
    pages.push(page.items);
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken && pages.length < 1000);
  return pages;
}

const matches =
  (filters: SegmentFilters) =>
  (segment: SegmentRecord): boolean =>
    (!filters.speakerId || segment.speakerId === filters.speakerId) &&
    (!filters.unknown || segment.speakerId === 'unknown') &&
    (!filters.flagged || segment.flagged);

describe('segment listing', () => {
  let store: Store;
  beforeAll(async () => {
    store = await startStore();
  });
  afterAll(async () => {
    await store.stop();
  });

  describe('returns the committed plan, in reading order, page by page', () => {
    const projectId = 'prj-mixed';
    const specs: ChapterSpec[] = [
      { lines: Array.from({ length: 5 }, () => ({ kind: 'narration', speakerId: 'narrator' })) },
      // Planned before generations: the listing reads it without totals.
      { legacy: true, lines: Array.from({ length: 9 }, (_, i) => line(1, i)) },
      { lines: [] },
      {
        lines: Array.from({ length: 31 }, (_, i) => line(3, i)),
        // A re-plan being written: none of it may show.
        inProgress: Array.from({ length: 12 }, () => ({ kind: 'dialogue', speakerId: 'unknown', flagged: true })),
      },
      { deleted: true, lines: Array.from({ length: 6 }, (_, i) => line(4, i)) },
      ...book(7, 6),
    ];
    let chapterIds: string[] = [];
    let expectations: (filters: SegmentFilters) => Promise<string[]>;

    beforeAll(async () => {
      const chapters = await seedBook(store, projectId, specs);
      chapterIds = chapters.map((c) => c.id);
      expectations = (filters) =>
        expectedListing(
          store,
          projectId,
          chapters.filter((c) => !filters.chapterId || c.id === filters.chapterId),
          matches(filters),
        );
    });

    const cases: [string, () => SegmentFilters][] = [
      ['no filter', () => ({})],
      ['unknown speaker', () => ({ unknown: true })],
      ['flagged', () => ({ flagged: true })],
      ['one speaker', () => ({ speakerId: 'char-a' })],
      ['one speaker, flagged', () => ({ speakerId: 'char-a', flagged: true })],
      ['unknown and flagged', () => ({ unknown: true, flagged: true })],
      ['a speaker nobody is', () => ({ speakerId: 'char-nobody' })],
      ['one chapter', () => ({ chapterId: chapterIds[3] })],
      ['one chapter, unknown speaker', () => ({ chapterId: chapterIds[3], unknown: true })],
      ['one legacy chapter', () => ({ chapterId: chapterIds[1] })],
    ];

    test.each(cases)('%s', async (_name, filtersOf) => {
      const filters = filtersOf();
      const expected = await expectations(filters);
      for (const pageSize of [1, 5, 100]) {
        const pages = await walk(store, projectId, filters, pageSize);
        expect(pages.flat().map((s) => s.id)).toEqual(expected);
        for (const [i, page] of pages.entries()) {
          expect(page.length).toBeLessThanOrEqual(pageSize);
          // Only the last page may come back empty (a chapter without totals turned out to hold no match).
          if (i < pages.length - 1) expect(page.length).toBeGreaterThan(0);
        }
      }
    });

    test('a deleted or unknown chapter is not found', async () => {
      await expect(
        listSegmentPage(store, TENANT, projectId, { chapterId: chapterIds[4], pageSize: 10 }),
      ).rejects.toThrow(NotFoundError);
      await expect(listSegmentPage(store, TENANT, projectId, { chapterId: 'nope', pageSize: 10 })).rejects.toThrow(
        NotFoundError,
      );
    });

    test('a continuation token works only for the listing it came from', async () => {
      const first = await listSegmentPage(store, TENANT, projectId, { unknown: true, pageSize: 2 });
      const token = first.continuationToken!;
      await expect(
        listSegmentPage(store, TENANT, projectId, { flagged: true, pageSize: 2, continuationToken: token }),
      ).rejects.toThrow(/another listing/);
      for (const forged of ['x', Buffer.from('{"o":1}').toString('base64url'), `${token}AA`]) {
        const attempt = listSegmentPage(store, TENANT, projectId, {
          unknown: true,
          pageSize: 2,
          continuationToken: forged,
        });
        await expect(attempt).rejects.toThrow(ValidationError);
      }
    });
  });

  describe('reads what a page returns, not the book', () => {
    const pageSize = 25;
    const sizes = { short: 12, long: 120 };
    const filterCases: SegmentFilters[] = [{}, { unknown: true }, { flagged: true }, { speakerId: 'char-b' }];

    beforeAll(async () => {
      await seedBook(store, 'prj-short', book(sizes.short, 20));
      await seedBook(store, 'prj-long', book(sizes.long, 20));
    });

    /** Documents and queries of the first and the third page. */
    async function readsOf(projectId: string, filters: SegmentFilters): Promise<Reads[]> {
      const results: Reads[] = [];
      let continuationToken: string | undefined;
      for (let page = 0; page < 3; page++) {
        const reads: Reads = { queries: 0, documents: 0 };
        const deps = { chapters: counted(store.chapters, reads), segments: counted(store.segments, reads) };
        const found = await listSegmentPage(deps, TENANT, projectId, { ...filters, pageSize, continuationToken });
        if (page !== 1) results.push(reads);
        continuationToken = found.continuationToken ?? undefined;
      }
      return results;
    }

    test.each(filterCases)('%j', async (filters) => {
      const short = await readsOf('prj-short', filters);
      const long = await readsOf('prj-long', filters);
      for (const reads of [...short, ...long]) {
        // The segments returned, one more to know whether a chapter goes on, and a few chapter outlines per chapter
        // the page spans; never the book's chapters or segments.
        expect(reads.documents).toBeLessThanOrEqual(3 * pageSize);
        expect(reads.queries).toBeLessThanOrEqual(pageSize);
      }
      // A book ten times as long costs the same page no more.
      for (const [i, reads] of long.entries())
        expect(reads.documents).toBeLessThanOrEqual(short[i].documents + pageSize);
    });
  });
});
