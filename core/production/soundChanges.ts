/**
 * Which produced chapters would sound different if produced now, without reading their lines or planning them again:
 * each master records digests of what shaped its sound beyond its plan (masterSound.ts), and these are compared with
 * the same digests of the cast, the lexicon and the settings as they are now. A few documents are read whatever the
 * book's length: the chapters (without their text), the project, the cast, the lexicon and the pause policy; the
 * chapters' text only when a lexicon entry stored since a master was made is to be matched against it. What a
 * chapter's lines say is not compared here: the plan revision its master records tells that (docs/planning.md, "Plan
 * revisions").
 */
import type { ChapterMasterRecord, ChapterRecord, CharacterRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { segmentsAffectedBy } from '../lexicon/lexicon';
import { readAllItems, type Filter } from '../ports/documents';
import type { SpeechEngine } from '../ports/speech';
import { readChapterPlanSources, type SpeechPlanSources, type StoredLexiconEntry } from './chapterPlanSources';
import { entryCanChangeSpeech, entryDigest, renderingDigest, voiceDigest } from './masterSound';
import type { ProductionBook } from './productionBook';
import { lineVoices } from './speechPlan';

/**
 * How far apart two machines' clocks may be: an entry stored this long before a master's lexicon read may still have
 * been missed by it, so it is checked against the chapter's text too.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

const PAGE_SIZE = 200;
const CHAPTERS: Filter = { field: 'type', op: 'eq', value: 'chapter' };
/** Live chapters with a master: the store leaves the others out. */
const PRODUCED: Filter = {
  op: 'and',
  filters: [CHAPTERS, { field: 'deleted', op: 'eq', value: false }, { field: 'master', op: 'ne', value: null }],
};
/**
 * What the comparison reads of a chapter: not its text, which only a new lexicon entry needs, and of its master only
 * the sound record and when it was made (not the timings of every line, which grow with the chapter).
 */
const SOUND_FIELDS = ['id', 'order', 'master', 'planTotals'] as const;
const MASTER_FIELDS = { master: ['sound', 'masteredAt'] } as const;
type ProducedChapter = Pick<ChapterRecord, 'id' | 'order' | 'planTotals'> & {
  master: Pick<ChapterMasterRecord, (typeof MASTER_FIELDS.master)[number]>;
};

export interface SoundChangesDeps {
  book: Pick<ProductionBook, 'chapters' | 'segments'>;
  speechPlan: SpeechPlanSources;
}

/** The cast, lexicon and settings as they are now, in the terms a master's sound record uses. */
interface SoundNow {
  /** The digest of the voice a speaker's lines are read in now; null when that voice cannot be used any more. */
  voiceOf(role: string): string | null;
  rendering: string;
  entries: StoredLexiconEntry[];
  characters: CharacterRecord[];
  language: string;
  engine: SpeechEngine;
}

/** The ids of the book's live chapters with audio whose master would sound different if they were produced now. */
export async function chaptersSoundingDifferent(
  deps: SoundChangesDeps,
  tenantId: string,
  projectId: string,
): Promise<string[]> {
  const { chapters } = deps.book;
  const listed = await readAllItems(
    (page) => chapters.listFields(tenantId, projectId, SOUND_FIELDS, { filter: PRODUCED, page }, MASTER_FIELDS),
    PAGE_SIZE,
  );
  const produced = listed
    // The store answers only chapters with a master; the check says so to the type.
    .filter((c): c is ProducedChapter => Boolean(c.master))
    // `order` is a keyword of Cosmos SQL, so reading order is applied here rather than in the query.
    .sort((a, b) => a.order - b.order);
  if (produced.length === 0) return [];
  const now = await soundNow(deps.speechPlan, tenantId, projectId);
  const settled = new Set(produced.filter((chapter) => soundsDifferentBeforeText(chapter, now)).map((c) => c.id));
  const pending = produced
    .filter((chapter) => !settled.has(chapter.id))
    .map((chapter) => ({ id: chapter.id, entries: newEntries(chapter, now) }))
    .filter((chapter) => chapter.entries.length > 0);
  const texts = pending.length === 0 ? new Map<string, string>() : await chapterTexts(deps, tenantId, projectId);
  const matched = pending.filter(({ id, entries }) => entries.some((e) => appliesTo(e, texts.get(id) ?? '', now)));
  const different = new Set([...settled, ...matched.map((chapter) => chapter.id)]);
  return produced.filter((chapter) => different.has(chapter.id)).map((chapter) => chapter.id);
}

async function chapterTexts(deps: SoundChangesDeps, tenantId: string, projectId: string): Promise<Map<string, string>> {
  const listed = await readAllItems(
    (page) => deps.book.chapters.listFields(tenantId, projectId, ['id', 'text'], { filter: CHAPTERS, page }),
    PAGE_SIZE,
  );
  return new Map(listed.map((chapter) => [chapter.id, chapter.text]));
}

async function soundNow(sources: SpeechPlanSources, tenantId: string, projectId: string): Promise<SoundNow> {
  const {
    language,
    characters,
    voices,
    pausePolicy,
    lexicon: entries,
  } = await readChapterPlanSources(sources, tenantId, projectId);
  const engine = sources.speechEngine;
  const digests = new Map<string, string | null>();
  let voiceFor: ReturnType<typeof lineVoices> | null = null;
  const voiceOf = (role: string) => {
    if (!digests.has(role)) {
      try {
        voiceFor ??= lineVoices({ characters, voices, bookLocale: language });
        const { descriptor, ...voice } = voiceFor({
          kind: role === NARRATOR_ID ? 'narration' : 'dialogue',
          speakerId: role,
        });
        digests.set(role, voiceDigest({ ...voice, voiceName: descriptor.name }));
      } catch {
        // A voice the catalog no longer has: production would refuse the chapter, so it cannot sound as it did.
        digests.set(role, null);
      }
    }
    return digests.get(role)!;
  };
  return { voiceOf, rendering: renderingDigest(pausePolicy, engine), entries, characters, language, engine };
}

/** What tells without the chapter's text: a new voice or rendering, an entry it used changed or removed. */
function soundsDifferentBeforeText(chapter: ProducedChapter, now: SoundNow): boolean {
  const sound = chapter.master.sound;
  if (!sound) return recastSinceMastered(chapter, now);
  if (sound.rendering !== now.rendering) return true;
  if (Object.entries(sound.voices).some(([role, voice]) => now.voiceOf(role) !== voice)) return true;
  const current = new Map(now.entries.map((entry) => [entry.id, entry]));
  return Object.entries(sound.lexicon).some(([id, recorded]) => {
    const entry = current.get(id);
    return !entry || entryDigest(entry) !== recorded;
  });
}

/**
 * Lexicon entries that may change the chapter's lines if they match its text: those stored since the master's
 * lexicon read (or just before it, by another clock) that it did not use; for a master made before its sound was
 * recorded, those stored since it was made.
 */
function newEntries(chapter: ProducedChapter, now: SoundNow): StoredLexiconEntry[] {
  const { sound, masteredAt } = chapter.master;
  const since = sound ? Date.parse(sound.lexiconReadAt) - CLOCK_MARGIN_MS : Date.parse(masteredAt);
  return now.entries.filter(
    (entry) =>
      !(sound && entry.id in sound.lexicon) &&
      (entry.updatedAt === undefined || Date.parse(entry.updatedAt) >= since) &&
      entryCanChangeSpeech(entry, now.engine),
  );
}

/**
 * A master made before its sound was recorded is named when a speaker of its lines (any character, when the chapter
 * keeps no plan totals) was stored after it was made, or a lexicon entry matching its text was (newEntries). A pause
 * policy changed or an entry removed since is not seen for it; producing it again (its audio is reused) records its
 * sound.
 */
function recastSinceMastered(chapter: ProducedChapter, now: SoundNow): boolean {
  const since = Date.parse(chapter.master.masteredAt);
  const speakers = chapter.planTotals ? new Set([NARRATOR_ID, ...Object.keys(chapter.planTotals.speakers)]) : null;
  return now.characters.some(
    (character) => (!speakers || speakers.has(character.characterId)) && Date.parse(character.updatedAt) > since,
  );
}

/** Whether the entry matches the chapter's text, as the lexicon API matches it. */
function appliesTo(entry: StoredLexiconEntry, text: string, now: SoundNow): boolean {
  return segmentsAffectedBy(entry, [{ id: 'chapter', text, locale: now.language }]).length > 0;
}
