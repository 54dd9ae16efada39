/**
 * Dates written with numbers and slashes ("12/05/1890", "5/12/90"), read as the language says a date: "doce de mayo
 * de mil ochocientos noventa", "December fifth, eighteen ninety". Only full dates count — a day and a month that
 * exist and a year of two or four digits — so "3/8" and "12/5" are left to the fractions and numbers.
 */
import { perLanguage, type LanguageRules, type NumericDateOrder } from './normalize.rules';

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

const isDate = (day: number, month: number) => month >= 1 && month <= 12 && day >= 1 && day <= DAYS_IN_MONTH[month - 1];

/**
 * Which part is the day: a part over 12 can only be the day, so it fixes the order; when both orders make a date, the
 * language's usual order decides. Undefined when neither order makes a date.
 */
export function dayAndMonth(
  first: number,
  second: number,
  usualOrder: NumericDateOrder,
): { day: number; month: number } | undefined {
  const dayFirst = isDate(first, second);
  const monthFirst = isDate(second, first);
  if (dayFirst && (!monthFirst || usualOrder === 'day-month')) return { day: first, month: second };
  if (monthFirst) return { day: second, month: first };
  return undefined;
}

/** Not inside a word or a longer number; the year ends the date (no "12/05/1890/3", no "12/05/1890.5"). */
const SLASH_DATE = /(?<![\p{L}\p{N}/⁄.,:])(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?![\p{L}\p{N}/⁄]|[.,:]\d)/gu;

/** "12/05/1890" → "doce de mayo de mil ochocientos noventa" (es), "May twelfth, eighteen ninety" (en-US). */
export function expandSlashDates(text: string, rules: LanguageRules): string {
  const dates = rules.numericDates;
  if (!dates || !text.includes('/')) return text;
  return text.replace(SLASH_DATE, (match: string, first: string, second: string, year: string) => {
    const parts = dayAndMonth(Number(first), Number(second), dates.order);
    const yearValue = Number(year);
    if (!parts || (year.length === 4 && yearValue < 1000)) return match;
    return dates.say(parts.day, parts.month, { value: yearValue, twoDigits: year.length === 2 });
  });
}

/**
 * A day, a month and a year joined by points ("12.05.1890", "3.11.22"), as Europe writes a date. Not inside a longer
 * dotted number or a word. A two-digit year makes a date only after a word that says one ("on 3.11.22", "el
 * 3.11.22"): elsewhere "3.11.22" is as often a version or a section.
 */
const DOTTED_DATE = /(?<![\p{L}\p{N}.,:/])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\p{L}\p{N}]|[.,:]\d)/gu;
const WORD_BEFORE = /(\p{L}+)[ \t]+$/u;

/**
 * "12.05.1890" → "the twelfth of May, eighteen ninety" (en-GB), "doce de mayo de mil ochocientos noventa": read as the
 * slash dates are, so a part over 12 is the day and otherwise the language's usual order decides (American English
 * reads month first, "December fifth, eighteen ninety").
 */
export function expandDottedDates(text: string, rules: LanguageRules): string {
  const dates = rules.numericDates;
  if (!dates || !/\d\.\d{1,2}\.\d/.test(text)) return text;
  return text.replace(
    DOTTED_DATE,
    (match: string, first: string, second: string, year: string, offset: number, source: string) => {
      const parts = dayAndMonth(Number(first), Number(second), dates.order);
      const yearValue = Number(year);
      const twoDigits = year.length === 2;
      if (!parts || (!twoDigits && yearValue < 1000)) return match;
      if (twoDigits) {
        const wordBefore = WORD_BEFORE.exec(source.slice(Math.max(0, offset - 24), offset))?.[1];
        if (!wordBefore || !dates.wordsBefore?.has(wordBefore.toLowerCase())) return match;
      }
      return dates.say(parts.day, parts.month, { value: yearValue, twoDigits });
    },
  );
}

const ARTICLE_BEFORE = /(?<![\p{L}])the[ \t]+$/iu;

const dayBeforeMonthPattern = perLanguage((rules) => {
  const months = rules.monthsWithOrdinalDays;
  if (!months || !rules.dayBeforeMonth) return null;
  // Not the end of a range ("3–5 March" is a range of days) nor inside a number or a word.
  return new RegExp(
    String.raw`(?<![\p{L}\p{N}.,:/–-]|\d[ \t]?[–-][ \t]?)(\d{1,2})(?:st|nd|rd|th)?[ \t]{1,3}(?:of[ \t]{1,3})?(${[...months].join('|')})(?![\p{L}\p{N}])`,
    'gu',
  );
});

/**
 * "on 3 March 1871" → "on the third of March 1871", "5th Sept." → "the fifth of September": a day written before its
 * month is said with the article and "of", as British readers say it. A "the" already written is not said twice.
 */
export function expandDayBeforeMonth(text: string, rules: LanguageRules): string {
  const pattern = dayBeforeMonthPattern(rules);
  const say = rules.dayBeforeMonth;
  if (!pattern || !say) return text;
  return text.replace(pattern, (match: string, day: string, month: string, offset: number, source: string) => {
    const value = Number(day);
    if (value < 1 || value > 31) return match;
    const words = say(value, month);
    return ARTICLE_BEFORE.test(source.slice(Math.max(0, offset - 6), offset)) ? words.replace(/^the /, '') : words;
  });
}
