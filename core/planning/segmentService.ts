/**
 * Editing the plan one segment at a time: speaker, text, revision marks, split, merge and delete. A chapter's segments
 * always concatenate to its text, so text edits and deletions change the chapter too, in the same write as the plan
 * (chapterRewrite.ts). Editing a segment invalidates
 * only that segment's audio (its current take), never another segment's. Only the chapter's committed plan generation
 * is visible or editable (planGenerations.ts): reading a segment of any other generation answers 404; editing one that
 * a newer plan replaced answers 409 `plan_replaced` (segmentEditGuard.ts).
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { Principal, TenantPrincipal } from '../auth/principal';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../book/records';
import { characterDocumentId, UNKNOWN_SPEAKER } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import type { Page } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import { recountCastFacts } from '../casting/speakingCast';
import { generationOf, isCommitted, recountSegmentFacts } from './planGenerations';
import { ChapterRewrite, type PlanEdit } from './chapterRewrite';
import { assertNoPlanRunning, confirmSegmentEdit, segmentNotInPlan, type PlanJobsView } from './segmentEditGuard';
import { listSegmentPage, type SegmentPageRequest } from './segmentListing';
import { joinedUnspokenChars, splitUnspokenChars, unspokenCharsAfterEdit, withUnspoken } from './speakable';

export interface SegmentServiceDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  characters: TypedCollection<CharacterRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  /** Who holds the project: edits wait while a plan job runs (segmentEditGuard.ts). */
  planJobs: Omit<PlanJobsView, 'clock'>;
}

export type SegmentListOptions = SegmentPageRequest;

export interface SegmentPatch {
  speakerId?: string;
  text?: string;
  flagged?: boolean;
  revisionNote?: string | null;
}

/** A segment's weight in the planning facts: an edit that changes it triggers a recount. */
function factsOf(segments: SegmentRecord[]) {
  return {
    segmentCount: segments.length,
    segmentsWithSpeaker: segments.filter((s) => s.speakerId !== UNKNOWN_SPEAKER).length,
    segmentsFlagged: segments.filter((s) => s.flagged).length,
    segmentsRendered: segments.filter((s) => s.currentTakeId !== null).length,
  };
}

const leadingSpace = (text: string) => text.slice(0, text.length - text.trimStart().length);
const trailingSpace = (text: string) => text.slice(text.trimEnd().length);

export class SegmentService {
  private readonly rewriter: ChapterRewrite;

  constructor(private readonly deps: SegmentServiceDeps) {
    this.rewriter = new ChapterRewrite(deps);
  }

  /** Ordered by chapter reading order, then by position in the chapter (segmentListing.ts). */
  async list(
    principal: Principal | undefined,
    projectId: string,
    options: SegmentListOptions,
  ): Promise<Page<SegmentRecord>> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return listSegmentPage(this.deps, user.tenantId, projectId, options);
  }

  async get(principal: Principal | undefined, projectId: string, segmentId: string): Promise<SegmentRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return (await this.load(user, projectId, segmentId)).segment;
  }

  async update(
    principal: Principal | undefined,
    projectId: string,
    segmentId: string,
    ifMatch: string,
    patch: SegmentPatch,
    orchestrations: OrchestrationClient,
  ): Promise<SegmentRecord> {
    const { user, project } = await this.editable(principal, projectId, orchestrations);
    const segment = await this.editedSegment(user, projectId, segmentId);
    assertFresh(segment, ifMatch);
    if (patch.speakerId !== undefined) await this.assertSpeaker(user.tenantId, projectId, patch.speakerId);
    if (patch.text !== undefined) {
      validateSegmentText(patch.text);
      const words = patch.text;
      if (keepSurroundingSpace(segment.text, words) !== segment.text) {
        // New words change the chapter text and the segment together: written as a new generation of the chapter's
        // plan, committed with the text in one write (chapterRewrite.ts), so no crash leaves them disagreeing.
        const { after, at } = await this.rewrite(project, segmentId, ifMatch, (plan, current) => {
          const { next } = patched(current, patch, this.now());
          const text = keepSurroundingSpace(current.text, words);
          return replaceAt(plan, current, 1, [
            withUnspoken({ ...next, text, currentTakeId: null }, unspokenCharsAfterEdit(current, text)),
          ]);
        });
        return after[at];
      }
    }
    const { next, audioChanged } = patched(segment, patch, this.now());
    const saved = await this.deps.segments
      .replace(audioChanged ? { ...next, currentTakeId: null } : next, ifMatch)
      .catch(async (error: unknown) => {
        // Removed since it was read: a re-plan committed meanwhile and removed the generation it replaced.
        if (!(error instanceof NotFoundError)) throw error;
        throw await segmentNotInPlan(this.deps.chapters, user.tenantId, projectId, segmentId, segment);
      });
    await this.recordEdit(project, [segment], [saved], audioChanged);
    return saved;
  }

  /**
   * Cuts a segment in two at `offset` (a position in its text); the chapter text is unchanged. Like merge and delete,
   * it moves every later segment, so the chapter's plan is rewritten whole as a new generation (chapterRewrite.ts):
   * every segment of the chapter gets a new id.
   */
  async split(
    principal: Principal | undefined,
    projectId: string,
    segmentId: string,
    offset: number,
    ifMatch: string | undefined,
    orchestrations: OrchestrationClient,
  ): Promise<[SegmentRecord, SegmentRecord]> {
    const { project } = await this.editable(principal, projectId, orchestrations);
    const now = this.now();
    const { after, at } = await this.rewrite(project, segmentId, ifMatch, (plan, segment) => {
      const head = segment.text.slice(0, offset);
      const tail = segment.text.slice(offset);
      if (offset <= 0 || offset >= segment.text.length || head.trim() === '' || tail.trim() === '') {
        throw new ValidationError('Both parts of a split must contain text', [
          {
            field: 'offset',
            message: `must fall between visible characters of the segment (length ${segment.text.length})`,
          },
        ]);
      }
      const unspoken = splitUnspokenChars(segment, offset);
      const first = withUnspoken({ ...segment, text: head, currentTakeId: null, updatedAt: now }, unspoken.head);
      const second = withUnspoken<SegmentRecord>(
        {
          ...segment,
          text: tail,
          boundaryBefore: 'sentence',
          takes: [],
          currentTakeId: null,
          createdAt: now,
          updatedAt: now,
        },
        unspoken.tail,
      );
      return replaceAt(plan, segment, 1, [first, second]);
    });
    return [after[at], after[at + 1]];
  }

  /** Joins a segment with the one after it in the same chapter; the first keeps its speaker and takes. */
  async mergeNext(
    principal: Principal | undefined,
    projectId: string,
    segmentId: string,
    ifMatch: string | undefined,
    orchestrations: OrchestrationClient,
  ): Promise<SegmentRecord> {
    const { project } = await this.editable(principal, projectId, orchestrations);
    const now = this.now();
    const { after, at } = await this.rewrite(project, segmentId, ifMatch, (plan, segment) => {
      const ordered = inReadingOrder(plan);
      const next = ordered[ordered.findIndex((candidate) => candidate.id === segment.id) + 1];
      if (!next) throw new ConflictError('This is the last segment of its chapter; there is nothing to merge with');
      const merged = withUnspoken(
        {
          ...segment,
          text: segment.text + next.text,
          kind: segment.kind === next.kind ? segment.kind : segment.kind === 'heading' ? next.kind : segment.kind,
          flagged: segment.flagged || next.flagged,
          revisionNote: segment.revisionNote ?? next.revisionNote,
          currentTakeId: null,
          updatedAt: now,
        },
        joinedUnspokenChars([segment, next]),
      );
      return replaceAt(plan, segment, 2, [merged]);
    });
    return after[at];
  }

  /** Deletes the segment and its text from the chapter (the words are no longer part of the book). */
  async remove(
    principal: Principal | undefined,
    projectId: string,
    segmentId: string,
    ifMatch: string | undefined,
    orchestrations: OrchestrationClient,
  ): Promise<void> {
    const { project } = await this.editable(principal, projectId, orchestrations);
    await this.rewrite(project, segmentId, ifMatch, (plan, segment, chapter) => {
      if (chapter.deleted) throw new ConflictError('The chapter is deleted; restore it before editing its segments');
      if (plan.length <= 1) throw new ConflictError('A chapter keeps at least one segment; delete the chapter instead');
      return replaceAt(plan, segment, 1, []);
    });
  }

  /**
   * Writes the chapter's plan with `edit` applied as a new generation, then brings the project's facts in step.
   * Answers the committed plan and the position of the edited segment in it.
   */
  private async rewrite(
    project: ProjectRecord,
    segmentId: string,
    ifMatch: string | undefined,
    edit: PlanEdit,
  ): Promise<{ after: SegmentRecord[]; at: number }> {
    let at = -1;
    const { before, after } = await this.rewriter.apply(
      { tenantId: project.tenantId, projectId: project.id, segmentId, ifMatch, language: project.metadata.language },
      (plan, segment, chapter) => {
        at = inReadingOrder(plan).findIndex((candidate) => candidate.id === segment.id);
        return edit(plan, segment, chapter);
      },
    );
    await this.adjustFacts(project.tenantId, project.id, before, after);
    return { after, at };
  }

  /** A segment of a chapter's committed plan, with its chapter; any other generation is not part of the book. */
  private async load(
    user: TenantPrincipal,
    projectId: string,
    segmentId: string,
  ): Promise<{ segment: SegmentRecord; chapter: ChapterRecord }> {
    const segment = await this.deps.segments.get(user.tenantId, projectId, segmentId);
    if (!segment) throw new NotFoundError('Segment');
    const chapter = await this.deps.chapters.get(user.tenantId, projectId, segment.chapterId);
    if (!chapter || !isCommitted(segment, chapter)) throw new NotFoundError('Segment');
    return { segment, chapter };
  }

  /** A segment of a chapter's committed plan, to edit; one that a newer plan replaced answers 409 `plan_replaced`. */
  private async editedSegment(user: TenantPrincipal, projectId: string, segmentId: string): Promise<SegmentRecord> {
    const segment = await this.deps.segments.get(user.tenantId, projectId, segmentId);
    const chapter = segment && (await this.deps.chapters.get(user.tenantId, projectId, segment.chapterId));
    if (segment && chapter && isCommitted(segment, chapter)) return segment;
    throw await segmentNotInPlan(this.deps.chapters, user.tenantId, projectId, segmentId, segment);
  }

  private async assertSpeaker(tenantId: string, projectId: string, speakerId: string): Promise<void> {
    if (speakerId === NARRATOR_ID || speakerId === UNKNOWN_SPEAKER) return;
    const character = await this.deps.characters.get(tenantId, projectId, characterDocumentId(projectId, speakerId));
    if (!character || character.characterId !== speakerId) {
      throw new ValidationError('Unknown speaker', [
        { field: 'speakerId', message: "must be 'narrator', 'unknown' or a character of this project" },
      ]);
    }
  }

  /**
   * Counts the stored edit on the chapter with its plan totals (which fails with 409 if a re-plan replaced the
   * generation meanwhile: the edit went with it), then brings the project's facts in step.
   */
  private async recordEdit(
    project: ProjectRecord,
    before: SegmentRecord[],
    after: SegmentRecord[],
    audible: boolean,
  ): Promise<void> {
    const [{ tenantId, projectId, chapterId }] = before;
    await confirmSegmentEdit(this.deps.chapters, {
      tenantId,
      projectId,
      chapterId,
      generation: generationOf(before[0]),
      language: project.metadata.language,
      before,
      after,
      audible,
    });
    await this.adjustFacts(tenantId, projectId, before, after);
  }

  /** The project, for an edit: refused while a plan job runs, since the plan is about to replace the segments. */
  private async editable(principal: Principal | undefined, projectId: string, orchestrations: OrchestrationClient) {
    const loaded = await this.deps.projects.load(principal, projectId, 'project.update');
    const view = { ...this.deps.planJobs, clock: this.deps.clock };
    await assertNoPlanRunning(view, loaded.user.tenantId, projectId, orchestrations);
    return loaded;
  }

  private async adjustFacts(tenantId: string, projectId: string, before: SegmentRecord[], after: SegmentRecord[]) {
    // A line given to a character who had none makes them part of the speaking cast (and taking it away, not).
    const speakers = (segments: SegmentRecord[]) => [...new Set(segments.map((s) => s.speakerId))].sort().join();
    if (speakers(before) !== speakers(after)) await recountCastFacts(this.deps, tenantId, projectId);
    const was = factsOf(before);
    const is = factsOf(after);
    if (
      was.segmentCount === is.segmentCount &&
      was.segmentsWithSpeaker === is.segmentsWithSpeaker &&
      was.segmentsFlagged === is.segmentsFlagged &&
      was.segmentsRendered === is.segmentsRendered
    )
      return;
    await recountSegmentFacts(this.deps, tenantId, projectId);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

const inReadingOrder = (plan: SegmentRecord[]) => [...plan].sort((a, b) => a.index - b.index);

/** The segment with the patch's speaker, flag and note applied; whether that changed what is heard. */
function patched(
  segment: SegmentRecord,
  patch: SegmentPatch,
  now: string,
): { next: SegmentRecord; audioChanged: boolean } {
  let next: SegmentRecord = { ...segment, updatedAt: now };
  let audioChanged = false;
  if (patch.speakerId !== undefined && patch.speakerId !== segment.speakerId) {
    next = { ...next, speakerId: patch.speakerId, speakerConfidence: 1, speakerSource: 'user' };
    audioChanged = true;
  }
  if (patch.speakerId !== undefined) next.flagged = patch.speakerId === UNKNOWN_SPEAKER;
  if (patch.revisionNote !== undefined) next.revisionNote = patch.revisionNote;
  if (patch.revisionNote) next.flagged = true;
  if (patch.flagged !== undefined) next.flagged = patch.flagged;
  return { next, audioChanged };
}

/** The plan with `count` segments, from `segment` on, replaced by `pieces`. */
function replaceAt(
  plan: SegmentRecord[],
  segment: SegmentRecord,
  count: number,
  pieces: SegmentRecord[],
): SegmentRecord[] {
  const ordered = inReadingOrder(plan);
  const at = ordered.findIndex((candidate) => candidate.id === segment.id);
  return [...ordered.slice(0, at), ...pieces, ...ordered.slice(at + count)];
}

function assertFresh(segment: SegmentRecord, ifMatch: string): void {
  if (segment.etag !== ifMatch) throw new PreconditionFailedError('The segment changed since you loaded it', segment);
}

/**
 * Editors usually send the visible words only; the whitespace that separated this segment from its neighbours stays
 * unless the new text brings its own.
 */
function keepSurroundingSpace(old: string, edited: string): string {
  const lead = leadingSpace(edited) === '' ? leadingSpace(old) : '';
  const trail = trailingSpace(edited) === '' ? trailingSpace(old) : '';
  return lead + edited + trail;
}

export function validateSegmentText(text: string): void {
  if (text.trim() === '')
    throw new ValidationError('Segment text must contain visible characters; delete the segment instead', [
      { field: 'text', message: 'must not be blank' },
    ]);
}
