/** Numbers in their contexts: percentages, units, ordinals, ranges, clock times, dates, years, decades. */
import {
  digitWords,
  numberWords,
  parseNumber,
  quantityWords,
  takesSingularUnit,
  type ParsedNumber,
} from './normalize.numbers';
import { perLanguage, type LanguageRules, type UnitWords } from './normalize.rules';

const NUMBER = String.raw`[-−]?\d+(?:[.,]\d+)*`;
/** Where a number may start: not inside a word, nor inside a longer number, so a long "7.7.7…" is scanned once. */
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A parsed number as a float, to compare two ends of a range. */
const magnitude = (parsed: ParsedNumber) =>
  (parsed.negative ? -1 : 1) * Number(`${parsed.integer}${parsed.fraction ? `.${parsed.fraction}` : ''}`);

/** A sign after a number written with a fraction's character ("4½%"): said after it, the fraction read later. */
const SIGN_AFTER_FRACTION = /(?<=\d?[\u00BC-\u00BE\u2150-\u215E])[ \t]?([%‰])/gu;

/**
 * "12 %" → "twelve percent", "687,5‰" → "seiscentos e oitenta e sete vírgula cinco por mil"; a rising range before
 * the sign, "10-20%", → "ten to twenty percent".
 */
export function expandPercent(text: string, rules: LanguageRules): string {
  const pattern = new RegExp(
    String.raw`${NUMBER_START}(?:(\d+(?:[.,]\d+)*)([ \t]?[–-][ \t]?)(?=\d))?(${NUMBER})[ \t]?([%‰])`,
    'gu',
  );
  const signWord = (sign: string) => (sign === '‰' ? rules.perMilleWord : rules.percentWord);
  return text
    .replace(SIGN_AFTER_FRACTION, (_sign: string, sign: string) => ` ${signWord(sign)}`)
    .replace(
      pattern,
      (
        match: string,
        from: string | undefined,
        dash: string,
        token: string,
        sign: string,
        offset: number,
        source: string,
      ) => {
        const value = parseNumber(token, rules);
        if (!value) return match;
        const percent = `${numberWords(value, rules)} ${signWord(sign)}`;
        if (from === undefined) return percent;
        const start = parseNumber(from, rules);
        const inChain = /\d[ \t]?[–-][ \t]?$/.test(source.slice(Math.max(0, offset - 3), offset));
        // A range always rises; any other pair (or a link of a chain "1-2-3%") keeps its first number and dash as written.
        if (!start || inChain || magnitude(start) >= magnitude(value)) return `${from}${dash}${percent}`;
        return `${numberWords(start, rules)} ${rules.rangeWord} ${percent}`;
      },
    );
}

/** The unit's period may also end the sentence: then the spoken form keeps one stop. */
const SENTENCE_MAY_END = /^(?:[ \t]*(?:\n|$)|\s+["'(]?\p{Lu})/u;

const unitPattern = perLanguage((rules) => {
  const alternation = (keys: string[]) =>
    keys
      .sort((a, b) => b.length - a.length)
      .map(escapeRegex)
      .join('|');
  const plain = alternation([...Object.keys(rules.units), 'L', 'mL']);
  const dotted = Object.keys(rules.dottedUnits ?? {});
  const dottedAlternative = dotted.length > 0 ? String.raw`|(?<dotted>${alternation(dotted)})\.(?![\p{L}\p{N}])` : '';
  return new RegExp(
    // A range's first number comes with it ("10–12 km"), so both are read before the unit takes the second.
    String.raw`${NUMBER_START}(?:(?<from>\d+(?:[.,]\d+)?)(?:[ \t]?[–-][ \t]?|(?<joined>[ \t]+(?:${alternation([rules.rangeWord, rules.andWord, 'y', 'e'])})[ \t]+)))?(?<number>${NUMBER})[ \t]?(?:(?<symbol>${plain})(?![\p{L}\p{N}])(?<period>\.(?![\p{L}\p{N}]))?${dottedAlternative})`,
    'gu',
  );
});

/** A unit symbol of two letters or more after the language's "per", with no number: "copies per mL". */
const perUnitPattern = perLanguage((rules) => {
  const symbols = [...Object.keys(rules.units), 'mL'].filter((symbol) => symbol.length > 1 && /^\p{L}+$/u.test(symbol));
  if (symbols.length === 0) return null;
  return new RegExp(
    String.raw`(?=\p{L})(?<=(?<![\p{L}])${escapeRegex(rules.perWord)}[ \t])(${symbols.sort((a, b) => b.length - a.length).join('|')})(?![\p{L}\p{N}/])`,
    'gu',
  );
});

/** A number joined to its unit by a hyphen before a noun, as English writes a measure that describes: "a 70-kg adult". */
const unitModifierPattern = perLanguage((rules) => {
  if (!rules.unitModifiers) return null;
  const symbols = (table: Record<string, UnitWords>) =>
    Object.keys(table)
      .filter((symbol) => /^\p{L}+$/u.test(symbol))
      .sort((a, b) => b.length - a.length)
      .join('|');
  const dotted = symbols(rules.dottedUnits ?? {});
  // The unit's period belongs to the abbreviation ("a 1-gal. bag"), not to a sentence: a lower-case word follows.
  // Units that are also words count only with it ("a 5-in. nail").
  const unit = dotted ? `(?:${symbols(rules.units)})\\.?|(?:${dotted})\\.` : `(?:${symbols(rules.units)})\\.?`;
  return new RegExp(String.raw`${NUMBER_START}(\d+(?:\.\d+)?)-(${unit})(?=[ \t]+\p{Ll})`, 'gu');
});

/**
 * "copies per mL" → "copies per milliliter", and in English "a 70-kg adult" → "a seventy-kilogram adult": a unit
 * said in the singular where no number counts it, or where the measure stands before its noun.
 */
export function expandUnitsWithoutCount(text: string, rules: LanguageRules): string {
  const unitWords = (symbol: string) => rules.units[symbol === 'mL' ? 'ml' : symbol] ?? rules.dottedUnits?.[symbol];
  const per = perUnitPattern(rules);
  let spoken = per ? text.replace(per, (symbol: string) => unitWords(symbol)?.[0] ?? symbol) : text;
  const modifier = unitModifierPattern(rules);
  if (modifier) {
    spoken = spoken.replace(modifier, (match: string, number: string, written: string) => {
      const value = parseNumber(number, rules);
      const unit = unitWords(written.replace(/\.$/, ''));
      return value && unit ? `${numberWords(value, rules)}-${unit[0]}` : match;
    });
  }
  return spoken;
}

/** The lower-case word right after a measure. */
const ITEM_AFTER = /^[ \t]{1,3}(\p{Ll}+)(?![\p{L}])/u;

/** How far around a unit that means another measure in a recipe ("pts") another kitchen measure is looked for. */
const KITCHEN_MEASURE_REACH = 40;

/**
 * "3 km" → "three kilometers", "5 ft. 10 in." → "five feet ten inches". A unit's period belongs to the abbreviation:
 * it is dropped, unless the sentence may end there ("weighed 12 st." keeps one stop).
 */
export function expandUnits(text: string, rules: LanguageRules): string {
  const pattern = unitPattern(rules);
  return text.replace(pattern, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args[args.length - 1] as Record<string, string | undefined>;
    const source = args[args.length - 2] as string;
    const offset = args[args.length - 3] as number;
    const symbol = groups.symbol === 'L' ? 'l' : groups.symbol === 'mL' ? 'ml' : groups.symbol;
    const recipeUnit = symbol === undefined ? undefined : rules.recipeUnits?.units[symbol];
    const inRecipe =
      recipeUnit !== undefined &&
      rules.recipeUnits?.kitchenMeasure.test(
        source.slice(Math.max(0, offset - KITCHEN_MEASURE_REACH), offset) +
          ' ' +
          source.slice(offset + match.length, offset + match.length + KITCHEN_MEASURE_REACH),
      );
    const unit = groups.dotted
      ? rules.dottedUnits?.[groups.dotted]
      : inRecipe
        ? recipeUnit
        : symbol
          ? rules.units[symbol]
          : undefined;
    const value = parseNumber(groups.number ?? '', rules);
    if (!unit || !value) return match;
    if (groups.dotted && rules.dottedUnitsAfterDecimalsOnly?.has(groups.dotted) && !value.fraction) return match;
    const [singular, plural, feminine] = unit;
    const hadPeriod = groups.period !== undefined || groups.dotted !== undefined;
    const stop = hadPeriod && SENTENCE_MAY_END.test(source.slice(offset + match.length)) ? '.' : '';
    const from = groups.from === undefined ? undefined : parseNumber(groups.from, rules);
    // "de 1 a 2 h": a range written with a word agrees with a feminine unit too ("de una a dos horas"); before any
    // other unit its first number is left to the plain numbers.
    const joined = groups.joined;
    const range = !from
      ? ''
      : joined === undefined
        ? `${quantityWords(from, rules, feminine === true)} ${rules.rangeWord} `
        : `${feminine === true ? quantityWords(from, rules, true) : groups.from}${joined}`;
    const item = ITEM_AFTER.exec(source.slice(offset + match.length, offset + match.length + 40))?.[1];
    if (range === '' && !hadPeriod && item !== undefined && rules.measuredItems?.has(item)) {
      return `${numberWords(value, rules)}-${singular}`;
    }
    return `${range}${quantityWords(value, rules, feminine === true)} ${takesSingularUnit(value, rules) ? singular : plural}${stop}`;
  });
}

const degreesPattern = perLanguage((rules) => {
  const degrees = rules.degreesBefore;
  if (!degrees) return null;
  const words = degrees.words.map((word) => escapeRegex(word).replace(/ /g, String.raw`[ \t]+`)).join('|');
  const saysDegrees = String.raw`[ \t]*(?:\d+[ \t]?['′]|[NSEOW](?![\p{L}])|(?:${words})(?![\p{L}]))`;
  // "entre los 18° y los 30° de latitud": the first of two numbers joined by "and", "or" or "to" is what the second is.
  const joined = String.raw`[ \t]+(?:y|e|o|u|ou|a|hasta|até)[ \t]+(?:(?:los|las|os|as|dos|das|aos)[ \t]+)?${NUMBER}[ \t]?°${saysDegrees}`;
  return new RegExp(
    String.raw`${NUMBER_START}(${NUMBER})[ \t]?°(?![CF](?![\p{L}]))(?=${saysDegrees}|${joined})`,
    // Case matters: a lone lower-case "e" or "o" is a word ("o 2° e o 3°"), not east or west.
    'gu',
  );
});

/**
 * After a plural article and ending its phrase ("no baja de los 26°.", "não desce dos 26°,") the sign is degrees: an
 * ordinal after a plural article goes with a plural noun ("os 2° lugares") or takes a plural ending.
 */
const PLURAL_ARTICLE_DEGREES = new RegExp(
  // The article is matched, not looked behind for: a look-behind's "[ \t]+" rescans a run of spaces at every position.
  String.raw`(?<![\p{L}])((?:los|las|unos|os|as|dos|das|nos|nas|aos|pelos|uns)[ \t]+)(${NUMBER})[ \t]?°(?![\p{L}\p{N}])(?=[ \t]*(?:[.,;:!?)]|$))`,
  'gmu',
);

/** "45° de latitude" → "quarenta e cinco graus de latitude", where the sign also writes ordinals ("2° andar"). */
export function expandDegrees(text: string, rules: LanguageRules): string {
  const pattern = degreesPattern(rules);
  const unit = rules.degreesBefore?.unit;
  if (!pattern || !unit || !text.includes('°')) return text;
  const read = (match: string, token: string) => {
    const value = parseNumber(token, rules);
    if (!value) return match;
    return `${quantityWords(value, rules, unit[2] === true)} ${takesSingularUnit(value, rules) ? unit[0] : unit[1]}`;
  };
  return text
    .replace(pattern, read)
    .replace(
      PLURAL_ARTICLE_DEGREES,
      (match: string, article: string, token: string) => article + read(match.slice(article.length), token),
    );
}

/** The word right before a number, across at most three spaces. */
const LAST_WORD = /(?<![\p{L}])(\p{L}+)[ \t]{1,3}$/u;

/** What joins two numbers of a list: a comma, "and", "or" or "to" ("arts. 875.º e 879.º", "arts. 10.º a 12.º"). */
const LIST_JOINT = /^[ \t]*(?:,|(?:,[ \t]*)?(?:e|y|ou|o|a|and|or|to))[ \t]+$/u;
const LIST_JOINT_LENGTH = 8;

export function expandOrdinals(text: string, rules: LanguageRules): string {
  const cardinalAfter = rules.cardinalOrdinalsAfter;
  // Where the last number said as a cardinal after such a word ended: a list goes on from it ("arts. 875.º e 879.º").
  let lastCardinalEnd = -Infinity;
  return text.replace(rules.ordinalPattern, (match: string, digits: string, suffix: string, ...rest: unknown[]) => {
    const value = Number(digits);
    if (!Number.isSafeInteger(value) || value === 0) return match;
    if (cardinalAfter && value >= cardinalAfter.from) {
      const offset = rest[rest.length - 2] as number;
      const source = rest[rest.length - 1] as string;
      const word = LAST_WORD.exec(source.slice(Math.max(0, offset - 20), offset))?.[1]?.toLowerCase();
      const listGoesOn =
        offset - lastCardinalEnd <= LIST_JOINT_LENGTH && LIST_JOINT.test(source.slice(lastCardinalEnd, offset));
      if ((word !== undefined && cardinalAfter.words.has(word)) || listGoesOn) {
        lastCardinalEnd = offset + match.length;
        return rules.cardinal(BigInt(value));
      }
    }
    const words = rules.ordinal(value, rules.isFeminineOrdinal(suffix));
    if (/^\.?er$/i.test(suffix)) return words.replace(/o$/, '');
    if (/^\.(os|as)$/i.test(suffix)) return `${words}s`;
    return words;
  });
}

/**
 * A clock time the hour's symbol follows ("18:00 h", "8:30 h.", and as America writes it "17:00 hrs.", "17:00 hs."),
 * and the first of a span that ends in one.
 */
const TIME_WITH_HOUR_SYMBOL =
  /(?<![\p{L}\p{N}:.,])(\d{1,2}):(\d{2})[ \t]?h(?:rs?|s)?(?![\p{L}\p{N}])(\.(?![\p{L}\p{N}]))?/gu;
const HOUR_OPENING_SPAN =
  /(?<![\p{L}\p{N}:.,])(\d{1,2}):00(?=[ \t]{0,3}(?:a|-|–|hasta|até)[ \t]{1,3}\d{1,2}:\d{2}[ \t]?h(?:rs?|s)?(?![\p{L}\p{N}]))/gu;
/** The part of the day after a time ("p.m.", "p. m.", "am"): a whole hour before it is said without "o'clock". */
const DAY_PART_AFTER = /^[ap]\.?[ \t]?m(?:\.|(?![\p{L}\p{N}]))/iu;

/**
 * Spanish and Portuguese timetables put the hour's symbol after a time ("de 10:00 a 18:00 h", "a las 8:30 h"): a whole
 * hour is counted in hours ("dieciocho horas"), as is the first of such a span ("de diez a dieciocho horas"), and a
 * time with its minutes is said as any other ("ocho y media"), the symbol not said; one o'clock is "la una", not
 * "una hora".
 */
function readTimesWithHourSymbol(text: string, rules: LanguageRules, hourUnit: UnitWords): string {
  const [, hours, feminine] = hourUnit;
  const counted = (h: number) => rules.beforeNoun(BigInt(h), feminine === true);
  return text
    .replace(HOUR_OPENING_SPAN, (match: string, h: string) => (Number(h) > 24 ? match : counted(Number(h))))
    .replace(
      TIME_WITH_HOUR_SYMBOL,
      (match: string, h: string, m: string, period: string | undefined, offset: number, source: string) => {
        const hourValue = Number(h);
        const minuteValue = Number(m);
        if (hourValue > 24 || minuteValue > 59) return match;
        // The symbol's period ("17:00 hrs.") is kept only where the sentence may end there.
        const stop = period && SENTENCE_MAY_END.test(source.slice(offset + match.length)) ? '.' : '';
        if (minuteValue > 0) return `${rules.clock(hourValue, minuteValue)}${stop}`;
        return `${hourValue === 1 ? counted(1) : `${counted(hourValue)} ${hours}`}${stop}`;
      },
    );
}

/**
 * "5:15" → "five fifteen"; hours up to 24 and minutes up to 59, and not part of a longer "1:2:3" or "3:15.5". Hours
 * and minutes written with a dot are a clock time only before a marker of the hour ("7.45 p.m."); with the hour's
 * symbol, hours and minutes are counted ("14h30" → "catorze horas e trinta", "6 h 20 m" → "seis horas e vinte
 * minutos"). After a word that names an hour ("at", "a las", "às") a dotted time needs no marker.
 */
export function expandClockTimes(text: string, rules: LanguageRules): string {
  const read = (match: string, hours: string, minutes: string, offset: number, source: string) => {
    const h = Number(hours);
    const m = Number(minutes);
    if (h > 24 || m > 59) return match;
    const after = source
      .slice(offset + match.length, offset + match.length + 40)
      .replace(/^[ \t]+/, '')
      .replace(/’/g, "'")
      .toLowerCase();
    // "7:00 p.m." is "seven p.m.", "la 1:00 p. m." "la una p. m.": the part of the day stands for "o'clock".
    if (m === 0 && DAY_PART_AFTER.test(after)) return rules.cardinal(BigInt(h), rules.units.h?.[2] === true);
    const words = rules.clock(h, m);
    // "6:00 o'clock", "3:00 en punto": the reading's own closing words are already written after it.
    for (let space = words.indexOf(' '); space !== -1; space = words.indexOf(' ', space + 1)) {
      const tail = words.slice(space + 1);
      if (after.startsWith(tail) && !/^[\p{L}\p{N}]/u.test(after.slice(tail.length))) return words.slice(0, space);
    }
    return words;
  };
  const joiner = rules.hoursAndMinutesWord;
  const hourUnit = rules.units.h;
  const minuteUnit = rules.units.min;
  let spoken = joiner && hourUnit ? readTimesWithHourSymbol(text, rules, hourUnit) : text;
  spoken = spoken.replace(/(?<![\p{L}\p{N}:.,])(\d{1,2}):(\d{2})(?![\p{L}\p{N}]|:\d|[.,]\d)/gu, read);
  if (joiner && hourUnit && minuteUnit) {
    spoken = spoken.replace(
      /(?<![\p{L}\p{N}:.,])(\d{1,2})[ \t]?h[ \t]?(\d{1,2})(?:[ \t]?(min|m)(\.)?)?(?![\p{L}\p{N}])/gu,
      (
        match: string,
        hours: string,
        minutes: string,
        minuteWord: string | undefined,
        period: string | undefined,
        offset: number,
        source: string,
      ) => {
        const h = Number(hours);
        const m = Number(minutes);
        if (h > 24 || m > 59) return match;
        const [hour, hoursWord, feminine] = hourUnit;
        const [minute, minutesWord] = minuteUnit;
        const hourWords = `${rules.beforeNoun(BigInt(h), feminine === true)} ${h === 1 ? hour : hoursWord}`;
        const minuteWords = minuteWord ? ` ${m === 1 ? minute : minutesWord}` : '';
        const stop = period && SENTENCE_MAY_END.test(source.slice(offset + match.length)) ? '.' : '';
        // "21h00" is "vinte e uma horas": no minutes to say.
        if (m === 0) return `${hourWords}${stop}`;
        return `${hourWords} ${joiner} ${rules.beforeNoun(BigInt(m), false)}${minuteWords}${stop}`;
      },
    );
  }
  // A span first: "from 11.20 to 11.45 p.m." has the marker after its second end only.
  spoken = readDottedClockSpans(spoken, rules, read);
  const dotted = dottedClockPattern(rules);
  if (dotted) spoken = spoken.replace(dotted, read);
  const ledIn = ledInClockPattern(rules);
  return ledIn ? spoken.replace(ledIn, read) : spoken;
}

const MINUTES_IN_A_DAY = 24 * 60;
/** The word after a span: a unit or a currency there makes its ends quantities ("from 1.20 to 1.45 dollars"). */
const WORD_AFTER = /^[ \t]?(\p{L}+)/u;

/** The units and currencies a number may count, by symbol and by name, in lower case. */
const quantityNames = perLanguage((rules) => {
  const names = new Set<string>();
  for (const [symbol, [one, many]] of [...Object.entries(rules.units), ...Object.entries(rules.dottedUnits ?? {})]) {
    for (const name of [symbol, one.split(' ')[0], many.split(' ')[0]]) names.add(name.toLowerCase());
  }
  for (const currency of Object.values(rules.currencies)) {
    for (const name of [currency.one, currency.many]) names.add(name.split(' ')[0].toLowerCase());
  }
  for (const [one, many] of [...(rules.measureNouns?.feminine ?? []), ...(rules.measureNouns?.masculine ?? [])]) {
    names.add(one);
    names.add(many);
  }
  return names;
});

/**
 * "from 11.20 to 11.45" → "from eleven twenty to eleven forty-five": two times of day written with a dot, the second
 * later than the first, with the words that open and join a span and no noun or percentage after (readings "from
 * 18.42 to 18.40", prices "from 1.20 to 1.45 dollars" stay decimals). Each gap is bounded, so the scan is linear.
 */
function readDottedClockSpans(
  text: string,
  rules: LanguageRules,
  read: (match: string, hours: string, minutes: string, offset: number, source: string) => string,
): string {
  const readSpan = (
    match: string,
    fromHours: string,
    fromMinutes: string,
    joiner: string,
    toHours: string,
    toMinutes: string,
    offset: number,
    source: string,
  ) => {
    const start = Number(fromHours) * 60 + Number(fromMinutes);
    const end = Number(toHours) * 60 + Number(toMinutes);
    if (Number(fromMinutes) > 59 || Number(toMinutes) > 59 || end <= start || end > MINUTES_IN_A_DAY) return match;
    const after = source.slice(offset + match.length, offset + match.length + 24);
    const next = WORD_AFTER.exec(after)?.[1]?.toLowerCase();
    const percent = after.replace(/[ \t]/g, '').toLowerCase().startsWith(rules.percentWord.replace(/ /g, ''));
    if (/^[ \t]?%/.test(after) || percent || (next !== undefined && quantityNames(rules).has(next))) return match;
    const first = `${fromHours}.${fromMinutes}`;
    const second = `${toHours}.${toMinutes}`;
    const between = /\p{L}/u.test(joiner) ? joiner : ` ${rules.rangeWord} `;
    // The second end reads what follows it, so "6.00 to 7.00 o'clock" does not say "o'clock" twice.
    const secondWords = read(second, toHours, toMinutes, offset + match.length - second.length, source);
    return `${read(first, fromHours, fromMinutes, 0, first)}${between}${secondWords}`;
  };
  let spoken = text;
  for (const pattern of clockSpanPatterns(rules)) spoken = spoken.replace(pattern, readSpan);
  return spoken;
}

/**
 * The span after its opening word, the two times and the joining word, each gap of at most three spaces; or, without
 * an opening word, two times joined by a dash before a marker of the hour ("7.30-8.15 p.m.").
 */
const clockSpanPatterns = perLanguage((rules) => {
  const words = rules.clockSpanWords;
  if (!words) return [];
  const alternation = (list: readonly string[]) => list.map(escapeRegex).join('|');
  const ends = String.raw`(\d{1,2})\.(\d{2})([ \t]{1,3}(?:${alternation(words.joining)})[ \t]{1,3}|[ \t]?[–-][ \t]?)(\d{1,2})\.(\d{2})(?![\p{L}\p{N}]|[.,]\d)`;
  const patterns = [
    new RegExp(String.raw`(?=\d)(?<=(?<![\p{L}])(?:${alternation(words.opening)})[ \t]{1,3})${ends}`, 'giu'),
  ];
  const markers = rules.clockMarkers;
  if (markers && markers.length > 0) {
    const dashed = String.raw`(\d{1,2})\.(\d{2})([ \t]?[–-][ \t]?)(\d{1,2})\.(\d{2})`;
    const marker = String.raw`(?=[ \t]?(?:${markers.map(escapeRegex).join('|')})(?![\p{L}\p{N}]))`;
    patterns.push(new RegExp(String.raw`(?<![\p{L}\p{N}:.,])${dashed}${marker}`, 'gu'));
  }
  return patterns;
});

const dottedClockPattern = perLanguage((rules) => {
  const markers = rules.clockMarkers;
  if (!markers || markers.length === 0) return null;
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}:.,])(\d{1,2})\.(\d{2})(?=[ \t]?(?:${markers.map(escapeRegex).join('|')})(?![\p{L}\p{N}]))`,
    'gu',
  );
});

/**
 * "at 10.40 that night", "a las 10.40": not a decimal ("10.405"), a date ("10.40.12") nor a percentage. The gap
 * looked back over is bounded, so a long run of spaces is not scanned again at every position.
 */
const ledInClockPattern = perLanguage((rules) => {
  const leadIns = rules.clockLeadIns;
  if (!leadIns || leadIns.length === 0) return null;
  return new RegExp(
    String.raw`(?=\d)(?<=(?<![\p{L}])(?:${leadIns.map(escapeRegex).join('|')})[ \t]{1,3})(\d{1,2})\.(\d{2})(?![\p{L}\p{N}]|[.,]\d|[ \t]?%)`,
    'gu',
  );
});

/** "August 2" → "August second" where the language reads days as ordinals. */
export function expandDateDays(text: string, rules: LanguageRules): string {
  const months = rules.monthsWithOrdinalDays;
  if (!months) return text;
  const pattern = new RegExp(
    String.raw`(?<![\p{L}])(${[...months].map(escapeRegex).join('|')})([ \t]+)(\d{1,2})(?![\p{L}\p{N}]|[:.,]\d)`,
    'gu',
  );
  return text.replace(pattern, (match: string, month: string, gap: string, day: string) => {
    const value = Number(day);
    return value >= 1 && value <= 31 ? `${month}${gap}${rules.ordinal(value, false)}` : match;
  });
}

export function expandRanges(text: string, rules: LanguageRules): string {
  const pattern = new RegExp(String.raw`(?<![\p{L}\p{N}])(\d+)[ \t]?[–-][ \t]?(\d+)(?![\p{L}\p{N}])`, 'gu');
  return text.replace(pattern, (_match: string, from: string, to: string) => `${from} ${rules.rangeWord} ${to}`);
}

/** "the 1960s" → "the nineteen sixties", "the '80s" → "the eighties" (a decade is a multiple of ten). */
export function expandDecades(text: string, rules: LanguageRules): string {
  const plural = rules.plural;
  if (!plural) return text;
  return text.replace(
    /(?<![\p{L}\p{N}])['’]?(\d{2}|\d{4})['’]?s(?![\p{L}\p{N}])/gu,
    (match: string, digits: string) => {
      const value = Number(digits);
      if (value % 10 !== 0 || value === 0) return match;
      const words = digits.length === 4 ? (rules.year?.(value) ?? rules.cardinal(BigInt(value))) : undefined;
      return plural(words ?? rules.cardinal(BigInt(value)));
    },
  );
}

/**
 * Four-digit numbers read as years ("in 1813" → "eighteen thirteen") unless a counted noun follows ("1813 men"):
 * the next word is then a lower-case word that is not a function word.
 */
const WORD_BEFORE = /(?<![\p{L}])(\p{L}+)[ \t]+$/u;

/** "by 1852 nobody": a preposition of time before the number ("in", "by", "since"). */
function afterYearWord(source: string, offset: number, rules: LanguageRules): boolean {
  const before = source.slice(Math.max(0, offset - 20), offset).match(WORD_BEFORE)?.[1];
  return before !== undefined && rules.yearPrepositions?.has(before.toLowerCase()) === true;
}

/** The word after a year and the word after that, on a bounded slice: "survives in", "shows the". */
const WORDS_AFTER_YEAR = /^[ \t]+(\p{Ll}[\p{L}'’-]*)(?:[ \t]+(\p{L}+))?/u;

/** "his ledger for 1815 survives", "for 2019 shows the dose": the sentence's verb, not a counted plural noun. */
function verbAfterYear(next: string, following: string | undefined, rules: LanguageRules): boolean {
  const verbs = rules.verbsAfterYear;
  if (!verbs || !next.endsWith('s')) return false;
  return verbs.verbs.has(next) || (following !== undefined && verbs.objectOpeners.has(following.toLowerCase()));
}

export function expandYears(text: string, rules: LanguageRules): string {
  const year = rules.year;
  if (!year) return text;
  return text.replace(
    /(?<![\p{L}\p{N}.,$€£])(\d{4})(?![\p{L}\p{N}]|[.,]\d)/gu,
    (match: string, digits: string, offset: number, source: string) => {
      const end = offset + match.length;
      const [, next, following] = source.slice(end, end + 80).match(WORDS_AFTER_YEAR) ?? [];
      if (
        next &&
        !rules.functionWords.has(next) &&
        !(afterYearWord(source, offset, rules) && !next.endsWith('s')) &&
        !verbAfterYear(next, following, rules)
      ) {
        return match;
      }
      return year(Number(digits)) ?? match;
    },
  );
}

/** "A.D. 1066" → "A.D. ten sixty-six", "55 BC" → "fifty-five BC": a number next to an era mark is a year. */
export function expandEraYears(text: string, rules: LanguageRules): string {
  const eraYear = rules.eraYear;
  const patterns = eraPatterns(rules);
  if (!eraYear || !patterns) return text;
  const read = (match: string, digits: string) => (Number(digits) > 0 ? eraYear(Number(digits)) : match);
  return text
    .replace(
      patterns.after,
      (_match: string, mark: string, gap: string, digits: string) => `${mark}${gap}${read(digits, digits)}`,
    )
    .replace(patterns.before, read);
}

const eraPatterns = perLanguage((rules) => {
  const markers = rules.eraMarkers;
  if (!markers || markers.length === 0) return null;
  const era = markers
    .slice()
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  return {
    after: new RegExp(String.raw`(?<![\p{L}\p{N}.])(${era})([ \t]+)(\d{1,4})(?![\p{L}\p{N}]|[.,]\d)`, 'gu'),
    before: new RegExp(String.raw`(?<![\p{L}\p{N}.,])(\d{1,4})(?=[ \t]*(?:${era})(?![\p{L}\p{N}]))`, 'gu'),
  };
});

/**
 * Every remaining number. Digits glued to letters ("12B", "A4", "57E") are read apart from them, so nothing numeric
 * reaches the engine raw and no number word fuses with a letter ("twelveB").
 */
/**
 * A decimal printed without its leading zero, where the decimal mark is a point (".311", "a .45 bore") → "point three
 * one one": read whole, not as a point left before a whole number. Not after a word, a digit or another point
 * ("...5", "v.2").
 */
export function readBareDecimals(text: string, rules: LanguageRules): string {
  if (rules.thousandsSeparator !== ',' || !text.includes('.')) return text;
  return text.replace(
    /(?<=^|[ \t\n(["'])\.(\d{1,21})(?![\p{L}\p{N}]|[.,]\d)/gu,
    (_match: string, digits: string) => `${rules.decimalWord} ${rules.fraction(digits)}`,
  );
}

export function expandNumbers(text: string, rules: LanguageRules): string {
  const pattern = /(?:(?<=^|\s)[-−])?(?<!\d[.,]?)\d+(?:[.,]\d+)*(?!\d)/gmu;
  return text.replace(pattern, (match: string, offset: number, source: string) => {
    const value = parseNumber(match, rules);
    const words = value
      ? numberWords(value, rules)
      : match
          .split(/([.,])/)
          .map((part) => (/^\d+$/.test(part) ? digitWords(part, rules) : part === '.' ? ' ' : ', '))
          .join('');
    const gluedBefore = /\p{L}/u.test(source.charAt(offset - 1)) ? ' ' : '';
    const gluedAfter = /\p{L}/u.test(source.charAt(offset + match.length)) ? ' ' : '';
    return `${gluedBefore}${words}${gluedAfter}`;
  });
}
