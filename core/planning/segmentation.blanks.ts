/**
 * A run of dashes standing for a name or a word the author leaves out ("General ----'s regiment", "Mr. —— who",
 * "the ----shire", "el general ---- es"): part of its sentence, so no dash that opens a turn, an inciso or a
 * quotation. The spoken form reads it whole (core/speech/normalize.blanks.ts), which it can only do when the segment
 * holds it with the words around it.
 */
import { readSpeechTag } from '../characters/attribution/speechTags';
import type { HeuristicLanguage } from '../characters/vocabulary';

/** Two dashes or more, or three hyphens or more: no dialogue dash is printed so long ("--" is one dash). */
const BLANK_RUN = /^(?:[—―]{2,}|-{3,})$/u;
/**
 * A title or name a space before the blank ("Mr. ——", "D. ——", "General ----", "Lord ——"); a capitalised word glued
 * to the dashes ("Only for him——", "Pero——") is a speech cut short as often as not.
 */
const TITLE_BEFORE = /(?:^|[^\p{L}\p{N}])(?:\p{Lu}\p{L}{0,3}\.|\p{Lu}\p{L}+)\s+$/u;
const ABBREVIATION_BEFORE = /\p{Lu}\p{L}{0,3}\.\s*$/u;
const WORD_BEFORE = /\p{L}\s*$/u;
/**
 * What goes on with the sentence after it: a possessive, a letter glued to it in lower case ("----shire", "d——d"),
 * a comma, or a lower-case word after a space. A closing quote, a capital after it ("superior to----You shall"), or
 * nothing at all is what ends an interrupted speech ("I was going to——”").
 */
const CONTINUATION_AFTER = /^(?:['’]s(?![\p{L}\p{N}])|\p{Ll}|,|[ \t]*(?:\r\n|\r|\n)?[ \t]*\p{Ll})/u;
/**
 * A blank set apart from the word before it may end its sentence ("el pueblo de ----.", "al Sr. ——?"); a speech cut
 * short is glued to its last word ("Pero Juan——.").
 */
const SENTENCE_END_AFTER = /^[.;:!?…]/u;

/**
 * Whether the dash run `text[at, end)` stands for a name or a word. A run after a lower-case word followed by a speech
 * tag in the book's language ("iba a—— dijo ella", "going to—— said he") is a speech cut short, with its tag.
 */
export function isBlankDashes(text: string, at: number, end: number, language?: HeuristicLanguage): boolean {
  if (!BLANK_RUN.test(text.slice(at, end))) return false;
  const before = text.slice(Math.max(0, at - 40), at);
  if (!WORD_BEFORE.test(before) && !ABBREVIATION_BEFORE.test(before)) return false;
  const after = text.slice(end, end + 80);
  const setApart = /\s$/u.test(before);
  if (!CONTINUATION_AFTER.test(after) && !(setApart && SENTENCE_END_AFTER.test(after))) return false;
  if (TITLE_BEFORE.test(before)) return true;
  return readSpeechTag(after, language) === null;
}

/**
 * Whether the apostrophe at `at` is the possessive of a blank just before it ("Lord ——'s house"), not a single quote
 * opening a quotation.
 */
export function isBlankPossessive(text: string, at: number, language?: HeuristicLanguage): boolean {
  if (!/^['’‘]s(?![\p{L}\p{N}])/u.test(text.slice(at, at + 3))) return false;
  const run = /(?:[—―]+|-+)$/u.exec(text.slice(Math.max(0, at - 40), at));
  return run !== null && isBlankDashes(text, at - run[0].length, at, language);
}
