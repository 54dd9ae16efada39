/**
 * Words printed in capitals: titles ("CHAPTER THE LAST"), shouting ("I WILL NOT go") and acronyms ("BBC"). Engines
 * read most words in capitals as the words, but spell the few their dictionaries also hold as acronyms ("US", "IT"),
 * and other engines may spell more. Where the context says a word, it is given in lower case; acronyms stay.
 */
import { romanToNumber } from '../manuscript/numerals';
import type { LanguageRules } from './normalize.rules';

/**
 * Words in capitals with only spaces between them ("WHAT IS IT", "WILL NOT"), not glued to a symbol ("AT&T") nor
 * part of a dotted abbreviation ("U.S.A."); a period after them may end the sentence.
 */
const CAPITALS_RUN = /(?<![\p{L}\p{N}'’.&])\p{Lu}{2,}(?:[ \t]+\p{Lu}{2,})*(?![\p{L}\p{N}&'’]|\.[\p{L}\p{N}])/gu;
const WORD_BEFORE = /(\p{L}+)[^\p{L}\p{N}\n]*$/u;
const OPENS_SENTENCE = /(?:^|[.!?:"'(¡¿—–\n])[ \t"'(¡¿—–]*$/u;
/** After an article the word is a noun, the acronym ("THE US NAVY"). */
const ARTICLES: ReadonlySet<string> = new Set(['the', 'a', 'an']);
/**
 * A single function word shouted needs three letters: so many of two are also acronyms or units ("11 AM", "OR"); "WHO"
 * is an acronym too.
 */
const MIN_SHOUTED_LETTERS = 3;
const ACRONYMS_TOO: ReadonlySet<string> = new Set(['who']);
const WORD_JUST_BEFORE = /(?:^|[^\p{L}\p{N}])(\p{L}[\p{L}'’-]*)[ \t]+$/u;
const CAPITALISED_WORD_AFTER = /^[ \t]+\p{Lu}/u;

/**
 * Whether the line at an offset holds a lower-case letter (prose, not a title in capitals). Asked in the order of the
 * text, so each line is looked at once however many runs it holds.
 */
function proseLines(text: string): (offset: number) => boolean {
  let end = -1;
  let prose = false;
  return (offset) => {
    if (offset > end) {
      const start = text.lastIndexOf('\n', offset) + 1;
      const next = text.indexOf('\n', offset);
      end = next === -1 ? text.length : next;
      prose = /\p{Ll}/u.test(text.slice(start, end));
    }
    return prose;
  };
}

/** Function words shouted inside prose: "did NOT die", "I WILL NOT go", not a title line nor "NÃO VOLTO". */
function isShout(words: string[], inProse: boolean, rules: LanguageRules): boolean {
  if (!inProse) return false;
  if (!words.every((word) => rules.functionWords.has(word))) return false;
  return words.length > 1 || (words[0].length >= MIN_SHOUTED_LETTERS && !ACRONYMS_TOO.has(words[0]));
}

/**
 * A word engines spell, alone in capitals in the middle of a prose sentence ("They told US nothing", "Let US alone"):
 * the pronoun shouted. After an article ("the US army") or before a name ("US Navy") it is the acronym, and at a
 * sentence's start nothing tells them apart, so it stays.
 */
function isShoutedAmongWords(text: string, offset: number, length: number): boolean {
  const before = text.slice(Math.max(0, offset - 40), offset).match(WORD_JUST_BEFORE)?.[1];
  if (before === undefined || ARTICLES.has(before.toLowerCase())) return false;
  return !CAPITALISED_WORD_AFTER.test(text.slice(offset + length, offset + length + 4));
}

/** A word in capitals inside a heading, with an apostrophe's ending ("MARLEY'S"); not part of "U.S.A." nor "AT&T". */
const HEADING_CAPITALS = /(?<![\p{L}\p{N}.&])\p{Lu}{2,}(?:['’]\p{Lu}+)?(?![\p{L}\p{N}&]|\.\p{L})/gu;
const VOWEL = /[aeiouy]/;
/** Consonants a word of English, Spanish or Portuguese may open with; "FBI" and "NHS" open otherwise. */
const WORD_ONSETS: ReadonlySet<string> = new Set([
  ...['bl', 'br', 'ch', 'cl', 'cr', 'dr', 'fl', 'fr', 'gl', 'gr', 'gn', 'kl', 'kn', 'kr', 'ph', 'pl', 'pr', 'ps'],
  ...[
    'sc',
    'sh',
    'sk',
    'sl',
    'sm',
    'sn',
    'sp',
    'st',
    'sw',
    'th',
    'tr',
    'tw',
    'vr',
    'wh',
    'wr',
    'gh',
    'dw',
    'sq',
    'pn',
    'rh',
    'tl',
  ],
  ...['chr', 'phr', 'sch', 'scr', 'shr', 'spl', 'spr', 'squ', 'str', 'thr', 'sph'],
]);
const foldAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * Whether a heading's word in capitals is written as an acronym is: no vowel ("BBC", "NHS"), consonants no word opens
 * with ("FBI"), or a Roman numeral the numeral rules left ("XIV"). Anything else is a word set in capitals.
 */
function looksLikeAcronym(word: string, rules: LanguageRules): boolean {
  const folded = foldAccents(word);
  if (!VOWEL.test(folded)) return true;
  // "MI VIDA": a word of the language that is also a numeral is the word.
  if (/^[ivxlcdm]+$/.test(folded) && romanToNumber(word) !== undefined) return !rules.functionWords.has(folded);
  if (isShortVowelAcronym(word, rules)) return true;
  const onset = folded.match(/^[^aeiouy]*/)?.[0] ?? '';
  return onset.length > 1 && !WORD_ONSETS.has(onset);
}

/**
 * "USA", "ONU", "UK", "EU": short, opening with a vowel, unaccented, and not one of the language's function words ("AN",
 * "OF", "ELA", "UNO"); of three letters, ending in a vowel other than a silent e ("OLD", "ICE", "IVY" are words). Nothing
 * in the letters tells such an acronym from a rare word ("EGO", "ORO"), but an engine reads a word left in capitals as
 * the word, while an acronym given as a word ("Usa") is said as one.
 */
function isShortVowelAcronym(word: string, rules: LanguageRules): boolean {
  if (!/^[AEIOU][A-Z]{1,2}$/.test(word) || rules.functionWords.has(word.toLowerCase())) return false;
  return word.length === 2 || /[AIOU]$/.test(word);
}

/**
 * A heading's capitals are its typeface, not its words: every word of "CHAPTER THE LAST" is in capitals, so none is
 * marked as an acronym by it, and an engine that spells a word in capitals would spell "LAST". They are given as
 * words, capitalised ("Last", "Marley's Ghost"); what is written as an acronym stays ("BBC", "FBI"), and so do the
 * words engines spell after an article ("THE US NAVY").
 */
export function readHeadingCapitals(text: string, rules: LanguageRules): string {
  if (!/\p{Lu}{2}/u.test(text)) return text;
  return text.replace(HEADING_CAPITALS, (word: string, offset: number) => {
    const ending = /['’]\p{Lu}+$/u.exec(word)?.[0] ?? '';
    const stem = word.slice(0, word.length - ending.length);
    // "THE USA'S" → "The USA's": the acronym stays, its ending is a word's.
    if (looksLikeAcronym(stem, rules)) return stem + ending.toLowerCase();
    const before = text.slice(Math.max(0, offset - 40), offset).match(WORD_BEFORE)?.[1];
    const afterArticle = before !== undefined && ARTICLES.has(before.toLowerCase());
    if (afterArticle && rules.spelledInCapitals?.has(word.toLowerCase())) return word;
    return word.charAt(0) + word.slice(1).toLowerCase();
  });
}

/**
 * "did NOT die" → "did not die", "I WILL NOT go" → "I will not go"; in a run of capitals, the words engines spell
 * ("LET US GO" → "LET us GO", but "THE US NAVY"), or alone inside a sentence ("told US nothing"). Titles and names in capitals stay, which engines read as words.
 */
export function readCapitalWords(text: string, rules: LanguageRules): string {
  if (!/\p{Lu}{2}/u.test(text)) return text;
  const spelled = rules.spelledInCapitals;
  const isProse = proseLines(text);
  return text.replace(CAPITALS_RUN, (run: string, offset: number) => {
    const words = run.split(/([ \t]+)/);
    const lower = words.filter((_, i) => i % 2 === 0).map((word) => word.toLowerCase());
    const preceding = text.slice(Math.max(0, offset - 40), offset);
    if (isShout(lower, isProse(offset), rules)) {
      const spoken = run.toLowerCase();
      return OPENS_SENTENCE.test(preceding) ? spoken.charAt(0).toUpperCase() + spoken.slice(1) : spoken;
    }
    if (!spelled) return run;
    if (lower.length < 2) {
      const shouted = spelled.has(lower[0]) && isProse(offset) && isShoutedAmongWords(text, offset, run.length);
      return shouted ? lower[0] : run;
    }
    return words
      .map((word, i) => {
        if (i % 2 === 1 || !spelled.has(word.toLowerCase())) return word;
        const before = i === 0 ? preceding.match(WORD_BEFORE)?.[1] : words[i - 2];
        return before !== undefined && ARTICLES.has(before.toLowerCase()) ? word : word.toLowerCase();
      })
      .join('');
  });
}
