/**
 * Telephone numbers after the word that announces one ("tel. 213 447 000", "telefone 21 344-7000", "phone 0171 930
 * 4832"): said digit by digit, a pause between the groups as printed, never as the hundreds and thousands of a
 * quantity.
 */
import { digitsOneByOne, perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Fewer digits than this is a count or an extension, not a number to dial. */
const MIN_DIGITS = 6;

const phonePattern = perLanguage((rules) => {
  const words = rules.phoneWords;
  if (!words || words.length === 0) return null;
  const announced = [...words]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  // Up to six groups of up to five digits, apart by a space, a dot or a hyphen: bounded, so the scan is linear.
  return new RegExp(
    String.raw`(?=\d)(?<=(?<![\p{L}])(?:${announced})[ \t]{0,3}:?[ \t]{0,3})(\d{1,5}(?:[ .-]\d{1,5}){0,5})(?![\p{L}\p{N}]|[.,-]\d)`,
    'giu',
  );
});

/** The fewest and most digits an international number has with its country code (E.164 allows up to fifteen). */
const INTERNATIONAL_DIGITS = { min: 8, max: 15 };

/**
 * An international number: a plus, the country code and groups of digits apart by a space, a dot or a hyphen ("+44
 * 20 7946 0958", "+1 907-555-0142"), with the trunk zero a British number puts in brackets ("+44 (0)20 …", not
 * dialled from abroad, so not said); bounded groups, so the scan is linear.
 */
const INTERNATIONAL =
  /(?<![\p{L}\p{N}+])\+[ \t]?(\d{1,3})((?:[ \t]?\(0\)[ \t]?|[ .-])\d{1,5}(?:[ .-]\d{1,5}){0,5})(?![\p{L}\p{N}]|[.,-]\d)/gu;

/**
 * "+44 20 7946 0958" → "plus four four, two zero, seven nine four six, zero nine five eight": said digit by digit
 * wherever it stands, since no quantity is written with a plus and groups of digits.
 */
export function readInternationalPhones(text: string, rules: LanguageRules): string {
  if (!text.includes('+')) return text;
  return text.replace(INTERNATIONAL, (match: string, country: string, rest: string) => {
    const groups = [country, ...rest.split(/[ \t.-]|\(0\)/).filter(Boolean)];
    const digits = groups.join('').length;
    if (digits < INTERNATIONAL_DIGITS.min || digits > INTERNATIONAL_DIGITS.max) return match;
    return `${rules.signWords.plus} ${groups.map((group) => digitsOneByOne(group, rules)).join(', ')}`;
  });
}

export function readPhoneNumbers(text: string, rules: LanguageRules): string {
  const pattern = phonePattern(rules);
  if (!pattern) return text;
  return text.replace(pattern, (match: string) => {
    const groups = match.split(/[ .-]/);
    if (groups.join('').length < MIN_DIGITS) return match;
    return groups.map((group) => digitsOneByOne(group, rules)).join(', ');
  });
}
