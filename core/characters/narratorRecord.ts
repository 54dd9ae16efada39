/**
 * Which record of the tallies is the first-person narrator, so the narrator is cast once: the person the narrator's
 * own name or a nickname resolves to, else the person others keep addressing while the narration says "I"; and the
 * narrator's companion ("my friend") folded into the named person it is. Apart from detection because it reads the
 * narration (narration.ts) against the people, a job of its own.
 */
import type { PersonIndex } from './clusters';
import { companionOf, isCompanionRole, type NamedPerson } from './companions';
import { formLabel } from './mentions';
import type { Placed } from './namedPeople';
import type { Narration } from './narration';
import { rolePhraseOf } from './roleFolds';
import { absorbRole, absorbTally, genderOfTally, type Tally } from './tally';

/**
 * A first-person narrator who never says his name is the person addressed this often whom the narration mentions
 * at most this share of the time (the narration says "I").
 */
const MIN_NARRATOR_VOCATIVES = 3;
const NARRATOR_NARRATED_SHARE = 0.1;

/** The narrator's record, with the records of the narrator's nicknames absorbed into it; undefined when none is. */
export function narratorKeyOf(
  narration: Narration,
  tallies: Map<string, Tally>,
  placed: Placed[],
  people: PersonIndex,
): string | undefined {
  let narratorKey =
    narration.name !== null
      ? narratorPerson(narration.name, placed, people)
      : narration.firstPerson
        ? addressedNarrator(tallies)
        : undefined;
  // "alcunhando-me Dom Casmurro": the person of the nickname is the narrator too.
  for (const nickname of narration.nicknames) {
    const person = narratorPerson(nickname, placed, people);
    if (person === undefined || person === narratorKey || !tallies.has(person)) continue;
    if (narratorKey === undefined || !tallies.has(narratorKey)) narratorKey = person;
    else {
      absorbTally(tallies.get(narratorKey)!, tallies.get(person)!);
      tallies.delete(person);
    }
  }
  return narratorKey;
}

/** A first-person narrator's "my friend", "my companion": the named person it is takes its lines and forms. */
export function foldCompanions(
  tallies: Map<string, Tally>,
  placed: Placed[],
  people: PersonIndex,
  narratorKey: string | undefined,
): void {
  const namedAt = new Map<string, number[]>();
  for (const mention of placed) {
    if (!mention.narrated) continue;
    const person = people.resolve(mention.form, mention.at, mention.chapter);
    if (person === undefined || person === narratorKey || !tallies.has(person)) continue;
    namedAt.set(person, [...(namedAt.get(person) ?? []), mention.at]);
  }
  const named: NamedPerson[] = [...namedAt].map(([key, at]) => ({
    key,
    gender: genderOfTally(tallies.get(key)!),
    namedAt: at.sort((a, b) => a - b),
  }));
  for (const [key, role] of [...tallies]) {
    if (!key.startsWith('role|') || !isCompanionRole(rolePhraseOf(key))) continue;
    const companion = companionOf(role.roleAt, genderOfTally(role), named);
    if (companion === undefined) continue;
    absorbRole(tallies.get(companion)!, role);
    tallies.delete(key);
  }
}

/** The person the narrator's own name resolves to, so the narrator is not cast twice. */
function narratorPerson(name: string, placed: Placed[], people: PersonIndex): string | undefined {
  const found = placed.find((mention) => mention.form.tokens.join(' ') === name || formLabel(mention.form) === name);
  return found ? people.resolve(found.form, found.at, found.chapter) : undefined;
}

/**
 * The name a first-person narrator who never names himself goes by: the person others address by name again and
 * again ("my dear Hale", "Tonico") whom the narration never mentions and no tag names, because the narration
 * calls him "I". The most addressed such person; nobody when two are addressed equally often.
 */
function addressedNarrator(tallies: Map<string, Tally>): string | undefined {
  const candidates = [...tallies.entries()]
    .filter(
      ([key, tally]) =>
        !key.startsWith('role|') &&
        tally.vocatives >= MIN_NARRATOR_VOCATIVES &&
        tally.lines <= 1 &&
        tally.narrated <= tally.mentions * NARRATOR_NARRATED_SHARE,
    )
    .sort((a, b) => b[1].vocatives - a[1].vocatives);
  if (candidates.length === 0) return undefined;
  if (candidates.length > 1 && candidates[1][1].vocatives === candidates[0][1].vocatives) return undefined;
  return candidates[0][0];
}
