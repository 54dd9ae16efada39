/**
 * People named by relation rather than by name ("his wife", "her father"): a spouse or parent shares the family name
 * of the person whose relative it is, so "his wife" of Mr. Bennet is Mrs. Bennet. Used both when the narration names
 * a relative (recency.ts) and when a speech tag does (tagEvidence.ts).
 */
import type { Gender } from '../character';
import { nounGender, type Cast, type Mention } from './cast';
import { SCENE_WINDOW } from './evidence';

/** The family name a character is known by: "Mrs. Bennet" → Bennet, "Elizabeth Bennet" → Bennet. */
function surnameOf(id: string, cast: Cast): string | null {
  for (const form of cast.formsOf(id)) {
    const tokens = form.split(/\s+/u);
    if (tokens.length >= 2 && /^\p{Lu}/u.test(tokens[tokens.length - 1])) return tokens[tokens.length - 1];
  }
  return null;
}

export const SPOUSE_OR_PARENT =
  /^(?:wife|husband|lady|mother|father|mamma|mama|papa|mãe|mae|pae|pai|mulher|marido|madre|padre|esposa|esposo)$/iu;
const MARRIED_WOMAN = /^(?:Mrs|Sra|Señora|Senhora|Madame|Mme|D|Dona|Doña)\.?$/u;
const MAN = /^(?:Mr|Sr|Señor|Senhor|Monsieur|M|Dom|Don)\.?$/u;
const UNMARRIED = /^(?:Miss|Srta|Señorita|Mlle)\.?$/u;

/** The relative of `possessor` that a spouse or parent noun names: same family name, the right title or alone. */
export function relativeBySurname(possessor: string, gender: 'female' | 'male', cast: Cast): string | null {
  const surname = surnameOf(possessor, cast);
  if (!surname) return null;
  const title = gender === 'female' ? MARRIED_WOMAN : MAN;
  const tokensOf = (form: string) => form.split(/\s+/u);
  const family = cast.ids.filter(
    (id) =>
      id !== possessor &&
      cast.genderOf(id) === gender &&
      cast.formsOf(id).some((form) => tokensOf(form).length >= 2 && tokensOf(form).at(-1) === surname),
  );
  const titled = family.filter((id) =>
    cast.formsOf(id).some((form) => {
      const tokens = tokensOf(form);
      return tokens.length === 2 && tokens[1] === surname && title.test(tokens[0]);
    }),
  );
  if (titled.length === 1) return titled[0];
  // Untitled only when the family holds one such person and no unmarried title says otherwise ("Miss Bingley").
  const single = family.length === 1 && !cast.formsOf(family[0]).some((form) => UNMARRIED.test(tokensOf(form)[0]));
  return single ? family[0] : null;
}

const RELATION_IN_NARRATION = /(?<![\p{L}\p{N}])(his|her)\s+(wife|husband|mother|father|lady)(?![\p{L}\p{N}])/giu;

/**
 * Relatives a narration names by relation ("fatigued with the raptures of his wife"), as mentions: the possessor is
 * the person of the possessive's gender named last, the relative the one sharing the family name.
 */
export function relativesNamed(sentence: string, cast: Cast, possessors: (gender: Gender) => string[]): Mention[] {
  const found: Mention[] = [];
  for (const match of sentence.matchAll(RELATION_IN_NARRATION)) {
    const possessorGender = match[1].toLowerCase() === 'his' ? 'male' : 'female';
    const gender = nounGender(match[2]);
    if (gender === 'unknown') continue;
    const before = cast
      .mentions(sentence.slice(0, match.index))
      .reverse()
      .map((mention) => mention.id);
    // The possessor is whoever, named before it or lately, has a relative of that family in the cast.
    const candidates = [...before, ...possessors(possessorGender)].filter(
      (id) => cast.genderOf(id) === possessorGender,
    );
    for (const possessor of [...new Set(candidates)].slice(0, SCENE_WINDOW)) {
      const relative = relativeBySurname(possessor, gender, cast);
      if (!relative) continue;
      found.push({ id: relative, offset: match.index, length: match[0].length, possessive: false });
      break;
    }
  }
  return found;
}
