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

/**
 * A number after "número" or the name of an act, and a year after a slash: how laws and decrees are numbered ("n.º
 * 1.234/1890", "Ley 39/2015"); a department's code in capitals may come first ("Orden HAC/1234/2023").
 */
const numberOfYearPattern = perLanguage((rules) => {
  const acts = (rules.numberedActs ?? []).map(escapeRegex).join('|');
  const before = `número|números|n\\.º|nº${acts ? `|${acts}` : ''}`;
  // The number is matched, not looked behind for: a look-behind's "\d+" rescans a run of digits at every position.
  return new RegExp(
    String.raw`(?<![\p{L}-])(?<head>(?:${before})[ \t]+)(?:(?<code>[A-Z]{2,6})\/)?(?<digits>\d+(?:\.\d{3})*)\/(?=(?<year>\d{4}|\d{2})(?![\p{L}\p{N}/]))`,
    'giu',
  );
});

/**
 * "Lei n.º 1.234/1890" → "Lei número mil duzentos e trinta e quatro de mil oitocentos e noventa", "Ley 39/2015" →
 * "Ley treinta y nueve de dos mil quince": the slash joins a numbered act to its year, read before dates and
 * fractions. A year from 1000 on counts, and a year of two digits after a number no smaller than it ("Decreto-Lei
 * n.º 268/94" → "… de noventa e quatro"); "n.º 3/4" stays. A department's code before the number is said before it.
 */
export function joinNumbersToYears(text: string, rules: LanguageRules): string {
  const word = rules.numberOfYearWord;
  if (!word || !text.includes('/')) return text;
  return text.replace(numberOfYearPattern(rules), (...args: unknown[]) => {
    const match = args[0] as string;
    const { head, code, digits, year } = args[args.length - 1] as Record<string, string | undefined>;
    if (head === undefined || digits === undefined || year === undefined) return match;
    if (code !== undefined && code !== code.toUpperCase()) return match;
    const isYear = year.length === 4 ? Number(year) >= 1000 : Number(digits.replace(/\./g, '')) >= Number(year);
    return isYear ? `${head}${code === undefined ? '' : `${code} `}${digits} ${word} ` : match;
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

/** The litre is written with a capital so that it is not taken for a one ("mL", "mmol/L"): the tables hold "l", "ml". */
const LITRE_CAPITALS: Readonly<Record<string, string>> = { L: 'l', mL: 'ml' };

const ratePattern = perLanguage((rules) => {
  const symbols = (keys: string[]) =>
    keys
      .filter((key) => !key.includes('/'))
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  const dotted = Object.keys(rules.dottedUnits ?? {}).filter((key) => !key.includes(' '));
  const counted = symbols([...Object.keys(rules.units), ...dotted, ...Object.keys(LITRE_CAPITALS)]);
  const per = symbols([
    ...Object.keys(rules.units),
    ...dotted,
    ...Object.keys(rules.perUnitsOnly ?? {}),
    ...Object.keys(LITRE_CAPITALS),
  ]);
  // A dose is often per weight and per time ("5 mg/kg/h"): a second "per" may follow the first.
  return new RegExp(
    String.raw`(?:${NUMBER_START}(?:(?<from>\d+(?:[.,]\d+)?)[ \t]?[–-][ \t]?)?(?<number>${NUMBER})[ \t]?)?(?<![\p{L}\p{N}/])(?<counted>${counted})\/(?<per>${per})(?:\/(?<perAgain>${per}))?(?![\p{L}\p{N}/])`,
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
  const unitOf = (written: string): UnitWords | undefined => {
    const symbol = LITRE_CAPITALS[written] ?? written;
    return tables.find((table) => Object.hasOwn(table, symbol))?.[symbol];
  };
  return text.replace(ratePattern(rules), (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const counted = unitOf(groups.counted ?? '');
    const per = unitOf(groups.per ?? '');
    const perAgain = groups.perAgain === undefined ? undefined : unitOf(groups.perAgain);
    if (!counted || !per || (groups.perAgain !== undefined && !perAgain)) return match;
    const [singular, plural, feminine] = counted;
    const perEach = [per, ...(perAgain ? [perAgain] : [])].map((unit) => ` ${rules.perWord} ${unit[0]}`).join('');
    const rate = (many: boolean) => `${many ? plural : singular}${perEach}`;
    if (groups.number === undefined) return rate(true);
    const value = parseNumber(groups.number, rules);
    if (!value) return match;
    // A range's first number comes with it ("135–145 mmol/L"), as with any unit.
    const from = groups.from === undefined ? undefined : parseNumber(groups.from, rules);
    const range = from ? `${quantityWords(from, rules, feminine === true)} ${rules.rangeWord} ` : '';
    return `${range}${quantityWords(value, rules, feminine === true)} ${rate(!takesSingularUnit(value, rules))}`;
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
