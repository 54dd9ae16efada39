/**
 * A married woman called by the feminine of her husband's trade or office ("la molinera", "la corregidora", "la
 * alcaldesa", "a boticária", "the mayoress") is the woman the narration names as his wife ("la señá Rosa, legítima
 * esposa del tío Blas," where "el molinero" is Blas; "D. Rosa, mulher do boticário,") or names right after speaking
 * of her ("la Corregidora…" then "aquella señora se llamaba Doña Inés"). See docs/characters.md.
 */
import type { CalledBack, HusbandNaming } from './roleNames';
import { absorbOffice, absorbRole, genderOfTally, unique, type Tally } from './tally';
import { foldWord } from './vocabulary';

/** A woman the narration names as someone's wife, and where. */
export interface WifeNaming extends HusbandNaming {
  wife: string;
  chapter: number;
}

/** A person the narration names with a demonstrative pointing back ("aquella señora se llamaba …"), and where. */
export interface CalledBackNaming extends CalledBack {
  person: string;
  chapter: number;
}

/** A named person's mention as this fold reads it: who, in which chapter, where. */
export interface PersonAt {
  person: string;
  chapter: number;
  local: number;
}

/** How the records' trades are read: a role's noun (null when it has none), the offices the book writes as names. */
export interface Trades {
  roleNounOf: (key: string) => string | null;
  offices: Map<string, string>;
}

/** How far back a demonstrative ("aquella señora") may point: about a paragraph. */
const CALLED_BACK_SPAN = 800;
const MASCULINE_ARTICLE = /^(?:el|o|the)$/iu;

/**
 * Folds each record of the feminine of a trade or office (a role, "la molinera", or a record the book writes as a
 * name, "la Molinera", "la Corregidora") into the one woman the narration says she is:
 * - the woman named as the wife of a man bearing that trade or office: his role or office among his record's forms
 *   ("el Molinero" folded into "tío Blas"), or the husband written as the role itself ("mujer del molinero");
 * - the woman named by a demonstrative ("aquella señora se llamaba …") whose nearest woman before it, within about a
 *   paragraph, is that record, when the masculine trade is one the book gives a man.
 * Never when two women fit, when the woman is a man, and in a story collection only when the naming stands in a
 * story where the role speaks. The role never joins the husband.
 */
export function foldWivesRoles(
  tallies: Map<string, Tally>,
  evidence: { wives: WifeNaming[]; calledBack: CalledBackNaming[] },
  mentioned: PersonAt[],
  trades: Trades,
  collection: boolean,
): void {
  const { wives, calledBack } = evidence;
  if (wives.length === 0 && calledBack.length === 0) return;
  const husbandNouns = wives.map((naming) => {
    // His name where his words start, or after a title written in lower case ("del tío Blas").
    const reach = naming.at + (naming.role === null ? 0 : naming.role.length + 1);
    const husband = mentioned.find(
      (mention) => mention.chapter === naming.chapter && mention.local >= naming.at && mention.local <= reach,
    );
    const tally = husband === undefined ? undefined : tallies.get(husband.person);
    return tally === undefined ? (naming.role === null ? [] : [naming.role]) : tradesOf(tally);
  });
  const antecedents = calledBack.map((naming) => antecedentOf(naming, mentioned, tallies));
  const bookTrades = tradesOfBook(tallies, trades);
  for (const [key, record] of [...tallies]) {
    if (genderOfTally(record) === 'male') continue;
    const isRole = key.startsWith('role|');
    const feminine = isRole ? trades.roleNounOf(key) : (trades.offices.get(key) ?? feminineTitleOf(record));
    if (feminine === null) continue;
    const inStory = (chapter: number) => !collection || record.speaksIn.has(chapter);
    const byHusband = wives.filter(
      (naming, index) =>
        inStory(naming.chapter) && husbandNouns[index].some((masculine) => isFeminineOf(feminine, masculine)),
    );
    const byDemonstrative = [...bookTrades].some((masculine) => isFeminineOf(feminine, masculine))
      ? calledBack.filter(
          (naming, index) => naming.gender === 'female' && antecedents[index] === key && inStory(naming.chapter),
        )
      : [];
    const women = unique([
      ...byHusband.map((naming) => naming.wife),
      ...byDemonstrative.map((naming) => naming.person),
    ]).filter((woman) => woman !== key && tallies.has(woman));
    if (women.length !== 1 || genderOfTally(tallies.get(women[0])!) === 'male') continue;
    const woman = tallies.get(women[0])!;
    if (isRole) absorbRole(woman, record);
    else absorbOffice(woman, record);
    if (woman.roleGender === 'unknown') woman.roleGender = 'female';
    tallies.delete(key);
  }
}

/** The folded last word of each of a man's forms: his roles and offices ("el Molinero" → "molinero") among them. */
function tradesOf(tally: Tally): string[] {
  return unique([...tally.forms.keys()].map((form) => foldWord(form.split(' ').at(-1) ?? '')));
}

/**
 * The trades and offices the book gives men: the offices it writes as names ("Corregidor") and the roles written
 * after a masculine article ("el Molinero", "o boticário"), never a bare name ("Eugenio" is no trade of "Eugenia").
 */
function tradesOfBook(tallies: Map<string, Tally>, trades: Trades): Set<string> {
  const found = new Set(trades.offices.values());
  for (const [key, tally] of tallies) {
    if (genderOfTally(tally) !== 'male') continue;
    if (key.startsWith('role|')) {
      const noun = trades.roleNounOf(key);
      if (noun !== null) found.add(noun);
    }
    for (const form of tally.forms.keys()) {
      const words = form.split(' ');
      if (words.length === 2 && MASCULINE_ARTICLE.test(words[0])) found.add(foldWord(words[1]));
    }
  }
  return found;
}

/** "Corregidora", "señora Corregidora"… a record every form of which ends in one capitalised word: that word, folded. */
function feminineTitleOf(record: Tally): string | null {
  const last = unique([...record.forms.keys()].map((form) => form.split(' ').at(-1) ?? ''));
  return last.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(last[0]) ? foldWord(last[0]) : null;
}

/** The nearest person of the demonstrative's gender mentioned before it in its chapter, within about a paragraph. */
function antecedentOf(
  naming: CalledBackNaming,
  mentioned: PersonAt[],
  tallies: Map<string, Tally>,
): string | undefined {
  const before = mentioned.filter(
    (mention) =>
      mention.chapter === naming.chapter &&
      mention.local < naming.at &&
      mention.local >= naming.at - CALLED_BACK_SPAN &&
      mention.person !== naming.person &&
      tallies.has(mention.person) &&
      genderOfTally(tallies.get(mention.person)!) === naming.gender,
  );
  return before.reduce<PersonAt | undefined>(
    (last, mention) => (!last || mention.local > last.local ? mention : last),
    undefined,
  )?.person;
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
