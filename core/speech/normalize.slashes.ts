/**
 * Slashes that are neither dates nor fractions: a speech engine would say "slash" or read a date. Numbers with a slash
 * are a split ("50/50" → "fifty-fifty"), a set phrase of the language ("24/7") or a list ("1/2/3" → "one, two,
 * three"); unit symbols are a rate ("km/h", "10 m/s" → "ten meters per second"); words are alternatives ("his/her" →
 * "his or her", "y/o" → "y o"); any other slash is a pause.
 */
import { takesSingularUnit, parseNumber, quantityWords } from './normalize.numbers';
import { perLanguage, type LanguageRules, type UnitWords } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Two whole numbers and one slash, standing alone: not a date, not inside a longer number or a list. */
const NUMBER_PAIR = /(?<![\p{L}\p{N}/⁄.,:])(\d{1,3})\/(\d{1,3})(?![\p{L}\p{N}/⁄]|[.,:]\d)/gu;

/** A number after "número" and a year after a slash: how laws and decrees are numbered ("n.º 1.234/1890"). */
const NUMBER_OF_YEAR =
  // The number is matched, not looked behind for: a look-behind's "\d+" rescans a run of digits at every position.
  /(?<![\p{L}])((?:número|números|n\.º|nº)[ \t]+(\d+(?:\.\d{3})*))\/(?=(\d{4}|\d{2})(?![\p{L}\p{N}/]))/giu;

/**
 * "Lei n.º 1.234/1890" → "Lei número mil duzentos e trinta e quatro de mil oitocentos e noventa": the slash joins a
 * numbered act to its year, read before dates and fractions. A year from 1000 on counts, and a year of two digits
 * after a number no smaller than it ("Decreto-Lei n.º 268/94" → "… de noventa e quatro"); "n.º 3/4" stays.
 */
export function joinNumbersToYears(text: string, rules: LanguageRules): string {
  const word = rules.numberOfYearWord;
  if (!word || !text.includes('/')) return text;
  return text.replace(NUMBER_OF_YEAR, (match: string, numbered: string, digits: string, year: string) => {
    const isYear = year.length === 4 ? Number(year) >= 1000 : Number(digits.replace(/\./g, '')) >= Number(year);
    return isYear ? `${numbered} ${word} ` : match;
  });
}

/**
 * Splits and set phrases, read before dates and fractions ("30/70" would otherwise be thirty seventieths): two whole
 * numbers that add up to a hundred are a split ("fifty-fifty", "sixty-forty"; "cincuenta cincuenta").
 */
export function expandNumberPairs(text: string, rules: LanguageRules): string {
  if (!text.includes('/')) return text;
  return text.replace(NUMBER_PAIR, (match: string, first: string, second: string) => {
    const idiom = rules.slashIdioms?.[`${Number(first)}/${Number(second)}`];
    if (idiom) return idiom;
    const [a, b] = [Number(first), Number(second)];
    if (a + b !== 100 || a === 0 || b === 0) return match;
    const words = [rules.cardinal(BigInt(a)), rules.cardinal(BigInt(b))];
    // "seventy-five twenty-five": a hyphen only between two single words.
    const joiner = words.some((word) => /[\s-]/.test(word)) ? ' ' : rules.splitJoiner;
    return words.join(joiner);
  });
}

/** Numbers left with slashes between them after dates and fractions ("1/2/3", "12/5") are a list: a pause each. */
export function pauseBetweenNumbers(text: string): string {
  return text.includes('/') ? text.replace(/(?<=\d)\/(?=\d)/g, ', ') : text;
}

const NUMBER = String.raw`[-−]?\d+(?:[.,]\d+)*`;
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;

const ratePattern = perLanguage((rules) => {
  const symbols = (keys: string[]) =>
    keys
      .filter((key) => !key.includes('/'))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  const dotted = Object.keys(rules.dottedUnits ?? {}).filter((key) => !key.includes(' '));
  const counted = symbols([...Object.keys(rules.units), ...dotted]);
  const per = symbols([...Object.keys(rules.units), ...dotted, ...Object.keys(rules.perUnitsOnly ?? {})]);
  return new RegExp(
    String.raw`(?:${NUMBER_START}(?<number>${NUMBER})[ \t]?)?(?<![\p{L}\p{N}/])(?<counted>${counted})\/(?<per>${per})(?![\p{L}\p{N}/])`,
    'gu',
  );
});

/**
 * A unit per unit, both in the language's unit tables: "10 m/s" → "ten meters per second", "km/h" → "kilómetros por
 * hora", "1 m/s" → "one meter per second". Read before the units, which would take "10 m" alone.
 */
export function expandRates(text: string, rules: LanguageRules): string {
  if (!text.includes('/')) return text;
  // Units that need their period alone ("mi.", "ptas.") are plain in a rate: the slash says what they are ("mi/h").
  const tables = [rules.units, rules.dottedUnits ?? {}, rules.perUnitsOnly ?? {}];
  const unitOf = (symbol: string): UnitWords | undefined =>
    tables.find((table) => Object.hasOwn(table, symbol))?.[symbol];
  return text.replace(ratePattern(rules), (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const counted = unitOf(groups.counted ?? '');
    const per = unitOf(groups.per ?? '');
    if (!counted || !per) return match;
    const [singular, plural, feminine] = counted;
    const rate = (many: boolean) => `${many ? plural : singular} ${rules.perWord} ${per[0]}`;
    if (groups.number === undefined) return rate(true);
    const value = parseNumber(groups.number, rules);
    if (!value) return match;
    return `${quantityWords(value, rules, feminine === true)} ${rate(!takesSingularUnit(value, rules))}`;
  });
}

/** Words joined by slashes, standing alone (not in a web address or a file name). */
const WORD_CHAIN = /(?<![\p{L}\p{N}./:@_\\])\p{L}+(?:\/\p{L}+)+(?![\p{L}\p{N}/]|\.\p{L})/gu;

/**
 * Words joined by slashes are alternatives, read with the language's "or": "his/her" → "his or her", "él/ella" → "él
 * o ella"; an "or" already written is not said twice ("and/or" → "and or", "y/o" → "y o", "e/ou" → "e ou"). Parts that
 * are not words (single letters that are not words of the language: "c/u") and any other slash between spaces are a
 * pause; acronyms joined by one are said side by side ("OAB/SP" → "OAB SP"). Runs after the numbers, so only letters and slashes are left.
 */
export function readSlashWords(text: string, rules: LanguageRules): string {
  if (!text.includes('/')) return text;
  const isWord = (part: string) => part.length > 1 || rules.functionWords.has(part.toLowerCase());
  return text
    .replace(WORD_CHAIN, (chain: string) => {
      const parts = chain.split('/');
      if (!parts.every(isWord)) return parts.join(', ');
      // Acronyms joined by a slash name one thing ("OAB/SP", "TCP/IP"), not alternatives.
      if (parts.every((part) => isAcronym(part, rules))) return parts.join(' ');
      return parts.reduce((said, next, index) => {
        const previous = parts[index - 1];
        const or = rules.or(next);
        const alreadyOr = [previous, next].some((part) => isOrWord(part, rules));
        return alreadyOr ? `${said} ${next}` : `${said} ${or} ${next}`;
      });
    })
    .replace(/(?<![ \t])[ \t]+\/(?:[ \t]+|$)/gmu, ', ');
}

const isAcronym = (part: string, rules: LanguageRules) =>
  part.length > 1 &&
  part === part.toUpperCase() &&
  part !== part.toLowerCase() &&
  !rules.functionWords.has(part.toLowerCase());

function isOrWord(word: string | undefined, rules: LanguageRules): boolean {
  if (word === undefined) return false;
  const lower = word.toLowerCase();
  return lower === rules.or('') || lower === rules.or('o');
}
