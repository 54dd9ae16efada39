/**
 * What sports pages print in their own way: a British score with nothing on one side or level ("3–0", "0–0", "2–2"),
 * said "three-nil", "nil-nil", "two-all", where a range or any other pair says "to"; and an age group ("under-16s"),
 * the number's plural.
 */
import type { LanguageRules } from './normalize.rules';

/**
 * Two numbers of up to two digits joined by a dash, not a longer chain ("1-2-3"), a decimal, a time or a date. A
 * range rises, so a pair that falls to nothing or stays level is a score.
 */
const SCORE = /(?<![\p{L}\p{N}.,:/–-])(\d{1,2})[ \t]?[–-][ \t]?(\d{1,2})(?![\p{L}\p{N}%°]|[.,:/–-]\d)/gu;

/** "0–0" → "nil-nil", "3–0" → "three-nil", "2–2" → "two-all" (British English). */
export function readBritishScores(text: string, rules: LanguageRules): string {
  const words = rules.scoreWords;
  if (!words || !/\d[ \t]?[–-][ \t]?\d/.test(text)) return text;
  return text.replace(SCORE, (match: string, first: string, second: string) => {
    const home = Number(first);
    const away = Number(second);
    const say = (goals: number) => (goals === 0 ? words.nil : rules.cardinal(BigInt(goals)));
    if (home === away) return home === 0 ? `${words.nil}-${words.nil}` : `${say(home)}-${words.all}`;
    return away === 0 ? `${say(home)}-${words.nil}` : match;
  });
}

/** An age group after a word and a hyphen: "under-16s", "over-50s". */
const AGE_GROUP = /(?<=\p{L}-)(\d{1,2})s(?![\p{L}\p{N}])/gu;

/** "the under-16s" → "the under-sixteens". */
export function readAgeGroups(text: string, rules: LanguageRules): string {
  const plural = rules.plural;
  if (!plural) return text;
  return text.replace(AGE_GROUP, (_match: string, age: string) => plural(rules.cardinal(BigInt(age))));
}
