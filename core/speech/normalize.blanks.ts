/**
 * Names and words the author leaves out or censors with a dash: a name blanked ("General ----'s", "Mr. ——"), a word
 * cut to its first and last letters ("D—n", "d——d", "c——o"). An engine would say the letters and pause between them.
 */
import type { LanguageRules } from './normalize.rules';

/**
 * A blank: two dashes or more, or three hyphens or more (plain-text books write a dash as "--"). No interruption is
 * printed so long, so "Mr. —— came" is a name left out, while "Mr.—" is a speaker cut short.
 */
export const BLANK = String.raw`(?:[—―]{2,}|-{3,})`;

/** A blank after a capitalised word, a title or a name ("General ----'s", "Mr. ——", "Lord ——"), with its possessive. */
const BLANK_AFTER_CAPITAL = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(\p{Lu}[\p{L}\p{M}]*\.?[ \t]+)${BLANK}(['’]s)?(?![\p{L}\p{N}—―-])`,
  'gu',
);
const ONLY_BLANK = new RegExp(String.raw`^${BLANK}$`, 'u');
/** A possessive after a blank anywhere: English the only language of these with one. */
const BLANK_POSSESSIVE = new RegExp(String.raw`${BLANK}['’]s(?![\p{L}\p{N}])`, 'gu');

/** A word cut to its first letters and last: any dash in between, nothing glued on either side but an apostrophe's "d". */
const CENSORED = /(?<![\p{L}\p{N}'’—―-])(\p{L}{1,2})([—―]+|-{2,})(\p{L}{1,3}(?:['’]d)?)(?![\p{L}\p{N}'’—―-])/gu;

const matchCase = (word: string, like: string) =>
  /^\p{Lu}/u.test(like) ? word.charAt(0).toUpperCase() + word.slice(1) : word;

/**
 * A censored word the language's rules know for certain ("d—d" → "damned") is said; another, cut to one letter and a
 * blank ("c——o"), is a pause, since an engine saying "c, o" helps no one and a guess may be wrong. A blanked name after
 * a capitalised word is the language's stand-in where it has one ("General Blank's"); elsewhere the blank stays a pause
 * (speakDashes) and a possessive glued to it is not said.
 */
export function readBlanks(text: string, rules: LanguageRules): string {
  if (!/[—―]|--/.test(text)) return text;
  const censored = rules.censoredWords ?? {};
  let spoken = text.replace(CENSORED, (match: string, head: string, dash: string, tail: string) => {
    const known = censored[`${head.toLowerCase()}-${tail.toLowerCase().replace('’', "'")}`];
    if (known) return matchCase(known, head);
    return head.length === 1 && ONLY_BLANK.test(dash) ? '...' : match;
  });
  const stand = rules.blankName;
  if (stand)
    spoken = spoken.replace(
      BLANK_AFTER_CAPITAL,
      (_blank, word: string, possessive = '') => `${word}${stand}${possessive}`,
    );
  return spoken.replace(BLANK_POSSESSIVE, (possessive: string) =>
    stand ? `${stand}${possessive.slice(-2)}` : possessive.slice(0, -2),
  );
}
