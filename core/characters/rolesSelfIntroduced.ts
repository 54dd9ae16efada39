/**
 * A speaker known by a role who gives his name in his own tagged line ("'My name is John Hale,' said the stranger",
 * "—Me llamo Pedro Ruiz —dijo el caminante", "-- Chamo-me Paulo Lima, disse o barqueiro"), or in a line tagged by a
 * pronoun right after the narration makes the role a sentence's subject ("The stranger smiled. 'My name is John
 * Hale,' he said."): the role is that named person (docs/characters.md, *Roles that introduce themselves*).
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
    const named = unique([
      ...role.tagsAt.flatMap(({ chapter, local }) => namesInTurn(scans[chapter], local, people)),
      ...role.roleAt.flatMap((at) => namesUnderPronoun(scans, at, people)),
    ]);
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

/**
 * The records a role names itself as when the narration makes it the subject of a sentence and its next lines carry
 * no tag naming anyone ("The pedlar set down his pack. 'My name is Amos Reed,' he said.", "O viajante sentou-se.⏎⏎—
 * Chamo-me Paulo Lima, disse ele."): the lines after the role in its own paragraph, or, when that paragraph is all
 * narration, the lines of the next one. `at` is where the book writes the role's phrase.
 */
function namesUnderPronoun(scans: ChapterScan[], at: number, people: PersonIndex): string[] {
  const scan = scans.findLast((candidate) => candidate.base <= at);
  if (scan === undefined) return [];
  const text = scan.chapter.text;
  const local = at - scan.base;
  if (!opensSentence(text, local) || scan.dialogue.some(([start, end]) => local >= start && local < end)) return [];
  const [from, to] = paragraphAround(text, local);
  const after = scan.dialogue.filter(([start]) => start > local && start < to);
  const lines = after.length > 0 ? after : linesOfNextParagraph(scan, to);
  if (lines.length === 0) return [];
  const [, end] = lines.at(-1)!;
  const tagged =
    scan.attributions.some((found) => found.at - scan.base >= from && found.at - scan.base < end) ||
    scan.roles.some((found) => found.offset > local && found.offset < end);
  if (tagged) return [];
  return scan.mentions
    .filter((mention) => lines.some(([start, stop]) => mention.local >= start && mention.local < stop))
    .filter((mention) => introducedName(mention, scan.language))
    .flatMap((mention) => people.resolve(mention.form, mention.at, mention.chapter) ?? []);
}

/** Whether a phrase at `local` starts a sentence: a line's first words, or after a full stop (and its quote). */
function opensSentence(text: string, local: number): boolean {
  const before = text.slice(Math.max(0, local - 6), local);
  return local === 0 || /\n[ \t]*$|[.!?][”"’']?[ \t]+$/u.test(before);
}

/** The lines of dialogue of the paragraph after the one ending at `end`. */
function linesOfNextParagraph(scan: ChapterScan, end: number): [number, number][] {
  const text = scan.chapter.text;
  const next = text.slice(end).search(/\S/u);
  if (next < 0) return [];
  const [from, to] = paragraphAround(text, end + next);
  return scan.dialogue.filter(([start, stop]) => stop > from && start < to);
}

/** Whether a name is the one its speaker gives as his own: right after "my name is", "me llamo", "chamo-me"… */
function introducedName(mention: Placed, language: HeuristicLanguage): boolean {
  const written = mention.chapterText.slice(mention.local, mention.local + mention.length);
  // A capitalised word that is no name can open the written run ("Chamo-me Paulo Lima" at a line's start): the
  // introduction then stands inside it, before the name's first word.
  const nameAt = mention.local + Math.max(0, written.indexOf(mention.form.tokens[0]));
  const before = mention.chapterText.slice(Math.max(0, nameAt - INTRODUCTION_REACH), nameAt);
  const after = mention.chapterText.slice(mention.local + mention.length);
  return SELF_INTRODUCTION[language].test(before) && !POSSESSIVE.test(written) && NAME_ENDS.test(after);
}
