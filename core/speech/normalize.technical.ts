/**
 * How technology pages write names and figures: programming languages spelled with signs ("C++", "C#", ".NET"),
 * comparisons with a variable ("p<0.05", "N = 1,250"), sizes ("4.7 x 2.9 x 0.8 in."), money with a letter for its
 * scale ("$1.2M"), versions of three parts ("Python 3.11.2") and marks out of ten ("Verdict: 8/10"). Each is said as
 * a reader says it, before the rules that would read its signs and digits one by one.
 */
import { numberWords, parseNumber, takesSingularUnit } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** "C++", "C#", "F#": a capital glued to its signs, alone as a word ("C#5" is a note, "AC++" no language). */
const SIGNED_LANGUAGE = /(?<![\p{L}\p{N}])([CF])(\+\+|#)(?![\p{L}\p{N}+#])/gu;
/** ".NET" as Microsoft writes it, not the end of a sentence before "NET". */
const DOT_NET = /(?<![\p{L}\p{N}.])\.NET(?![\p{L}\p{N}])/gu;

/** "C++" → "C plus plus", "C#" → "C sharp", ".NET" → "dot net", in the language's words for the signs. */
export function readTechnicalNames(text: string, rules: LanguageRules): string {
  if (!/[+#]|\.NET/.test(text)) return text;
  const plus = rules.signWords.plus;
  return text
    .replace(SIGNED_LANGUAGE, (_match: string, letter: string, signs: string) =>
      signs === '#' ? (letter === 'C' ? 'C sharp' : 'F sharp') : `${letter} ${plus} ${plus}`,
    )
    .replace(DOT_NET, `${rules.webWords.dot} net`);
}

/**
 * A single letter standing for a variable, then a comparison or an equals sign and a number, glued or a space away
 * ("p<0.05", "N = 1,250", "x ≥ 3"). The letter is a word of its own, so "a<b" (no number) and "AT=5" stay.
 */
const VARIABLE_COMPARISON = /(?<![\p{L}\p{N}])(\p{L})[ \t]?([<>≤≥=])(?![<>=])[ \t]?(?=[-−]?\.?\d)/gu;

/** "p<0.05" → "p less than 0.05", "N = 1,250" → "N equals 1,250": the sign said between its variable and number. */
export function readVariableComparisons(text: string, rules: LanguageRules): string {
  if (!/[<>≤≥=]/.test(text)) return text;
  const words = rules.signWords;
  const said: Record<string, string> = {
    '<': words.lessThan,
    '>': words.moreThan,
    '≤': words.atMost,
    '≥': words.atLeast,
    '=': words.equals,
  };
  return text.replace(
    VARIABLE_COMPARISON,
    (_match: string, letter: string, sign: string) => `${letter} ${said[sign]} `,
  );
}

const SIZE_NUMBER = String.raw`\d{1,6}(?:[.,]\d{1,6})?`;
/**
 * Two or three numbers joined by an "x" or a multiplication sign: a size ("4.7 x 2.9 x 0.8 in.", "1920x1080", "2 × 4").
 * Not a power of ten ("3 x 10⁴", read before), nor a number glued to a word on either side.
 */
const DIMENSIONS = new RegExp(
  String.raw`(?<![\p{L}\p{N}]|\d[.,])${SIZE_NUMBER}(?:[ \t]?[x×][ \t]?(?!10(?:\^|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]))${SIZE_NUMBER}){1,2}(?![\p{L}\p{N}]|[.,]\d)`,
  'gu',
);

/** The unit symbol right after a size, if any ("3 x 4 m" → "m"), read from a bounded slice. */
const UNIT_AFTER = /^[ \t]?([\p{L}²³°]{1,5})\.?(?![\p{L}])/u;

/**
 * Whether a size could be a match's score where a language writes scores with an "x" ("3 x 1"): two whole numbers
 * with no unit after them.
 */
function mayBeScore(size: string, after: string, rules: LanguageRules): boolean {
  if (!rules.scoresWithX || /[.,]/.test(size) || size.split(/[x×]/).length > 2) return false;
  const unit = UNIT_AFTER.exec(after)?.[1];
  return unit === undefined || !(unit in rules.units || unit in (rules.dottedUnits ?? {}));
}

/** "4.7 x 2.9 x 0.8 in." → "4.7 by 2.9 by 0.8 in.": the numbers and the unit are then read as any others. */
export function readDimensions(text: string, rules: LanguageRules): string {
  if (!/\d[ \t]?[x×][ \t]?\d/.test(text)) return text;
  return text.replace(DIMENSIONS, (size: string, offset: number, source: string) => {
    const after = source.slice(offset + size.length, offset + size.length + 8);
    // A score is said with the word a range takes ("três a um"), never with the letter.
    if (mayBeScore(size, after, rules)) return size.replace(/[ \t]?[x×][ \t]?/, ` ${rules.rangeWord} `);
    return size.replace(/[ \t]?[x×][ \t]?/g, ` ${rules.dimensionWord} `);
  });
}

const moneyScalePattern = perLanguage((rules) => {
  const letters = Object.keys(rules.moneyScaleLetters ?? {});
  if (letters.length === 0) return null;
  const alternation = letters
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])((?:US|R)?\$|€|£)([ \t]?)(\d{1,4}(?:[.,]\d{1,3})?)[ \t]?(${alternation})(?![\p{L}\p{N}])`,
    'gu',
  );
});

/** "$1.2M" → "$1.2 million", "$45K" → "$45 thousand": the money rules then say the amount with its scale. */
export function readMoneyScaleLetters(text: string, rules: LanguageRules): string {
  const pattern = moneyScalePattern(rules);
  const names = rules.moneyScaleLetters;
  const spoken =
    !pattern || !names || !/[$€£]/.test(text)
      ? text
      : text.replace(
          pattern,
          (_match: string, currency: string, gap: string, amount: string, letter: string) =>
            `${currency}${gap}${amount} ${scaleName(names[letter], amount, rules)}`,
        );
  return readCountedScaleLetters(spoken, rules);
}

/** The name of a scale after an amount: one word, or a singular and a plural chosen by the amount ("1,5 milhão"). */
function scaleName(name: string | readonly [string, string], amount: string, rules: LanguageRules): string {
  if (typeof name === 'string') return name;
  const value = parseNumber(amount, rules);
  return value && takesSingularUnit(value, rules) ? name[0] : name[1];
}

/** A count with a scale's abbreviation before "de", as Brazilian papers print it: "1,2 mi de unidades". */
const COUNTED_SCALE = /(?<![\p{L}\p{N}]|\d[.,])(\d{1,4}(?:,\d{1,3})?)[ \t](mi|bi|tri)(?=[ \t]+de[ \t])/gu;

/**
 * "1,2 mi de unidades" → "1,2 milhão de unidades": where the language's scale letters are words' beginnings ("mi",
 * "bi"), a number they follow before "de" counts millions of something, money or not.
 */
function readCountedScaleLetters(text: string, rules: LanguageRules): string {
  const names = rules.moneyScaleLetters;
  if (!names || !Object.hasOwn(names, 'mi')) return text;
  return text.replace(COUNTED_SCALE, (match: string, amount: string, letter: string) =>
    Object.hasOwn(names, letter) ? `${amount} ${scaleName(names[letter], amount, rules)}` : match,
  );
}

/**
 * A number of three or four parts joined by points that is neither a number with thousands (every part after the
 * first of three digits, "1.234.567") nor a date ("12.05.1890", "3.11.22"): a version, "Python 3.11.2", "firmware
 * 1.0.3".
 */
const DOTTED_PARTS = /(?<![\p{L}\p{N}.,])(\d{1,4})\.(\d{1,4})\.(\d{1,4})(?:\.(\d{1,4}))?(?![\p{L}\p{N}]|[.,]\d)/gu;

function looksLikeDate(first: string, second: string, third: string, fourth: string | undefined): boolean {
  if (fourth !== undefined) return false;
  const fits = (day: number, month: number) => day >= 1 && day <= 31 && month >= 1 && month <= 12;
  // Either order: "05.13.1890" is an American date, May the thirteenth.
  const dayOrMonthFirst = fits(Number(first), Number(second)) || fits(Number(second), Number(first));
  return dayOrMonthFirst && (third.length === 2 || third.length === 4);
}

/** "Python 3.11.2" → "Python three point eleven point two": each part is a number, said with the language's point. */
export function readBareVersions(text: string, rules: LanguageRules): string {
  if (!/\d\.\d+\.\d/.test(text)) return text;
  const point = rules.versionWords.point;
  return text.replace(
    DOTTED_PARTS,
    (match: string, first: string, second: string, third: string, fourth: string | undefined) => {
      const rest = [second, third, ...(fourth === undefined ? [] : [fourth])];
      // Four parts of 0–255 written without leading zeros: an IPv4 address, said with "dot" ("ten dot zero dot…").
      if (
        rest.length === 3 &&
        [first, ...rest].every((part) => /^(?:0|[1-9]\d{0,2})$/.test(part) && Number(part) < 256)
      )
        return [first, ...rest].map((part) => rules.cardinal(BigInt(part))).join(` ${rules.webWords.dot} `);
      if (rest.every((part) => part.length === 3) || looksLikeDate(first, second, third, fourth)) return match;
      return [first, ...rest].map((part) => rules.cardinal(BigInt(part))).join(` ${point} `);
    },
  );
}

const ratingPattern = perLanguage((rules) => {
  const words = rules.ratings?.words;
  if (!words || words.length === 0) return null;
  // The word, then at most a colon, "of" or "it" and spaces (bounded), then the mark.
  return new RegExp(
    String.raw`(?=\d)(?<=(?<![\p{L}])(?:${words.map(escapeRegex).join('|')})(?:[ \t]{0,3}:|[ \t]{1,3}(?:of|it|a|an))?[ \t]{1,3})(\d{1,3}(?:\.\d)?)\/(5|10|20|100)(?![\p{L}\p{N}/]|[.,]\d)`,
    'giu',
  );
});

/** "Verdict: 8/10" → "Verdict: eight out of ten", "rated 4.5/5": a mark, not a fraction nor a list. */
export function readRatings(text: string, rules: LanguageRules): string {
  const pattern = ratingPattern(rules);
  const outOf = rules.ratings?.outOf;
  if (!pattern || !outOf || !text.includes('/')) return text;
  return text.replace(pattern, (match: string, mark: string, scale: string) => {
    const value = parseNumber(mark, rules);
    if (!value || Number(mark) > Number(scale)) return match;
    return `${numberWords(value, rules)} ${outOf} ${rules.cardinal(BigInt(scale))}`;
  });
}

/** An acronym in capitals that is also a word, right before a decimal: "OR 2.14" is an odds ratio, not "or". */
const wordAcronymPattern = perLanguage((rules) => {
  const acronyms = rules.wordAcronymsBeforeDecimals ?? [];
  if (acronyms.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(${acronyms.join('|')})(?=[ \t]+\d+[.,]\d)`, 'gu');
});

/**
 * "OR 2.14" → "O R 2.14": statistics print the odds ratio as "OR" before its value, which an engine says as the word
 * "or"; its letters are said apart, as a reader spells it.
 */
export function readWordAcronyms(text: string, rules: LanguageRules): string {
  const pattern = wordAcronymPattern(rules);
  return pattern ? text.replace(pattern, (acronym: string) => acronym.split('').join(' ')) : text;
}
