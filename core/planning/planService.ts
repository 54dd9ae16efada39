/**
 * Planning: cuts chapters into segments and labels who speaks each one (label-only attribution), keeps the user's
 * speaker choices across re-planning, keeps the planning facts current, and stores the project's pause policy.
 * A chapter's plan is written as one generation (chapterPlanWriter.ts, docs/planning.md).
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { Principal } from '../auth/principal';
import { NARRATOR_ID } from '../characters/character';
import { toCharacter } from '../characters/characterStore';
import type { ChapterRecord, CharacterRecord, PlanClaim, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { ConflictError, DomainError, PreconditionFailedError, ValidationError } from '../errors';
import type { AttributionEngine, SpeakerLabel, TokenUsage } from '../ports/analysis';
import type { Clock, IdGenerator, Logger } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import { recountCastFacts } from '../casting/speakingCast';
import { bookChapterOutlines, bookCharacters } from './bookDocuments';
import { totalsOf } from './chapterTotals';
import { ChapterPlanWriter, GenerationMismatchError, type PlanWriteFaults } from './chapterPlanWriter';
import {
  effectivePausePolicy,
  pausePolicyDocumentId,
  type PauseOverrides,
  type PausePolicy,
  type PausePolicyRecord,
} from './pausePolicy';
import {
  committedSegments,
  currentTotals,
  plannedSegmentId,
  PLAN_READS,
  readCommittedPlan,
  recountSegmentFacts,
} from './planGenerations';
import { planProblems, type PlanProblem } from './planInvariant';
import { segmentChapter } from './segmentation';
import { mergeUnspeakable } from './speakable';

export { bookChapters, bookCharacters } from './bookDocuments';

/** Below this confidence a label is flagged for review. */
export const REVIEW_CONFIDENCE = 0.5;
/** Times a chapter is cut again because its text or segments were edited while it was being planned. */
const MAX_PLAN_ATTEMPTS = 3;
/** Attempts at an unconditional pause-policy write: each lost race is another writer's win. */
const PAUSE_POLICY_WRITE_ATTEMPTS = 50;

export interface PlanServiceDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  characters: TypedCollection<CharacterRecord>;
  /** The `lexicon` container, which also holds the pause policy document. */
  settings: TypedCollection<PausePolicyRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  /** Reports what planning had to mend (pieces with nothing to speak merged into a neighbour). */
  logger?: Logger;
  /** Fault injection for tests; absent in production. */
  faults?: PlanWriteFaults;
}

export interface ChapterPlanSummary {
  chapterId: string;
  segments: number;
  flagged: number;
  usage: TokenUsage;
}

/** A chapter's committed plan failed its invariant right after it was written: the planner must run again. */
export class PlanIntegrityError extends Error {
  constructor(
    readonly chapterId: string,
    readonly problems: PlanProblem[],
  ) {
    super(`The plan of chapter ${chapterId} does not hold: ${problems.map((p) => p.message).join('; ')}`);
    this.name = 'PlanIntegrityError';
  }
}

const NO_USAGE: TokenUsage = { promptTokens: 0, completionTokens: 0, model: '', calls: 0 };

function addUsage(a: TokenUsage, b: TokenUsage): TokenUsage {
  return {
    promptTokens: a.promptTokens + b.promptTokens,
    completionTokens: a.completionTokens + b.completionTokens,
    model: b.model || a.model,
    calls: a.calls + b.calls,
  };
}

function summaryOf(chapterId: string, segments: SegmentRecord[], usage: TokenUsage): ChapterPlanSummary {
  return { chapterId, segments: segments.length, flagged: segments.filter((s) => s.flagged).length, usage };
}

/** Model output is untrusted: unknown speaker ids become `unknown`, confidences are clamped. */
function checkedLabel(label: SpeakerLabel | undefined, speakers: ReadonlySet<string>) {
  const speakerId = label && speakers.has(label.speakerId) ? label.speakerId : UNKNOWN_SPEAKER;
  const raw = label && Number.isFinite(label.confidence) ? label.confidence : 0;
  const confidence = speakerId === UNKNOWN_SPEAKER ? 0 : Math.min(1, Math.max(0, raw));
  return { speakerId, confidence, flagged: speakerId === UNKNOWN_SPEAKER || confidence < REVIEW_CONFIDENCE };
}

export class PlanService {
  private readonly writer: ChapterPlanWriter;

  constructor(private readonly deps: PlanServiceDeps) {
    this.writer = new ChapterPlanWriter(deps);
  }

  /** The non-deleted chapters to plan, in reading order; every requested id must name one of them. */
  async chaptersToPlan(tenantId: string, projectId: string, chapterIds?: string[]): Promise<string[]> {
    const chapters = await bookChapterOutlines(this.deps.chapters, tenantId, projectId);
    if (!chapterIds || chapterIds.length === 0) return chapters.map((chapter) => chapter.id);
    const known = new Set(chapters.map((chapter) => chapter.id));
    const missing = chapterIds.filter((id) => !known.has(id));
    if (missing.length > 0) {
      throw new ValidationError('Unknown or deleted chapters', [
        { field: 'chapterIds', message: `not chapters of this project: ${missing.slice(0, 5).join(', ')}` },
      ]);
    }
    const wanted = new Set(chapterIds);
    return chapters.filter((chapter) => wanted.has(chapter.id)).map((chapter) => chapter.id);
  }

  /** Checks a plan request before its job starts, so a bad request fails fast with 400 / 422. */
  async assertPlannable(principal: Principal | undefined, projectId: string, chapterIds?: string[]): Promise<void> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.update');
    const ids = await this.chaptersToPlan(user.tenantId, projectId, chapterIds);
    if (ids.length === 0) throw new DomainError('unprocessable', 'The project has no chapters to plan yet');
  }

  /**
   * Segments one chapter and attributes its speakers, as a new generation that replaces the chapter's plan whole;
   * where a segment's text is unchanged the user's speaker, revision note and audio takes carry over. `jobId` names
   * the unit of work: running it again (a retry, a replay, after a crash) commits exactly one plan, and reports the
   * segments that plan holds. Checks the committed plan before returning.
   */
  async planChapter(
    tenantId: string,
    projectId: string,
    chapterId: string,
    attribution: AttributionEngine,
    language: string,
    jobId: string,
  ): Promise<ChapterPlanSummary> {
    let usage = NO_USAGE;
    let fresh = false;
    for (let attempt = 1; attempt <= MAX_PLAN_ATTEMPTS; attempt++) {
      const claimed = await this.writer.claim(tenantId, projectId, chapterId, jobId, fresh);
      if (claimed.kind === 'gone') return summaryOf(chapterId, [], usage);
      if (claimed.kind === 'done') return summaryOf(chapterId, claimed.segments, usage);
      const cut = await this.cut(claimed.chapter, claimed.claim, attribution, language);
      usage = addUsage(usage, cut.usage);
      let stored: SegmentRecord[];
      try {
        stored = await this.writer.write(claimed.claim, cut.records);
      } catch (error) {
        if (!(error instanceof GenerationMismatchError)) throw error;
        fresh = true;
        continue;
      }
      fresh = false;
      const totals = totalsOf(stored, claimed.claim.generation, language);
      const outcome = await this.writer.commit(tenantId, projectId, chapterId, claimed.claim, totals);
      if (outcome.kind === 'gone') return summaryOf(chapterId, [], usage);
      // Cut again from what the chapter holds now: its new text, or the segment edits stored meanwhile.
      if (outcome.kind === 'text_changed' || outcome.kind === 'edited') continue;
      // Whichever generation is committed now (a newer planner may have won since) must hold.
      const { chapter, segments: plan } = await readCommittedPlan(
        this.deps.chapters,
        this.deps.segments,
        outcome.chapter,
        PLAN_READS.planner,
      );
      const problems = planProblems(chapter, plan);
      if (problems.length > 0) throw new PlanIntegrityError(chapterId, problems);
      return summaryOf(chapterId, plan, usage);
    }
    throw new ConflictError('The chapter kept being edited while it was being planned; plan it again', {
      chapterId,
    });
  }

  /** The claimed generation's segments: cut from the chapter text, labelled, with the user's choices carried over. */
  private async cut(
    chapter: ChapterRecord,
    claim: PlanClaim,
    attribution: AttributionEngine,
    language: string,
  ): Promise<{ records: SegmentRecord[]; usage: TokenUsage }> {
    const { tenantId, projectId, id: chapterId } = chapter;
    // A chapter never planned has no earlier plan to carry choices over from.
    const neverPlanned = chapter.planStatus === 'none' && chapter.planGeneration === undefined;
    const [previous, characterRecords] = await Promise.all([
      neverPlanned ? [] : committedSegments(this.deps.segments, chapter),
      bookCharacters(this.deps.characters, tenantId, projectId),
    ]);
    const characters = characterRecords.map(toCharacter);
    const speakers = new Set([NARRATOR_ID, UNKNOWN_SPEAKER, ...characters.map((c) => c.id)]);
    // Nothing without words may reach synthesis: such a piece rides with a neighbour, and the text still tiles.
    const { segments: pieces, merged } = mergeUnspeakable(
      segmentChapter(chapter.text, { headingText: chapter.headingText, language }),
      language,
    );
    if (merged.length > 0) {
      this.deps.logger?.warn('Merged segments with nothing to speak into their neighbours', {
        tenantId,
        projectId,
        chapterId,
        merged: merged.slice(0, 20).map((piece) => ({ ...piece, text: piece.text.slice(0, 40) })),
      });
    }
    const ids = pieces.map((piece) => plannedSegmentId(chapterId, claim.generation, piece.index));
    const { labels, usage } = await attribution.attribute({
      chapter: { id: chapterId, language },
      segments: pieces.map((piece, i) => ({
        id: ids[i],
        kind: piece.kind,
        text: piece.text,
        chapterId,
        index: piece.index,
        boundaryBefore: piece.boundaryBefore,
      })),
      characters,
    });
    const labelById = new Map(labels.map((label) => [label.segmentId, label]));
    const earlier = new Map<string, SegmentRecord[]>();
    for (const segment of previous) earlier.set(segment.text, [...(earlier.get(segment.text) ?? []), segment]);

    const now = this.deps.clock.now().toISOString();
    const records = pieces.map((piece, i): SegmentRecord => {
      const label = checkedLabel(labelById.get(ids[i]), speakers);
      const before = earlier.get(piece.text)?.shift();
      const keepUser = before?.speakerSource === 'user' && speakers.has(before.speakerId);
      const speakerId = keepUser ? before.speakerId : label.speakerId;
      return {
        id: ids[i],
        type: 'segment',
        tenantId,
        projectId,
        chapterId,
        index: piece.index,
        kind: piece.kind,
        text: piece.text,
        boundaryBefore: piece.boundaryBefore,
        ...(piece.unspokenChars === undefined ? {} : { unspokenChars: piece.unspokenChars }),
        speakerId,
        speakerConfidence: keepUser ? before.speakerConfidence : label.confidence,
        speakerSource: keepUser ? 'user' : attribution.engine === 'heuristic' ? 'heuristic' : 'llm',
        flagged: keepUser ? before.flagged : label.flagged || (before?.revisionNote ?? null) !== null,
        revisionNote: before?.revisionNote ?? null,
        chapterTextVersion: claim.textVersion,
        planGeneration: claim.generation,
        takes: before?.takes ?? [],
        // Audio rendered for the same text and speaker is still right; anything else must be rendered again.
        currentTakeId: before && before.speakerId === speakerId ? before.currentTakeId : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    return { records, usage };
  }

  /**
   * Recounts the planning facts from the committed segments of the book's live chapters, and the characters' facts:
   * a plan's speakers belong to the speaking cast.
   */
  async recountFacts(tenantId: string, projectId: string): Promise<void> {
    await recountSegmentFacts(this.deps, tenantId, projectId);
    await recountCastFacts(this.deps, tenantId, projectId);
  }

  /** The committed plan of each of the given chapters, for reporting what a job stored. */
  async storedPlanCounts(
    tenantId: string,
    projectId: string,
    chapterIds: string[],
  ): Promise<{ chapters: number; segments: number; flagged: number }> {
    const wanted = new Set(chapterIds);
    const outlines = (await bookChapterOutlines(this.deps.chapters, tenantId, projectId)).filter((c) =>
      wanted.has(c.id),
    );
    let segments = 0;
    let flagged = 0;
    for (const outline of outlines) {
      const totals = currentTotals(outline);
      if (totals) {
        segments += totals.segments;
        flagged += totals.flagged;
        continue;
      }
      // Planned before totals were kept: count its segments.
      const chapter = await this.deps.chapters.get(tenantId, projectId, outline.id);
      if (!chapter) continue;
      const plan = (await readCommittedPlan(this.deps.chapters, this.deps.segments, chapter)).segments;
      segments += plan.length;
      flagged += plan.filter((segment) => segment.flagged).length;
    }
    return { chapters: outlines.length, segments, flagged };
  }

  async getPausePolicy(principal: Principal | undefined, projectId: string) {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    const record = await this.pausePolicyRecord(user.tenantId, projectId);
    return {
      overrides: record?.overrides ?? {},
      effective: effectivePausePolicy(record?.overrides),
      etag: record?.etag,
    };
  }

  /** Replaces the overrides (a boundary left out goes back to its default). */
  async putPausePolicy(
    principal: Principal | undefined,
    projectId: string,
    overrides: PauseOverrides,
    ifMatch: string | undefined,
  ) {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.update');
    const record: PausePolicyRecord = {
      id: pausePolicyDocumentId(projectId),
      type: 'pausePolicy',
      tenantId: user.tenantId,
      projectId,
      overrides,
      updatedAt: this.deps.clock.now().toISOString(),
      updatedBy: user.userId,
    };
    for (let attempt = 1; ; attempt++) {
      const current = await this.pausePolicyRecord(user.tenantId, projectId);
      if (ifMatch && current?.etag !== ifMatch)
        throw new PreconditionFailedError('The pause policy changed since you loaded it', current);
      try {
        const saved = current
          ? await this.deps.settings.replace(record, current.etag!)
          : await this.deps.settings.create(record);
        return { overrides: saved.overrides, effective: effectivePausePolicy(saved.overrides), etag: saved.etag };
      } catch (error) {
        // Without If-Match the request replaces whatever is stored: a write that landed between the read and this
        // one is no precondition of the caller's, so it reads again. With If-Match the loop re-checks the version.
        const lostRace = error instanceof PreconditionFailedError || error instanceof ConflictError;
        if (!lostRace || attempt >= PAUSE_POLICY_WRITE_ATTEMPTS) throw error;
      }
    }
  }

  /** For the production pipeline, which acts for the system. */
  async pausePolicyFor(tenantId: string, projectId: string): Promise<PausePolicy> {
    return effectivePausePolicy((await this.pausePolicyRecord(tenantId, projectId))?.overrides);
  }

  private pausePolicyRecord(tenantId: string, projectId: string): Promise<PausePolicyRecord | undefined> {
    return this.deps.settings.get(tenantId, projectId, pausePolicyDocumentId(projectId));
  }
}
