/**
 * A speaking role written with one person's possessive ("said Scrooge's nephew") and the same noun with the article
 * ("said the nephew"): when the book gives that noun to one possessor only, the bare role is that person's, so the
 * two are one record (docs/characters.md, *Roles of one possessor*). Two possessors ("Bob's wife", "Tom's wife")
 * leave "the wife" alone, and so do a story of a collection without that possessive and a role of the other gender.
 * Spanish and Portuguese write the possessor after the noun ("o sobrinho de Cubas", "la criada de Juan"): the same
 * fold, one possessor of that noun in the book. English "the wife of Hale" is already "Hale's wife" (roles.ts).
 * Detection is the one place this rule lives: attribution reads the cast as given, so records a user keeps apart
 * stay apart.
 */
import { rolePhraseOf } from './roleFolds';
import { absorbTally, genderOfTally, type Tally } from './tally';

/** "the nephew", "el sobrino", "o sobrinho": an article and one noun. */
const PLAIN = /^(?:the|el|la|o|a) (\p{L}+)$/u;
/** "scrooge's nephew": a possessor and one noun. */
const POSSESSED = /^(\p{L}[\p{L}.-]*)['’]s (\p{L}+)$/u;
/** "o sobrinho de cubas", "la mujer del corregidor": one noun and its possessor. */
const POSSESSED_AFTER = /^(?:el|la|o|a) (\p{L}+) (?:de|del|do|da) (.+)$/u;

function possessedNoun(phrase: string): { possessor: string; noun: string } | null {
  const before = POSSESSED.exec(phrase);
  if (before !== null) return { possessor: before[1], noun: before[2] };
  const after = POSSESSED_AFTER.exec(phrase);
  return after === null ? null : { possessor: after[2], noun: after[1] };
}

export function foldPossessedRoles(tallies: Map<string, Tally>): void {
  const possessed = new Map<string, { key: string; possessor: string; tally: Tally }[]>();
  for (const [key, tally] of tallies) {
    if (!key.startsWith('role|')) continue;
    const match = possessedNoun(rolePhraseOf(key));
    if (match === null) continue;
    const { possessor, noun } = match;
    if (!possessed.has(noun)) possessed.set(noun, []);
    possessed.get(noun)!.push({ key, possessor, tally });
  }
  for (const [key, role] of [...tallies]) {
    if (!key.startsWith('role|')) continue;
    const noun = PLAIN.exec(rolePhraseOf(key))?.[1];
    const owners = noun === undefined ? [] : (possessed.get(noun) ?? []);
    if (new Set(owners.map((owner) => owner.possessor)).size !== 1) continue;
    const owner = owners.find((candidate) => candidate.tally.story === role.story);
    if (owner === undefined || !tallies.has(owner.key)) continue;
    const [ownerGender, roleGender] = [genderOfTally(owner.tally), genderOfTally(role)];
    if (ownerGender !== 'unknown' && roleGender !== 'unknown' && ownerGender !== roleGender) continue;
    absorbTally(owner.tally, role);
    for (const chapter of role.speaksIn) owner.tally.speaksIn.add(chapter);
    tallies.delete(key);
  }
}
