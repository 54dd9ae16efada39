/**
 * A married woman called by the feminine of her husband's trade or office ("la molinera", "la corregidora", "la
 * alcaldesa", "a boticária", "the mayoress") is the woman the narration names as his wife ("la señá Rosa, legítima
 * esposa del tío Blas," where "el molinero" is Blas; "D. Rosa, mulher do boticário,"). See docs/characters.md.
 */
import type { HusbandNaming } from './roleNames';
import { absorbOffice, absorbRole, genderOfTally, unique, type Tally } from './tally';

/** A woman the narration names as someone's wife, and where. */
export interface WifeNaming extends HusbandNaming {
  wife: string;
  chapter: number;
}

/** A named person's mention as this fold reads it: who, in which chapter, where. */
export interface PersonAt {
  person: string;
  chapter: number;
  local: number;
}

/**
 * Folds each role record, or office the book writes as a name ("la Molinera"), whose noun is the feminine of a trade
 * or office (`nounOf`: the role's or office's noun, or null) into
 * the one woman named as the wife of a man bearing that trade or office: his role or office among his record's
 * forms ("el Molinero" folded into "tío Blas"), or the husband written as the role itself ("mujer del molinero").
 * Never when two women are named wives of such men, when the wife is a man, and in a story collection only when
 * the naming stands in a story where the role speaks.
 */
export function foldWivesRoles(
  tallies: Map<string, Tally>,
  wives: WifeNaming[],
  mentioned: PersonAt[],
  nounOf: (key: string) => string | null,
  collection: boolean,
): void {
  if (wives.length === 0) return;
  const husbandNouns = wives.map((naming) => {
    // His name where his words start, or after a title written in lower case ("del tío Blas").
    const reach = naming.at + (naming.role === null ? 0 : naming.role.length + 1);
    const husband = mentioned.find(
      (mention) => mention.chapter === naming.chapter && mention.local >= naming.at && mention.local <= reach,
    );
    const tally = husband === undefined ? undefined : tallies.get(husband.person);
    return tally === undefined ? (naming.role === null ? [] : [naming.role]) : tradesOf(tally);
  });
  for (const [key, role] of [...tallies]) {
    if (genderOfTally(role) === 'male') continue;
    const feminine = nounOf(key);
    if (feminine === null) continue;
    const women = unique(
      wives
        .filter(
          (naming, index) =>
            naming.wife !== key &&
            tallies.has(naming.wife) &&
            (!collection || role.speaksIn.has(naming.chapter)) &&
            husbandNouns[index].some((masculine) => isFeminineOf(feminine, masculine)),
        )
        .map((naming) => naming.wife),
    );
    if (women.length !== 1 || genderOfTally(tallies.get(women[0])!) === 'male') continue;
    const woman = tallies.get(women[0])!;
    if (key.startsWith('role|')) absorbRole(woman, role);
    else absorbOffice(woman, role);
    if (woman.roleGender === 'unknown') woman.roleGender = 'female';
    tallies.delete(key);
  }
}

/** The folded last word of each of a man's forms: his roles and offices ("el Molinero" → "molinero") among them. */
function tradesOf(tally: Tally): string[] {
  return unique([...tally.forms.keys()].map((form) => foldLast(form)));
}

function foldLast(form: string): string {
  const last = form.split(' ').at(-1) ?? '';
  return last.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Whether `feminine` is the feminine of the trade or office `masculine` (both folded): "molinera" of "molinero",
 * "boticaria" of "boticario", "corregidora" of "corregidor", "alcaldesa" of "alcalde", "condesa" of "conde",
 * "mayoress" of "mayor". The two words must differ: "la guía" is no wife of "el guía".
 */
export function isFeminineOf(feminine: string, masculine: string): boolean {
  if (masculine.length < 3 || feminine === masculine) return false;
  if (masculine.endsWith('o')) return feminine === `${masculine.slice(0, -1)}a`;
  if (masculine.endsWith('e')) return feminine === `${masculine.slice(0, -1)}esa`;
  return feminine === `${masculine}a` || feminine === `${masculine}ess` || feminine === `${masculine}esa`;
}
