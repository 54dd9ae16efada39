/**
 * A speech tag spoken to a role ("said Mr Hynes satirically to the old man", "—dijo Rosa al viejo", "disse a Rosa
 * ao velho") while the line it reports calls the listener by one name ("What do you think, Jack?"): the role is that
 * named person, as a name in the tag's "to …" is (addressedInTags.ts). docs/characters.md, *Roles spoken to by name*.
 */
import { ReportedLines } from './addressedInTags';
import type { PersonIndex } from './clusters';
import type { ChapterScan } from './namedPeople';
import { rolePhraseOf, roleTallyKey } from './roleFolds';
import { absorbRole, genderOfTally, unique, type Tally } from './tally';
import type { HeuristicLanguage } from './vocabulary';

/** "to the", "al", "a la", "ao", "à" after the tag (an adverb of manner allowed before it), then the role's words. */
const TO_ROLE: Record<HeuristicLanguage, RegExp> = {
  en: /^(?:[ \t]+\p{Ll}+ly)?[ \t]+to[ \t]+(the[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+){0,2})/u,
  es: /^(?:[ \t]+\p{Ll}+mente)?[ \t]+(al[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+){0,2}|a[ \t]+la[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+){0,2})/u,
  pt: /^(?:[ \t]+\p{Ll}+mente)?[ \t]+((?:ao|à)[ \t]+\p{Ll}+(?:[ \t]+\p{Ll}+){0,2})/u,
};
/** The role phrase as its record is keyed: "al viejo" is "el viejo", "ao velho" "o velho", "à velha" "a velha". */
const CONTRACTIONS: [RegExp, string][] = [
  [/^al /u, 'el '],
  [/^a la /u, 'la '],
  [/^ao /u, 'o '],
  [/^à /u, 'a '],
];

/**
 * Folds each speaking role into the person every tag spoken to it calls by name, when there is one such person, the
 * genders agree and the person is named in a chapter where the role speaks. A role of the narrator's own people
 * ("my aunt") is left to the narrator's rules.
 */
export function foldAddressedRoles(scans: ChapterScan[], tallies: Map<string, Tally>, people: PersonIndex): void {
  const called = new Map<string, string[]>();
  for (const [chapter, scan] of scans.entries())
    for (const { phrase, person } of rolesCalledByName(scan, people)) {
      const key = roleKeyIn(tallies, phrase, chapter);
      if (key === undefined) continue;
      if (!called.has(key)) called.set(key, []);
      called.get(key)!.push(person);
    }
  foldRolesIntoTheOnePersonCalled(called, scans, tallies);
}

/**
 * Gathers, per role record (the chapter's record of the phrase, else the book's), every person `callsIn` finds a line
 * calling the role by, and folds each role into the one person so called.
 */
export function foldRolesByTheirCalls(
  scans: ChapterScan[],
  tallies: Map<string, Tally>,
  callsIn: (scan: ChapterScan) => { phrase: string; person: string }[],
): void {
  const called = new Map<string, string[]>();
  for (const [chapter, scan] of scans.entries())
    for (const { phrase, person } of callsIn(scan))
      for (const key of [roleTallyKey(phrase, chapter), roleTallyKey(phrase, null)]) {
        if (!tallies.has(key)) continue;
        if (!called.has(key)) called.set(key, []);
        called.get(key)!.push(person);
        break;
      }
  foldRolesIntoTheOnePersonCalled(called, scans, tallies);
}

/**
 * Folds each role record into the person the lines answering or addressing it name, when they name one person (a
 * person's record, not another role's), the genders agree and that person is named in a chapter where the role
 * speaks. `called` holds, per role record, every person such a line named.
 */
function foldRolesIntoTheOnePersonCalled(
  called: ReadonlyMap<string, readonly string[]>,
  scans: readonly ChapterScan[],
  tallies: Map<string, Tally>,
): void {
  for (const [key, persons] of called) {
    const named = unique([...persons]);
    const role = tallies.get(key);
    const person = named.length === 1 ? tallies.get(named[0]) : undefined;
    if (role === undefined || person === undefined || named[0].startsWith('role|')) continue;
    const [personGender, roleGender] = [genderOfTally(person), genderOfTally(role)];
    if (personGender !== 'unknown' && roleGender !== 'unknown' && personGender !== roleGender) continue;
    const speaksWhereNamed = [...role.speaksIn].some((chapter) => person.chapters.has(scans[chapter].chapter.id));
    if (!speaksWhereNamed) continue;
    absorbRole(person, role);
    if (person.roleGender === 'unknown') person.roleGender = role.roleGender;
    tallies.delete(key);
  }
}

/** The role record a phrase spoken to in a chapter is counted in: the story's own in a collection, else the book's. */
function roleKeyIn(tallies: Map<string, Tally>, phrase: string, chapter: number): string | undefined {
  for (let words = phrase.split(' '); words.length >= 2; words = words.slice(0, -1)) {
    const candidate = words.join(' ');
    for (const key of [`role|${candidate}@${chapter}`, `role|${candidate}`])
      if (tallies.has(key) && rolePhraseOf(key) === candidate) return key;
  }
  return undefined;
}

/** Each named tag of the chapter spoken to a role whose reported line addresses exactly one name. */
function rolesCalledByName(scan: ChapterScan, people: PersonIndex): { phrase: string; person: string }[] {
  const text = scan.chapter.text;
  const found: { phrase: string; person: string }[] = [];
  // Two persons kept apart: the line must call exactly one.
  const lines = new ReportedLines(
    text,
    scan.mentions.flatMap((mention, order) => {
      const person = mention.vocative ? people.resolve(mention.form, mention.at, mention.chapter) : undefined;
      return person === undefined ? [] : [{ place: mention.local, order, key: person, item: person }];
    }),
    2,
  );
  for (const tag of scan.attributions) {
    let from = tag.end;
    const verbAfter = new RegExp(`^[ \\t]*(?:\\r?\\n[ \\t]*)?${escape(tag.verb)}(?!\\p{L})`, 'u').exec(
      text.slice(from),
    );
    if (verbAfter) from += verbAfter[0].length;
    const role = TO_ROLE[scan.language].exec(text.slice(from, from + 60));
    if (role === null) continue;
    const phrase = CONTRACTIONS.reduce(
      (written, [contraction, article]) => written.replace(contraction, article),
      role[1].replace(/[ \t]+/gu, ' ').toLowerCase(),
    );
    const speakerAt = tag.at - scan.base;
    const { firsts, more } = lines.namesIn(speakerAt, from + role[0].length);
    const persons = [...firsts.keys()];
    const speaker = people.resolve(tag.form, tag.at, tag.chapter);
    if (!more && persons.length === 1 && persons[0] !== speaker) found.push({ phrase, person: persons[0] });
  }
  return found;
}

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
