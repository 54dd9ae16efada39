/** When a first-person narrator takes part in the talk, and when the narration hands them the next line. */
import type { ChapterSegment, ChapterStructure } from './structure';

/** A first-person chapter: its narration says "I" more than "he" and "she" (so its narrator takes part in talk). */
export function narratedInFirstPerson(ordered: ChapterSegment[]): boolean {
  const narration = ordered
    .filter((segment) => segment.kind === 'narration')
    .map((segment) => segment.text)
    .join(' ');
  const first = (narration.match(/(?<![\p{L}\p{N}])(?:I|me|my|eu|mim|meu|minha|yo|mí|mi)(?![\p{L}\p{N}])/gu) ?? [])
    .length;
  const third = (narration.match(/(?<![\p{L}\p{N}])(?:he|she|him|her|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/giu) ?? [])
    .length;
  return first >= 10 && first > third;
}

const FIRST_PERSON_SUBJECT = /(?<![\p{L}\p{N}])(?:I|[Ee]u|[Yy]o)(?![\p{L}\p{N}])/u;

/**
 * The narration just before an exchange ends on the narrator's own doing ("…só se eu lhe confessasse que não tinha
 * vocação.", "I answered that I would."): the narrator is likelier than anyone to open the exchange.
 */
export function narratorLeadsIn(structure: ChapterStructure, turn: number): boolean {
  const before = structure.paragraphs[structure.turns[turn].paragraph - 1];
  // A paragraph closing with a colon introduces the line; introductions read it ("como eu instasse muito:").
  if (!before || before.hasDialogue || /:\s*$/u.test(before.text)) return false;
  const sentences = before.text.trim().split(/(?<=[.!?…])\s+(?=\p{Lu})/u);
  return FIRST_PERSON_SUBJECT.test(sentences[sentences.length - 1] ?? '');
}
