/**
 * A clause before an introduction's speech verb that opens with a preposition is a phrase of reference or of manner
 * ("A esto respondió el labrador:", "A lo cual replicó don Quijote:", "…, y con buenas palabras respondió:", "…, com
 * voz tremula perguntou:", "…, and in a low voice said:"), never the verb's subject: the subject stands after the
 * verb or earlier in the sentence. Read as a subject, "A esto" looked like an article and a noun, someone the cast
 * does not name, and its claim took the line from the person named.
 */
import type { HeuristicLanguage } from '../vocabulary';

const SPANISH = ['a', 'al', 'con', 'en', 'de', 'del', 'por', 'para', 'sin', 'tras', 'desde', 'hacia', 'ante', 'según'];
/** Portuguese "a" is also the article ("a irmã perguntou:"), so it is not read as a preposition. */
const PORTUGUESE = [
  'ao',
  'à',
  'á',
  'com',
  'em',
  'no',
  'na',
  'nos',
  'nas',
  'pelo',
  'pela',
  'por',
  'para',
  'sem',
  'após',
  'de',
  'do',
  'da',
  'desde',
];
const ENGLISH = ['with', 'in', 'at', 'to', 'from', 'after', 'for', 'without', 'upon', 'on'];

function opening(words: string[]): RegExp {
  return new RegExp(`^(?:${words.join('|')})\\s+\\p{L}`, 'iu');
}

const BY_LANGUAGE: Record<HeuristicLanguage, RegExp> = {
  es: opening(SPANISH),
  pt: opening(PORTUGUESE),
  en: opening(ENGLISH),
};
/** Where the language is not known: the prepositions no language here also uses as an article or a negation. */
const ANY_LANGUAGE = opening(
  [...new Set([...SPANISH, ...PORTUGUESE, ...ENGLISH])].filter(
    (word) => !['a', 'no', 'na', 'nos', 'nas'].includes(word),
  ),
);

/** The clause (its openers "and", "y", "e" already left out) opens with a preposition, so it holds no subject. */
export function opensWithPreposition(clause: string, language?: HeuristicLanguage): boolean {
  return (language ? BY_LANGUAGE[language] : ANY_LANGUAGE).test(clause);
}
