/**
 * Roman numerals and heading words. A numeral after a heading word is a number ("CHAPTER XII" → "Chapter twelve"),
 * a numeral alone on its line is a part or section number ("I." → "one."), and a numeral after a name is a regnal
 * number ("Henry VIII" → "Henry the Eighth"). English "I" is also the pronoun: it is a number only where the pronoun
 * cannot stand (alone on a heading line, after a heading word at the end of a phrase, after a name before a stop).
 */
import { romanToNumber } from '../manuscript/numerals';
import { givenNameGender } from './givenNames';
import { perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const foldAccents = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const ROMAN = String.raw`[IVXLCDM]+|[ivxlcdm]+`;
/** A heading's number: Roman, digits, or a word ("SEVEN", "PRIMERO"). */
const HEADING_NUMBER = String.raw`(?:${ROMAN}|\d+|\p{L}+(?:-\p{L}+)?)`;

const ACCENTED: Record<string, string> = { a: 'áàâã', e: 'éêè', i: 'íî', o: 'óôõ', u: 'úü', c: 'ç' };

function labelPattern(rules: LanguageRules): string {
  // Written with or without accents, in any case ("CAPITULO", "Capítulo", "cap.").
  return Object.keys(rules.headingLabels)
    .sort((a, b) => b.length - a.length)
    .map((label) => label.replace(/[aeiouc]/g, (c) => `[${c}${ACCENTED[c]}]`).replace(/\./g, '\\.'))
    .join('|');
}

function canonicalLabel(written: string, rules: LanguageRules): string {
  return rules.headingLabels[foldAccents(written)] ?? written;
}

/** "I" standing for the pronoun: followed by a word, in a language where "I" is a pronoun. */
function mayBePronoun(numeral: string, after: string, rules: LanguageRules): boolean {
  return rules.loneIIsPronoun && numeral === 'I' && /^[ \t]*["'(]?\p{L}/u.test(after);
}

/**
 * A heading read as the language says it: the heading word in its usual spelling and its number as a cardinal
 * ("CAPITULO CLX" → "Capítulo cento e sessenta", "STAVE I:" → "Stave one:").
 */
export function readHeadingNumbers(text: string, rules: LanguageRules): string {
  const pattern = new RegExp(
    String.raw`^([ \t]*)(${labelPattern(rules)})([ \t]+)(${HEADING_NUMBER})(?![\p{L}\p{N}])`,
    'gimu',
  );
  const labelled = text.replace(
    pattern,
    (match, indent: string, label: string, gap: string, number: string, at: number) => {
      const after = text.slice(at + match.length);
      const value = /^\d+$/.test(number) ? undefined : romanToNumber(number);
      let spokenNumber = number;
      if (value !== undefined && !mayBePronoun(number, after, rules)) spokenNumber = rules.cardinal(BigInt(value));
      else if (/^\p{Lu}[\p{Lu}-]+$/u.test(number)) spokenNumber = number.toLowerCase();
      return `${indent}${canonicalLabel(label, rules)}${gap}${spokenNumber}`;
    },
  );
  return readLoneNumerals(labelled, rules, true);
}

/**
 * A line that is only a Roman numeral (with its period) numbers a part or section, and so does a numeral with its
 * period opening a line whose rest is a title in capitals ("VII. THE BLUE ROOM", a story's number in a collection).
 * In running text the single letters that are also initials or words (L, C, D, M; the pronoun I without a period)
 * stay as they are.
 */
export function readLoneNumerals(text: string, rules: LanguageRules, isHeading: boolean): string {
  return text.replace(
    /^([ \t]*)([IVXLCDM]+)(\.?)(?=([ \t]*$|[ \t]+[^\n]*))/gmu,
    (match, indent: string, roman: string, dot: string, rest: string) => {
      const value = romanToNumber(roman);
      if (value === undefined) return match;
      if (!isHeading && roman.length === 1 && (/[LCDM]/.test(roman) || (roman === 'I' && dot === ''))) return match;
      if (rest.trim() !== '' && (dot === '' || !isCapitalsTitle(rest))) return match;
      return `${indent}${rules.cardinal(BigInt(value))}${dot}`;
    },
  );
}

/** A title printed in capitals: two capitals in a row and no lower-case letter ("THE BLUE ROOM", "EL MOLINO"). */
const isCapitalsTitle = (line: string) => /\p{Lu}{2}/u.test(line) && !/\p{Ll}/u.test(line);

/**
 * The numerals after a heading word's first: joined by a comma, "and", "or" or "to" in any of the three languages
 * ("Chapters IV and V", "incisos II e III", "capítulos IV a VI", "Parts I, II, and III"), or by a dash, which says
 * "to" ("Chapters IV–VI"). A single letter here is I, V or X: "C", "D" and "M" after "a" or "e" are initials and
 * letters more often than numbers.
 */
const RUN_JOINER = String.raw`[ \t]{0,3},[ \t]{0,3}(?:(?:and|or|y|o|e|ou)[ \t]{1,3})?|[ \t]{1,3}(?:and|or|to|y|o|e|ou|a|al|ao)[ \t]{1,3}|[ \t]?[–-][ \t]?`;
const RUN_NUMERAL = String.raw`(?:[IVXLCDM]{2,}|[IVX])(?![\p{L}\p{N}'’])`;
/** A heading word's numerals after its first, as a pattern (what `numeralRun` reads). */
export const NUMERAL_RUN = String.raw`(?:(?:${RUN_JOINER})${RUN_NUMERAL})*`;

/** A heading word and its plural ("chapters", "capítulos", "secciones", "incisos"). */
const PLURAL_ENDING = String.raw`(?:e?s)?`;

/** Enough of the text after a numeral to tell the pronoun "I" (a word follows) from a number. */
const textAfter = (text: string, at: number) => text.slice(at, at + 16);

/**
 * "see Chapter XII" in running text: a heading word and its number. After a heading word in lower case ("no capitulo
 * XXV") only a numeral of two letters or more counts: a single letter may be the letter itself ("the letter C"). A
 * list of numerals after the word ("Chapters IV and V", "incisos II e III") is read whole, every numeral as the first.
 */
export function readLabelledNumerals(text: string, rules: LanguageRules): string {
  const numberingWords = new Set(rules.numberingWords ?? []);
  const labels = [...Object.keys(rules.headingLabels), ...numberingWords]
    .filter((label) => !label.endsWith('.'))
    // Written with or without accents ("capítulo", "capitulo"), in any case.
    .map((label) => escapeRegex(label).replace(/[aeiouc]/g, (c) => `[${c}${ACCENTED[c]}]`));
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}])((?:${labels.join('|')})${PLURAL_ENDING})([ \t]+|[ \t]*\n[ \t]*)([IVXLCDM]+)(?![\p{L}\p{N}'’])${NUMERAL_RUN}`,
    'giu',
  );
  return text.replace(pattern, (match, label: string, gap: string, roman: string, offset: number) => {
    const firstEnd = offset + label.length + gap.length + roman.length;
    const run = numeralRun(match.slice(firstEnd - offset), firstEnd, text, rules);
    // A law's clause ("inciso I") is numbered even by one letter; after a heading word in lower case, "part I" may
    // be the pronoun and "the letter C" a letter, unless a longer numeral follows in the list ("parts I and II").
    const numbersClauses = numberingWords.has(foldAccents(label.toLowerCase()).replace(/s$/, ''));
    const listHasLongNumeral = run.numerals.some((numeral) => numeral.length >= 2);
    const mayBeLetter = !/^\p{Lu}/u.test(label) && roman.length < 2 && !numbersClauses && !listHasLongNumeral;
    if (roman !== roman.toUpperCase() || mayBeLetter) return match;
    const value = romanToNumber(roman);
    // A numeral followed by more of the list is no pronoun ("Chapters I and II").
    if (value === undefined || (run.numerals.length === 0 && mayBePronoun(roman, textAfter(text, firstEnd), rules))) {
      return match;
    }
    const unread = match.slice(firstEnd - offset + run.written.length);
    return `${label}${gap}${rules.cardinal(BigInt(value))}${run.spoken}${unread}`;
  });
}

/**
 * The numerals of `list` (what follows a heading word's first numeral, starting at `start` in `text`), as far as each
 * is an upper-case numeral and not the English pronoun ("Chapters IV and I went home" stops before "I"): what they
 * cover as written, and as said.
 */
export function numeralRun(
  list: string,
  start: number,
  text: string,
  rules: LanguageRules,
): { numerals: string[]; written: string; spoken: string } {
  const step = new RegExp(String.raw`(${RUN_JOINER})(${RUN_NUMERAL})`, 'iuy');
  const numerals: string[] = [];
  let spoken = '';
  let end = 0;
  for (let found = step.exec(list); found; found = step.exec(list)) {
    const [, joiner, numeral] = found;
    const value = numeral === numeral.toUpperCase() ? romanToNumber(numeral) : undefined;
    if (value === undefined || mayBePronoun(numeral, textAfter(text, start + step.lastIndex), rules)) break;
    numerals.push(numeral);
    const said = /[–-]/.test(joiner) ? ` ${rules.rangeWord} ` : joiner;
    spoken += `${said}${rules.cardinal(BigInt(value))}`;
    end = step.lastIndex;
  }
  return { numerals, written: list.slice(0, end), spoken };
}

/** Centuries are written with I, V and X only; a list joins them ("siglos XVI y XVII", "séculos XV a XVII"). */
const CENTURY = String.raw`[IVX]+|[ivx]+`;
const CENTURY_RUN = String.raw`(?:${CENTURY})(?:[ \t]+(?:y|e|a|al|ao|o|ou)[ \t]+(?:${CENTURY})|[ \t]*[-–][ \t]*(?:${CENTURY}))*`;

const centuryPattern = perLanguage((rules) => {
  const words = rules.centuryWords;
  if (!words || words.size === 0) return null;
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])(${[...words].map(escapeRegex).join('|')})([ \t]+)(${CENTURY_RUN})(?![\p{L}\p{N}'’])`,
    'giu',
  );
});

/** "en el siglo XVII" → "en el siglo diecisiete", "séculos XV e XVI" → "séculos quinze e dezasseis". */
export function readCenturyNumerals(text: string, rules: LanguageRules): string {
  const words = rules.centuryWords;
  const pattern = centuryPattern(rules);
  if (!words || !pattern) return text;
  return text.replace(pattern, (match, word: string, gap: string, run: string) => {
    if (!words.has(word.toLowerCase())) return match;
    const spoken = run.replace(/[ \t]*[-–][ \t]*|[IVX]+|[ivx]+/g, (numeral: string) => {
      if (/[-–]/.test(numeral)) return ` ${rules.rangeWord} `;
      const value = romanToNumber(numeral);
      return value === undefined || value > MAX_CENTURY ? numeral : rules.cardinal(BigInt(value));
    });
    return `${word}${gap}${spoken}`;
  });
}

/** Regnal numbers stay below forty in practice; longer letter runs after a name are words or acronyms ("DC", "MCM"). */
const REGNAL = /^[IVX]+$/;
const MAX_REGNAL = 39;
const MAX_CENTURY = 39;

/**
 * Older prints put a period after a regnal number where no sentence ends ("Louis XIV. was king", "Pope Leo XIII.,
 * said"): a lower-case word or a pause follows. The number read as words, the period has nothing left to mark.
 */
const NUMERAL_PERIOD_MIDSENTENCE = String.raw`(\.(?=[ \t]*[,;:]|[ \t]*\n?[ \t]*["'(]?\p{Ll}))?`;

/**
 * "Henry VIII" → "Henry the Eighth", "George III's" → "George the Third's", "D. João VI" → "Dom João sexto", "D. Maria I" → "Dona Maria primeira" (the
 * ordinal agrees with a woman's name, core/speech/givenNames.ts); not after titles or heading words.
 */
export function readRegnalNumerals(text: string, rules: LanguageRules): string {
  // A book may wrap the line between the name and its number ("Fernando⏎VII"). A capitalised word of two letters is
  // a word opening a sentence ("As I have"), not a king's name.
  const pattern = new RegExp(
    String.raw`(?<![\p{L}\p{N}'’])(\p{Lu}[\p{Ll}\p{M}]{2,})([ \t]+|[ \t]*\n[ \t]*)([IVX]+)(?![\p{L}\p{N}]|['’](?!s(?![\p{L}\p{N}])))${NUMERAL_PERIOD_MIDSENTENCE}`,
    'gu',
  );
  const labels = new Set(Object.keys(rules.headingLabels).map(foldAccents));
  return text.replace(
    pattern,
    (match, name: string, gap: string, roman: string, period: string | undefined, offset: number) => {
      const lower = name.toLowerCase();
      if (rules.titles.has(lower) || rules.functionWords.has(lower) || labels.has(foldAccents(name))) return match;
      const value = REGNAL.test(roman) ? romanToNumber(roman) : undefined;
      if (value === undefined || value > MAX_REGNAL) return match;
      // English "Then I", "Charles I was": a lone I is a king only right before a stop ("Charles I.", "Charles I,").
      const after = text.slice(offset + match.length);
      // A possessive is the king's too ("George III's illness", "Charles I's head").
      if (rules.loneIIsPronoun && roman === 'I' && !period && !/^(?:[.,;:!?)'’]|$)/.test(after)) return match;
      return `${name}${gap}${rules.regnal(value, givenNameGender(name) === 'feminine')}`;
    },
  );
}

/**
 * A numeral counting the plural noun after it, in running text ("it ran to XIV pages", "tenía XIV páginas"): a
 * cardinal. Only numerals of I, V and X, two letters or more, between lower-case words: "IV" (a drip) and runs of X
 * (kisses) are left, as are numerals after a capitalised word, which are kings ("Louis XIV").
 */
const COUNTED_NUMERAL = /(?<![\p{L}])(\p{Ll}+[ \t]+)([IVX]{2,})(?=[ \t]+\p{Ll}{2,}s(?![\p{L}\p{N}]))/gu;

export function readCountedNumerals(text: string, rules: LanguageRules): string {
  return text.replace(COUNTED_NUMERAL, (match: string, word: string, numeral: string) => {
    const value = numeral === 'IV' || /^X{3,}$/.test(numeral) ? undefined : romanToNumber(numeral);
    return value === undefined || value > MAX_REGNAL ? match : `${word}${rules.cardinal(BigInt(value))}`;
  });
}
