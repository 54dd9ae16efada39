/**
 * People a sentence names, before an introduction's "he" or "she", as the object of a gerund or a preposition in a
 * clause of their own ("Turning to Jane, she said:", "Then, perceiving in Jane no wish to answer, she added,",
 * "Voltando-se para Rosa, ella disse:", "Mirando a Rosa, ella dijo:"): the pronoun's subject acts on them, so they
 * are not who the pronoun means, however recently named. A name opening its clause, alone or after a conjunction
 * ("When Jane came in, she said:"), may well be the pronoun's antecedent and is kept.
 */
import type { Mention } from './cast';
import type { HeuristicLanguage } from '../vocabulary';

/** A clause opening with a gerund ("turning", "perceiving", "voltando-se", "mirando"). */
const GERUND_OPENING = /^\p{L}+(?:ing|ndo)(?:-\p{L}+)?(?![\p{L}\p{N}])/iu;

/**
 * Prepositions whose object a name may be. Portuguese "a" is also the article before a name ("a Rosa disse"), so it
 * is left out there; Spanish "a" before a person is the preposition ("miró a Rosa").
 */
const PREPOSITIONS: Record<HeuristicLanguage, string[]> = {
  en: ['to', 'at', 'in', 'on', 'upon', 'with', 'from', 'for', 'towards', 'toward', 'of', 'by'],
  pt: ['para', 'ao', 'à', 'com', 'em', 'de', 'por', 'sobre', 'contra'],
  es: ['a', 'al', 'con', 'en', 'de', 'por', 'para', 'hacia', 'sobre', 'contra'],
};

/** "As for Jane, she…": the name is the topic the pronoun takes up, not an object. */
const TOPIC = /^(?:as\s+for|as\s+to|quanto\s+(?:a|à|ao)|en\s+cuanto\s+(?:a|al))$/iu;

function endsWithPreposition(words: string, language: HeuristicLanguage | undefined): boolean {
  const last = /(\p{L}+)\s*$/u.exec(words)?.[1]?.toLowerCase();
  if (!last) return false;
  return (language ? PREPOSITIONS[language] : PREPOSITIONS.en).includes(last);
}

/**
 * The ids of the people named before `end` in `sentence` as the object of a gerund or a preposition within their
 * clause (a clause runs from the last comma, semicolon or colon before the name).
 */
export function objectsBefore(
  sentence: string,
  end: number,
  mentions: Mention[],
  language: HeuristicLanguage | undefined,
): string[] {
  const objects: string[] = [];
  for (const mention of mentions) {
    if (mention.offset >= end) continue;
    const before = sentence.slice(0, mention.offset);
    const clauseStart = Math.max(0, ...[...before.matchAll(/[,;:]\s*/gu)].map((m) => m.index + m[0].length));
    const clause = before.slice(clauseStart).trim();
    if (clause === '' || TOPIC.test(clause)) continue;
    if (GERUND_OPENING.test(clause) || endsWithPreposition(clause, language)) objects.push(mention.id);
  }
  return objects;
}

/**
 * The person a topic phrase sets right before the pronoun ("As for Mary, she whispered:", "Quanto a Rosa, ela
 * disse:", "En cuanto a Rosa, ella dijo:"): who the pronoun means.
 */
export function topicBefore(sentence: string, end: number, mentions: Mention[]): string | null {
  for (const mention of mentions) {
    const before = sentence.slice(0, mention.offset);
    const clauseStart = Math.max(0, ...[...before.matchAll(/[,;:]\s*/gu)].map((m) => m.index + m[0].length));
    const between = sentence.slice(mention.offset + mention.length, end);
    if (TOPIC.test(before.slice(clauseStart).trim()) && /^\s*,\s*$/u.test(between)) return mention.id;
  }
  return null;
}
