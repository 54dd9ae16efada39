import type { ChapterSummary, Character } from '../../api/types';

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
    character.importance === 'narrator' || character.dialogueLineCount > 0 || planned.has(character.id);
}
