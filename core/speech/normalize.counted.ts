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

/** Lower-case singular and plural forms of every feminine noun the language's rules know. */
const feminineNouns = perLanguage((rules) => {
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
  return nouns;
});

/** A whole number (thousands separators allowed), not inside a word or a longer number, then one word. */
const COUNTED = /(?<![\p{L}\p{N}]|\d[.,])(\d+(?:[.,]\d+)*)([ \t]+)(\p{L}+)(?![\p{L}\p{N}])/gu;

export function expandCountedNouns(text: string, rules: LanguageRules): string {
  const nouns = feminineNouns(rules);
  return text.replace(COUNTED, (match: string, digits: string, gap: string, word: string) => {
    const value = parseNumber(digits, rules);
    if (!value || value.fraction !== '') return match;
    const lower = word.toLowerCase();
    // Lower case or all capitals: a capitalised word after a number starts a name or a sentence, not a count.
    if (nouns.has(lower) && (word === lower || word === word.toUpperCase()))
      return `${rules.beforeNoun(value.integer, true)}${gap}${word}`;
    // "dois milhões de reais": only a noun takes it, and a function word ("2000000 de reais") already says it.
    const asNoun = rules.beforeNoun(value.integer, false);
    if (/ de$/.test(asNoun) && word === lower && !rules.functionWords.has(lower)) return `${asNoun}${gap}${word}`;
    return match;
  });
}
