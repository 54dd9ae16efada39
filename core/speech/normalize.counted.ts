/**
 * A number right before the noun it counts: it agrees with a feminine noun ("21 horas" → "veintiuna horas", "200
 * pesetas" → "doscientas pesetas", "2 casas" → "duas casas"), and a number ending in a million or more takes the
 * language's "de" before any noun ("2000000 reais" → "dois milhões de reais"). The gender comes only from what the
 * language's rules know — feminine units, currencies, measure nouns and the list of common feminine counted nouns —
 * so an unknown noun keeps the masculine, the citation form. Runs after units, money, clock times and fractions, which
 * agree on their own.
 */
import { parseNumber } from './normalize.numbers';
import { perLanguage, type LanguageRules } from './normalize.rules';

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** Where a number may start: not inside a word, nor inside a longer number, so a long "7.7.7…" is scanned once. */
const NUMBER_START = String.raw`(?<![\p{L}\p{N}]|\d[.,])`;

/** The language's patterns, compiled once: a number before a feminine noun; a million or more before a noun. */
const countedPatterns = perLanguage((rules) => {
  const nouns = new Set<string>();
  const add = (...words: string[]) => {
    for (const word of words) if (!word.includes(' ')) nouns.add(word.toLowerCase());
  };
  for (const [singular, plural, feminine] of [
    ...Object.values(rules.units),
    ...Object.values(rules.dottedUnits ?? {}),
  ]) {
    if (feminine === true) add(singular, plural);
  }
  for (const currency of Object.values(rules.currencies)) if (currency.feminine) add(currency.one, currency.many);
  for (const [singular, plural] of [...(rules.measureNouns?.feminine ?? []), ...(rules.feminineNouns ?? [])]) {
    add(singular, plural);
  }
  const alternation = [...nouns]
    .sort((a, b) => b.length - a.length)
    .map(escapeRegex)
    .join('|');
  return {
    feminine:
      nouns.size > 0
        ? new RegExp(String.raw`${NUMBER_START}(\d+(?:[.,]\d+)*)([ \t]+)(${alternation})(?![\p{L}\p{N}])`, 'giu')
        : undefined,
    // Seven digits or more, or three groups of a thousands separator: only a million or more ends in its name.
    millions: / de$/.test(rules.beforeNoun(1_000_000n, false))
      ? new RegExp(String.raw`${NUMBER_START}(\d{7,}|\d{1,3}(?:[.,]\d{3}){2,})([ \t]+)(\p{Ll}+)(?![\p{L}\p{N}])`, 'gu')
      : undefined,
  };
});

export function expandCountedNouns(text: string, rules: LanguageRules): string {
  const patterns = countedPatterns(rules);
  let spoken = text;
  if (patterns.feminine) {
    spoken = spoken.replace(patterns.feminine, (match: string, digits: string, gap: string, word: string) => {
      const value = parseNumber(digits, rules);
      // Lower case or all capitals: a capitalised word after a number starts a name or a sentence, not a count.
      const asWritten = word === word.toLowerCase() || word === word.toUpperCase();
      if (!value || value.fraction !== '' || !asWritten) return match;
      return `${rules.beforeNoun(value.integer, true)}${gap}${word}`;
    });
  }
  if (patterns.millions) {
    // "dois milhões de reais": only a noun takes it, and a function word ("2000000 de reais") already says it.
    spoken = spoken.replace(patterns.millions, (match: string, digits: string, gap: string, word: string) => {
      const value = parseNumber(digits, rules);
      if (!value || value.fraction !== '' || rules.functionWords.has(word)) return match;
      const asNoun = rules.beforeNoun(value.integer, false);
      return / de$/.test(asNoun) ? `${asNoun}${gap}${word}` : match;
    });
  }
  return spoken;
}
