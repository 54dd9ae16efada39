/**
 * Stores a chapter's new plan as one generation (docs/planning.md): claim a generation number on the chapter, write
 * its segments create-only under ids derived from (chapter, generation, position), switch the chapter's committed
 * generation with an ETag-checked write once every segment exists, then remove older generations. A retried or
 * replayed planner of the same job claims the same generation and rewrites the same ids; two planners of different
 * jobs write different generations and the newer one wins whole. Crashing anywhere leaves the committed plan intact.
 * A generation built while a segment edit was stored is not committed (the chapter counts the edits), so an edit
 * acknowledged to its user is never dropped by a plan that read the segments before it.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterPlanTotals, ChapterRecord, PlanClaim, SegmentRecord } from '../book/records';
import { ConflictError, PreconditionFailedError } from '../errors';
import { MAX_TRANSACTION_WRITES, type Filter } from '../ports/documents';
import { transactionGroups } from '../manuscript/chapterEdits';
import type { Clock } from '../ports/system';
import { forEachLimited, LIST_PAGE } from './bookDocuments';
import { committedGeneration, readCommittedPlan, UNVERSIONED_GENERATION } from './planGenerations';
import { planProblems } from './planInvariant';
import { PLANNER_REVISION } from './planRevision';

const WRITE_CONCURRENCY = 8;
/** Below Cosmos DB's 2 MB for a transactional batch's request, with room for its envelope. */
const MAX_TRANSACTION_BYTES = 1_500_000;
/** ETag races on one chapter document: each lost race means another writer won, so this only stops a runaway. */
const MAX_CHAPTER_WRITE_ATTEMPTS = 100;

/** Test-only hooks (off unless configured in local mode): make a write fail the way a crash would. */
export interface PlanWriteFaults {
  /** Called when half of a generation's segments are stored; throwing here leaves a partly written generation. */
  afterPartialWrite(context: { jobId: string; chapterId: string; generation: number }): void;
}

export interface ChapterPlanWriterDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  clock: Clock;
  faults?: PlanWriteFaults;
}

export type ClaimOutcome =
  | { kind: 'gone' }
  /** This job's plan is already committed and holds: nothing to write. */
  | { kind: 'done'; chapter: ChapterRecord; segments: SegmentRecord[] }
  | { kind: 'claimed'; chapter: ChapterRecord; claim: PlanClaim };

export type CommitOutcome =
  | { kind: 'committed'; chapter: ChapterRecord }
  /** A newer generation was committed first; this one was removed. */
  | { kind: 'superseded'; chapter: ChapterRecord }
  /** The chapter text changed while planning; this generation was removed and must be cut again. */
  | { kind: 'text_changed' }
  /**
   * A segment edit was stored after the claim, so the generation may have been built without it: it was removed and
   * must be built again from the edited plan.
   */
  | { kind: 'edited' }
  | { kind: 'gone' };

/** Segment edits counted on the chapter so far (chapters written before edits were counted have none). */
export const editsOf = (chapter: Pick<ChapterRecord, 'segmentEdits'>): number => chapter.segmentEdits ?? 0;
const editsWhenClaimed = (claim: PlanClaim): number => claim.segmentEdits ?? 0;

/** Thrown when a stored segment of the claimed generation is not the one this planner would write. */
export class GenerationMismatchError extends Error {}

export class ChapterPlanWriter {
  constructor(private readonly deps: ChapterPlanWriterDeps) {}

  /**
   * Claims the generation `jobId` writes. A claim of the same job for the same text is reused (its segments may be
   * partly stored already); otherwise the next number after every generation claimed or committed so far.
   */
  async claim(
    tenantId: string,
    projectId: string,
    chapterId: string,
    jobId: string,
    fresh = false,
  ): Promise<ClaimOutcome> {
    for (let attempt = 1; ; attempt++) {
      const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
      if (!chapter || chapter.deleted) return { kind: 'gone' };
      if (!fresh && chapter.planJobId === jobId && chapter.planStatus === 'planned') {
        const plan = await readCommittedPlan(this.deps.chapters, this.deps.segments, chapter);
        if (plan.chapter.planJobId === jobId && planProblems(plan.chapter, plan.segments).length === 0)
          return { kind: 'done', chapter: plan.chapter, segments: plan.segments };
      }
      const held = chapter.planning;
      if (
        !fresh &&
        held &&
        held.jobId === jobId &&
        held.textVersion === chapter.textVersion &&
        editsWhenClaimed(held) === editsOf(chapter)
      )
        return { kind: 'claimed', chapter, claim: held };
      const claim: PlanClaim = {
        generation: Math.max(committedGeneration(chapter), held?.generation ?? 0) + 1,
        jobId,
        textVersion: chapter.textVersion,
        segmentEdits: editsOf(chapter),
        claimedAt: this.deps.clock.now().toISOString(),
      };
      try {
        const saved = await this.deps.chapters.replace({ ...chapter, planning: claim }, chapter.etag!);
        return { kind: 'claimed', chapter: saved, claim };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_CHAPTER_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Stores the generation's segments create-only; a segment already stored by an earlier attempt is kept. Returns the
   * segments as stored (an earlier attempt's labels win where it wrote first).
   *
   * The segments go in transactions of up to a hundred (one request each) rather than one request per segment: the
   * per-request work of the store's client, multiplied by every segment of the book, was most of what planning left
   * for the host's garbage collector. A transaction refused because one of its segments is already stored (a retry
   * after a crash) is written again segment by segment, keeping what the earlier attempt stored.
   */
  async write(claim: PlanClaim, records: SegmentRecord[]): Promise<SegmentRecord[]> {
    const half = Math.ceil(records.length / 2);
    const stored = await this.writeGroups(records.slice(0, half));
    if (records.length > 0)
      this.deps.faults?.afterPartialWrite({
        jobId: claim.jobId,
        chapterId: records[0].chapterId,
        generation: claim.generation,
      });
    return [...stored, ...(await this.writeGroups(records.slice(half)))];
  }

  private async writeGroups(records: SegmentRecord[]): Promise<SegmentRecord[]> {
    const stored: SegmentRecord[] = [];
    for (const group of transactionGroups(records, MAX_TRANSACTION_WRITES, MAX_TRANSACTION_BYTES)) {
      const { tenantId, projectId } = group[0];
      try {
        await this.deps.segments.transact(
          tenantId,
          projectId,
          group.map((doc) => ({ op: 'create', doc })),
        );
        stored.push(...group);
      } catch (error) {
        if (!(error instanceof ConflictError)) throw error;
        const one = new Array<SegmentRecord>(group.length);
        await forEachLimited(
          group.map((_, i) => i),
          WRITE_CONCURRENCY,
          (i) => this.createOnce(group[i]).then((segment) => (one[i] = segment)),
        );
        stored.push(...one);
      }
    }
    return stored;
  }

  /**
   * Makes the generation the chapter's plan, if it is still newer than the committed one and cut from the current
   * text, then removes the generations it replaces. A generation that lost is removed instead. `totals` (counted from
   * the generation's segments) are stored in the same write, so they always describe the committed plan.
   */
  async commit(
    tenantId: string,
    projectId: string,
    chapterId: string,
    claim: PlanClaim,
    totals: ChapterPlanTotals | null,
  ): Promise<CommitOutcome> {
    for (let attempt = 1; ; attempt++) {
      const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
      if (!chapter) {
        await this.removeGeneration({ id: chapterId, tenantId, projectId }, claim.generation);
        return { kind: 'gone' };
      }
      const committed = committedGeneration(chapter);
      if (committed === claim.generation) {
        // Committed by an earlier attempt of the same job, which may have stopped before removing what it replaced.
        await this.removeOlderGenerations(chapter);
        return { kind: 'committed', chapter };
      }
      if (committed > claim.generation) {
        await this.removeGeneration(chapter, claim.generation);
        return { kind: 'superseded', chapter };
      }
      if (chapter.textVersion !== claim.textVersion) {
        await this.removeGeneration(chapter, claim.generation);
        return { kind: 'text_changed' };
      }
      if (editsOf(chapter) !== editsWhenClaimed(claim)) {
        await this.removeGeneration(chapter, claim.generation);
        return { kind: 'edited' };
      }
      const next: ChapterRecord = {
        ...chapter,
        planGeneration: claim.generation,
        planJobId: claim.jobId,
        plannerRevision: PLANNER_REVISION,
        planning: chapter.planning?.generation === claim.generation ? null : (chapter.planning ?? null),
        planStatus: 'planned',
        planTotals: totals,
        updatedAt: this.deps.clock.now().toISOString(),
      };
      try {
        const saved = await this.deps.chapters.replace(next, chapter.etag!);
        await this.removeOlderGenerations(saved);
        return { kind: 'committed', chapter: saved };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_CHAPTER_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** Removes every generation older than the committed one (newer ones may be in the middle of being written). */
  async removeOlderGenerations(chapter: ChapterRecord): Promise<number> {
    const committed = committedGeneration(chapter);
    if (committed === UNVERSIONED_GENERATION) return 0;
    const older = await this.segmentKeys(chapter, {
      op: 'or',
      filters: [
        { field: 'planGeneration', op: 'lt', value: committed },
        { field: 'planGeneration', op: 'absent' },
      ],
    });
    await this.deleteAll(older);
    return older.length;
  }

  async removeGeneration(
    chapter: Pick<ChapterRecord, 'id' | 'tenantId' | 'projectId'>,
    generation: number,
  ): Promise<number> {
    const doomed = await this.segmentKeys(
      chapter,
      generation === UNVERSIONED_GENERATION
        ? { field: 'planGeneration', op: 'absent' }
        : { field: 'planGeneration', op: 'eq', value: generation },
    );
    await this.deleteAll(doomed);
    return doomed.length;
  }

  /** Which of the chapter's segments `generations` selects, by key only: removing them needs nothing else. */
  private segmentKeys(chapter: Pick<ChapterRecord, 'id' | 'tenantId' | 'projectId'>, generations: Filter) {
    const filter: Filter = { op: 'and', filters: [{ field: 'chapterId', op: 'eq', value: chapter.id }, generations] };
    return this.deps.segments.readAllFields(
      chapter.tenantId,
      chapter.projectId,
      ['id', 'tenantId', 'projectId'],
      { filter },
      LIST_PAGE,
    );
  }

  async deleteAll(segments: Pick<SegmentRecord, 'id' | 'tenantId' | 'projectId'>[]): Promise<void> {
    await forEachLimited(segments, WRITE_CONCURRENCY, (segment) =>
      this.deps.segments.delete(segment.tenantId, segment.projectId, segment.id),
    );
  }

  private async createOnce(record: SegmentRecord): Promise<SegmentRecord> {
    try {
      await this.deps.segments.create(record);
      return record;
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const stored = await this.deps.segments.get(record.tenantId, record.projectId, record.id);
      // Same id, same generation, same text version: segmentation is a pure function of the text, so anything else
      // means the claim was reused across different text and must not be committed.
      if (
        stored &&
        (stored.text !== record.text || stored.index !== record.index || stored.chapterId !== record.chapterId)
      )
        throw new GenerationMismatchError(`Segment ${record.id} is stored with different content`);
      return stored ?? record;
    }
  }
}
