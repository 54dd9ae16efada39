/**
 * A number right before the noun it counts: it agrees with a feminine noun ("21 horas" → "veintiuna horas", "200
 * pesetas" → "doscientas pesetas", "2 casas" → "duas casas"), takes its form before a known masculine noun where the
 * language has one ("21 años" → "veintiún años"), and a number ending in a million or more takes the language's "de"
 * before any noun ("2000000 reais" → "dois milhões de reais"). The gender comes only from what the language's rules
 * know — units, currencies, measure nouns and the list of common feminine counted nouns — so an unknown noun keeps the
 * citation form ("veintiuno", "um"). Runs after units, money, clock times and fractions, which
 * agree on their own.
 */
import { parseNumber } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Where a number may start: not inside a word, nor inside a longer number, so a long "7.7.7…" is scanned once. */
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;

/** Before a range's first bound written with "y" or "e": "entre 500 y 800". */
const BETWEEN = /(?<![\p{L}])entre[ \t]+$/u;

/**
 * The language's patterns, compiled once: a number before a noun whose gender the rules know; a million or more
 * before any noun. Masculine nouns count only where the number changes before a noun ("veintiún años", "un kilo").
 */
const countedPatterns = perLanguage((rules) => {
  const nouns = new Map<string, boolean>();
  const add = (feminine: boolean, ...words: string[]) => {
    for (const word of words) if (!word.includes(' ')) nouns.set(word.toLowerCase(), feminine);
  };
  const masculineChanges = rules.beforeNoun(21n, false) !== rules.cardinal(21n);
  const units = [...Object.values(rules.units), ...Object.values(rules.dottedUnits ?? {})];
  if (masculineChanges) {
    for (const [singular, plural, feminine] of units) if (feminine !== true) add(false, singular, plural);
    for (const currency of Object.values(rules.currencies)) {
      if (!currency.feminine) add(false, currency.one, currency.many);
    }
    for (const [singular, plural] of rules.measureNouns?.masculine ?? []) add(false, singular, plural);
  }
  // Feminine last: a word listed both ways is feminine.
  for (const [singular, plural, feminine] of units) if (feminine === true) add(true, singular, plural);
  for (const currency of Object.values(rules.currencies)) if (currency.feminine) add(true, currency.one, currency.many);
  for (const [singular, plural] of [...(rules.measureNouns?.feminine ?? []), ...(rules.feminineNouns ?? [])]) {
    add(true, singular, plural);
  }
  const alternation = [...nouns.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  const endings = (rules.feminineEndings ?? []).map(escapeRegex).join('|');
  return {
    nouns,
    // A single number before a word of a feminine ending ("1 abstenção"); bounded words keep the scan linear.
    feminineByEnding: endings
      ? new RegExp(
          String.raw`${NUMBER_START}(\d+(?:[.,]\d{3})*)([ \t]+)(\p{Ll}{0,30}(?:${endings}))(?![\p{L}\p{N}])`,
          'gu',
        )
      : undefined,
    known:
      nouns.size > 0
        ? new RegExp(
            // A range's first bound counts the same noun: "de 500 a 800 toneladas", "500–800", "entre 500 y 800".
            String.raw`${NUMBER_START}(?:(\d+(?:[.,]\d+)*)([ \t]+(?:${rules.rangeWord}|y|e)[ \t]+|[ \t]?[–-][ \t]?))?(\d+(?:[.,]\d+)*)([ \t]+)(${alternation})(?![\p{L}\p{N}])`,
            'giu',
          )
        : undefined,
    // Seven digits or more, or three groups of a thousands separator: only a million or more ends in its name.
    millions: / de$/.test(rules.beforeNoun(1_000_000n, false))
      ? new RegExp(String.raw`${NUMBER_START}(\d{7,}|\d{1,3}(?:[.,]\d{3}){2,})([ \t]+)(\p{Ll}+)(?![\p{L}\p{N}])`, 'gu')
      : undefined,
  };
});

export function expandCountedNouns(text: string, rules: LanguageRules): string {
  const patterns = countedPatterns(rules);
  let spoken = text;
  if (patterns.known) {
    const known = patterns.known;
    spoken = spoken.replace(known, (...args: string[]) => {
      const [match, first, joint, digits, gap, word, offset, source] = args;
      const value = parseNumber(digits, rules);
      const lower = word.toLowerCase();
      // Lower case or all capitals: a capitalised word after a number starts a name or a sentence, not a count.
      const asWritten = word === lower || word === word.toUpperCase();
      // "y"/"e" joins a range's bounds only after "entre"; elsewhere it may join two counts ("1500 e 2000 pessoas").
      const isRange =
        first !== undefined &&
        (!/^[ \t]+(?:y|e)[ \t]+$/.test(joint) ||
          BETWEEN.test(source.slice(Math.max(0, Number(offset) - 12), Number(offset))));
      if (!value || value.fraction !== '' || !asWritten) return match;
      const feminine = patterns.nouns.get(lower) === true;
      const firstValue = first === undefined ? undefined : parseNumber(first, rules);
      // Not a range, or a bound that is no whole number: the first number is left to the plain numbers.
      const firstWords =
        first === undefined
          ? ''
          : isRange && firstValue && firstValue.fraction === ''
            ? rules.beforeNoun(firstValue.integer, feminine)
            : first;
      return `${firstWords}${joint ?? ''}${rules.beforeNoun(value.integer, feminine)}${gap}${word}`;
    });
  }
  if (patterns.feminineByEnding) {
    // A number grouped in thousands agrees too ("20,531 casillas"); a decimal is left to the plain numbers.
    spoken = spoken.replace(patterns.feminineByEnding, (match: string, digits: string, gap: string, word: string) => {
      const value = patterns.nouns.has(word) ? undefined : parseNumber(digits, rules);
      return value && value.fraction === '' ? `${rules.beforeNoun(value.integer, true)}${gap}${word}` : match;
    });
  }
  if (patterns.millions) {
    // "dois milhões de reais": only a noun takes it, and a function word ("2000000 de reais") already says it.
    spoken = spoken.replace(patterns.millions, (match: string, digits: string, gap: string, word: string) => {
      const value = parseNumber(digits, rules);
      if (!value || value.fraction !== '' || rules.functionWords.has(word)) return match;
      const asNoun = rules.beforeNoun(value.integer, false);
      return / de$/.test(asNoun) ? `${asNoun}${gap}${word}` : match;
    });
  }
  return spoken;
}
