/**
 * Roles the chapter's narration says a named person holds ("Vasconcelos, o advogado da família,", "the lawyer, Mr.
 * Crane,", "Crane was the lawyer.", "The gentleman was Simon Crane. He was the lawyer…"), read as detection reads
 * them (roleNames.ts). Detection folds such a role into the name only when the role has a record of its own, which
 * it gets by speaking often; a role that speaks once ("disse o advogado") has none, and its tag would otherwise name
 * someone the cast does not know. Each role noun stated of exactly one person names that person, never a guess
 * between two. See docs/dialogue-and-attribution.md.
 */
import type { Character } from '../character';
import { occupationGender } from '../occupationNouns';
import { roleNamedAt } from '../roleNames';
import { foldWord, type HeuristicLanguage } from '../vocabulary';
import { Cast, nounGender } from './cast';
import { KINSHIP } from './tagEvidence';

/** How far from the name a stated role noun is looked for, to take its spelling as written (accents and all). */
const WRITTEN_SPAN = 240;
/**
 * A role the tags may call someone by stands after an article, with at most two adjectives ("the lawyer", "o velho
 * tropeiro"): a word set beside a name without one is a description ("Zé, esbaforido,").
 */
const ARTICLE = '(?<![\\p{L}\\p{N}])(?:the|an|a|o|um|uma|el|la|un|una)\\s+(?:\\p{Ll}+\\s+){0,2}';
/**
 * Kinship and ties between people: "o filho", "la comadre", "the friend" are whoever's son, godmother or friend speaks
 * in the scene, not one person's calling.
 */
const TIES =
  /^(?:comadre|compadre|padrinho|madrinha|padrino|madrina|friend|amigo|amiga|grandmother|grandfather|avo|abuela|abuelo|neto|neta|nieto|nieta|grandson|granddaughter|cunhado|cunhada|cunado|cunada)$/iu;

/**
 * The role nouns as written ("advogado", "lawyer") that the narration states of exactly one person of the cast,
 * each with that person's id (as `Cast` names them). Nouns of the other gender than the person's are left out.
 */
export function statedRoles(
  characters: Character[],
  narration: string[],
  language: HeuristicLanguage | undefined,
): Map<string, string> {
  if (language === undefined) return new Map();
  const cast = new Cast(characters, language);
  const holders = new Map<string, Set<string>>();
  const written = new Map<string, string>();
  for (const text of narration)
    for (const mention of cast.mentions(text)) {
      if (mention.role || mention.possessive) continue;
      const naming = roleNamedAt(text, mention.offset, mention.offset + mention.length, language, true);
      if (naming === null) continue;
      const window = text.slice(Math.max(0, mention.offset - WRITTEN_SPAN), mention.offset + WRITTEN_SPAN);
      for (const noun of naming.nouns) {
        // The narrator's own people ("minha mae") are whole phrases, not a noun a tag may use alone.
        if (noun.includes(' ')) continue;
        if (KINSHIP.test(noun) || TIES.test(noun)) continue;
        const spelled = (window.match(/\p{L}+/gu) ?? []).find(
          (word) => foldWord(word) === noun && afterArticle(window, word),
        );
        if (spelled === undefined || !fits(noun, cast.genderOf(mention.id))) continue;
        if (!holders.has(noun)) holders.set(noun, new Set());
        holders.get(noun)!.add(mention.id);
        written.set(noun, spelled.toLowerCase());
      }
    }
  const roles = new Map<string, string>();
  for (const [noun, ids] of holders) if (ids.size === 1) roles.set(written.get(noun)!, [...ids][0]);
  return roles;
}

function afterArticle(window: string, word: string): boolean {
  return new RegExp(`${ARTICLE}${word}(?![\\p{L}\\p{N}])`, 'iu').test(window);
}

function fits(noun: string, gender: Character['gender']): boolean {
  const nounSays = nounGender(noun) !== 'unknown' ? nounGender(noun) : occupationGender(noun);
  return nounSays === 'unknown' || gender === 'unknown' || nounSays === gender;
}
