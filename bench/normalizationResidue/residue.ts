/**
 * What is left in a spoken form that a speech engine reads badly: the residue the normalizer did not turn into words.
 * Each kind is a pattern over the spoken text; a token is counted under the first kind that claims it, so a number
 * inside a bracket counts once.
 */
import { romanToNumber } from '../../core/manuscript/numerals';

export interface ResidueKind {
  name: string;
  /** Whether engines say it well anyway (an ellipsis is a pause): counted, but not a fault. */
  accepted?: boolean;
  /** The languages (primary subtags) whose books it is looked for in; all when absent. */
  languages?: readonly string[];
  pattern: RegExp;
  /** Narrows a match further, for kinds a pattern cannot say alone (a Roman numeral, a word alone in capitals). */
  keep?(match: string, text: string, offset: number): boolean;
}

const ROMAN_LETTERS = /^[IVXLCDM]+$/;
const isRoman = (word: string) => ROMAN_LETTERS.test(word) && romanToNumber(word) !== undefined;
const WORD_BEFORE = /(\p{L}+)[^\p{L}\n]*$/u;
const WORD_AFTER = /^[^\p{L}\n]*(\p{L}+)/u;
const isAllCaps = (word: string | undefined) => !!word && word.length > 1 && /^\p{Lu}+$/u.test(word);

/** A word in capitals between words that are not (an acronym or a shout), not a line or title set in capitals. */
function standsAlone(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 40), offset).match(WORD_BEFORE)?.[1];
  const after = text.slice(offset + length, offset + length + 40).match(WORD_AFTER)?.[1];
  return !isAllCaps(before) && !isAllCaps(after);
}

export const RESIDUE_KINDS: readonly ResidueKind[] = [
  { name: 'url or email', pattern: /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.]+/gu },
  { name: 'italics underscore', pattern: /_+/gu },
  { name: 'bracket or note mark', pattern: /\[[^\]\n]{0,20}\]?|[\]{}†‡¶]/gu },
  { name: 'digits', pattern: /[^\s\p{Nd}]{0,6}\p{Nd}+(?:[^\s\p{Nd}]{0,6}\p{Nd}+)*[^\s\p{Nd}]{0,6}/gu },
  { name: 'symbol', pattern: /[^\p{L}\p{M}\p{N}\s.,;:!?'"()\-—–¿¡]/gu },
  { name: 'dash read as a word', pattern: /(?<=^|\s)(?:--+|[—–-])(?=\s|$)/gmu },
  // A blanked name or a censored word read as its pieces: a possessive with no name ("General, 's"), a consonant cut
  // off by a pause from the consonants that end the word ("D, n", "d, d"; "c, o" cannot be told from "a, o").
  {
    name: 'blank or censored word',
    pattern:
      /(?<=^|[\s,;])['’]s(?![\p{L}])|(?<![\p{L}\p{N}'’])[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z], [b-df-hj-np-tv-z]{1,2}(?![\p{L}\p{N}'’])/gu,
  },
  {
    name: 'Roman numeral',
    pattern: /(?<![\p{L}'])[IVXLCDM]{2,}(?![\p{L}'])/gu,
    keep: (match) => isRoman(match),
  },
  {
    name: 'letters spaced out',
    pattern: /(?<![\p{L}.])(?:\p{L}[ \t]){3,}\p{L}(?![\p{L}])/gu,
  },
  {
    name: 'word in capitals, alone',
    pattern: /(?<![\p{L}'])\p{Lu}{2,}(?![\p{L}])/gu,
    keep: (match, text, offset) => !isRoman(match) && standsAlone(text, offset, match.length),
  },
  {
    name: 'words in capitals, a run',
    accepted: true,
    pattern: /(?<![\p{L}'])\p{Lu}{2,}(?![\p{L}])/gu,
    keep: (match, text, offset) => !isRoman(match) && !standsAlone(text, offset, match.length),
  },
  // Spanish and Portuguese write Dom/Dona/don, São/san and usted as a letter: before a name it is more often a title
  // than an initial, so each one left is worth a look.
  {
    name: 'title letter left before a name',
    languages: ['es', 'pt'],
    pattern: /(?<![\p{L}\p{N}.])[DSV]\.(?=[ \t]*\n?[ \t]*\p{Lu}\p{Ll})/gu,
  },
  // A short word and a period with the sentence going on in lower case: an abbreviation the rules left.
  { name: 'abbreviation left', pattern: /(?<![\p{L}.])\p{L}{1,4}\.(?:\p{L}{1,3}\.)*(?=[ \t\n]+\p{Ll})/gu },
  // A capital and its period, alone or in a row ("C. D."): engines say the letter, as a reader does.
  {
    name: 'initial',
    accepted: true,
    pattern: /(?<![\p{L}.])\p{Lu}\.(?:[ \t]?\p{Lu}\.)*(?![\p{L}])/gu,
  },
  { name: 'ellipsis', accepted: true, pattern: /\.{3,}/gu },
];

export interface ResidueToken {
  kind: string;
  token: string;
  /** A few words around the token, for a reader of the report. */
  context: string;
}

/** Every residue token of a spoken text in a language (BCP 47), each under the first kind that claims it. */
export function residueTokens(spoken: string, language = 'en'): ResidueToken[] {
  const primary = language.toLowerCase().split(/[-_]/)[0];
  const claimed: Array<[number, number]> = [];
  const isClaimed = (start: number, end: number) => claimed.some(([s, e]) => start < e && end > s);
  const tokens: ResidueToken[] = [];
  const kinds = RESIDUE_KINDS.filter((kind) => !kind.languages || kind.languages.includes(primary));
  for (const kind of kinds) {
    for (const match of spoken.matchAll(kind.pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (isClaimed(start, end) || (kind.keep && !kind.keep(match[0], spoken, start))) continue;
      claimed.push([start, end]);
      const context = spoken
        .slice(Math.max(0, start - 30), Math.min(spoken.length, end + 30))
        .replace(/\s+/g, ' ')
        .trim();
      tokens.push({ kind: kind.name, token: match[0], context });
    }
  }
  return tokens;
}
