import { NARRATOR, type ChapterSummary, type Character, type ProjectFacts } from '../../api/types';

export interface SpeakingCast {
  /** Characters who say something: the narrator, anyone with a line found in the text or given one in a plan. */
  speaking: number;
  /** Of those, the ones with a voice. */
  voiced: number;
  /** Characters who never say a line: production never asks for their voice, so they are not counted. */
  silent: number;
}

/**
 * Who needs a voice. Detection keeps characters who are only named or spoken to; production asks a voice only of the
 * speakers of a plan, so a character none of whose lines was found or planned does not hold the casting up.
 */
export function speakingCast(characters: Character[], chapters: ChapterSummary[] = []): SpeakingCast {
  const speaking = characters.filter(speaksIn(chapters));
  return {
    speaking: speaking.length,
    voiced: speaking.filter((character) => character.voice !== null).length,
    silent: characters.length - speaking.length,
  };
}

/** Whether a character says something: the narrator, or anyone with a line found in the text or given one in a plan. */
export function speaksIn(chapters: ChapterSummary[] = []): (character: Character) => boolean {
  const planned = new Set(
    chapters.filter((chapter) => !chapter.deleted).flatMap((chapter) => chapter.speakerIds ?? []),
  );
  return (character) =>
    character.id === NARRATOR ||
    character.importance === 'narrator' ||
    character.dialogueLineCount > 0 ||
    planned.has(character.id);
}

/**
 * The speaking cast every page counts: the project's stored facts (counted by the API from the characters and the
 * plans, core/casting/speakingCast.ts), so the navigation, the casting page and the stage badge give one number. The
 * characters and chapters read by the page stand in only for a project whose facts were not recounted since those
 * counts were kept.
 */
export function castCounts(
  facts: ProjectFacts | undefined,
  characters: Character[] | undefined,
  chapters: ChapterSummary[] | undefined,
): SpeakingCast {
  const all = facts?.characterCount ?? characters?.length ?? 0;
  if (facts?.speakingCharacters !== undefined)
    return {
      speaking: facts.speakingCharacters,
      voiced: facts.speakingCharactersWithVoice ?? facts.charactersWithVoice,
      silent: Math.max(0, all - facts.speakingCharacters),
    };
  if (characters) return speakingCast(characters, chapters);
  return { speaking: all, voiced: facts?.charactersWithVoice ?? 0, silent: 0 };
}
