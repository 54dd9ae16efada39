/**
 * A full name the cast holds only by title and family name: a visitor says "I am Alexander Holder" where detection
 * kept him as "Mr. Holder" (the narration and the other people call him so). The given name is new to the cast, but
 * the family name is his.
 */
import type { Cast } from './cast';

/** Titles a form may open with before the family name ("Mr. Holder", "Dr. Grey", "Colonel Ward"). */
const TITLE =
  /^(?:Mr|Mrs|Ms|Miss|Master|Dr|Sir|Lady|Lord|Colonel|Captain|Major|General|Professor|Rev|Inspector|Sergeant|Sr|Sra|Srta|D|Dom|Dona|Don|Doña|Senhor|Senhora|Señor|Señora)\.?$/u;
/** A capitalised word of a name: "Alexander", "O'Hara", "St." is not one. */
const NAME_WORD = String.raw`\p{Lu}[\p{Ll}'’-]+`;
/**
 * Given names then a family name, as a phrase opens: "Alexander Holder", "John Henry Grey", "Alexander J. Holder";
 * followed by neither a possessive ("Alexander Holder's son") nor another capitalised word.
 */
const FULL_NAME = new RegExp(
  String.raw`^(${NAME_WORD}(?:\s+(?:${NAME_WORD}|\p{Lu}\.))*)\s+(${NAME_WORD})(?!['’]s(?![\p{L}\p{N}]))(?![\p{L}\p{N}]|\s+\p{Lu})`,
  'u',
);

/** A form's given names and family name, its title dropped: "Mr. Holder" → [[], "Holder"]. */
function givenAndFamily(form: string): { given: string[]; family: string } | null {
  const words = form.trim().split(/\s+/u);
  while (words.length > 1 && TITLE.test(words[0])) words.shift();
  const family = words.pop();
  return family && /^\p{Lu}/u.test(family) ? { given: words, family } : null;
}

/**
 * The one person of the cast a full name at the start of `phrase` is, by family name: someone who has a form with
 * that family name, and no form giving them another given name ("Miss Mary Holder" is not Alexander Holder); one
 * known by that given name too comes first. Null when nobody, or more than one person, fits.
 */
export function personByFamilyName(phrase: string, cast: Cast): string | null {
  const match = FULL_NAME.exec(phrase);
  if (!match) return null;
  const given = match[1].split(/\s+/u)[0];
  const family = match[2];
  const fitting = cast.ids.filter((id) => {
    const forms = cast.formsOf(id).flatMap((form) => givenAndFamily(form) ?? []);
    const bearing = forms.filter((form) => form.family === family);
    return bearing.length > 0 && forms.every((form) => form.given.length === 0 || form.given[0] === given);
  });
  // Someone the cast knows by this very given name too ("Miss Edith Penrose") before someone known by title alone.
  const byGivenName = fitting.filter((id) => cast.formsOf(id).some((form) => givenAndFamily(form)?.given[0] === given));
  const chosen = byGivenName.length > 0 ? byGivenName : fitting;
  return chosen.length === 1 ? chosen[0] : null;
}
