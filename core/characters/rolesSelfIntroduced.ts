/**
 * A speaker known by a role who gives his name in his own tagged line ("'My name is John Hale,' said the stranger",
 * "—Me llamo Pedro Ruiz —dijo el caminante", "-- Chamo-me Paulo Lima, disse o barqueiro"): the role is that named
 * person (docs/characters.md, *Roles that introduce themselves*).
 */
import type { PersonIndex } from './clusters';
import { honorificOf } from './honorifics';
import type { ChapterScan, Placed } from './namedPeople';
import { paragraphAround } from './rolesSelfNamed';
import { absorbRole, genderOfTally, unique, type Tally } from './tally';
import type { HeuristicLanguage } from './vocabulary';

/**
 * The words a speaker gives his own name with, ending right before the name. "I am" and "soy"/"sou" also open
 * descriptions ("I am Mr. Holder's clerk"), which `introducedName` rules out by what follows the name.
 */
const SELF_INTRODUCTION: Record<HeuristicLanguage, RegExp> = {
  en: /(?<!\p{L})(?:[Mm]y name is|[Mm]y name['’]s|I am|I['’]m)[ \t\n]+$/u,
  es: /(?<!\p{L})(?:[Mm]e llamo|[Ll]lámome|[Mm]i nombre es|[Ss]oy)[ \t\n]+$/u,
  pt: /(?<!\p{L})(?:[Cc]hamo-me|[Mm]e chamo|[Mm]eu nome é|[Ss]ou)[ \t\n]+$/u,
};
/** How far before a name its introduction may start: the longest phrase above and the spaces after it. */
const INTRODUCTION_REACH = 20;
/** A possessive ("Mr. Hale's clerk"), read with the name or after it, describes the speaker and names nobody. */
const POSSESSIVE = /[’']s$/u;
const NAME_ENDS = /^(?![’']s(?!\p{L})|-\p{L})/u;

/**
 * Folds each speaking role into the person it names itself as, when every self-introduction in the role's tagged
 * paragraphs names the same person (a paragraph holds one speaker's turn) and their genders agree. The name must be
 * one the book reads as a person's (a mention that resolves to a named record): "I am Sure" names nobody. A role
 * that names two people in its lines (the phrase covers several people, "the stranger" of two scenes) is left alone,
 * and so is a role that is a title someone else holds: the role's phrase becomes the person's alias for the whole
 * book, and "el licenciado" who gives his name in one scene is not the "licenciado Pedro Ruiz" of the others.
 */
export function foldSelfIntroducedRoles(scans: ChapterScan[], tallies: Map<string, Tally>, people: PersonIndex): void {
  for (const [key, role] of [...tallies]) {
    if (!key.startsWith('role|')) continue;
    const named = unique(role.tagsAt.flatMap(({ chapter, local }) => namesInTurn(scans[chapter], local, people)));
    const person = named.length === 1 ? tallies.get(named[0]) : undefined;
    if (person === undefined || named[0].startsWith('role|')) continue;
    if (titleOfOthers(role, named[0], tallies)) continue;
    const [personGender, roleGender] = [genderOfTally(person), genderOfTally(role)];
    if (personGender !== 'unknown' && roleGender !== 'unknown' && personGender !== roleGender) continue;
    absorbRole(person, role);
    if (person.roleGender === 'unknown') person.roleGender = role.roleGender;
    tallies.delete(key);
  }
}

/** Whether the role's noun is a title that a named record other than `person` holds ("el licenciado"). */
function titleOfOthers(role: Tally, person: string, tallies: Map<string, Tally>): boolean {
  const noun = [...role.forms.keys()][0]?.split(' ').at(-1);
  const title = noun === undefined ? undefined : honorificOf(noun);
  if (title === undefined) return false;
  return [...tallies.entries()].some(
    ([key, tally]) =>
      key !== person &&
      !key.startsWith('role|') &&
      [...tally.forms.keys()].some((form) => honorificOf(form.split(' ')[0])?.cls === title.cls),
  );
}

/** The records a speaker names himself as in the lines of dialogue of the paragraph holding his tag at `local`. */
function namesInTurn(scan: ChapterScan | undefined, local: number, people: PersonIndex): string[] {
  if (scan === undefined) return [];
  const text = scan.chapter.text;
  const [from, to] = paragraphAround(text, local);
  const lines = scan.dialogue.filter(([start, end]) => end > from && start < to);
  return scan.mentions
    .filter((mention) => lines.some(([start, end]) => mention.local >= start && mention.local < end))
    .filter((mention) => introducedName(mention, scan.language))
    .flatMap((mention) => people.resolve(mention.form, mention.at, mention.chapter) ?? []);
}

/** Whether a name is the one its speaker gives as his own: right after "my name is", "me llamo", "chamo-me"… */
function introducedName(mention: Placed, language: HeuristicLanguage): boolean {
  const before = mention.chapterText.slice(Math.max(0, mention.local - INTRODUCTION_REACH), mention.local);
  const written = mention.chapterText.slice(mention.local, mention.local + mention.length);
  const after = mention.chapterText.slice(mention.local + mention.length);
  return SELF_INTRODUCTION[language].test(before) && !POSSESSIVE.test(written) && NAME_ENDS.test(after);
}
