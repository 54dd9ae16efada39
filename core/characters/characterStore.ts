/**
 * System-level access to a project's characters (no principal: callers authorized already, or act for a job):
 * reading them all, keeping the narrator present, re-pointing segments and keeping the project facts current.
 */
import type { TypedCollection } from '../ports/typedCollection';
import {
  characterDocumentId,
  UNKNOWN_SPEAKER,
  type ChapterRecord,
  type CharacterRecord,
  type SegmentRecord,
} from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, PreconditionFailedError } from '../errors';
import { generationOf, isCommitted, recountSegmentFacts } from '../planning/planGenerations';
import { confirmSpeakerMove, type SpeakerMove } from '../planning/segmentEditGuard';
import type { Filter } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import { narratorCharacter, NARRATOR_ID, type Character, type Importance } from './character';
import { recountCastFacts } from '../casting/speakingCast';
import { CharacterRetirement, RETIREMENT_LEASE_MS } from './characterRetirement';

export interface CharacterStoreDeps {
  characters: TypedCollection<CharacterRecord>;
  segments: TypedCollection<SegmentRecord>;
  /** Which segments are the plan (a chapter's committed generation) is recorded on the chapter. */
  chapters: TypedCollection<ChapterRecord>;
  projects: ProjectService;
  clock: Clock;
  /** How long a merge's or delete's mark holds (CharacterRetirement; unset: `RETIREMENT_LEASE_MS`). */
  retirementLeaseMs?: number;
}

const PAGE_SIZE = 100;
/**
 * Lost races on one character before a change gives up. Each lost race means another writer stored its change, so N
 * writers at once (merges of N characters into one) settle within N rounds; this only stops a runaway.
 */
const MAX_MODIFY_ATTEMPTS = 100;
/** A book has at most a few hundred characters; this bounds a runaway loop, not a real limit. */
const MAX_PAGES = 1000;
/**
 * The version of a narrator not stored yet, as reads show it (a Cosmos ETag is a quoted hex or GUID string, so no
 * stored version has this one).
 */
export const UNSTORED_NARRATOR_ETAG = '"narrator-unstored"';
const IMPORTANCE_ORDER: Record<Importance, number> = { narrator: 0, main: 1, supporting: 2, minor: 3 };

/** Importance first, then dialogue lines (most first), then name: the order lists and casting present. */
export function compareCharacters(a: Character | CharacterRecord, b: Character | CharacterRecord): number {
  return (
    IMPORTANCE_ORDER[a.importance] - IMPORTANCE_ORDER[b.importance] ||
    b.dialogueLineCount - a.dialogueLineCount ||
    (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
  );
}

export function toCharacter(record: CharacterRecord): Character {
  return {
    id: record.characterId,
    name: record.name,
    aliases: record.aliases,
    gender: record.gender,
    ageBand: record.ageBand,
    description: record.description,
    traits: record.traits,
    speakingStyle: record.speakingStyle,
    dialogueLineCount: record.dialogueLineCount,
    firstAppearance: record.firstAppearance,
    importance: record.importance,
  };
}

export class CharacterStore {
  /** Merges and deletes hold their character while they move its lines. */
  readonly retirement: CharacterRetirement;

  constructor(private readonly deps: CharacterStoreDeps) {
    this.retirement = new CharacterRetirement({
      characters: deps.characters,
      clock: deps.clock,
      leaseMs: deps.retirementLeaseMs ?? RETIREMENT_LEASE_MS,
    });
  }

  now(): string {
    return this.deps.clock.now().toISOString();
  }

  get(tenantId: string, projectId: string, characterId: string): Promise<CharacterRecord | undefined> {
    return this.deps.characters.get(tenantId, projectId, characterDocumentId(projectId, characterId));
  }

  /** Marks the character as leaving into `into` (CharacterRetirement.begin). */
  beginRetirement(tenantId: string, projectId: string, characterId: string, into: string): Promise<CharacterRecord> {
    return this.retirement.begin(tenantId, projectId, characterDocumentId(projectId, characterId), into);
  }

  /** Every character of the project, in presentation order. */
  async listAll(tenantId: string, projectId: string): Promise<CharacterRecord[]> {
    const all: CharacterRecord[] = [];
    let continuationToken: string | undefined;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const page = await this.deps.characters.list(tenantId, projectId, {
        page: { pageSize: PAGE_SIZE, continuationToken },
      });
      all.push(...page.items);
      continuationToken = page.continuationToken ?? undefined;
      if (!continuationToken) break;
    }
    return all.sort(compareCharacters);
  }

  record(
    tenantId: string,
    projectId: string,
    character: Character,
    source: CharacterRecord['source'],
    existing?: CharacterRecord,
  ): CharacterRecord {
    const { id: characterId, ...fields } = character;
    const now = this.now();
    return {
      ...fields,
      id: characterDocumentId(projectId, characterId),
      type: 'character',
      tenantId,
      projectId,
      characterId,
      voice: existing?.voice ?? null,
      override: existing?.override ?? null,
      source,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
  }

  /**
   * The narrator as a read shows it, without writing: the stored one, else the one `ensureNarrator` would store (a
   * project never changed since it was created, or an old one, has none yet). A read must not write, since an
   * archived project refuses every write; the unstored narrator carries `UNSTORED_NARRATOR_ETAG` so an edit made
   * from it stores it create-only (`createNarrator`).
   */
  async narratorOrDefault(tenantId: string, projectId: string): Promise<CharacterRecord> {
    const stored = await this.get(tenantId, projectId, NARRATOR_ID);
    return stored ?? this.defaultNarrator(tenantId, projectId);
  }

  /** The characters as a read shows them: the stored ones, and the narrator unstored when none is stored yet. */
  async listWithNarrator(tenantId: string, projectId: string): Promise<CharacterRecord[]> {
    const all = await this.listAll(tenantId, projectId);
    if (all.some((c) => c.characterId === NARRATOR_ID)) return all;
    return [this.defaultNarrator(tenantId, projectId), ...all].sort(compareCharacters);
  }

  /**
   * Stores an edit of the unstored narrator, create-only: of concurrent edits made from it one is stored, the others
   * find the narrator stored and answer 412 with it (the version they edited is gone).
   */
  async createNarrator(edited: CharacterRecord): Promise<CharacterRecord> {
    try {
      return await this.deps.characters.create(edited);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await this.get(edited.tenantId, edited.projectId, NARRATOR_ID);
      throw new PreconditionFailedError('The character changed since you loaded it', current);
    }
  }

  private defaultNarrator(tenantId: string, projectId: string): CharacterRecord {
    return { ...this.record(tenantId, projectId, narratorCharacter(null), 'heuristic'), etag: UNSTORED_NARRATOR_ETAG };
  }

  /** The narrator always exists; stored by the first write that needs it (create-only, so concurrent callers agree). */
  async ensureNarrator(tenantId: string, projectId: string): Promise<CharacterRecord> {
    const existing = await this.get(tenantId, projectId, NARRATOR_ID);
    if (existing) return existing;
    try {
      return await this.deps.characters.create(this.record(tenantId, projectId, narratorCharacter(null), 'heuristic'));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return (await this.get(tenantId, projectId, NARRATOR_ID))!;
    }
  }

  /** Read-modify-write of one character under its ETag, re-applied on a lost race. */
  modify(
    tenantId: string,
    projectId: string,
    characterId: string,
    change: (record: CharacterRecord) => CharacterRecord,
  ): Promise<CharacterRecord> {
    return updateWithRetry(
      'Character',
      () => this.get(tenantId, projectId, characterId),
      (doc, etag) => this.deps.characters.replace({ ...doc, updatedAt: this.now() }, etag),
      change,
      MAX_MODIFY_ATTEMPTS,
    );
  }

  /** With `etag`, only while the character is still the version read (PreconditionFailedError otherwise). */
  delete(tenantId: string, projectId: string, characterId: string, etag?: string): Promise<void> {
    return this.deps.characters.delete(tenantId, projectId, characterDocumentId(projectId, characterId), etag);
  }

  create(record: CharacterRecord): Promise<CharacterRecord> {
    return this.deps.characters.create(record);
  }

  replace(record: CharacterRecord, etag: string): Promise<CharacterRecord> {
    return this.deps.characters.replace(record, etag);
  }

  /**
   * Moves every segment spoken by `fromId` to `toId`, a page at a time, in every stored plan generation (so no plan
   * about to be committed names a removed character). Moved segments leave the filter, so each round queries from the
   * start; moving to `unknown` flags them for review. Each chapter whose lines moved counts the move as an edit
   * (segmentEditGuard.ts: a plan claimed before it is cut again, an approval of the chapter goes stale). Returns how
   * many segments of the book's plan moved.
   */
  async repointSegments(tenantId: string, projectId: string, fromId: string, toId: string): Promise<number> {
    const isPlan = this.planMembership(tenantId, projectId);
    let moved = 0;
    // Per chapter and generation, the segments as they were and as stored, for the chapters' edit counts and totals.
    const moves = new Map<string, SpeakerMove>();
    for (let rounds = 0; rounds < MAX_PAGES; rounds++) {
      const page = await this.deps.segments.list(tenantId, projectId, {
        filter: { field: 'speakerId', op: 'eq', value: fromId },
        page: { pageSize: PAGE_SIZE },
      });
      if (page.items.length === 0) break;
      for (const segment of page.items) {
        let before: SegmentRecord | undefined;
        const after = await updateWithRetry(
          'Segment',
          () => this.deps.segments.get(tenantId, projectId, segment.id),
          (doc, etag) => this.deps.segments.replace(doc, etag),
          (doc): SegmentRecord => {
            // The last call is the one whose write was stored.
            before = doc;
            return doc.speakerId !== fromId
              ? doc
              : {
                  ...doc,
                  speakerId: toId,
                  speakerSource: 'user',
                  flagged: toId === UNKNOWN_SPEAKER ? true : doc.flagged,
                  speakerConfidence: toId === UNKNOWN_SPEAKER ? 0 : doc.speakerConfidence,
                  updatedAt: this.now(),
                };
          },
        );
        if (before && before.speakerId === fromId) {
          const move = moves.get(after.chapterId) ?? { tenantId, projectId, chapterId: after.chapterId, changes: [] };
          let change = move.changes.find((candidate) => candidate.generation === generationOf(after));
          if (!change) move.changes.push((change = { generation: generationOf(after), before: [], after: [] }));
          change.before.push(before);
          change.after.push(after);
          moves.set(after.chapterId, move);
        }
        if (await isPlan(segment)) moved++;
      }
    }
    for (const move of moves.values()) await confirmSpeakerMove(this.deps.chapters, move);
    if (toId === UNKNOWN_SPEAKER && moved > 0) await recountSegmentFacts(this.deps, tenantId, projectId);
    return moved;
  }

  /** Whether a segment belongs to its chapter's committed plan (chapters read once each). */
  private planMembership(tenantId: string, projectId: string): (segment: SegmentRecord) => Promise<boolean> {
    const chapters = new Map<string, Promise<ChapterRecord | undefined>>();
    return async (segment) => {
      if (!chapters.has(segment.chapterId))
        chapters.set(segment.chapterId, this.deps.chapters.get(tenantId, projectId, segment.chapterId));
      const chapter = await chapters.get(segment.chapterId);
      return !!chapter && !chapter.deleted && isCommitted(segment, chapter);
    };
  }

  /**
   * A line the character speaks, for auditions: from the chapter of their first appearance when known, else the
   * first one the store returns (a sample, not an exact "first" line across the book).
   */
  async sampleLine(tenantId: string, projectId: string, character: CharacterRecord): Promise<string | undefined> {
    const filters: Filter[] = [{ field: 'speakerId', op: 'eq', value: character.characterId }];
    const chapterId = character.firstAppearance?.chapterId;
    const inChapter = chapterId
      ? await this.deps.segments.list(tenantId, projectId, {
          filter: { op: 'and', filters: [...filters, { field: 'chapterId', op: 'eq', value: chapterId }] },
          page: { pageSize: PAGE_SIZE },
        })
      : undefined;
    const candidates =
      inChapter && inChapter.items.length > 0
        ? inChapter.items
        : (
            await this.deps.segments.list(tenantId, projectId, {
              filter: { op: 'and', filters },
              page: { pageSize: PAGE_SIZE },
            })
          ).items;
    const isPlan = this.planMembership(tenantId, projectId);
    const planned: SegmentRecord[] = [];
    for (const candidate of candidates) if (await isPlan(candidate)) planned.push(candidate);
    const first = planned.sort((a, b) => a.index - b.index)[0];
    return first?.text.trim() || undefined;
  }

  /**
   * Recounts the characters' facts: every character, the voiced ones and the speaking cast, narrator included
   * (recountCastFacts). Returns the last count this call took.
   */
  async refreshFacts(
    tenantId: string,
    projectId: string,
  ): Promise<{ characterCount: number; charactersWithVoice: number }> {
    const { characterCount, charactersWithVoice } = await recountCastFacts(this.deps, tenantId, projectId);
    return { characterCount, charactersWithVoice };
  }
}
