import { digitsOneByOne, type LanguageRules } from './normalize.rules';

/**
 * Longer runs of digits are no quantity anyone says (a serial, a hostile input) and are read digit by digit: number
 * words for them grow faster than the text.
 */
export const MAX_CARDINAL_DIGITS = 21;

export interface ParsedNumber {
  negative: boolean;
  integer: bigint;
  /** Digits after the decimal separator, as written ('' when none). */
  fraction: string;
  /** The mark printed before `fraction`, where there is one. */
  decimalMark?: '.' | ',';
}

/**
 * Reads "1,234.5" / "1.234,5" / "3.50" / "-7". A separator followed by exactly three digits is a thousands separator
 * when it is the language's thousands separator; any separator followed by one or two final digits is decimal. The other
 * language's mark written twice or more before groups of three digits groups thousands too ("1.234.567" in English).
 */
export function parseNumber(token: string, rules: LanguageRules): ParsedNumber | undefined {
  const negative = /^[-−]/.test(token);
  const body = negative ? token.slice(1) : token;
  // Most numbers are plain digits: no mark to weigh, and no groups to split (a megabyte of them is read every time).
  if (/^\d+$/.test(body)) {
    return body.length > MAX_CARDINAL_DIGITS ? undefined : { negative, integer: BigInt(body), fraction: '' };
  }
  if (!/^\d+(?:[.,]\d+)*$/.test(body)) return undefined;
  if (rules.pointBeforeThreeDigitsGroupsThousands === true && /^\d{1,3}\.\d{3}$/.test(body)) {
    return { negative, integer: BigInt(body.replace('.', '')), fraction: '' };
  }
  const otherConvention = writtenTheOtherWay(body, rules);
  if (otherConvention) {
    const { integer, fraction } = otherConvention;
    if (integer.length > MAX_CARDINAL_DIGITS || fraction.length > MAX_CARDINAL_DIGITS) return undefined;
    return {
      negative,
      integer: BigInt(integer),
      fraction,
      ...(fraction ? { decimalMark: rules.thousandsSeparator } : {}),
    };
  }
  const groups = body.split(/([.,])/);
  let integerDigits = groups[0];
  let fraction = '';
  let decimalMark: '.' | ',' | undefined;
  for (let i = 1; i < groups.length; i += 2) {
    const separator = groups[i];
    const digits = groups[i + 1];
    const isLast = i + 2 >= groups.length;
    if (separator === rules.thousandsSeparator && digits.length === 3 && fraction === '') {
      integerDigits += digits;
    } else if (isLast && fraction === '') {
      fraction = digits;
      decimalMark = separator === ',' ? ',' : '.';
    } else {
      return undefined;
    }
  }
  if (integerDigits.length > MAX_CARDINAL_DIGITS || fraction.length > MAX_CARDINAL_DIGITS) return undefined;
  return { negative, integer: BigInt(integerDigits), fraction, ...(decimalMark ? { decimalMark } : {}) };
}

/**
 * A number written with the other language's marks: thousands grouped with the other mark ("1.234.567" in English,
 * "1,234,567" in Spanish; a decimal mark is written once, so two or more of them, each before three digits, can only
 * group thousands), or grouped so and then a decimal with the language's own thousands mark, which cannot group
 * thousands after the other one ("1.234.567,5" and "1.234,5" in English). Its whole digits and its decimals.
 */
function writtenTheOtherWay(body: string, rules: LanguageRules): { integer: string; fraction: string } | undefined {
  const own = rules.thousandsSeparator;
  const other = own === ',' ? '.' : ',';
  const ownAt = body.indexOf(own);
  if (ownAt >= 0 && (ownAt !== body.lastIndexOf(own) || !body.includes(other))) return undefined;
  const whole = ownAt >= 0 ? body.slice(0, ownAt) : body;
  const groups = whole.split(other);
  const minimumGroups = ownAt >= 0 ? 2 : 3;
  const grouped =
    groups.length >= minimumGroups &&
    /^\d{1,3}$/.test(groups[0]) &&
    groups.slice(1).every((group) => /^\d{3}$/.test(group));
  return grouped ? { integer: groups.join(''), fraction: ownAt >= 0 ? body.slice(ownAt + 1) : '' } : undefined;
}

export function numberWords(parsed: ParsedNumber, rules: LanguageRules, feminine = false): string {
  const whole = rules.cardinal(parsed.integer, feminine);
  const words = parsed.fraction ? `${whole} ${decimalWordOf(parsed, rules)} ${rules.fraction(parsed.fraction)}` : whole;
  return parsed.negative ? `${rules.minusWord} ${words}` : words;
}

function decimalWordOf(parsed: ParsedNumber, rules: LanguageRules): string {
  const byMark = rules.decimalMarkWords;
  if (!byMark || !parsed.decimalMark) return rules.decimalWord;
  return parsed.decimalMark === ',' ? byMark.comma : byMark.point;
}

/** "5" before a noun, agreeing where the language needs it ("un euro", "uma libra", "one dollar"). */
export function quantityWords(parsed: ParsedNumber, rules: LanguageRules, feminine: boolean): string {
  if (parsed.fraction) return numberWords(parsed, rules, feminine);
  const words = rules.beforeNoun(parsed.integer, feminine);
  return parsed.negative ? `${rules.minusWord} ${words}` : words;
}

/** A run of digits as words: a cardinal, or digit by digit when it is too long to be a quantity. */
export function digitWords(digits: string, rules: LanguageRules): string {
  return digits.length > MAX_CARDINAL_DIGITS ? digitsOneByOne(digits, rules) : rules.cardinal(BigInt(digits));
}

export function isOne(parsed: ParsedNumber): boolean {
  // "1.0 mm" is said "one point zero millimeters": a decimal said with its digits takes the plural.
  return parsed.integer === 1n && parsed.fraction === '';
}

/** Whether a unit after this number is said in the singular, by the language's agreement rule. */
export function takesSingularUnit(parsed: ParsedNumber, rules: LanguageRules): boolean {
  if (rules.singularBelowTwo === true) return parsed.integer < 2n;
  return isOne(parsed);
}
