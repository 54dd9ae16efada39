/**
 * Fractions: the Unicode characters (½, ⅜) and the ones books write with a slash ("1/2", "2 3/8", "3 y 1/2"). A date
 * written with slashes ("12/05/1890") is no fraction, nor is "12/5" (a fraction here is smaller than one). Where the
 * language says so, a fraction follows its measure noun and a half agrees with it ("dos kilos y medio", "meia hora").
 */
import { perLanguage, type LanguageRules, type UnitWords } from './normalize.rules';

const UNICODE_FRACTIONS: Record<string, [numerator: number, denominator: number]> = {
  '½': [1, 2],
  '⅓': [1, 3],
  '⅔': [2, 3],
  '¼': [1, 4],
  '¾': [3, 4],
  '⅕': [1, 5],
  '⅖': [2, 5],
  '⅗': [3, 5],
  '⅘': [4, 5],
  '⅙': [1, 6],
  '⅚': [5, 6],
  '⅐': [1, 7],
  '⅛': [1, 8],
  '⅜': [3, 8],
  '⅝': [5, 8],
  '⅞': [7, 8],
  '⅑': [1, 9],
  '⅒': [1, 10],
};
const SYMBOLS = Object.keys(UNICODE_FRACTIONS).join('');
const SYMBOL_OF = new Map(Object.entries(UNICODE_FRACTIONS).map(([symbol, [n, d]]) => [`${n}/${d}`, symbol]));
const LARGEST_DENOMINATOR = 1000;

interface FractionWords {
  alone: string;
  after: string;
  afterFeminine?: string;
  aloneFeminine?: string;
}

function wordsOf(numerator: number, denominator: number, rules: LanguageRules): FractionWords {
  const symbol = SYMBOL_OF.get(`${numerator}/${denominator}`);
  const known = symbol ? rules.vulgarFractions[symbol] : undefined;
  if (known) return known;
  const alone = rules.fractionName(numerator, denominator);
  return { alone, after: `${rules.mixedNumberWord} ${alone}` };
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const ANY_FRACTION = new RegExp(`[/⁄${SYMBOLS}]`, 'u');
/** The word after a fraction, where the language puts the fraction after a measure noun ("dos kilos y medio"). */
const nounAfter = (rules: LanguageRules) =>
  rules.measureNouns || rules.measuresAfterFraction ? String.raw`(?:([ \t]+)(\p{L}+)(?![\p{L}/]))?` : '';

const fractionPatterns = perLanguage((rules) => {
  const mixed = escapeRegex(rules.mixedNumberWord);
  return {
    /** A whole number glued to a fraction character ("2½"). */
    glued: new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,9})([${SYMBOLS}])${nounAfter(rules)}`, 'gu'),
    spaced: new RegExp(
      String.raw`(?<![\p{L}\p{N}/⁄.,])(?:(\d{1,9})([ \t]+${mixed}[ \t]+|[ \t]+))?(?:([${SYMBOLS}])|(\d{1,4})[/⁄](\d{1,4})(?![\p{L}\p{N}/⁄]|[.,]\d))${nounAfter(rules)}`,
      'gu',
    ),
  };
});

/**
 * Measure words (lower case, singular or plural) → their singular, plural and gender. The nouns the rules know to be
 * feminine count too: a fraction before them is a measure of them ("1/2 parte" → "meia parte", "2 1/2 casas" → "duas
 * casas e meia").
 */
const measureWords = perLanguage((rules) => {
  const words = new Map<string, UnitWords>();
  if (!rules.measureNouns) return words;
  const add = (singular: string, plural: string, feminine: boolean) => {
    if (singular.includes(' ') || plural.includes(' ')) return;
    words.set(singular, [singular, plural, feminine]);
    words.set(plural, [singular, plural, feminine]);
  };
  for (const [singular, plural] of rules.feminineNouns ?? []) add(singular, plural, true);
  for (const [singular, plural, feminine] of Object.values(rules.units)) add(singular, plural, feminine === true);
  for (const [singular, plural] of rules.measureNouns.feminine) add(singular, plural, true);
  for (const [singular, plural] of rules.measureNouns.masculine) add(singular, plural, false);
  return words;
});

interface MeasureNoun {
  words: string;
  feminine: boolean;
}

/**
 * The measure noun after a fraction (a unit symbol or a measure word), in the number of the whole before the fraction:
 * "1 1/2 kilos" → "kilo", "2 1/2 km" → "kilómetros"; a fraction alone takes the singular ("1/2 hora").
 */
function measureNoun(token: string, whole: string | undefined, rules: LanguageRules): MeasureNoun | undefined {
  const symbol = token === 'L' ? 'l' : token;
  const unit = Object.hasOwn(rules.units, symbol) ? rules.units[symbol] : measureWords(rules).get(token.toLowerCase());
  if (!unit) return undefined;
  const [singular, plural, feminine] = unit;
  const words = whole !== undefined && Number(whole) !== 1 ? plural : singular;
  if (words.includes(' ')) return undefined;
  // A measure word already in the right number keeps its spelling ("HORAS").
  return { words: words === token.toLowerCase() ? token : words, feminine: feminine === true };
}

/** The measure words of a language that keeps a fraction before them, each form → [singular, plural]. */
const measuresKeptAfter = perLanguage((rules) => {
  const words = new Map<string, readonly [string, string]>();
  for (const [singular, plural] of rules.measuresAfterFraction?.nouns ?? []) {
    words.set(singular, [singular, plural]);
    words.set(plural, [singular, plural]);
  }
  return words;
});

/**
 * A fraction before its measure where the language keeps that order: "1 1/2 tsp" → "one and a half teaspoons", "3/4
 * cup" → "three quarters of a cup", "1/2 tsp" → "half a teaspoon". A measure written in the plural after a fraction
 * alone, or a word that is no measure, stays as written. Undefined when the word after is no measure.
 */
function fractionBeforeMeasure(
  words: FractionWords,
  isHalf: boolean,
  whole: string | undefined,
  gap: string,
  token: string,
  rules: LanguageRules,
): string | undefined {
  const order = rules.measuresAfterFraction;
  if (!order) return undefined;
  const symbol = token === 'L' ? 'l' : token === 'mL' ? 'ml' : token;
  const unit = Object.hasOwn(rules.units, symbol) ? rules.units[symbol] : undefined;
  const noun = unit ? undefined : measuresKeptAfter(rules).get(token.toLowerCase());
  if (!unit && !noun) return undefined;
  const [singular, plural] = unit ?? noun ?? ['', ''];
  if (whole !== undefined) return `${rules.cardinal(BigInt(whole))} ${words.after}${gap}${unit ? plural : token}`;
  if (!unit && token.toLowerCase() !== singular) return `${words.alone}${gap}${token}`;
  return order.ofOne(words.alone, isHalf, singular);
}

/** A measure and its size in brackets right after it: "xícara (chá)", "colheres (sopa)". */
const measureSizePattern = perLanguage((rules) => {
  const sizes = rules.measureNouns?.sizes;
  if (!sizes || sizes.length === 0) return null;
  return new RegExp(String.raw`(?<![\p{L}])(\p{L}+)([ \t]?)\((${sizes.map(escapeRegex).join('|')})\)`, 'gu');
});

/**
 * "2 xícaras (chá)" → "2 xícaras de chá": the size of a measure, which recipes print in brackets, is said as part of
 * it, not between two pauses. Only after a measure the rules know.
 */
export function readMeasureSizes(text: string, rules: LanguageRules): string {
  const pattern = measureSizePattern(rules);
  if (!pattern || !text.includes('(')) return text;
  return text.replace(pattern, (match: string, noun: string, _gap: string, size: string) =>
    measureWords(rules).has(noun.toLowerCase()) ? `${noun} ${rules.measureNouns?.partOf ?? ''} ${size}` : match,
  );
}

/** A fraction of "partes" from thirds to tenths, not part of a date or a longer fraction ("3/4 partes"). */
const PARTS_FRACTION = /(?<![\p{L}\p{N}/])(\d)\/(\d{1,2})([ \t]+)(\p{L}+)(?![\p{L}\p{N}])/gu;
const LARGEST_PART = 10;

/**
 * "las 3/4 partes" → "las tres cuartas partes", "a 1/3 parte" → "a terceira parte": the parts are counted with the
 * feminine ordinal of the denominator, as the languages say them.
 */
function readPartsFractions(text: string, rules: LanguageRules): string {
  const parts = rules.partsNoun;
  if (!parts) return text;
  return text.replace(PARTS_FRACTION, (match: string, top: string, bottom: string, gap: string, noun: string) => {
    const numerator = Number(top);
    const denominator = Number(bottom);
    if (!parts.includes(noun.toLowerCase()) || denominator < 3 || denominator > LARGEST_PART) return match;
    if (numerator < 1 || numerator >= denominator) return match;
    const ordinal = rules.ordinal(denominator, true);
    const counted = numerator === 1 ? ordinal : `${rules.cardinal(BigInt(numerator), true)} ${ordinal}s`;
    return `${counted}${gap}${noun}`;
  });
}

/**
 * "2½" → "two and a half", "½" → "a half", "2 3/8" → "two and three eighths", "las 3 y 1/2" → "las tres y media";
 * where the language says so, after a measure noun and agreeing with it: "2 1/2 kilos" → "dos kilos y medio",
 * "1/2 hora" → "media hora", "1/4 hora" → "un cuarto de hora".
 */
/** An English article or "of" after a fraction standing alone, which then needs no article of its own. */
const ARTICLE_OR_OF_AFTER = /^[ \t]+(?:an?|the|of)(?![\p{L}\p{N}])/u;

export function expandFractions(written: string, rules: LanguageRules): string {
  if (!ANY_FRACTION.test(written)) return written;
  const text = readPartsFractions(written, rules);
  const patterns = fractionPatterns(rules);
  const read = (
    match: string,
    whole: string | undefined,
    fraction: [number, number],
    offset: number,
    source: string,
    gap = '',
    token?: string,
  ) => {
    const [numerator, denominator] = fraction;
    if (numerator < 1 || numerator >= denominator || denominator > LARGEST_DENOMINATOR) return match;
    const words = wordsOf(numerator, denominator, rules);
    const isHalf = numerator === 1 && denominator === 2;
    const kept = token ? fractionBeforeMeasure(words, isHalf, whole, gap, token, rules) : undefined;
    if (kept !== undefined) return kept;
    const noun = token ? measureNoun(token, whole, rules) : undefined;
    if (noun) {
      const feminine = noun.feminine;
      if (whole) {
        const after = feminine ? (words.afterFeminine ?? words.after) : words.after;
        return `${rules.beforeNoun(BigInt(whole), feminine)} ${noun.words} ${after}`;
      }
      if (numerator === 1 && denominator === 2) {
        return `${feminine ? (words.aloneFeminine ?? words.alone) : words.alone} ${noun.words}`;
      }
      return `${words.alone} ${rules.measureNouns?.partOf ?? ''} ${noun.words}`;
    }
    // Not a measure noun: the word stays where it is.
    const rest = token ? `${gap}${token}` : '';
    if (!whole) {
      // "½ a yard", "½ of the cake": "half a yard", "half of the cake", not "a half a yard".
      const halfBeforeArticle =
        isHalf && ARTICLE_OR_OF_AFTER.test(`${rest}${source.slice(offset + match.length, offset + match.length + 8)}`);
      return `${halfBeforeArticle ? words.alone.replace(/^a /, '') : words.alone}${rest}`;
    }
    const previous = source.slice(Math.max(0, offset - 20), offset).match(/(\p{L}+)[ \t]+$/u)?.[1];
    const feminine = !!previous && !!rules.feminineArticles?.has(previous.toLowerCase());
    const after = feminine ? (words.afterFeminine ?? words.after) : words.after;
    return `${rules.cardinal(BigInt(whole), feminine)} ${after}${rest}`;
  };
  // The noun groups exist only where the language has measure nouns, so the offset and source are read from the end.
  const hasNoun = rules.measureNouns !== undefined || rules.measuresAfterFraction !== undefined;
  const tail = (args: unknown[]) => ({
    gap: hasNoun ? (args[0] as string | undefined) : undefined,
    token: hasNoun ? (args[1] as string | undefined) : undefined,
    offset: args[args.length - 2] as number,
    source: args[args.length - 1] as string,
  });
  return text
    .replace(patterns.glued, (match: string, whole: string, symbol: string, ...args: unknown[]) => {
      const { gap, token, offset, source } = tail(args);
      return read(match, whole, UNICODE_FRACTIONS[symbol], offset, source, gap, token);
    })
    .replace(
      patterns.spaced,
      (
        match: string,
        whole: string | undefined,
        _wholeGap: string | undefined,
        symbol: string | undefined,
        numerator: string | undefined,
        denominator: string | undefined,
        ...args: unknown[]
      ) => {
        const { gap, token, offset, source } = tail(args);
        const fraction: [number, number] = symbol
          ? UNICODE_FRACTIONS[symbol]
          : [Number(numerator), Number(denominator)];
        return read(match, whole, fraction, offset, source, gap, token);
      },
    );
}
