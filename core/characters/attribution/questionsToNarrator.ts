/**
 * In a first-person book, narration that ends by reporting what someone else asked or told the narrator ("…e
 * perguntou-me se tinha medo.", "Me preguntó si volvería.") hands the talk that follows to the narrator: the other
 * person has just had their turn (in indirect speech), so the first line is the narrator's answer and the next the
 * other person's again.
 */
import type { ChapterStructure } from './structure';

/**
 * A third-person verb of asking or telling with the narrator as its object, followed by what was asked or said
 * ("perguntou-me se", "quis saber de mim onde", "me preguntó qué", "me dijo que"). A verb of telling needs "que"
 * or "se"/"si"; a bare "perguntou-me." ends a tag, which the tag readers handle.
 */
const REPORTED_TO_NARRATOR =
  /(?<![\p{L}\p{N}])(?:(?:pergunt|indag|interrog)\p{L}*-me|(?:disse|dizia)-me|me\s+(?:pregunt|interrog|dij|decía)\p{L}*)(?:\s+\p{L}+){0,3}?\s+(?:se|que|onde|aonde|quando|como|porque|por\s+que|quem|qual|si|qué|dónde|adónde|cuándo|cómo|por\s+qué|quién|cuál)(?![\p{L}\p{N}])[^.!?…:;]*[.!?…]?\s*$/iu;

/** A first-person subject in the same sentence makes it the narrator's own report of his words ("eu disse-lhe"). */
const NARRATOR_SUBJECT = /(?<![\p{L}\p{N}])(?:eu|yo)(?![\p{L}\p{N}])/iu;

/**
 * The narration paragraph just before `turn` (with no line of its own) ends with a question or words reported to the
 * narrator: the narrator answers with this turn.
 */
export function askedTheNarrator(structure: ChapterStructure, turn: number): boolean {
  const before = structure.paragraphs[structure.turns[turn].paragraph - 1];
  if (!before || before.hasDialogue) return false;
  const sentences = before.text.trim().split(/(?<=[.!?…])\s+(?=\p{Lu})/u);
  const last = sentences[sentences.length - 1] ?? '';
  return REPORTED_TO_NARRATOR.test(last) && !NARRATOR_SUBJECT.test(last);
}

/** How often the line after such narration is the narrator's. */
export const NARRATOR_ANSWERS = 0.75;
