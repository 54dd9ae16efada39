/**
 * Planning: cuts chapters into segments and labels who speaks each one (label-only attribution), keeps the user's
 * speaker choices across re-planning, keeps the production facts current, and stores the project's pause policy.
 */
import type { Principal } from '../auth/principal';
import { NARRATOR_ID } from '../characters/character';
import { toCharacter } from '../characters/characterStore';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { DomainError, PreconditionFailedError, ValidationError } from '../errors';
import type { AttributionEngine, SpeakerLabel, TokenUsage } from '../ports/analysis';
import type { Filter, ProjectCollection, ProjectScopedDocument } from '../ports/documents';
import type { Clock, IdGenerator, Logger } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import {
  effectivePausePolicy,
  pausePolicyDocumentId,
  type PauseOverrides,
  type PausePolicy,
  type PausePolicyRecord,
} from './pausePolicy';
import { segmentChapter } from './segmentation';
import { mergeUnspeakable } from './speakable';

/** Below this confidence a label is flagged for review (issue #3 §6). */
export const REVIEW_CONFIDENCE = 0.5;
const WRITE_CONCURRENCY = 8;
const LIST_PAGE = 100;

export interface PlanServiceDeps {
  chapters: ProjectCollection<ChapterRecord>;
  segments: ProjectCollection<SegmentRecord>;
  characters: ProjectCollection<CharacterRecord>;
  /** The `lexicon` container, which also holds the pause policy document. */
  settings: ProjectCollection<PausePolicyRecord>;
  projects: ProjectService;
  clock: Clock;
  ids: IdGenerator;
  /** Reports what planning had to mend (pieces with nothing to speak merged into a neighbour). */
  logger?: Logger;
}

export interface ChapterPlanSummary {
  chapterId: string;
  segments: number;
  flagged: number;
  usage: TokenUsage;
}

/** Reads every page of a query: planning works on whole chapters, never on a truncated sample. */
export async function listAll<T extends ProjectScopedDocument>(
  collection: ProjectCollection<T>,
  tenantId: string,
  projectId: string,
  filter: Filter,
  orderBy?: { field: string; direction: 'ASC' | 'DESC' },
): Promise<T[]> {
  const items: T[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await collection.list(tenantId, projectId, {
      filter,
      orderBy,
      page: { pageSize: LIST_PAGE, continuationToken },
    });
    items.push(...page.items);
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  return items;
}

/** The book's live chapters in reading order (sorted here: `order` is a reserved word in Cosmos SQL). */
export async function bookChapters(
  chapters: ProjectCollection<ChapterRecord>,
  tenantId: string,
  projectId: string,
): Promise<ChapterRecord[]> {
  const live = await listAll(chapters, tenantId, projectId, {
    op: 'and',
    filters: [
      { field: 'type', op: 'eq', value: 'chapter' },
      { field: 'deleted', op: 'eq', value: false },
    ],
  });
  return live.sort((a, b) => a.order - b.order);
}

export function chapterSegments(
  segments: ProjectCollection<SegmentRecord>,
  tenantId: string,
  projectId: string,
  chapterId: string,
) {
  return listAll(
    segments,
    tenantId,
    projectId,
    {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'segment' },
        { field: 'chapterId', op: 'eq', value: chapterId },
      ],
    },
    { field: 'index', direction: 'ASC' },
  );
}

export async function bookCharacters(
  characters: ProjectCollection<CharacterRecord>,
  tenantId: string,
  projectId: string,
): Promise<CharacterRecord[]> {
  return listAll(characters, tenantId, projectId, { field: 'type', op: 'eq', value: 'character' });
}

export async function forEachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

/** Model output is untrusted: unknown speaker ids become `unknown`, confidences are clamped. */
function checkedLabel(label: SpeakerLabel | undefined, speakers: ReadonlySet<string>) {
  const speakerId = label && speakers.has(label.speakerId) ? label.speakerId : UNKNOWN_SPEAKER;
  const raw = label && Number.isFinite(label.confidence) ? label.confidence : 0;
  const confidence = speakerId === UNKNOWN_SPEAKER ? 0 : Math.min(1, Math.max(0, raw));
  return { speakerId, confidence, flagged: speakerId === UNKNOWN_SPEAKER || confidence < REVIEW_CONFIDENCE };
}

export class PlanService {
  constructor(private readonly deps: PlanServiceDeps) {}

  /** The non-deleted chapters to plan, in reading order; every requested id must name one of them. */
  async chaptersToPlan(tenantId: string, projectId: string, chapterIds?: string[]): Promise<string[]> {
    const chapters = await bookChapters(this.deps.chapters, tenantId, projectId);
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
   * Segments one chapter and attributes its speakers. Replaces the chapter's segments; where a segment's text is
   * unchanged the user's speaker, revision note and audio takes carry over. Safe to run again after a crash: the
   * outcome is exactly one set of segments.
   */
  async planChapter(
    tenantId: string,
    projectId: string,
    chapterId: string,
    attribution: AttributionEngine,
    language: string,
  ): Promise<ChapterPlanSummary> {
    const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
    if (!chapter || chapter.type !== 'chapter' || chapter.deleted)
      return {
        chapterId,
        segments: 0,
        flagged: 0,
        usage: { promptTokens: 0, completionTokens: 0, model: '', calls: 0 },
      };
    const [previous, characterRecords] = await Promise.all([
      chapterSegments(this.deps.segments, tenantId, projectId, chapterId),
      bookCharacters(this.deps.characters, tenantId, projectId),
    ]);
    const characters = characterRecords.map(toCharacter);
    const speakers = new Set([NARRATOR_ID, UNKNOWN_SPEAKER, ...characters.map((c) => c.id)]);
    // Nothing without words may reach synthesis: such a piece rides with a neighbour, and the text still tiles.
    const { segments: pieces, merged } = mergeUnspeakable(
      segmentChapter(chapter.text, { headingText: chapter.headingText }),
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
    const ids = pieces.map(() => this.deps.ids.newId('seg'));
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
    const records: SegmentRecord[] = pieces.map((piece, i) => {
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
        speakerId,
        speakerConfidence: keepUser ? before.speakerConfidence : label.confidence,
        speakerSource: keepUser ? 'user' : attribution.engine === 'heuristic' ? 'heuristic' : 'llm',
        flagged: keepUser ? before.flagged : label.flagged || (before?.revisionNote ?? null) !== null,
        revisionNote: before?.revisionNote ?? null,
        chapterTextVersion: chapter.textVersion,
        takes: before?.takes ?? [],
        // Audio rendered for the same text and speaker is still right; anything else must be rendered again.
        currentTakeId: before && before.speakerId === speakerId ? before.currentTakeId : null,
        createdAt: now,
        updatedAt: now,
      };
    });
    await forEachLimited(records, WRITE_CONCURRENCY, (record) => this.deps.segments.create(record));
    await forEachLimited(previous, WRITE_CONCURRENCY, (old) => this.deps.segments.delete(tenantId, projectId, old.id));
    await updateWithRetry(
      'Chapter',
      () => this.deps.chapters.get(tenantId, projectId, chapterId),
      (doc, etag) => this.deps.chapters.replace(doc, etag),
      (current): ChapterRecord => ({
        ...current,
        planStatus: current.textVersion === chapter.textVersion ? 'planned' : 'stale',
        updatedAt: now,
      }),
    );
    return { chapterId, segments: records.length, flagged: records.filter((r) => r.flagged).length, usage };
  }

  /** Recounts the planning facts from the segments of the book's live chapters. */
  async recountFacts(tenantId: string, projectId: string): Promise<void> {
    const live = new Set((await bookChapters(this.deps.chapters, tenantId, projectId)).map((chapter) => chapter.id));
    const segments = await listAll(this.deps.segments, tenantId, projectId, {
      field: 'type',
      op: 'eq',
      value: 'segment',
    });
    const counted = segments.filter((segment) => live.has(segment.chapterId));
    await this.deps.projects.updateFacts(tenantId, projectId, {
      segmentCount: counted.length,
      segmentsWithSpeaker: counted.filter((segment) => segment.speakerId !== UNKNOWN_SPEAKER).length,
      segmentsRendered: counted.filter((segment) => segment.currentTakeId !== null).length,
    });
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
    const current = await this.pausePolicyRecord(user.tenantId, projectId);
    if (ifMatch && current?.etag !== ifMatch)
      throw new PreconditionFailedError('The pause policy changed since you loaded it', current);
    const record: PausePolicyRecord = {
      id: pausePolicyDocumentId(projectId),
      type: 'pausePolicy',
      tenantId: user.tenantId,
      projectId,
      overrides,
      updatedAt: this.deps.clock.now().toISOString(),
      updatedBy: user.userId,
    };
    const saved = current
      ? await this.deps.settings.replace(record, current.etag!)
      : await this.deps.settings.create(record);
    return { overrides: saved.overrides, effective: effectivePausePolicy(saved.overrides), etag: saved.etag };
  }

  /** For the production pipeline, which acts for the system. */
  async pausePolicyFor(tenantId: string, projectId: string): Promise<PausePolicy> {
    return effectivePausePolicy((await this.pausePolicyRecord(tenantId, projectId))?.overrides);
  }

  private async pausePolicyRecord(tenantId: string, projectId: string): Promise<PausePolicyRecord | undefined> {
    const record = await this.deps.settings.get(tenantId, projectId, pausePolicyDocumentId(projectId));
    return record?.type === 'pausePolicy' ? record : undefined;
  }
}
