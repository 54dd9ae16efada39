/**
 * How science and technical pages write numbers: powers ("10^6", "3 x 10⁴"), ratios ("diluted 1:1000") and software
 * versions ("v2.1.3"), said as a reader says them, before any other rule reads their digits one number at a time.
 */
import { numberWords, parseNumber } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

/** Not inside a word, nor inside a longer number. */
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const fromSuperscript = (text: string) =>
  [...text].map((char) => (char === '⁻' ? '-' : String(SUPERSCRIPT_DIGITS.indexOf(char)))).join('');

/** A power written with a caret, any base ("10^6", "2^10"), or ten with its exponent raised ("10⁴", "10⁻³"). */
const POWER = new RegExp(
  String.raw`${NUMBER_START}(?:(\d{1,3}(?:[.,]\d{1,3})?)\^([-−]?\d{1,3})|10([⁻]?[${SUPERSCRIPT_DIGITS}]{1,3}))(?![\p{N}${SUPERSCRIPT_DIGITS}])`,
  'gu',
);
/** A multiplication sign or an "x" between a number and a power of ten: "3 x 10⁴", "2.5×10^6". */
const TIMES_POWER = new RegExp(
  String.raw`${NUMBER_START}(\d+(?:[.,]\d+)?)[ \t]?[x×][ \t]?(?=10(?:\^|[⁻${SUPERSCRIPT_DIGITS}]))`,
  'gu',
);

/** "10^6" → "ten to the sixth", "3 x 10⁴" → "three times ten to the fourth" ("tres por diez elevado a cuatro"). */
export function readPowers(text: string, rules: LanguageRules): string {
  if (!/[\^⁰¹²³⁴⁵⁶⁷⁸⁹]/.test(text)) return text;
  const powers = rules.powers;
  const withTimes = text.replace(TIMES_POWER, (match: string, number: string) => {
    const value = parseNumber(number, rules);
    return value ? `${numberWords(value, rules)} ${powers.times} ` : match;
  });
  return withTimes.replace(
    POWER,
    (match: string, base: string | undefined, exponent: string | undefined, raised: string | undefined) => {
      const baseValue = parseNumber(base ?? '10', rules);
      const power = Number((exponent ?? fromSuperscript(raised ?? '')).replace('−', '-'));
      if (!baseValue || !Number.isInteger(power)) return match;
      return powers.raise(numberWords(baseValue, rules), power);
    },
  );
}

/**
 * A ratio: two numbers joined by a colon where the second is no minute of a clock (three digits or more, or 60 and
 * up): "1:1000", "1:50,000", "1:250" → "one to one thousand". "1:30" stays a time, and "1:500$000" contos of réis.
 */
const RATIO = new RegExp(String.raw`${NUMBER_START}(\d{1,3}):(\d{2,7}(?:[.,]\d{3}){0,2})(?![\p{N}$]|[.,:]\d)`, 'gu');

export function readRatios(text: string, rules: LanguageRules): string {
  if (!text.includes(':')) return text;
  return text.replace(RATIO, (match: string, first: string, second: string) => {
    const left = parseNumber(first, rules);
    const right = parseNumber(second, rules);
    if (!left || !right || right.fraction !== '' || (second.length < 3 && right.integer < 60n)) return match;
    return `${numberWords(left, rules)} ${rules.ratioWord} ${numberWords(right, rules)}`;
  });
}

/** A version as software prints it: "v2.1.3", "V10.0", or the word version before a number of three parts or more. */
const VERSION =
  /(?<![\p{L}\p{N}.])(?:(\p{L}+)[ \t]+)?(?:[vV](\d{1,4}(?:\.\d{1,4}){1,3})|(\d{1,4}(?:\.\d{1,4}){2,3}))(?![\p{L}\p{N}]|\.\d)/gu;

/** "v2.1.3" → "version two point one point three"; "version v2.1.3" does not say "version" twice. */
export function readVersions(text: string, rules: LanguageRules): string {
  if (!/\d\.\d/.test(text)) return text;
  const { word, point } = rules.versionWords;
  return text.replace(
    VERSION,
    (match: string, before: string | undefined, prefixed: string | undefined, bare: string | undefined) => {
      const namedBefore = before !== undefined && before.toLowerCase() === word;
      if (bare !== undefined && !namedBefore) return match;
      const parts = (prefixed ?? bare ?? '').split('.').map((part) => rules.cardinal(BigInt(part)));
      const said = parts.join(` ${point} `);
      return `${before !== undefined ? `${before} ` : ''}${namedBefore ? '' : `${word} `}${said}`;
    },
  );
}

const sectionNumberPattern = perLanguage((rules) => {
  const words = rules.cardinalOrdinalsAfter?.words;
  if (!words || words.size === 0) return null;
  return new RegExp(
    String.raw`(?=\d)(?<=(?<![\p{L}])(?:${[...words].join('|')})[ \t]{1,3})(\d{1,3}(?:\.\d{1,2}){1,3})(?![\p{L}\p{N}]|[.,]\d)`,
    'giu',
  );
});

/**
 * A law's subsection after its article: "el art. 3.2" → "el artículo tres punto dos", not the decimal "tres coma dos"
 * (Spanish and Portuguese write decimals with a comma, so a point there numbers parts).
 */
export function readSectionNumbers(text: string, rules: LanguageRules): string {
  const pattern = sectionNumberPattern(rules);
  if (!pattern) return text;
  const point = rules.versionWords.point;
  return text.replace(pattern, (match: string) =>
    match
      .split('.')
      .map((part) => rules.cardinal(BigInt(part)))
      .join(` ${point} `),
  );
}

/** Articles before a milestone: "en el km 23", "no km 5". */
const milestonePattern = perLanguage((rules) => {
  const milestone = rules.milestone;
  if (!milestone) return null;
  return new RegExp(
    String.raw`(?=[kK])(?<=(?<![\p{L}])(?:${[...milestone.after].join('|')})[ \t]{1,3})(?:km|Km|KM)\.?(?=[ \t]?\d)`,
    'gu',
  );
});

/** "en el km 23" → "en el kilómetro 23": a point on a road, named by the unit before its number. */
export function readMilestones(text: string, rules: LanguageRules): string {
  const pattern = milestonePattern(rules);
  if (!pattern || !rules.milestone) return text;
  const word = rules.milestone.word;
  return text.replace(pattern, `${word} `);
}

/** A blood pressure: two pressures over one another and their unit ("120/80 mm Hg", "140/90 mmHg"). */
const BLOOD_PRESSURE = /(?<![\p{L}\p{N}/.,])(\d{2,3})\/(\d{2,3})[ \t]?mm[ \t]?Hg(?![\p{L}\p{N}])/gu;

/** "120/80 mm Hg" → "one hundred twenty over eighty millimeters of mercury", not a list nor a fraction. */
export function readBloodPressures(text: string, rules: LanguageRules): string {
  if (!text.includes('Hg')) return text;
  const { over, unit } = rules.bloodPressureWords;
  return text.replace(
    BLOOD_PRESSURE,
    (_match: string, high: string, low: string) =>
      `${rules.cardinal(BigInt(high))} ${over} ${rules.cardinal(BigInt(low))} ${unit}`,
  );
}
