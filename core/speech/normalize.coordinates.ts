/**
 * Angles as travel accounts and atlases print them: degrees, minutes and seconds, and the compass letter after them
 * ("lat. 33° 2' S." → "thirty-three degrees two minutes south"), and temperatures with their scale set apart from the
 * sign ("84° F." → "eighty-four degrees Fahrenheit").
 */
import { takesSingularUnit, parseNumber, quantityWords } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

const NUMBER = String.raw`[-−]?\d+(?:[.,]\d+)*`;
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;
/** A scale letter a space or a period away from the sign: "84° F.", "30 ° C"; joined to it for the units. */
const SCALE_APART = /(\d)[ \t]?°[ \t]+([CF])(?![\p{L}\p{N}])/gu;
/** What follows a period that may end the sentence: nothing, a line break or a capitalised word. */
const SENTENCE_MAY_END = /^(?:[ \t]*(?:\n|$)|\s+["'(]?\p{Lu})/u;

const anglePattern = perLanguage((rules) => {
  const letters = Object.keys(rules.angles?.compass ?? {}).join('');
  if (letters === '') return null;
  return new RegExp(
    String.raw`${NUMBER_START}(?<degrees>${NUMBER})[ \t]?°` +
      String.raw`(?:[ \t]*(?<minutes>\d+(?:[.,]\d+)?)[ \t]?['′](?:[ \t]*(?<seconds>\d+(?:[.,]\d+)?)[ \t]?(?:″|''|′′|"))?)?` +
      // Case matters: a lone lower-case "e" or "o" is a word ("o 2° e o 3°"), not east or west.
      String.raw`(?:[ \t]*(?<compass>[${letters}])(?<period>\.)?(?![\p{L}\p{N}]))?`,
    'gu',
  );
});

function amount(token: string, words: [string, string], rules: LanguageRules): string | undefined {
  const value = parseNumber(token, rules);
  return value
    ? `${quantityWords(value, rules, false)} ${takesSingularUnit(value, rules) ? words[0] : words[1]}`
    : undefined;
}

/**
 * "29° 30' W." → "twenty-nine degrees thirty minutes west", "23° 27' S" → "veintitrés grados veintisiete minutos
 * sur"; an angle needs its minutes or its compass letter, so a bare "45°" is left to the degree and ordinal rules. A
 * compass letter's period goes unless the sentence may end there.
 */
export function readAngles(text: string, rules: LanguageRules): string {
  if (!text.includes('°')) return text;
  const joined = text.replace(SCALE_APART, '$1°$2');
  const pattern = anglePattern(rules);
  const angles = rules.angles;
  if (!pattern || !angles) return joined;
  return joined.replace(pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const offset = args[args.length - 3] as number;
    const source = args[args.length - 2] as string;
    if (groups.minutes === undefined && groups.compass === undefined) return match;
    const parts = [amount(groups.degrees ?? '', angles.degree, rules)];
    if (groups.minutes !== undefined) parts.push(amount(groups.minutes, angles.minute, rules));
    if (groups.seconds !== undefined) parts.push(amount(groups.seconds, angles.second, rules));
    if (parts.some((part) => part === undefined)) return match;
    if (groups.compass !== undefined) parts.push(angles.compass[groups.compass]);
    const stop = groups.period && SENTENCE_MAY_END.test(source.slice(offset + match.length)) ? '.' : '';
    return `${parts.join(' ')}${stop}`;
  });
}

const windPattern = perLanguage((rules) => {
  const wind = rules.windPoints;
  if (!wind) return null;
  const alternation = (words: readonly string[]) =>
    [...words].sort((a, b) => b.length - a.length).map((word) => word.replace(/ /g, String.raw`[ \t]{1,3}`));
  const points = Object.keys(wind.points).sort((a, b) => b.length - a.length);
  // Case matters for the point: "vento de norte" and "rumo a o" are words already.
  const afterWord = new RegExp(
    String.raw`(?=\p{L})(?<=(?<![\p{L}])(?:${alternation(wind.after).join('|')})[ \t]{1,3})(${points.join('|')})(?![\p{L}\p{N}]|\.[ \t]*\p{Lu}\.)`,
    'giu',
  );
  // A single letter before "of" may be a label ("Part E of the form"), so only points of two letters or more.
  const longer = points.filter((point) => point.length > 1);
  const beforeWord =
    wind.before && longer.length > 0
      ? new RegExp(
          String.raw`(?<![\p{L}\p{N}])(${longer.join('|')})(?=[ \t]{1,3}(?:${alternation(wind.before).join('|')})(?![\p{L}]))`,
          'gu',
        )
      : null;
  return { afterWord, beforeWord };
});

/**
 * "Vento de NO" → "Vento de noroeste", "viento del SE" → "viento del sudeste", "the wind blew NNE" → "the wind blew
 * north-northeast": a wind's point, or a place's bearing ("10 km NW of town"), said by its name.
 */
export function readWindPoints(text: string, rules: LanguageRules): string {
  const patterns = windPattern(rules);
  const points = rules.windPoints?.points;
  if (!patterns || !points) return text;
  const said = (match: string) => points[match] ?? match;
  const afterWord = text.replace(patterns.afterWord, said);
  return patterns.beforeWord ? afterWord.replace(patterns.beforeWord, said) : afterWord;
}
