import type { ChapterRecord, CharacterRecord } from '../book/records';
import { NARRATOR_ID } from '../characters/character';
import { bookChapterOutlines, bookCharacters } from '../planning/bookDocuments';
import { currentTotals } from '../planning/planGenerations';
import type { TypedCollection } from '../ports/typedCollection';
import type { ProductionFacts } from '../projects/project';
import type { ProjectService } from '../projects/projectService';

/** Who needs a voice, counted for the studio's stage badge and step list. */
export interface SpeakingCastCounts {
  /** Characters production would ask a voice of: the narrator, anyone with a line found or planned. */
  speakingCharacters: number;
  /** Of those, the ones cast. */
  speakingCharactersWithVoice: number;
}

/**
 * Detection keeps characters who are only named or spoken to; production asks a voice only of the narrator and the
 * speakers of a plan, so a character with no line found and none planned does not hold the casting up.
 */
export function speakingCastCounts(
  characters: Pick<CharacterRecord, 'characterId' | 'importance' | 'dialogueLineCount' | 'voice'>[],
  liveChapters: Pick<ChapterRecord, 'planGeneration' | 'planTotals'>[],
): SpeakingCastCounts {
  const planned = new Set<string>();
  for (const chapter of liveChapters) {
    // Totals are kept by difference: a speaker whose lines all moved to another stays with a count of 0.
    for (const [speakerId, lines] of Object.entries(currentTotals(chapter)?.speakers ?? {}))
      if (lines > 0) planned.add(speakerId);
  }
  const speaking = characters.filter(
    (character) =>
      character.characterId === NARRATOR_ID ||
      character.importance === 'narrator' ||
      character.dialogueLineCount > 0 ||
      planned.has(character.characterId),
  );
  return {
    speakingCharacters: speaking.length,
    speakingCharactersWithVoice: speaking.filter((character) => character.voice !== null).length,
  };
}

/** Counts the speaking cast from the stored characters and the live chapters' plan totals (no chapter text read). */
export async function readSpeakingCastCounts(
  book: { chapters: TypedCollection<ChapterRecord>; characters: TypedCollection<CharacterRecord> },
  tenantId: string,
  projectId: string,
): Promise<SpeakingCastCounts> {
  const [characters, chapters] = await Promise.all([
    bookCharacters(book.characters, tenantId, projectId),
    bookChapterOutlines(book.chapters, tenantId, projectId),
  ]);
  return speakingCastCounts(characters, chapters);
}

export type CastFacts = Required<
  Pick<ProductionFacts, 'characterCount' | 'charactersWithVoice' | 'speakingCharacters' | 'speakingCharactersWithVoice'>
>;

/** The characters' facts: every character, the voiced ones, and the speaking cast (narrator included). */
export function castFacts(
  characters: Pick<CharacterRecord, 'characterId' | 'importance' | 'dialogueLineCount' | 'voice'>[],
  liveChapters: Pick<ChapterRecord, 'planGeneration' | 'planTotals'>[],
): CastFacts {
  return {
    characterCount: characters.length,
    charactersWithVoice: characters.filter((character) => character.voice !== null).length,
    ...speakingCastCounts(characters, liveChapters),
  };
}

/**
 * Stores the characters' facts counted from the stored characters and the live chapters' plan totals, so a listing
 * shows the speaking cast without reading them (ProjectService.recountFacts: exact under concurrent writers). Called
 * after whatever changes the characters, their voices or who speaks in a plan. Returns the last count this call took.
 */
export async function recountCastFacts(
  deps: {
    projects: Pick<ProjectService, 'recountFacts'>;
    characters: TypedCollection<CharacterRecord>;
    chapters: TypedCollection<ChapterRecord>;
  },
  tenantId: string,
  projectId: string,
): Promise<CastFacts> {
  let counted: CastFacts | undefined;
  await deps.projects.recountFacts(tenantId, projectId, 'characters', async () => {
    const [characters, chapters] = await Promise.all([
      bookCharacters(deps.characters, tenantId, projectId),
      bookChapterOutlines(deps.chapters, tenantId, projectId),
    ]);
    return (counted = castFacts(characters, chapters));
  });
  return counted ?? castFacts([], []);
}
