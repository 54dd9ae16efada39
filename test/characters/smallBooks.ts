/** Small books written in a test, and their cast looked up by any of a character's names. */
import { detectCharactersHeuristic } from '../../core/characters';
import type { ChapterInput } from '../../core/characters/character';

/** One chapter per text, ids c1, c2 … in order. */
export function chapters(language: string, ...texts: string[]): ChapterInput[] {
  return texts.map((text, index) => ({ id: `c${index + 1}`, text, language }));
}

/** The detected cast, with the characters a name (or alias) names and the first of them. */
export function castOf(input: ChapterInput[]) {
  const cast = detectCharactersHeuristic(input);
  const named = (name: string) => cast.filter((c) => c.name === name || c.aliases.includes(name));
  return { cast, named, one: (name: string) => named(name)[0] };
}
