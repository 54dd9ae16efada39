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
  const introductions = new Map<ChapterScan, Introductions>();
  const introductionsIn = (scan: ChapterScan): Introductions => {
    const known = introductions.get(scan);
    if (known !== undefined) return known;
    const read = readIntroductions(scan, people);
    introductions.set(scan, read);
    return read;
  };
  for (const [key, role] of [...tallies]) {
    if (!key.startsWith('role|')) continue;
    const named = unique([
      ...role.tagsAt.flatMap(({ chapter, local }) => namesInTurn(scans[chapter], local, introductionsIn)),
      ...role.roleAt.flatMap((at) => namesUnderPronoun(scans, at, introductionsIn)),
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

/**
 * The records the speakers of one chapter introduce themselves as, read once per chapter: a role asks for those of
 * a paragraph's lines at each of its tags and places, and reading the lines and their mentions again at each question
 * made one huge paragraph of dialogue take time growing with the cube of its length (50 kB of Spanish dash dialogue
 * where a role speaks and someone says "soy" every 100 characters took 4 s, 100 kB over 40 s).
 */
interface Introductions {
  /** The line of dialogue (its index in `scan.dialogue`) each self-introduction is said in, ascending. */
  lines: number[];
  /** The record each self-introduction names. */
  records: string[];
  /** For each self-introduction, the index of the next one that names another record (the count when none does). */
  nextOther: number[];
  /** Where the chapter's tags naming someone are written, ascending (offsets into the chapter). */
  tagsAt: number[];
  /** Where the chapter's tags of roles are written, ascending. */
  roleTagsAt: number[];
}

function readIntroductions(scan: ChapterScan, people: PersonIndex): Introductions {
  const { dialogue } = scan;
  const said: { line: number; record: string }[] = [];
  for (const mention of scan.mentions) {
    const line = countBefore(dialogue.length, (index) => dialogue[index][1] <= mention.local);
    if (line === dialogue.length || dialogue[line][0] > mention.local) continue;
    if (!introducedName(mention, scan.language)) continue;
    const record = people.resolve(mention.form, mention.at, mention.chapter);
    if (record !== undefined) said.push({ line, record });
  }
  said.sort((one, other) => one.line - other.line);
  const records = said.map(({ record }) => record);
  const nextOther = new Array<number>(records.length);
  for (let index = records.length - 1; index >= 0; index--) {
    const next = index + 1;
    nextOther[index] = next === records.length || records[next] !== records[index] ? next : nextOther[next];
  }
  return {
    lines: said.map(({ line }) => line),
    records,
    nextOther,
    tagsAt: scan.attributions.map((found) => found.at - scan.base).sort((one, other) => one - other),
    roleTagsAt: scan.roles.map((found) => found.offset).sort((one, other) => one - other),
  };
}

/**
 * The records introduced in the lines [first, last) of dialogue: all of them when they are one record, else two of
 * them (a role that names two people is left alone however many more it names).
 */
function introducedIn(introductions: Introductions, first: number, last: number): string[] {
  const { lines, records, nextOther } = introductions;
  const one = countBefore(lines.length, (index) => lines[index] < first);
  if (one === lines.length || lines[one] >= last) return [];
  const other = nextOther[one];
  return other < lines.length && lines[other] < last ? [records[one], records[other]] : [records[one]];
}

/** How many of the first `count` indices pass `before`, which holds of a prefix of them (found by halves). */
function countBefore(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (before(middle)) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The lines of dialogue of a chapter that overlap [from, to), as the indices [first, last). */
function linesOverlapping(scan: ChapterScan, from: number, to: number): [number, number] {
  const { dialogue } = scan;
  const first = countBefore(dialogue.length, (index) => dialogue[index][1] <= from);
  return [first, countBefore(dialogue.length, (index) => dialogue[index][0] < to)];
}

/** The records a speaker names himself as in the lines of dialogue of the paragraph holding his tag at `local`. */
function namesInTurn(
  scan: ChapterScan | undefined,
  local: number,
  introductionsIn: (scan: ChapterScan) => Introductions,
): string[] {
  if (scan === undefined) return [];
  const [from, to] = paragraphAround(scan.chapter.text, local);
  const [first, last] = linesOverlapping(scan, from, to);
  return introducedIn(introductionsIn(scan), first, last);
}

/**
 * The records a role names itself as when the narration makes it the subject of a sentence and its next lines carry
 * no tag naming anyone ("The pedlar set down his pack. 'My name is Amos Reed,' he said.", "O viajante sentou-se.⏎⏎—
 * Chamo-me Paulo Lima, disse ele."): the lines after the role in its own paragraph, or, when that paragraph is all
 * narration, the lines of the next one. `at` is where the book writes the role's phrase.
 */
function namesUnderPronoun(
  scans: ChapterScan[],
  at: number,
  introductionsIn: (scan: ChapterScan) => Introductions,
): string[] {
  const scan = scans.findLast((candidate) => candidate.base <= at);
  if (scan === undefined) return [];
  const { dialogue } = scan;
  const text = scan.chapter.text;
  const local = at - scan.base;
  if (!opensSentence(text, local)) return [];
  const [inLine] = linesOverlapping(scan, local, local + 1);
  if (inLine < dialogue.length && dialogue[inLine][0] <= local) return [];
  const [from, to] = paragraphAround(text, local);
  // The lines starting after the role in its paragraph, else those of the next paragraph.
  let first = countBefore(dialogue.length, (index) => dialogue[index][0] <= local);
  let last = countBefore(dialogue.length, (index) => dialogue[index][0] < to);
  if (first >= last) [first, last] = linesOfNextParagraph(scan, to);
  if (first >= last) return [];
  const end = dialogue[last - 1][1];
  const introductions = introductionsIn(scan);
  const { tagsAt, roleTagsAt } = introductions;
  const tagNamed = countBefore(tagsAt.length, (index) => tagsAt[index] < from);
  const roleTagged = countBefore(roleTagsAt.length, (index) => roleTagsAt[index] <= local);
  const tagged =
    (tagNamed < tagsAt.length && tagsAt[tagNamed] < end) ||
    (roleTagged < roleTagsAt.length && roleTagsAt[roleTagged] < end);
  return tagged ? [] : introducedIn(introductions, first, last);
}

/** Whether a phrase at `local` starts a sentence: a line's first words, or after a full stop (and its quote). */
function opensSentence(text: string, local: number): boolean {
  const before = text.slice(Math.max(0, local - 6), local);
  return local === 0 || /\n[ \t]*$|[.!?][”"’']?[ \t]+$/u.test(before);
}

/** The lines of dialogue of the paragraph after the one ending at `end`, as the indices [first, last). */
function linesOfNextParagraph(scan: ChapterScan, end: number): [number, number] {
  const text = scan.chapter.text;
  const next = text.slice(end).search(/\S/u);
  if (next < 0) return [0, 0];
  const [from, to] = paragraphAround(text, end + next);
  return linesOverlapping(scan, from, to);
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
