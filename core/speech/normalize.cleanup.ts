/** Language-neutral cleanup of typography that a speech engine would read wrongly or not at all. */

import { ITALICS_CLOSING, ITALICS_OPENING } from './italics';

// eslint-disable-next-line no-misleading-character-class -- a set of invisible code points, listed one by one
const INVISIBLE = /[\u00AD\u200B\u200C\u200D\u2060\uFEFF\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C]/g;
const SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/g;
const SCENE_BREAK_LINE = /^[ \t]*(?:[*#~•·⁂=_][ \t]*){1,20}[ \t]*$/gmu;
/**
 * A footnote or errata mark glued to a word ("é* justo", "céu.*", "fora**", "the Hall.†", "Acts‡"), a bracketed
 * note number ("word[1]") or a Markdown note reference ("farm.[^1]", "[^author]") is a reference for the eye; an
 * engine would say "asterisk", "dagger" or the number.
 */
/** Asterisks standing for a name the author withholds ("the town of ***, where"): a pause, not three "asterisk"s. */
const WITHHELD_NAME = /(?<=[\p{L}\p{N}])(?:[ \t]+|[ \t]*\n[ \t]*)\*{2,}(?=([ \t]*[\p{L}\p{N}]?))/gu;
const NOTE_MARKS =
  /(?<=[\p{L}\p{M}.,;:!?'")])(?:\*{1,3}|[†‡]{1,2}|\[\d{1,3}\]|\[\^[\p{L}\p{N}_-]{1,20}\])(?![\p{L}\p{N}*])/gu;
/**
 * The dagger that opens the note itself, at the start of its line ("† See the letter of May."); asterisks there may
 * stand for a withheld name that the line before leads to.
 */
const NOTE_OPENING = /^([ \t]*)[†‡]{1,2}[ \t]+(?=\p{L})/gmu;
/**
 * A note number printed in superscript ("hedges,¹", "the field²"). After a unit of one or two letters it is a power
 * ("m²", "cm³") and is left to the units.
 */
const SUPERSCRIPT_NOTE_MARKS = /(?<=[.,;:!?'")]|\p{L}{3})[¹²³⁰⁴-⁹]{1,3}(?![\p{L}\p{N}])/gu;
const SUPERSCRIPT_DIGIT = /[¹²³⁰⁴-⁹]/u;

/**
 * A word printed with its letters spaced out for emphasis ("s o m e t h i n g", "N e v e r"): four letters or more,
 * each followed by one space, lower case after an optional capital or all capitals.
 */
const SPACED_LETTERS = /(?<![\p{L}\p{N}])\p{L}(?: \p{L}){3,}(?![\p{L}\p{N}])/gu;
const ONE_WORD = /^(?:\p{Lu}?\p{Ll}+|\p{Lu}+)$/u;
const VOWEL = /[aeiouyàáâãäèéêëìíîïòóôõöùúûü]/iu;

/** Joined into the word they spell; letters in alphabetical order ("a b c d") or without a vowel ("R S V P") stay. */
function joinSpacedLetters(letters: string): string {
  const word = letters.replace(/ /g, '');
  if (!ONE_WORD.test(word) || !VOWEL.test(word)) return letters;
  const codes = [...word.toLowerCase()].map((letter) => letter.codePointAt(0) ?? 0);
  const inOrder = codes.every((code, i) => i === 0 || code === codes[i - 1] + 1);
  return inOrder ? letters : word;
}

export function cleanTypography(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(SPACES, ' ')
    .replace(/[“”„‟«»‹›"]/g, '"')
    .replace(/[‘’‚‛`´]/g, "'")
    .replace(/…/g, '...')
    .replace(SCENE_BREAK_LINE, '')
    .replace(/\r\n?/g, '\n')
    .replace(SPACED_LETTERS, joinSpacedLetters);
  return withoutMarkup(cleaned);
}

/** Italics underscores, note marks and withheld names; most paragraphs have none of their characters. */
function withoutMarkup(text: string): string {
  let cleaned = text;
  if (cleaned.includes('_')) cleaned = cleaned.replace(ITALICS_OPENING, '').replace(ITALICS_CLOSING, '');
  if (/[*[†‡]/.test(cleaned)) {
    cleaned = cleaned
      .replace(NOTE_MARKS, '')
      .replace(NOTE_OPENING, '$1')
      .replace(WITHHELD_NAME, (_stars: string, next: string) => (next.trim() === '' ? '' : ','));
  }
  if (SUPERSCRIPT_DIGIT.test(cleaned)) cleaned = cleaned.replace(SUPERSCRIPT_NOTE_MARKS, '');
  return cleaned;
}

/** A dash that opens a line (a turn of dialogue: raya, "--") is not spoken. */
const TURN_OPENING_DASH = /^([ \t"']*)[—―–][ \t]*/gmu;
/**
 * A dash inside a line, with the spaces around it; dashes in a row are one pause. An en dash or a hyphen counts only
 * between spaces (a joined en dash is a range, a joined hyphen a compound; typed text sets a dash as " - "). The match
 * starts where a run of spaces starts, so a long run of spaces without a dash is scanned once.
 */
const DASH = String.raw`(?:[—―]|(?<=[ \t])[–-](?=[ \t]))`;
const PAUSE_DASHES = new RegExp(String.raw`(?<![ \t])[ \t]*${DASH}(?:[ \t]*${DASH})*[ \t]*`, 'gu');
const STOP_OR_PAUSE_AFTER = /[.,;:!?]/;
const STOP_OR_PAUSE_BEFORE = /[.,;:!?¿¡]/;

/**
 * Dashes: a turn-opening dash is not spoken; other em/en dashes are a pause, read as a comma, unless punctuation
 * already makes the pause on either side or the text ends there ("—dijo—." is "dijo."). Only the commas that stand for dashes are dropped:
 * the author's own punctuation is kept ("1000 A.D., 800 AD" keeps its comma). Runs after number handling so ranges
 * such as 1990–1995 are already words.
 */
export function speakDashes(text: string): string {
  return text
    .replace(/--+/g, '—')
    .replace(TURN_OPENING_DASH, '$1')
    .replace(PAUSE_DASHES, (dashes: string, offset: number, source: string) => {
      const before = source.charAt(offset - 1);
      const after = source.charAt(offset + dashes.length);
      // Nothing follows a dash closing the text ("— 7 —" as a heading): the end is its own pause.
      if (before === '' || before === '\n' || after === '' || STOP_OR_PAUSE_AFTER.test(after)) return '';
      return STOP_OR_PAUSE_BEFORE.test(before) ? ' ' : ', ';
    })
    .replace(/[ \t]{2,}/g, ' ');
}
