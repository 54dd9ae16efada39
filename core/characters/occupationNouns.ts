/**
 * English occupation nouns that carry no grammatical gender but that the fiction this engine reads gives to one sex
 * ("the banker", "the clerk", "the valet"): a role record's gender comes from its noun before any pronoun vote, since
 * the pronouns near a role's mentions often belong to the people it speaks with ("…grief than the banker had done,
 * … in her"). Spanish and Portuguese need no list: the article says it ("el cochero", "a criada"). Only nouns the
 * general gendered list (vocabulary.ts) lacks and that the -man, -woman and -ess endings (roles.ts) do not already
 * read, and only those whose other-sex use would be marked in the same prose ("a lady clerk"): short on purpose.
 */
import type { Gender } from './character';

const MASCULINE_OCCUPATIONS = new Set(
  `banker clerk valet groom squire soldier sailor farmer blacksmith carpenter innkeeper gamekeeper constable
  sergeant corporal`.split(/\s+/u),
);
const FEMININE_OCCUPATIONS = new Set(`dressmaker milliner nursemaid midwife`.split(/\s+/u));

/** The gender an English occupation noun (folded, singular) conventionally carries, or unknown. */
export function occupationGender(noun: string): Gender {
  if (MASCULINE_OCCUPATIONS.has(noun)) return 'male';
  if (FEMININE_OCCUPATIONS.has(noun)) return 'female';
  return 'unknown';
}
