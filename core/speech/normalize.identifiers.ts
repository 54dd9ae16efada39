/**
 * Numbers that are no quantity: codes announced by their label ("CPF 123.456.789-00", "CEP 01310-100"), telephone
 * numbers printed without a plus ("1-800-555-0199", "(11) 3456-7890"), numbers written with a leading zero ("0187"),
 * and numbers a contract writes twice, in digits and in words ("30 (trinta) dias", "thirty (30) days"). Each is said
 * as a reader says it, before the rules that would read its groups as hundreds and thousands or as a range.
 */
import { parseNumber } from './normalize.numbers';
import { digitsOneByOne, perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * Groups of digits joined by points, slashes or hyphens, or by single spaces between groups of three ("NIF 213 456
 * 789", as Portugal prints tax numbers): bounded, so the scan is linear.
 */
const CODE = String.raw`\d{3}(?: \d{3}){1,4}(?![ \t]?[\p{N}])|\d{1,14}(?:[./-]\d{1,14}){0,7}`;
/** Fewer digits than this is a count, not a code to read out. */
const MIN_CODE_DIGITS = 5;

const groupsOneByOne = (code: string, rules: LanguageRules) =>
  code
    .split(/[./ -]/)
    .filter(Boolean)
    .map((group) => digitsOneByOne(group, rules))
    .join(', ');

const codePattern = perLanguage((rules) => {
  const labels = rules.codeLabels;
  if (!labels || labels.length === 0) return null;
  const alternation = [...labels]
    .sort((a, b) => b.length - a.length)
    .map((label) => escapeRegex(label).replace(/ /g, String.raw`[ \t]{1,3}`))
    .join('|');
  // The label, then up to three short words ("sob o nº", "número", "no.") and a colon, then the code.
  const between = String.raw`(?:[ \t]{1,3}(?:sob|o|a|n\.?º|nº|n\.|no\.|número|numero|number|#)){0,3}[ \t]{0,3}:?[ \t]{0,3}`;
  return new RegExp(
    String.raw`(?=\d)(?<=(?<![\p{L}])(?:${alternation})${between})(${CODE})(?![\p{L}\p{N}]|[.,/-]\d)`,
    'giu',
  );
});

/** "CPF 123.456.789-00" → "CPF um dois três, quatro cinco seis, sete oito nove, zero zero". */
export function readLabelledCodes(text: string, rules: LanguageRules): string {
  const pattern = codePattern(rules);
  if (!pattern || !/\d/.test(text)) return text;
  return text.replace(pattern, (code: string) =>
    code.replace(/\D/g, '').length < MIN_CODE_DIGITS ? code : groupsOneByOne(code, rules),
  );
}

/** Four digits, a hyphen, three digits, then a capitalised word: a Portuguese postal code before its town. */
const POSTAL_CODE = /(?<![\p{L}\p{N}.,:/–-])([1-9]\d{3})-(\d{3})(?=[ \t]+\p{Lu})/gu;

/** "1000-009 Lisboa" → "mil, zero zero nove Lisboa", "4700-320 Braga" → "quatro mil e setecentos, trezentos e vinte". */
export function readPostalCodes(text: string, rules: LanguageRules): string {
  if (!rules.postalCodeBeforeTown || !/\d-\d/.test(text)) return text;
  return text.replace(POSTAL_CODE, (_match: string, area: string, street: string) => {
    const streetWords = street.startsWith('0') ? digitsOneByOne(street, rules) : rules.cardinal(BigInt(street));
    return `${rules.cardinal(BigInt(area))}, ${streetWords}`;
  });
}

/**
 * A telephone number printed without a plus: North America's "1-800-555-0199", "800-555-0199", "(907) 555-0142",
 * and an area code in brackets before a local number, "(11) 3456-7890", "(11) 98765-4321". No quantity is written
 * so; a range has two numbers, not three groups or a bracket.
 */
const DIALLED =
  /(?<![\p{L}\p{N}+.,/-])(?:(1)[ .-])?(?:\((\d{2,3})\)[ \t]?|(\d{3})[.-])(\d{3,5})[.-](\d{4})(?![\p{L}\p{N}]|[.,/-]\d)/gu;

/** "1-800-555-0199" → "one, eight zero zero, five five five, zero one nine nine". */
export function readDialledNumbers(text: string, rules: LanguageRules): string {
  const trunked = readTrunkDialledNumbers(text, rules);
  if (!/\d[.-]\d{4}/.test(trunked)) return trunked;
  return trunked.replace(
    DIALLED,
    (
      match: string,
      country: string | undefined,
      bracketed: string | undefined,
      area: string | undefined,
      exchange: string,
      line: string,
    ) => {
      // Without brackets only North America's three groups of three, three and four digits count.
      if (area !== undefined && exchange.length !== 3) return match;
      // A two-digit area code in brackets is said as a number, as Brazilians say theirs ("(11)" → "onze"); with the
      // trunk zero ("(01)", Lima) it is dialled, and said, digit by digit.
      const areaCode =
        bracketed?.length === 2 && !bracketed.startsWith('0')
          ? rules.cardinal(BigInt(bracketed))
          : digitsOneByOne(bracketed ?? area ?? '', rules);
      const groups = [country, exchange, line].filter((group): group is string => !!group);
      const [first, ...rest] = groups.map((group) => digitsOneByOne(group, rules));
      return (country ? [first, areaCode, ...rest] : [areaCode, first, ...rest]).join(', ');
    },
  );
}

/**
 * A national telephone number dialled with its trunk zero, in two or three groups apart by single spaces ("0345 600
 * 7245", "020 7946 0958", "01632 960123"): ten or eleven digits, which no quantity is written as.
 */
const TRUNK_DIALLED =
  /(?<![\p{L}\p{N}+.,/-]|\d[ \t])(0\d{2,4})[ \t](\d{3,6})(?:[ \t](\d{3,4}))?(?![\p{L}\p{N}]|[.,/-]\d|[ \t]\d)/gu;

function readTrunkDialledNumbers(text: string, rules: LanguageRules): string {
  if (!/(?<!\d)0\d{2,4}[ \t]\d/.test(text)) return text;
  return text.replace(TRUNK_DIALLED, (match: string, ...groups: Array<string | undefined>) => {
    const parts = groups.slice(0, 3).filter((group): group is string => group !== undefined);
    const digits = parts.join('').length;
    return digits === 10 || digits === 11 ? parts.map((part) => digitsOneByOne(part, rules)).join(', ') : match;
  });
}

/**
 * A whole number of three digits or more written with a leading zero ("0187", "007") is a code or a label, said
 * digit by digit; two digits ("02", "05") are a day, a month or an hour, and a decimal ("0.5", "0,5") and a time are
 * read before.
 */
const LEADING_ZERO = /(?<![\p{L}\p{N}]|\d[.,:–/-])(0\d{2,20})(?![\p{L}\p{N}]|[.,:]\d)(-(?=[\p{L}\p{N}]))?/gu;

/**
 * A hyphen after such a code joins it to the next part of a document's number ("N.° 045-2024-MDM"): a pause, so the
 * year after it is not heard as more of the code.
 */
export function readLeadingZeroNumbers(text: string, rules: LanguageRules): string {
  if (!/(?<!\d)0\d\d/.test(text)) return text;
  return text.replace(
    LEADING_ZERO,
    (_match: string, digits: string, hyphen: string | undefined) =>
      `${digitsOneByOne(digits, rules)}${hyphen ? ', ' : ''}`,
  );
}

/** Words a number is spelled out in: letters, spaces and hyphens, bounded so the scan is linear. */
const SPELLED = String.raw`[\p{L}][\p{L} \t-]{0,200}`;
/** A number, or an amount after its currency, then its words in brackets: "30 (trinta)", "R$ 1.234,56 (mil …)". */
const DIGITS_THEN_WORDS = new RegExp(
  String.raw`(?<![\p{L}\p{N}.,])((?:R\$|US\$|\$|€|£)[ \t]?)?(\d{1,3}(?:[.,]\d{3}){0,4}(?:[.,]\d{1,2})?|\d{1,15})[ \t]?\((${SPELLED})\)`,
  'gu',
);
/** Words, then the same number in digits in brackets: "thirty (30) days". */
const WORDS_THEN_DIGITS = /(?<=[\p{L}])[ \t]?\((\d{1,15})\)/gu;

const normalized = (words: string) =>
  words
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .trim();

/** The number's words in either gender, as the bracket may give them ("duas" for "2 vias"). */
function spellings(value: bigint, rules: LanguageRules): string[] {
  return [rules.cardinal(value), rules.cardinal(value, true)].map(normalized);
}

/**
 * A number written in digits and then in words, as contracts do, is said once, in the author's words, which also
 * agree with their noun: "2 (duas) vias" → "duas vias", "30 (trinta) dias" → "trinta dias", "thirty (30) days" →
 * "thirty days", and an amount whose words name the currency ("R$ 1.234,56 (mil duzentos … centavos)"). Only when
 * the words say the number the digits do.
 */
export function readNumbersWrittenTwice(text: string, rules: LanguageRules): string {
  if (!/\d[ \t]?\(|\(\d/.test(text)) return text;
  return text
    .replace(DIGITS_THEN_WORDS, (match: string, currency: string | undefined, digits: string, words: string) => {
      const value = parseNumber(digits, rules);
      if (!value) return match;
      const said = normalized(words);
      const agrees = spellings(value.integer, rules).some((spelled) =>
        currency !== undefined ? said === spelled || said.startsWith(`${spelled} `) : said === spelled,
      );
      if (!agrees || (currency === undefined && value.fraction !== '')) return match;
      return words;
    })
    .replace(WORDS_THEN_DIGITS, (match: string, digits: string, offset: number, source: string) => {
      const before = normalized(source.slice(Math.max(0, offset - 80), offset));
      const saysIt = spellings(BigInt(digits), rules).some(
        (spelled) => before === spelled || before.endsWith(` ${spelled}`),
      );
      return saysIt ? '' : match;
    });
}

/** "3ª feira" → "terça-feira": Portuguese names the weekdays from Monday to Friday by ordinals before "feira". */
const weekdayPattern = perLanguage((rules) => {
  const weekdays = rules.ordinalWeekdays;
  if (!weekdays) return null;
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}])([2-6])[ \t]?\.?[ªa][ \t]{0,3}-?[ \t]{0,3}(${escapeRegex(weekdays.noun)})(?![\p{L}])`,
    'giu',
  );
});

export function readOrdinalWeekdays(text: string, rules: LanguageRules): string {
  const pattern = weekdayPattern(rules);
  const weekdays = rules.ordinalWeekdays;
  if (!pattern || !weekdays) return text;
  return text.replace(
    pattern,
    (_match: string, day: string, noun: string) => `${weekdays.names[Number(day)] ?? day}-${noun}`,
  );
}
