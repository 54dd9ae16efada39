/**
 * The narrator's companion: a first-person narrator often calls the person the story follows "my friend" or "my
 * companion" ("said my companion", "disse o meu amigo", "dijo mi compañero") as often as by name. Such a role is
 * that person when the narration names them beside its mentions far more often than anyone else: the one named
 * within a sentence or two of it, beside a fifth of its mentions or more and three times as often as the next. Kinship roles ("my uncle", "minha mãe") are left
 * alone: they are as often people the book never names.
 */
import type { Gender } from './character';

/** A role key (lower-case determiner and noun) that is the narrator's friend or companion. */
const COMPANION_ROLE =
  /^(?:my|mi|meu|minha|o meu|a minha)\s+(?:friend|companion|comrade|colleague|amigo|amiga|companero|companera|companheiro|companheira|camarada|colega)$/u;

/** Someone named this close (in characters, either side) to the role is named beside it. */
const NEAR_CHARS = 200;
/**
 * The person must be named beside at least this share of the role's mentions (a narrator says "my companion"
 * instead of the name, so the name is seldom close by)…
 */
const MIN_SHARE = 0.2;
/** …and at least this many times as often as the next person, and this many times in all. */
const MIN_LEAD = 3;
const MIN_MENTIONS = 3;

export function isCompanionRole(key: string): boolean {
  return COMPANION_ROLE.test(key.normalize('NFD').replace(/\p{M}/gu, ''));
}

export interface NamedPerson {
  key: string;
  gender: Gender;
  /** Offsets in the book where the narration names them, ascending. */
  namedAt: number[];
}

function namedNear(namedAt: number[], at: number): boolean {
  let low = 0;
  let high = namedAt.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (namedAt[mid] < at - NEAR_CHARS) low = mid + 1;
    else if (namedAt[mid] > at + NEAR_CHARS) high = mid - 1;
    else return true;
  }
  return false;
}

/**
 * The person a companion role is (`roleAt`: where the book writes the role; `gender`: the role's own, or unknown),
 * or undefined when no one person is named beside it clearly enough.
 */
export function companionOf(roleAt: number[], gender: Gender, people: NamedPerson[]): string | undefined {
  if (roleAt.length < MIN_MENTIONS) return undefined;
  const fits = (person: NamedPerson) => gender === 'unknown' || person.gender === 'unknown' || person.gender === gender;
  const counts = people
    .filter(fits)
    .map((person) => ({ key: person.key, near: roleAt.filter((at) => namedNear(person.namedAt, at)).length }))
    .sort((a, b) => b.near - a.near);
  const [best, next] = counts;
  if (!best || best.near < MIN_MENTIONS || best.near < roleAt.length * MIN_SHARE) return undefined;
  if (next && best.near < next.near * MIN_LEAD) return undefined;
  return best.key;
}
