/**
 * A chapter's plan is stored as generations of segments (docs/planning.md). A planner writes a whole new generation
 * beside the current one and then switches the chapter's `planGeneration` to it in one ETag-checked write, so a
 * reader sees either the old plan or the new one, never a mix, a half or both. Every reader of segments goes through
 * this module: it is the one place that knows which segments are the plan.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterPlanTotals, ChapterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { ConflictError } from '../errors';
import type { Filter } from '../ports/documents';
import type { ProjectService } from '../projects/projectService';
import { bookChapterOutlines, LIST_PAGE } from './bookDocuments';
import { nothingToSpeakIn } from './planRevision';

/** What identifies a chapter's plan: the chapter and its committed generation. */
type PlanRef = Pick<ChapterRecord, 'id' | 'tenantId' | 'projectId' | 'planGeneration'>;

/** Chapters planned before generations existed: their segments carry no generation and count as this one. */
export const UNVERSIONED_GENERATION = 0;
/** Chapters per count query: keeps each query's OR list short. */
const CHAPTERS_PER_COUNT = 20;

export function committedGeneration(chapter: Pick<ChapterRecord, 'planGeneration'>): number {
  return chapter.planGeneration ?? UNVERSIONED_GENERATION;
}

export function generationOf(segment: Pick<SegmentRecord, 'planGeneration'>): number {
  return segment.planGeneration ?? UNVERSIONED_GENERATION;
}

/**
 * The id of a planned segment: the same chapter, generation and position always give the same id, so a planner that
 * runs again (a retried activity, a replay) writes the same documents create-only instead of adding new ones.
 */
export function plannedSegmentId(chapterId: string, generation: number, index: number): string {
  return `${chapterId}_g${generation}_${index}`;
}

/** The chapter and generation a planned segment id names (`plannedSegmentId`); undefined for any other id. */
export function plannedSegmentOrigin(segmentId: string): { chapterId: string; generation: number } | undefined {
  const parts = /^(.+)_g(\d+)_\d+$/.exec(segmentId);
  return parts ? { chapterId: parts[1], generation: Number(parts[2]) } : undefined;
}

export function isCommitted(segment: SegmentRecord, chapter: ChapterRecord): boolean {
  return segment.chapterId === chapter.id && generationOf(segment) === committedGeneration(chapter);
}

/**
 * The query for a chapter's committed segments, narrowed by `extra`. Unversioned segments have no generation field
 * to match, so for them the query takes the whole chapter and `keep` drops other generations after reading.
 */
export function committedQuery(
  chapter: Pick<ChapterRecord, 'id' | 'planGeneration'>,
  extra: Filter[] = [],
): { filter: Filter; keep: (segment: SegmentRecord) => boolean } {
  const generation = committedGeneration(chapter);
  const filters: Filter[] = [{ field: 'chapterId', op: 'eq', value: chapter.id }, ...extra];
  if (generation === UNVERSIONED_GENERATION)
    return { filter: { op: 'and', filters }, keep: (segment) => generationOf(segment) === UNVERSIONED_GENERATION };
  filters.push({ field: 'planGeneration', op: 'eq', value: generation });
  return { filter: { op: 'and', filters }, keep: () => true };
}

/** The chapter's plan: its committed segments in reading order. */
export async function committedSegments(
  segments: TypedCollection<SegmentRecord>,
  chapter: PlanRef,
): Promise<SegmentRecord[]> {
  const { filter, keep } = committedQuery(chapter);
  const found = await segments.readAllItems(
    chapter.tenantId,
    chapter.projectId,
    { filter, orderBy: { field: 'index', direction: 'ASC' } },
    LIST_PAGE,
  );
  return found.filter(keep).sort((a, b) => a.index - b.index);
}

/**
 * Times a plan is read again because a newer generation was committed (and the read one removed) meanwhile: a
 * request gives up soon and is told to try again; a planner checking what it left may outlast every planner it raced
 * (each commit is one finished planner, so their number bounds the re-reads).
 */
export const PLAN_READS = { request: 5, planner: 50 } as const;

/**
 * The chapter's plan as one consistent read. A commit removes the generation it replaces, so a reader that raced a
 * commit could see part of the old plan; the chapter is read again after the segments, and if its committed
 * generation moved, the new one is read instead. `chapter` is the copy read after the segments; `readBefore` the one
 * read before them, whose edit counts the segments hold at least (an edit stores its lines before counting itself).
 */
export async function readCommittedPlan(
  chapters: TypedCollection<ChapterRecord>,
  segments: TypedCollection<SegmentRecord>,
  chapter: ChapterRecord,
  maxReads: number = PLAN_READS.request,
): Promise<{ chapter: ChapterRecord; segments: SegmentRecord[]; readBefore: ChapterRecord }> {
  let current = chapter;
  for (let read = 1; ; read++) {
    const plan = await committedSegments(segments, current);
    const after = await chapters.get(current.tenantId, current.projectId, current.id);
    if (!after) return { chapter: current, segments: plan, readBefore: current };
    if (committedGeneration(after) === committedGeneration(current)) {
      return { chapter: after, segments: plan, readBefore: current };
    }
    if (read >= maxReads)
      throw new ConflictError('The chapter is being planned again right now; try again in a moment', {
        chapterId: chapter.id,
      });
    current = after;
  }
}

export interface SegmentFacts {
  segmentCount: number;
  segmentsWithSpeaker: number;
  segmentsFlagged: number;
  segmentsRendered: number;
}

/** The planning facts of the given chapters, counted by the store over their committed generations. */
export async function countSegmentFacts(
  segments: TypedCollection<SegmentRecord>,
  tenantId: string,
  projectId: string,
  chapters: (PlanRef & Pick<ChapterRecord, 'planStatus'>)[],
): Promise<SegmentFacts> {
  const versioned = chapters.filter((chapter) => committedGeneration(chapter) !== UNVERSIONED_GENERATION);
  const unversioned = chapters.filter(
    (chapter) => committedGeneration(chapter) === UNVERSIONED_GENERATION && chapter.planStatus !== 'none',
  );
  const facts: SegmentFacts = { segmentCount: 0, segmentsWithSpeaker: 0, segmentsFlagged: 0, segmentsRendered: 0 };
  const withSpeaker: Filter = { field: 'speakerId', op: 'ne', value: UNKNOWN_SPEAKER };
  const flagged: Filter = { field: 'flagged', op: 'eq', value: true };
  // `!= null` is undefined in Cosmos SQL when the types differ, so audio is counted as all minus the unrendered.
  const unrendered: Filter = { field: 'currentTakeId', op: 'isNull' };
  for (let start = 0; start < versioned.length; start += CHAPTERS_PER_COUNT) {
    const plans: Filter = {
      op: 'or',
      filters: versioned.slice(start, start + CHAPTERS_PER_COUNT).map((chapter): Filter => ({
        op: 'and',
        filters: [
          { field: 'chapterId', op: 'eq', value: chapter.id },
          { field: 'planGeneration', op: 'eq', value: committedGeneration(chapter) },
        ],
      })),
    };
    const count = (extra: Filter[]) =>
      segments.count(tenantId, projectId, {
        op: 'and',
        filters: [plans, ...extra],
      });
    const [all, spoken, marked, silent] = await Promise.all([
      count([]),
      count([withSpeaker]),
      count([flagged]),
      count([unrendered]),
    ]);
    facts.segmentCount += all;
    facts.segmentsWithSpeaker += spoken;
    facts.segmentsFlagged += marked;
    facts.segmentsRendered += all - silent;
  }
  for (const chapter of unversioned) {
    const plan = await committedSegments(segments, chapter);
    facts.segmentCount += plan.length;
    facts.segmentsWithSpeaker += plan.filter((segment) => segment.speakerId !== UNKNOWN_SPEAKER).length;
    facts.segmentsFlagged += plan.filter((segment) => segment.flagged).length;
    facts.segmentsRendered += plan.filter((segment) => segment.currentTakeId !== null).length;
  }
  return facts;
}

/**
 * The chapter's plan totals when they describe its committed generation (docs/planning.md, "Read side") and, if
 * `language` is given, were counted in it; undefined otherwise (planned before totals were kept): read the segments.
 */
export function currentTotals(
  chapter: Pick<ChapterRecord, 'planGeneration' | 'planTotals'>,
  language?: string,
): ChapterPlanTotals | undefined {
  const totals = chapter.planTotals;
  if (!totals || totals.generation !== committedGeneration(chapter)) return undefined;
  if (language !== undefined && totals.language !== language) return undefined;
  return totals;
}

/**
 * The planning facts of the given chapters from their plan totals; the store counts only what totals do not hold
 * (rendered audio, which production changes) and the plans of chapters without totals.
 */
export async function segmentFactsFromTotals(
  segments: TypedCollection<SegmentRecord>,
  tenantId: string,
  projectId: string,
  chapters: (PlanRef & Pick<ChapterRecord, 'planStatus' | 'planTotals'>)[],
): Promise<SegmentFacts> {
  const totalled = chapters.filter((chapter) => currentTotals(chapter));
  const facts = await countSegmentFacts(
    segments,
    tenantId,
    projectId,
    chapters.filter((chapter) => !currentTotals(chapter)),
  );
  let segmentsInTotals = 0;
  for (const chapter of totalled) {
    const totals = currentTotals(chapter)!;
    segmentsInTotals += totals.segments;
    facts.segmentCount += totals.segments;
    facts.segmentsWithSpeaker += totals.segments - totals.unknownSpeaker;
    facts.segmentsFlagged += totals.flagged;
  }
  let unrendered = 0;
  for (let start = 0; start < totalled.length; start += CHAPTERS_PER_COUNT) {
    unrendered += await segments.count(tenantId, projectId, {
      op: 'and',
      filters: [
        committedPlans(totalled.slice(start, start + CHAPTERS_PER_COUNT)),
        { field: 'currentTakeId', op: 'isNull' },
      ],
    });
  }
  facts.segmentsRendered += segmentsInTotals - unrendered;
  return facts;
}

/**
 * The committed segments of several chapters, as one filter of CHAPTERS_PER_COUNT alternatives (the first repeated
 * where fewer chapters are given): one query text, which the store compiles once.
 */
function committedPlans(given: Pick<ChapterRecord, 'id' | 'planGeneration'>[]): Filter {
  const chapters = [...given];
  while (chapters.length < CHAPTERS_PER_COUNT) chapters.push(given[0]);
  return {
    op: 'or',
    filters: chapters.map((chapter): Filter => {
      const generation = committedGeneration(chapter);
      return {
        op: 'and',
        filters: [
          { field: 'chapterId', op: 'eq', value: chapter.id },
          generation === UNVERSIONED_GENERATION
            ? { field: 'planGeneration', op: 'absent' }
            : { field: 'planGeneration', op: 'eq', value: generation },
        ],
      };
    }),
  };
}

/** Stores the planning facts recounted from the committed plans of the book's live chapters. */
export function recountSegmentFacts(
  deps: {
    projects: Pick<ProjectService, 'recountFacts'>;
    chapters: TypedCollection<ChapterRecord>;
    segments: TypedCollection<SegmentRecord>;
  },
  tenantId: string,
  projectId: string,
): Promise<void> {
  return deps.projects.recountFacts(tenantId, projectId, 'segments', async () => {
    const outlines = await bookChapterOutlines(deps.chapters, tenantId, projectId);
    return {
      ...(await segmentFactsFromTotals(deps.segments, tenantId, projectId, outlines)),
      chaptersWithNothingToSpeak: outlines.filter((chapter) => nothingToSpeakIn(currentTotals(chapter)) !== null)
        .length,
    };
  });
}
