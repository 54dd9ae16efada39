/**
 * Which produced chapters would sound different if produced now, without reading their lines or planning them again:
 * each master records digests of what shaped its sound beyond its plan (masterSound.ts), and these are compared with
 * the same digests of the cast, the lexicon and the settings as they are now. A few documents are read whatever the
 * book's length: the chapters, the project, the cast, the lexicon and the pause policy. What a chapter's lines say
 * is not compared here: the plan revision its master records tells that (docs/planning.md, "Plan revisions").
 */
import type { ChapterRecord, CharacterRecord, MasterSoundRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { NotFoundError } from '../errors';
import { segmentsAffectedBy } from '../lexicon/lexicon';
import type { SpeechEngine } from '../ports/speech';
import type { SpeechPlanSources, StoredLexiconEntry } from './chapterSpeechPlan';
import { entryCanChangeSpeech, entryDigest, renderingDigest, voiceDigest } from './masterSound';
import { chaptersOf, charactersOf, type ProductionBook } from './productionBook';
import { lineVoices } from './speechPlan';

/**
 * How far apart two machines' clocks may be: an entry stored this long before a master's lexicon read may still have
 * been missed by it, so it is checked against the chapter's text too.
 */
const CLOCK_MARGIN_MS = 5 * 60_000;

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
  const produced = (await chaptersOf(deps.book, tenantId, projectId)).filter((c) => !c.deleted && c.master);
  if (produced.length === 0) return [];
  const now = await soundNow(deps.speechPlan, tenantId, projectId);
  return produced.filter((chapter) => soundsDifferent(chapter, now)).map((chapter) => chapter.id);
}

async function soundNow(sources: SpeechPlanSources, tenantId: string, projectId: string): Promise<SoundNow> {
  const [project, characters, voices, pausePolicy, entries] = await Promise.all([
    sources.projects.find(tenantId, projectId),
    charactersOf(sources.book, tenantId, projectId),
    sources.voices(),
    sources.pausePolicy(tenantId, projectId),
    sources.lexicon(tenantId, projectId),
  ]);
  if (!project) throw new NotFoundError('Project');
  const language = project.metadata.language;
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

function soundsDifferent(chapter: ChapterRecord, now: SoundNow): boolean {
  const sound = chapter.master!.sound;
  if (!sound) return changedSinceMastered(chapter, now);
  if (sound.rendering !== now.rendering) return true;
  if (Object.entries(sound.voices).some(([role, voice]) => now.voiceOf(role) !== voice)) return true;
  return lexiconChanged(chapter, sound, now);
}

/**
 * An entry that changed one of its lines was changed or removed; or an entry stored since the master's lexicon read
 * (or just before it, by another clock) matches its text, as the lexicon API matches it.
 */
function lexiconChanged(chapter: ChapterRecord, sound: MasterSoundRecord, now: SoundNow): boolean {
  const current = new Map(now.entries.map((entry) => [entry.id, entry]));
  for (const [id, recorded] of Object.entries(sound.lexicon)) {
    const entry = current.get(id);
    if (!entry || entryDigest(entry) !== recorded) return true;
  }
  const since = Date.parse(sound.lexiconReadAt) - CLOCK_MARGIN_MS;
  return now.entries.some(
    (entry) => !(entry.id in sound.lexicon) && storedSince(entry, since) && appliesTo(entry, chapter, now),
  );
}

/**
 * A master made before its sound was recorded: listed when something that may shape it was stored after it was made
 * (a speaker of its lines, a lexicon entry that matches its text). A pause policy changed or an entry removed since
 * is not seen from the documents alone; producing the chapter again (its audio is reused) records its sound.
 */
function changedSinceMastered(chapter: ChapterRecord, now: SoundNow): boolean {
  const since = Date.parse(chapter.master!.masteredAt);
  const speakers = chapter.planTotals ? new Set([NARRATOR_ID, ...Object.keys(chapter.planTotals.speakers)]) : null;
  const recast = now.characters.some(
    (character) => (!speakers || speakers.has(character.characterId)) && Date.parse(character.updatedAt) > since,
  );
  return recast || now.entries.some((entry) => storedSince(entry, since) && appliesTo(entry, chapter, now));
}

function storedSince(entry: StoredLexiconEntry, since: number): boolean {
  return entry.updatedAt === undefined || Date.parse(entry.updatedAt) >= since;
}

function appliesTo(entry: StoredLexiconEntry, chapter: ChapterRecord, now: SoundNow): boolean {
  return (
    entryCanChangeSpeech(entry, now.engine) &&
    segmentsAffectedBy(entry, [{ id: chapter.id, text: chapter.text, locale: now.language }]).length > 0
  );
}
