/**
 * One person on two records, a family name between them: detection keeps "Mr. Whitcomb" apart from "George
 * Whitcomb" and "Mrs. Pell" apart from "Agnes Pell", and turn-taking then takes the halves for two people (a name
 * addressed rules out one half, and the line goes to the other). "Mr." or "Mrs." and a family name is the one record
 * that carries a given name before that family name, when only one record does and its gender fits. "Mrs." only
 * when that record is the one other of the family in the cast: beside a husband or children ("Mr. Bennet",
 * "Elizabeth Bennet") the given name is as likely a daughter's.
 */
import { NARRATOR_ID, type Character } from '../character';

const TITLED = /^(Mr|Mrs)\.?\s+(\p{Lu}[\p{L}'’-]+)$/u;
const TITLE = /^(?:Mr|Mrs|Ms|Miss|Dr|Master|Sir|Lady|Lord|Madam|Captain|Colonel|Inspector|Professor|Rev)\.?$/u;

/** Record key → the key of the record it is the same person as (keys as the cast names its primary records). */
export function titledSurnameFolds(primary: ReadonlyMap<string, Character>): Map<string, string> {
  const folds = new Map<string, string>();
  const records = [...primary].filter(([key]) => key !== NARRATOR_ID);
  for (const [key, record] of records) {
    const titled = TITLED.exec(record.name.trim());
    if (!titled) continue;
    const [, title, surname] = titled;
    const gender = title === 'Mr' ? 'male' : 'female';
    const family = records.filter(
      ([other, candidate]) => other !== key && formsOf(candidate).some((form) => lastWord(form) === surname),
    );
    // A wife shares her name with her husband and daughters: only a "Mrs." alone of her name in the cast is read so.
    if (title === 'Mrs' && family.length !== 1) continue;
    const given = family.filter(
      ([, candidate]) =>
        (candidate.gender === 'unknown' || candidate.gender === gender) &&
        formsOf(candidate).some((form) => givenBefore(form, surname)) &&
        !formsOf(candidate).some((form) => TITLE.test(form.split(/\s+/u)[0] ?? '')),
    );
    if (given.length !== 1) continue;
    const [otherKey, other] = given[0];
    if (folds.has(otherKey)) continue;
    if (other.dialogueLineCount > record.dialogueLineCount) folds.set(key, otherKey);
    else folds.set(otherKey, key);
  }
  return folds;
}

function formsOf(character: Character): string[] {
  return [character.name, ...character.aliases].map((form) => form.trim());
}

function lastWord(form: string): string {
  return form.split(/\s+/u).at(-1) ?? '';
}

/** "George Whitcomb": a capitalised given name, no title, right before the family name. */
function givenBefore(form: string, surname: string): boolean {
  const words = form.split(/\s+/u);
  return words.length === 2 && words[1] === surname && /^\p{Lu}\p{Ll}+$/u.test(words[0]) && !TITLE.test(words[0]);
}
