/** The character record of SPEC.md §5, shared by the heuristic engine, the LLM engine and casting. */

export type Gender = 'female' | 'male' | 'unknown';
export type AgeBand = 'child' | 'teen' | 'young_adult' | 'adult' | 'elderly';
export type Importance = 'narrator' | 'main' | 'supporting' | 'minor';

export const NARRATOR_ID = 'narrator';

export interface CharacterAppearance {
  chapterId: string;
  /** Offset of the first mention in that chapter's text. */
  offset: number;
}

export interface Character {
  id: string;
  name: string;
  aliases: string[];
  gender: Gender;
  ageBand: AgeBand;
  description: string;
  traits: string[];
  speakingStyle: string;
  dialogueLineCount: number;
  firstAppearance: CharacterAppearance | null;
  importance: Importance;
}

export interface ChapterInput {
  id: string;
  text: string;
  /** BCP-47 tag or bare language (`en`, `es-MX`, `pt-BR`). */
  language: string;
}

export function narratorCharacter(firstChapterId: string | null): Character {
  return {
    id: NARRATOR_ID,
    name: 'Narrator',
    aliases: [],
    gender: 'unknown',
    ageBand: 'adult',
    description: 'The narrating voice of the book.',
    traits: [],
    speakingStyle: 'narration',
    dialogueLineCount: 0,
    firstAppearance: firstChapterId === null ? null : { chapterId: firstChapterId, offset: 0 },
    importance: 'narrator',
  };
}

/** Stable id from a canonical name: same book, same ids. */
export function characterIdFor(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `char-${slug || 'unnamed'}`;
}
