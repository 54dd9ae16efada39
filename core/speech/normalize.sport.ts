/**
 * What sports pages print in their own way: a British score with nothing on one side or level ("3–0", "0–0", "2–2"),
 * said "three-nil", "nil-nil", "two-all", where a range or any other pair says "to"; an age group ("under-16s"), the
 * number's plural; and the minute of a match written with a prime ("aos 27'").
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

/** A minute of play: a number of up to three digits and a prime or an apostrophe, not glued to what follows. */
const MATCH_MINUTE = /(?=\d)(?<=(?<![\p{L}])(\p{L}+)[ \t])(\d{1,3})['′](?![\p{L}\p{N}'′])/gu;

/** How far back an opening quotation mark is looked for, about a long sentence. */
const QUOTE_REACH = 300;

/** A single quotation mark opening a quotation: then an apostrophe after a number may be its close. */
const OPENING_QUOTE = /(?:^|[\s(—-])'\p{L}/u;

/**
 * "aos 27'" → "aos 27 minutos", "a los 90'" → "a los 90 minutos": Spanish and Portuguese reports mark the minute of a
 * goal with a prime, after the word that says when ("aos", "a los"). Not when the mark may close a quotation.
 */
export function readMatchMinutes(text: string, rules: LanguageRules): string {
  const minutes = rules.matchMinutes;
  if (!minutes || !/\d['′]/.test(text)) return text;
  return text.replace(MATCH_MINUTE, (match: string, before: string, minute: string, offset: number, source: string) => {
    if (!minutes.after.has(before.toLowerCase()) || Number(minute) > 130) return match;
    // The sentence so far, within a bounded reach, so a page of minutes is read in linear time.
    const reach = source.slice(Math.max(0, offset - QUOTE_REACH), offset);
    const sentence = reach.slice(reach.lastIndexOf('.') + 1);
    if (OPENING_QUOTE.test(sentence)) return match;
    return `${minute} ${Number(minute) === 1 ? minutes.words[0] : minutes.words[1]}`;
  });
}
