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
    String.raw`(?<=(?<![\p{L}])(?:${announced})[ \t]{0,3}:?[ \t]{0,3})(\d{1,5}(?:[ .-]\d{1,5}){0,5})(?![\p{L}\p{N}]|[.,-]\d)`,
    'giu',
  );
});

export function readPhoneNumbers(text: string, rules: LanguageRules): string {
  const pattern = phonePattern(rules);
  if (!pattern) return text;
  return text.replace(pattern, (match: string) => {
    const groups = match.split(/[ .-]/);
    if (groups.join('').length < MIN_DIGITS) return match;
    return groups.map((group) => digitsOneByOne(group, rules)).join(', ');
  });
}
