/** The character record (docs/characters.md), shared by the heuristic engine, the LLM engine and casting. */

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

/** What detection learned about who tells the book. */
export interface NarratorFacts {
  /** The narration says "I": the narrator is a character of the story. */
  firstPerson: boolean;
  /** The name the narrator goes by, when the text gives it. */
  name: string | null;
  aliases: string[];
  gender: Gender;
  /** The narrator's own tagged lines ("said I", "disse eu"). */
  lines: number;
}

export const FIRST_PERSON_NARRATOR_DESCRIPTION = 'The first-person narrator: tells the book and speaks as "I" in it.';

/**
 * The narrator always exists, with the fixed id `narrator`. In a first-person book it is also the "I" of the
 * story: lines tagged "said I" / "disse eu" / "dije yo" belong to this character, which then carries the narrator's
 * name and aliases (when the text gives them) and gender.
 */
export function narratorCharacter(firstChapterId: string | null, facts?: NarratorFacts): Character {
  const firstPerson = facts?.firstPerson === true;
  const name = firstPerson && facts?.name ? facts.name : 'Narrator';
  return {
    id: NARRATOR_ID,
    name,
    aliases: firstPerson ? (facts?.aliases ?? []).filter((alias) => alias !== name) : [],
    gender: facts?.gender ?? 'unknown',
    ageBand: 'adult',
    description: firstPerson ? FIRST_PERSON_NARRATOR_DESCRIPTION : 'The narrating voice of the book.',
    traits: [],
    speakingStyle: 'narration',
    dialogueLineCount: firstPerson ? (facts?.lines ?? 0) : 0,
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

/** Distinct aliases (case-insensitive), without the name itself. */
export function cleanAliases(aliases: string[], name: string): string[] {
  const seen = new Set([name.trim().toLowerCase()]);
  const result: string[] = [];
  for (const alias of aliases.map((a) => a.trim()).filter(Boolean)) {
    if (seen.has(alias.toLowerCase())) continue;
    seen.add(alias.toLowerCase());
    result.push(alias);
  }
  return result;
}
