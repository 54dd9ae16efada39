/**
 * Split, merge and delete change the positions of every later segment of a chapter, and new words change the chapter
 * text with the segment, so they are written the way a plan is (docs/planning.md, "Split, merge, delete and new
 * words"): the edited plan becomes a new generation, claimed on the
 * chapter, stored create-only, then committed with one ETag-conditional write of the chapter (its generation, its
 * totals, its text when words were deleted, and the edit count). A crash anywhere leaves either the old plan or the
 * new one whole; an unfinished generation is never read and is removed by the next commit of the chapter.
 *
 * The commit holds only if the chapter is as the edit read it: the same committed generation, text and edit count.
 * Otherwise (another edit or a re-plan got there first) the new generation is removed and the edit is made again
 * from what the chapter holds now; a segment that a newer plan replaced answers 409 `plan_replaced`
 * (segmentEditGuard.ts).
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, PlanClaim, SegmentRecord } from '../book/records';
import { ConflictError, NotFoundError, PreconditionFailedError } from '../errors';
import { textStats } from '../manuscript/stats';
import type { Clock, IdGenerator } from '../ports/system';
import { forEachLimited } from './bookDocuments';
import { ChapterPlanWriter, editsOf } from './chapterPlanWriter';
import { totalsOf } from './chapterTotals';
import { committedGeneration, committedSegments, plannedSegmentId } from './planGenerations';
import { segmentNotInPlan } from './segmentEditGuard';

const WRITE_CONCURRENCY = 8;
/** Rounds in which the chapter changed under the edit (another edit or a re-plan committed first). */
const MAX_REWRITE_ATTEMPTS = 20;
/** ETag races on the chapter that change nothing the edit depends on (another writer's unrelated field). */
const MAX_COMMIT_ATTEMPTS = 100;

export interface ChapterRewriteDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  clock: Clock;
  ids: IdGenerator;
}

/** Where the edit applies: one segment of the committed plan, as the caller saw it. */
export interface RewriteTarget {
  tenantId: string;
  projectId: string;
  segmentId: string;
  ifMatch?: string;
  /** The book's language, which the plan totals are counted in. */
  language: string;
}

/**
 * The edited plan, in reading order. Each entry is a segment of the current plan (possibly changed) or a new one;
 * ids, positions and generation are assigned when the generation is written.
 */
export type PlanEdit = (plan: SegmentRecord[], target: SegmentRecord, chapter: ChapterRecord) => SegmentRecord[];

export interface RewriteResult {
  chapter: ChapterRecord;
  /** The plan the edit replaced, and the one it committed. */
  before: SegmentRecord[];
  after: SegmentRecord[];
}

/** Thrown inside a round when the chapter changed since it was read: the round is made again. */
class ChapterMovedOn extends Error {}

export class ChapterRewrite {
  private readonly writer: ChapterPlanWriter;

  constructor(private readonly deps: ChapterRewriteDeps) {
    this.writer = new ChapterPlanWriter(deps);
  }

  async apply(target: RewriteTarget, edit: PlanEdit): Promise<RewriteResult> {
    for (let attempt = 1; attempt <= MAX_REWRITE_ATTEMPTS; attempt++) {
      try {
        return await this.round(target, edit);
      } catch (error) {
        if (!(error instanceof ChapterMovedOn)) throw error;
      }
    }
    throw new ConflictError('The chapter kept changing while this edit was saved; load it again and retry');
  }

  private async round(target: RewriteTarget, edit: PlanEdit): Promise<RewriteResult> {
    const { tenantId, projectId } = target;
    const segment = await this.deps.segments.get(tenantId, projectId, target.segmentId);
    if (!segment) throw await segmentNotInPlan(this.deps.chapters, tenantId, projectId, target.segmentId, undefined);
    const read = await this.deps.chapters.get(tenantId, projectId, segment.chapterId);
    if (!read) throw new NotFoundError('Segment');
    if (read.deleted) throw new ConflictError('The chapter is deleted; restore it before editing its segments');
    const plan = (await committedSegments(this.deps.segments, read)).sort((a, b) => a.index - b.index);
    const current = plan.find((candidate) => candidate.id === segment.id);
    if (!current) throw await segmentNotInPlan(this.deps.chapters, tenantId, projectId, segment.id, segment);
    if (target.ifMatch && current.etag !== target.ifMatch)
      throw new PreconditionFailedError('The segment changed since you loaded it', current);

    const edited = edit(plan, current, read);
    const text = edited.map((piece) => piece.text).join('');
    const textChanged = text !== plan.map((piece) => piece.text).join('');
    if (textChanged && read.text !== plan.map((piece) => piece.text).join(''))
      throw new ConflictError('The chapter text changed since it was planned; plan the chapter again', {
        chapterId: read.id,
      });
    const textVersion = textChanged ? read.textVersion + 1 : read.textVersion;
    const { chapter: claimed, claim } = await this.claim(read);
    const records = edited.map((piece, index): SegmentRecord => ({
      ...piece,
      id: plannedSegmentId(read.id, claim.generation, index),
      index,
      planGeneration: claim.generation,
      chapterTextVersion: textChanged ? textVersion : piece.chapterTextVersion,
      etag: undefined,
    }));
    try {
      await forEachLimited(records, WRITE_CONCURRENCY, (record) => this.deps.segments.create(record));
    } catch (error) {
      await this.writer.removeGeneration(read, claim.generation).catch(() => undefined);
      throw error;
    }
    const committed = await this.commit(claimed, claim, records, { text, textVersion, textChanged }, target.language);
    await this.writer.removeOlderGenerations(committed);
    const stored = await committedSegments(this.deps.segments, committed);
    return { chapter: committed, before: plan, after: stored.sort((a, b) => a.index - b.index) };
  }

  /** Reserves the next generation number on the chapter, so no planner writes the same ids meanwhile. */
  private async claim(read: ChapterRecord): Promise<{ chapter: ChapterRecord; claim: PlanClaim }> {
    const claim: PlanClaim = {
      generation: Math.max(committedGeneration(read), read.planning?.generation ?? 0) + 1,
      jobId: this.deps.ids.newId('edit'),
      textVersion: read.textVersion,
      segmentEdits: editsOf(read),
      claimedAt: this.deps.clock.now().toISOString(),
    };
    try {
      return { chapter: await this.deps.chapters.replace({ ...read, planning: claim }, read.etag!), claim };
    } catch (error) {
      if (error instanceof PreconditionFailedError) throw new ChapterMovedOn();
      throw error;
    }
  }

  /**
   * Switches the chapter to the new generation if it still holds the plan, text and edits the edit was made on;
   * otherwise removes the new generation and starts the round again.
   */
  private async commit(
    claimed: ChapterRecord,
    claim: PlanClaim,
    records: SegmentRecord[],
    words: { text: string; textVersion: number; textChanged: boolean },
    language: string,
  ): Promise<ChapterRecord> {
    const { tenantId, projectId, id: chapterId } = claimed;
    for (let attempt = 1; attempt <= MAX_COMMIT_ATTEMPTS; attempt++) {
      const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
      const unchanged =
        !!chapter &&
        !chapter.deleted &&
        committedGeneration(chapter) === committedGeneration(claimed) &&
        chapter.textVersion === claim.textVersion &&
        editsOf(chapter) === claim.segmentEdits;
      if (!unchanged) {
        await this.writer.removeGeneration(claimed, claim.generation);
        throw new ChapterMovedOn();
      }
      const next: ChapterRecord = {
        ...chapter,
        planGeneration: claim.generation,
        planning: chapter.planning?.jobId === claim.jobId ? null : (chapter.planning ?? null),
        planTotals: totalsOf(records, claim.generation, language),
        segmentEdits: editsOf(chapter) + 1,
        audibleEdits: (chapter.audibleEdits ?? 0) + 1,
        ...(words.textChanged
          ? { text: words.text, stats: textStats(words.text), textVersion: words.textVersion }
          : {}),
        updatedAt: this.deps.clock.now().toISOString(),
      };
      try {
        return await this.deps.chapters.replace(next, chapter.etag!);
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
    await this.writer.removeGeneration(claimed, claim.generation);
    throw new ChapterMovedOn();
  }
}
