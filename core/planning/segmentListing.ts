/**
 * The segment listing: a book's committed segments in reading order (chapter order, then position), optionally one
 * chapter's, narrowed by speaker, unknown speaker or flag. A page reads what it returns and little else
 * (docs/planning.md, "Read side"):
 *
 * - chapters are read as outlines (no text), only from where the listing stopped, and only those whose plan totals
 *   say they hold a match (or that keep no totals);
 * - consecutive chapters whose totals promise no more matches than the page still needs are read in one query;
 * - a chapter the page may end in is read from where the listing stopped in it (`index > last`), one more segment
 *   than needed, which tells whether it continues.
 *
 * The continuation token is that position (the chapter's place in reading order and the last index returned there),
 * bound to the filters it was issued for. A listing that spans a re-plan or a reorder may show a page from each, as
 * any paged listing of changing data does.
 */
import type { TypedCollection } from '../ports/typedCollection';
import { createHash } from 'node:crypto';
import type { ChapterPlanTotals, ChapterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { NotFoundError, ValidationError } from '../errors';
import { readAllItems, type Filter } from '../ports/documents';
import { committedQuery, currentTotals } from './planGenerations';

export interface SegmentFilters {
  chapterId?: string;
  speakerId?: string;
  unknown?: boolean;
  flagged?: boolean;
}

export interface SegmentPageRequest extends SegmentFilters {
  pageSize: number;
  continuationToken?: string;
}

export interface SegmentListingDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
}

const LISTING_FIELDS = ['id', 'order', 'planGeneration', 'planTotals'] as const;
type ListedChapter = Pick<ChapterRecord, (typeof LISTING_FIELDS)[number]>;

/**
 * Chapter outlines read per round trip while looking for the chapters a page continues into: few at first (a page
 * of the whole book spans one or two chapters), more each time a sparse filter needs more.
 */
const FIRST_OUTLINE_READ = 4;
const MAX_OUTLINE_READ = 64;
/** Chapters read in one segment query: keeps its OR list short. */
const CHAPTERS_PER_QUERY = 20;

interface Cursor {
  /** Reading order of the chapter the listing stopped in or after; -1 before the first. */
  order: number;
  /** The last position returned in that chapter, to resume inside it; -1 to go on with the chapters after it. */
  index: number;
}

const START: Cursor = { order: -1, index: -1 };

export async function listSegmentPage(
  deps: SegmentListingDeps,
  tenantId: string,
  projectId: string,
  request: SegmentPageRequest,
): Promise<{ items: SegmentRecord[]; continuationToken: string | null }> {
  const listing = new Listing(deps, tenantId, projectId, request);
  return listing.page(decodeCursor(request.continuationToken, fingerprint(request)));
}

/** What a segment must satisfy, besides belonging to a chapter's committed plan. */
function segmentFilters(filters: SegmentFilters): Filter[] {
  const found: Filter[] = [];
  if (filters.speakerId) found.push({ field: 'speakerId', op: 'eq', value: filters.speakerId });
  if (filters.unknown) found.push({ field: 'speakerId', op: 'eq', value: UNKNOWN_SPEAKER });
  if (filters.flagged) found.push({ field: 'flagged', op: 'eq', value: true });
  return found;
}

/**
 * At most how many segments of a plan with these totals can match: exact for one filter, the smallest count when
 * several apply (a segment matching all of them is counted in each).
 */
function matchBound(totals: ChapterPlanTotals, filters: SegmentFilters): number {
  const bounds = [totals.segments];
  if (filters.speakerId) bounds.push(totals.speakers[filters.speakerId] ?? 0);
  if (filters.unknown) bounds.push(totals.unknownSpeaker);
  if (filters.flagged) bounds.push(totals.flagged);
  return Math.min(...bounds);
}

/** The chapters worth reading: live, and holding a match by their totals (or keeping no totals to tell). */
function chaptersWithMatches(filters: SegmentFilters): Filter {
  const counts: Filter[] = [{ field: 'planTotals.segments', op: 'gt', value: 0 }];
  if (filters.speakerId) counts.push({ field: 'planTotals.speakers', op: 'entryGt', key: filters.speakerId, value: 0 });
  if (filters.unknown) counts.push({ field: 'planTotals.unknownSpeaker', op: 'gt', value: 0 });
  if (filters.flagged) counts.push({ field: 'planTotals.flagged', op: 'gt', value: 0 });
  return {
    op: 'and',
    filters: [
      { field: 'deleted', op: 'eq', value: false },
      ...(filters.chapterId ? [{ field: 'id', op: 'eq', value: filters.chapterId } as Filter] : []),
      {
        op: 'or',
        filters: [
          { field: 'planTotals', op: 'absent' },
          { op: 'and', filters: counts },
        ],
      },
    ],
  };
}

class Listing {
  private readonly extra: Filter[];
  /** Outlines read ahead, in reading order, not yet listed. */
  private readonly ahead: ListedChapter[] = [];
  /** Reading order of the last outline read; later reads continue after it. */
  private readFrom = -1;
  private outlinesExhausted = false;
  private outlineRead = FIRST_OUTLINE_READ;

  constructor(
    private readonly deps: SegmentListingDeps,
    private readonly tenantId: string,
    private readonly projectId: string,
    private readonly request: SegmentPageRequest,
  ) {
    this.extra = segmentFilters(request);
  }

  async page(cursor: Cursor): Promise<{ items: SegmentRecord[]; continuationToken: string | null }> {
    if (this.request.chapterId) await this.assertChapterListed();
    const token = (at: Cursor) => encodeCursor(at, fingerprint(this.request));
    // Inside a chapter, the listing resumes in it; otherwise with the chapters after it.
    this.readFrom = cursor.order;
    let resumeAfter = cursor.index;
    let next = await this.nextOutline(cursor.index >= 0);
    const items: SegmentRecord[] = [];
    let last = cursor;
    while (next) {
      const room = this.request.pageSize - items.length;
      if (room === 0) return { items, continuationToken: token(last) };
      const after = next.order === cursor.order ? resumeAfter : -1;
      resumeAfter = -1;
      const totals = currentTotals(next);
      const bound = totals ? matchBound(totals, this.request) : undefined;
      if (after >= 0 || bound === undefined || bound > room) {
        // The page may end in this chapter: read one more than fits, to know whether it continues.
        const found = await this.readChapter(next, after, room + 1);
        if (found.length > room) {
          items.push(...found.slice(0, room));
          return { items, continuationToken: token({ order: next.order, index: found[room - 1].index }) };
        }
        items.push(...found);
        last = { order: next.order, index: -1 };
        next = await this.nextOutline(false);
        continue;
      }
      // Whole chapters that fit: this one and the ones after it while their totals still fit the page.
      const batch = [next];
      let promised = bound;
      for (;;) {
        next = await this.nextOutline(false);
        const nextTotals = next && currentTotals(next);
        if (!next || !nextTotals || batch.length === CHAPTERS_PER_QUERY) break;
        const nextBound = matchBound(nextTotals, this.request);
        if (promised + nextBound > room) break;
        batch.push(next);
        promised += nextBound;
      }
      const found = await this.readChapters(batch);
      if (found.length > room) {
        // Totals bound the matches; should they ever undercount, the page still ends where it is full.
        const stop = found[room - 1];
        items.push(...found.slice(0, room));
        const order = batch.find((chapter) => chapter.id === stop.chapterId)!.order;
        return { items, continuationToken: token({ order, index: stop.index }) };
      }
      items.push(...found);
      last = { order: batch[batch.length - 1].order, index: -1 };
    }
    return { items, continuationToken: null };
  }

  private async assertChapterListed(): Promise<void> {
    const page = await this.deps.chapters.listFields(this.tenantId, this.projectId, ['id'], {
      filter: {
        op: 'and',
        filters: [
          { field: 'deleted', op: 'eq', value: false },
          { field: 'id', op: 'eq', value: this.request.chapterId! },
        ],
      },
      page: { pageSize: 1 },
    });
    if (page.items.length === 0) throw new NotFoundError('Chapter');
  }

  private async nextOutline(inclusive: boolean): Promise<ListedChapter | undefined> {
    if (this.ahead.length === 0 && !this.outlinesExhausted) await this.readOutlines(inclusive);
    return this.ahead.shift();
  }

  /**
   * The next chapters in reading order after `readFrom` (or from it, when resuming inside it) that may match. Reading
   * orders are whole numbers, so "from" is "after the one before".
   */
  private async readOutlines(inclusive: boolean): Promise<void> {
    const filter: Filter = {
      op: 'and',
      filters: [
        chaptersWithMatches(this.request),
        { field: 'order', op: 'gt', value: inclusive ? this.readFrom - 1 : this.readFrom },
      ],
    };
    let continuationToken: string | undefined;
    do {
      const page = await this.deps.chapters.listFields(this.tenantId, this.projectId, LISTING_FIELDS, {
        filter,
        orderBy: { field: 'order', direction: 'ASC' },
        page: { pageSize: this.outlineRead, continuationToken },
      });
      this.ahead.push(...page.items);
      continuationToken = page.continuationToken ?? undefined;
      // A store may answer a page with nothing yet more to come; keep reading until something arrives.
    } while (this.ahead.length === 0 && continuationToken);
    if (this.ahead.length > 0) this.readFrom = this.ahead[this.ahead.length - 1].order;
    if (!continuationToken && this.ahead.length < this.outlineRead) this.outlinesExhausted = true;
    this.outlineRead = Math.min(MAX_OUTLINE_READ, this.outlineRead * 2);
  }

  /** Up to `limit` matching segments of one chapter's plan after position `after`, in order. */
  private async readChapter(chapter: ListedChapter, after: number, limit: number): Promise<SegmentRecord[]> {
    const { filter, keep } = committedQuery(chapter, [
      ...this.extra,
      ...(after >= 0 ? [{ field: 'index', op: 'gt', value: after } as Filter] : []),
    ]);
    const found: SegmentRecord[] = [];
    let continuationToken: string | undefined;
    do {
      const page = await this.deps.segments.list(this.tenantId, this.projectId, {
        filter,
        orderBy: { field: 'index', direction: 'ASC' },
        page: { pageSize: limit - found.length, continuationToken },
      });
      found.push(...page.items.filter(keep));
      continuationToken = page.continuationToken ?? undefined;
    } while (continuationToken && found.length < limit);
    return found.slice(0, limit);
  }

  /** Every matching segment of several chapters' plans (their totals say how many), in reading order. */
  private async readChapters(chapters: ListedChapter[]): Promise<SegmentRecord[]> {
    const plans = chapters.map((chapter) => committedQuery(chapter).filter);
    // Always as many alternatives (the first repeated): every batch is then the same query text, which a store
    // compiles and plans once instead of once per batch size.
    while (plans.length < CHAPTERS_PER_QUERY) plans.push(plans[0]);
    const filter: Filter = { op: 'and', filters: [{ op: 'or', filters: plans }, ...this.extra] };
    const found = await readAllItems(
      (page) => this.deps.segments.list(this.tenantId, this.projectId, { filter, page }),
      this.request.pageSize + 1,
    );
    const order = new Map(chapters.map((chapter) => [chapter.id, chapter.order]));
    return found.sort((a, b) => order.get(a.chapterId)! - order.get(b.chapterId)! || a.index - b.index);
  }
}

function fingerprint(filters: SegmentFilters): string {
  const { chapterId, speakerId, unknown, flagged } = filters;
  return createHash('sha256')
    .update(JSON.stringify([chapterId ?? null, speakerId ?? null, unknown === true, flagged === true]))
    .digest('base64url')
    .slice(0, 16);
}

function encodeCursor(cursor: Cursor, listing: string): string {
  return Buffer.from(JSON.stringify({ o: cursor.order, i: cursor.index, l: listing }), 'utf8').toString('base64url');
}

function decodeCursor(token: string | undefined, listing: string): Cursor {
  if (token === undefined) return START;
  let value: { o?: unknown; i?: unknown; l?: unknown } | undefined;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as typeof value;
  } catch {
    value = undefined;
  }
  const whole = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= -1;
  if (!value || typeof value !== 'object' || !whole(value.o) || !whole(value.i) || typeof value.l !== 'string')
    throw invalidToken('is not a continuation token this API issued');
  if (value.l !== listing) throw invalidToken('belongs to another listing (filters or chapter)');
  return { order: value.o, index: value.i };
}

function invalidToken(why: string): ValidationError {
  return new ValidationError(`Invalid continuationToken: it ${why}; start again without it`, [
    { field: 'continuationToken', message: why },
  ]);
}
