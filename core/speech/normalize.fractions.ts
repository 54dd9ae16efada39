/**
 * Fractions: the Unicode characters (½, ⅜) and the ones books write with a slash ("1/2", "2 3/8", "3 y 1/2"). A date
 * written with slashes ("12/05/1890") is no fraction, nor is "12/5" (a fraction here is smaller than one).
 */
import { perLanguage, type LanguageRules } from './normalize.rules';

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
/** A whole number glued to a fraction character ("2½"). */
const GLUED = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d{1,9})([${SYMBOLS}])`, 'gu');

const fractionPattern = perLanguage((rules) => {
  const mixed = escapeRegex(rules.mixedNumberWord);
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}/⁄.,])(?:(\d{1,9})([ \t]+${mixed}[ \t]+|[ \t]+))?(?:([${SYMBOLS}])|(\d{1,4})[/⁄](\d{1,4})(?![\p{L}\p{N}/⁄]|[.,]\d))`,
    'gu',
  );
});

/** "2½" → "two and a half", "½" → "a half", "2 3/8" → "two and three eighths", "las 3 y 1/2" → "las tres y media". */
export function expandFractions(text: string, rules: LanguageRules): string {
  if (!ANY_FRACTION.test(text)) return text;
  const pattern = fractionPattern(rules);
  const read = (whole: string | undefined, fraction: [number, number], offset: number, source: string) => {
    const [numerator, denominator] = fraction;
    if (numerator < 1 || numerator >= denominator || denominator > LARGEST_DENOMINATOR) return undefined;
    const words = wordsOf(numerator, denominator, rules);
    if (!whole) return words.alone;
    const previous = source.slice(Math.max(0, offset - 20), offset).match(/(\p{L}+)[ \t]+$/u)?.[1];
    const feminine = !!previous && !!rules.feminineArticles?.has(previous.toLowerCase());
    const after = feminine ? (words.afterFeminine ?? words.after) : words.after;
    return `${rules.cardinal(BigInt(whole), feminine)} ${after}`;
  };
  return text
    .replace(
      GLUED,
      (match: string, whole: string, symbol: string, offset: number, source: string) =>
        read(whole, UNICODE_FRACTIONS[symbol], offset, source) ?? match,
    )
    .replace(
      pattern,
      (
        match: string,
        whole: string | undefined,
        _gap: string | undefined,
        symbol: string | undefined,
        numerator: string | undefined,
        denominator: string | undefined,
        offset: number,
        source: string,
      ) => {
        const fraction: [number, number] = symbol
          ? UNICODE_FRACTIONS[symbol]
          : [Number(numerator), Number(denominator)];
        return read(whole, fraction, offset, source) ?? match;
      },
    );
}
