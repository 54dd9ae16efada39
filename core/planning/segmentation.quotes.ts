/**
 * Quotation marks: which mark opens a quotation and where it closes, past apostrophes (`It's`, `the boys' hats`,
 * `goin'`, `'Tis`), quotations nested inside, and the marks an OCR pass put the wrong way round. The rules are
 * described in docs/dialogue-and-attribution.md.
 */
import { readSpeechTag } from '../characters/attribution/speechTags';
import type { HeuristicLanguage } from '../characters/vocabulary';
import { isBlankPossessive } from './segmentation.blanks';

/** Each opening mark and the marks that close it. `”` and `’` open only where an OCR pass turned the opening mark. */
export const QUOTE_PAIRS: Record<string, string[]> = {
  '"': ['"', '”'],
  '“': ['”', '"'],
  '„': ['“', '”'],
  '”': ['”', '"'],
  '«': ['»'],
  '‹': ['›'],
  '‘': ['’'],
  '’': ['’'],
  "'": ["'", '’'],
  '「': ['」'],
};

const SINGLE_QUOTES = new Set(["'", '‘', '’']);

export const isSpace = (ch: string | undefined) => ch === undefined || /\s/u.test(ch);
export const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

const ELIDED_YEAR = /^\d\d(?:s\b|(?![\p{L}\p{N}]))/u;
/**
 * Words an apostrophe shortens at their start (`'Tis`, `'twas`, `'prentice`, `'em`): the apostrophe opens a quotation
 * only when a closing quote follows in the paragraph.
 */
const ELIDED_WORD_START =
  /^(?:tis|twas|twere|twill|twould|tisn|twasn|prentice|em|im|cause|bout|til|tween|twixt|gainst|neath|scuse|spose|cept)(?![\p{L}\p{N}])/iu;
/** French spacing: a guillemet, a space (often a no-break one), then the quotation's first word. */
const SPACED_GUILLEMET = /^[ \t\u00a0\u202f]{1,2}[\p{L}\p{N}¿¡…]/u;

export function isOpeningQuote(text: string, at: number, language?: HeuristicLanguage): boolean {
  const ch = text[at];
  const before = text[at - 1];
  const after = text[at + 1];
  if (isSpace(after)) return (ch === '«' || ch === '‹') && SPACED_GUILLEMET.test(text.slice(at + 1, at + 4));
  if (isBlankPossessive(text, at, language)) return false; // "at Lord ——'s house"
  // "in the year '83", "the '90s": an apostrophe eliding a year's century opens no quotation.
  if (SINGLE_QUOTES.has(ch) && ELIDED_YEAR.test(text.slice(at + 1))) return false;
  if (SINGLE_QUOTES.has(ch)) {
    // A line may open with an elided word: "‘’Tis a cold night,’".
    const word = isLetter(after) || (/['’]/u.test(after) && isLetter(text[at + 2]));
    return (isSpace(before) || /[([{—–-]/u.test(before)) && word;
  }
  if (ch === '"') return isSpace(before) || /[([{—–\-:]/u.test(before ?? '');
  if (ch === '”') return isSpace(before) || /[([{—–-]/u.test(before);
  return true;
}

/**
 * Whether the single quote opening at `open` is none: a closing mark `’`, or a mark before a word an apostrophe
 * shortens, with no closing quote after it (`the 'prentice lads`, `'Twas the night`), or a closing mark before such
 * a word (`told ’em`).
 */
export function opensNoQuotation(text: string, open: number, close: number): boolean {
  if (!SINGLE_QUOTES.has(text[open])) return false;
  const elided = ELIDED_WORD_START.test(text.slice(open + 1));
  // A closing mark before such a word is its apostrophe whatever follows (`told ’em`).
  if (text[open] === '’' && elided) return true;
  return close < 0 && (text[open] === '’' || elided);
}

/**
 * How much of the text after a word's apostrophe is read for a speech tag: a tag is a short clause (under a hundred
 * characters), and reading the rest of the paragraph at every such apostrophe would take a long one's square.
 */
const SPEECH_TAG_REACH = 200;

/**
 * An apostrophe that ends a word inside a single quotation, not the quotation's close: after a plural (`the boys'
 * hats`) or after any other word that opens no speech tag (`goin’ down`, `nothin' but`; `'Go home' he said` closes),
 * before a lower-case word, or before a comma and any word (`‘’Mornin’, miss.`, `‘Oh, aye. ’Mornin’, Mr Pennock.’`:
 * a line's own comma stands inside its closing quote), with a closing quote still to come before any other quotation
 * opens (`'Yes' and 'No'` close where they seem to). The word after may itself be elided at its start (`an’ ’e`);
 * inside a quotation opened by `‘`, a `’` before a word elides its start (`’e`, `’asn’t`) and opens none.
 */
function endsAWord(text: string, at: number, opener: string, quotation: QuotationContext): boolean {
  if (!isLetter(text[at - 1])) return false;
  // `goin’.’`: the line's own stop between the word's apostrophe and its closing quote.
  if (/^[.!?…]$/u.test(text[at + 1] ?? '') && QUOTE_PAIRS[opener].includes(text[at + 2])) return true;
  const comma = text[at + 1] === ',';
  const rest = text.slice(at + (comma ? 2 : 1), at + (comma ? 5 : 4));
  if (!(comma ? /^\s['’]?\p{L}/u : /^\s['’]?\p{Ll}/u).test(rest)) return false;
  const plural = !comma && /[sS]/u.test(text[at - 1]);
  const after = text.slice(at + (comma ? 2 : 1), at + 1 + SPEECH_TAG_REACH).trimStart();
  if (!plural && readSpeechTag(after, quotation.language) !== null) return false;
  const closers = QUOTE_PAIRS[opener];
  for (let i = at + 1; i < text.length; i++) {
    const opensAnother = SINGLE_QUOTES.has(text[i]) && isSpace(text[i - 1]) && isLetter(text[i + 1]);
    if (opensAnother && !(opener === '‘' && text[i] === '’')) return false;
    if (closers.includes(text[i]) && !isLetter(text[i + 1])) return true;
  }
  // No close to come: a line its tag took up may run on into the next paragraph ("said Jem, 'past the Smiths' farm…").
  return !comma && quotation.resumesLine === true;
}

/** What the paragraph says about a quotation before it opens. */
export interface QuotationContext {
  language?: HeuristicLanguage;
  /** The quotation takes up a line after the line's speech tag (`'We walked,' said Jem, 'past…`). */
  resumesLine?: boolean;
}

/**
 * A double quote opening a line while a double quotation opened on an earlier line is still open: the next paragraph
 * of the same speech, printed without a blank line before it (a letter read aloud, `"'The Copper Beeches.⏎"'DEAR
 * MISS HUNTER:--…`), as each paragraph of a speech reopens its quotation. It does not close the speech.
 */
function reopensOnNewLine(text: string, open: number, at: number): boolean {
  if (!/["“]/u.test(text[open]) || !/["“]/u.test(text[at])) return false;
  // Back over the line's indent only: a search for the line's start would read a long paragraph once per quote.
  let lineStart = at - 1;
  while (lineStart > open && (text[lineStart] === ' ' || text[lineStart] === '\t')) lineStart--;
  return lineStart > open && text[lineStart] === '\n' && !isSpace(text[at + 1] ?? ' ');
}

/** An opening double mark glued to the end of the quotation's last word (`home,“ said Mary`): OCR turned its close. */
function turnedClosingMark(text: string, open: number, at: number): boolean {
  return (
    /[“”]/u.test(text[open]) &&
    text[at] === '“' &&
    !isSpace(text[at - 1]) &&
    (isSpace(text[at + 1]) || /[.,;:!?…)]/u.test(text[at + 1]))
  );
}

/** Where the quotation opening at `open` closes, or -1 when it runs to the paragraph's end. */
export function findClosing(text: string, open: number, quotation: QuotationContext = {}): number {
  const opener = text[open];
  const closers = QUOTE_PAIRS[opener];
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const ch = text[i];
    if (opener === '«' && ch === '«') depth++;
    // A straight double quote after a space and before a word opens a quotation inside this one ("'Is to copy out
    // the "Encyclopaedia Britannica." There is…'"): it and its own closing mark are not this quotation's end.
    if (opener === '"' && ch === '"' && isSpace(text[i - 1]) && isLetter(text[i + 1])) {
      depth++;
      continue;
    }
    if (reopensOnNewLine(text, open, i)) continue;
    if (depth === 0 && turnedClosingMark(text, open, i)) return i;
    if (!closers.includes(ch)) continue;
    if (SINGLE_QUOTES.has(opener) && isLetter(text[i + 1])) continue; // an apostrophe inside a word
    if (SINGLE_QUOTES.has(opener) && endsAWord(text, i, opener, quotation)) continue; // "the boys' hats", "goin' down"
    if (depth > 0) {
      depth--;
      continue;
    }
    return i;
  }
  return -1;
}
