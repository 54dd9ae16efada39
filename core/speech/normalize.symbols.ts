/** Symbols that stand for a word in running text, said as the language says that word. */
import type { LanguageRules } from './normalize.rules';

/** The ampersand and the word or number after it, across spaces and at most one line break. */
const AMPERSAND = /&(?=[ \t]*\n?[ \t]*["'(]?(\p{L}[\p{L}\p{M}'-]*|\p{N}))/gu;
/** A word, number or closing mark before the ampersand, across the same gap. */
const WORD_BEFORE = /[\p{L}\p{N}.,'")][ \t]*\n?[ \t]*$/u;

/**
 * An ampersand between words or names ("Crosbie & Alleyne", "Smith & Co.") is the language's "and". "&c." is read
 * before this, as an abbreviation (et cetera). An ampersand glued to letters on both sides ("AT&T") is left alone.
 */
export function readAmpersands(text: string, rules: LanguageRules): string {
  if (!text.includes('&')) return text;
  return text.replace(AMPERSAND, (ampersand: string, nextWord: string, offset: number, source: string) => {
    const spacedBefore = /\s/.test(source.charAt(offset - 1));
    const spacedAfter = /\s/.test(source.charAt(offset + 1));
    if (!spacedBefore && !spacedAfter) return ampersand;
    // Only the gap right before the ampersand is looked at, so a long run of spaces is read once.
    let gapStart = offset;
    while (gapStart > 0 && /[ \t\n]/.test(source.charAt(gapStart - 1)) && offset - gapStart < 200) gapStart--;
    if (!WORD_BEFORE.test(source.slice(Math.max(0, gapStart - 1), offset))) return ampersand;
    return `${spacedBefore ? '' : ' '}${rules.and(nextWord)}${spacedAfter ? '' : ' '}`;
  });
}

/** A section sign before a number or a Roman numeral ("§ 3", "§12", "§§ 3-5", "§ IV"). */
const SECTION_SIGN = /(§§?)[ \t]*(?=\p{N}|[IVXLC]+\b)/gu;

/** "§ 3" is "section 3": the sign is read as the language's word, the number is then read as any other. */
export function readSectionSigns(text: string, rules: LanguageRules): string {
  if (!text.includes('§')) return text;
  return text.replace(SECTION_SIGN, (_sign: string, signs: string) =>
    signs.length === 2 ? `${rules.sectionSign.many} ` : `${rules.sectionSign.one} `,
  );
}

/** A number sign before a number ("#5", "# 12"), not one glued to a word before it ("C#5"). */
const NUMBER_SIGN = /(?<![\p{L}\p{N}&#])#[ \t]?(?=\p{N})/gu;

/** "#5" is "number five": the sign is read as the language's word, the number then as any other. */
export function readNumberSigns(text: string, rules: LanguageRules): string {
  if (!text.includes('#')) return text;
  return text.replace(NUMBER_SIGN, `${rules.numberSign} `);
}

/**
 * An approximation or a comparison sign before a number, glued or a space away, not glued to a word or a number
 * before it ("~1 in 10", "≥ 5 mg/kg", "<0.05"; not "a<b", "x~2" nor an arrow "-> 5").
 */
const COMPARISON_SIGN = /(?<![\p{L}\p{N}<>=~≈≥≤⩾⩽\-–—])([~≈≥≤⩾⩽]|[<>](?!=))[ \t]?(?=[-−]?\d)/gu;

/** "~1 in 10" → "about one in ten", "≥ 5" → "greater than or equal to five": the sign said before its number. */
export function readComparisonSigns(text: string, rules: LanguageRules): string {
  if (!/[~≈≥≤⩾⩽<>]/.test(text)) return text;
  const words = rules.signWords;
  const said: Record<string, string> = {
    '~': words.about,
    '≈': words.about,
    '≥': words.atLeast,
    '⩾': words.atLeast,
    '≤': words.atMost,
    '⩽': words.atMost,
    '>': words.moreThan,
    '<': words.lessThan,
  };
  return text.replace(COMPARISON_SIGN, (match: string, sign: string) => (said[sign] ? `${said[sign]} ` : match));
}

/** A plus-minus sign before a number, glued or a space away ("± 15 %", "±0.5 mm"). */
const PLUS_MINUS = /±[ \t]?(?=[-−]?\d)/gu;

/** "± 15 %" → "plus or minus fifteen percent": a margin of error, said before its number. */
export function readPlusMinus(text: string, rules: LanguageRules): string {
  if (!text.includes('±')) return text;
  return text.replace(PLUS_MINUS, `${rules.plusOrMinus} `);
}

/** A plus sign set apart between two terms ("€ 38.500 + IVA", "2 + 2"), not an international number's ("+44"). */
const PLUS_BETWEEN = /(?<=[\p{L}\p{N}%)€$£])[ \t]\+[ \t](?=[\p{L}\p{N}€$£(])/gu;

/** "€ 38.500 + IVA" → "… mais IVA": the sign said as the language's "plus". */
export function readPlusSigns(text: string, rules: LanguageRules): string {
  if (!text.includes(' + ')) return text;
  return text.replace(PLUS_BETWEEN, ` ${rules.signWords.plus} `);
}

/** An email address: a user, "@", and a domain of two parts or more ("info@example.com"; a closing period is prose). */
const EMAIL = /(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
/** A web address opening with its scheme or "www."; punctuation that closes it belongs to the sentence. */
const URL = /(?<![\p{L}\p{N}])(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const CLOSING_PUNCTUATION = '.,;:!?)]';

/** Where the punctuation that closes an address starts, counted from the end (no regex: a run of dots is long). */
function closingStart(address: string): number {
  let end = address.length;
  while (end > 0 && CLOSING_PUNCTUATION.includes(address.charAt(end - 1))) end--;
  return end;
}

/**
 * Web and email addresses as people say them: "www.example.com/books" → "www dot example dot com slash books",
 * "info@example.com" → "info at example dot com"; the scheme ("https://") and a closing slash are not said.
 */
export function readWebAddresses(text: string, rules: LanguageRules): string {
  if (!text.includes('@') && !/https?:|www\./i.test(text)) return text;
  const { at, dot, slash } = rules.webWords;
  const dotted = (part: string) => part.split('.').filter(Boolean).join(` ${dot} `);
  return text
    .replace(URL, (written: string) => {
      const address = written.slice(0, closingStart(written));
      const closing = written.slice(address.length);
      const spoken = address
        .replace(/^https?:\/\//i, '')
        .replace(/\/+$/, '')
        .split('/')
        .map(dotted)
        .join(` ${slash} `);
      return `${spoken}${closing}`;
    })
    .replace(EMAIL, (address: string) => {
      const [user, domain] = address.split('@');
      return `${dotted(user)} ${at} ${dotted(domain)}`;
    });
}
