/**
 * Letters' writers are the book's speakers (docs/characters.md, *Letters*): the person a letter's signature names
 * (letterSignatures.ts) voices the letter, so the letter's paragraphs and its first-person tags ("le contesté") are
 * that person's lines, and the closing's words give the writer's gender ("Tu madre", "Sempre tua", "your loving
 * sister"). A closing without a name ("Tu madre.") is the person the letter's lines said to its "I" call by name
 * ("me dijo: —Remedios, …"), when at least two such lines call one person; otherwise a record of its own, named as
 * the closing names the writer. The person a salutation greets is addressed by it. When the letters of two writers or
 * more fill a book, their "I" is theirs, not the narrator's: the narration is read without them.
 */
import type { ChapterInput } from './character';
import type { PersonIndex } from './clusters';
import type { Placed } from './namedPeople';
import { firstPersonTagPattern } from './narration';
import { blocksOf, signedLetters, type LetterSigning } from './letterSignatures';
import { roleTallyKey } from './roleFolds';
import { SPEECH_VERBS, verbAlternatives } from './speechVerbs';
import { absorbTally, newTally, type Tally } from './tally';
import type { HeuristicLanguage } from './vocabulary';

/** Lines said to a letter's "I" that call one person by name, before that person is taken for the writer. */
const MIN_CALLED_WRITER = 2;
/** Letters of this many writers make the book's "I" theirs rather than one narrator's. */
const MIN_WRITERS = 2;

const toldMePatterns = new Map<HeuristicLanguage, RegExp>();

/** "me dijo", "disse-me", "me perguntou", "said to me", "asked me": a line said to the narration's "I". */
function toldMePattern(language: HeuristicLanguage): RegExp {
  const cached = toldMePatterns.get(language);
  if (cached) return cached;
  const verbs = verbAlternatives(SPEECH_VERBS[language].thirdPerson);
  const forms = {
    en: `(?:${verbs})[ \\t]+(?:to[ \\t]+)?me|told[ \\t]+me`,
    es: `me[ \\t]+(?:${verbs})`,
    pt: `(?:${verbs})-me|me[ \\t]+(?:${verbs})`,
  }[language];
  const pattern = new RegExp(`(?<!\\p{L})(?:${forms})(?!\\p{L})`, 'iu');
  toldMePatterns.set(language, pattern);
  return pattern;
}

/**
 * Counts each signed letter for its writer and each salutation for the person it greets; returns the chapters to
 * read the narrator from (the letters blanked out when two writers or more wrote them).
 */
export function castLetterWriters(
  chapters: ChapterInput[],
  placed: Placed[],
  people: PersonIndex,
  tallies: Map<string, Tally>,
  language: HeuristicLanguage,
): ChapterInput[] {
  const letters = chapters.map((chapter, index) => signedLetters(chapter.text, index, language));
  if (letters.every((found) => found.length === 0)) return chapters;
  const byChapter = chapters.map((): Placed[] => []);
  for (const mention of placed) byChapter[mention.chapter].push(mention);
  for (const mentions of byChapter) mentions.sort((a, b) => a.local - b.local);
  const within = (letter: LetterSigning, from: number, to: number) =>
    mentionsWithin(byChapter[letter.chapter], from, to);
  const resolved = (mention: Placed | undefined): string | undefined => {
    const person = mention && people.resolve(mention.form, mention.at, mention.chapter);
    return person !== undefined && tallies.has(person) ? person : undefined;
  };

  // Named and called writers first: a closing without either ("Tu madre.") is the writer another letter with the
  // same closing and the same salutation was found to be.
  const writerOf = new Map<LetterSigning, string>();
  const byClosing = new Map<string, string>();
  const closingOf = (letter: LetterSigning) =>
    letter.kin === null ? null : `${letter.kin.toLowerCase()}|${letter.salutation.text.toLowerCase()}`;
  for (const letter of letters.flat()) {
    const key =
      (letter.name && resolved(within(letter, letter.name.from, letter.name.to)[0])) ??
      calledWriter(
        letter,
        chapters[letter.chapter].text,
        within(letter, letter.from, letter.to),
        people,
        tallies,
        language,
      );
    if (key === undefined) continue;
    writerOf.set(letter, key);
    const closing = closingOf(letter);
    if (closing !== null && !byClosing.has(closing)) byClosing.set(closing, key);
  }
  const writers = new Set<string>();
  for (const letter of letters.flat()) {
    const closing = closingOf(letter);
    let key = writerOf.get(letter) ?? (closing === null ? undefined : byClosing.get(closing));
    if (key !== undefined && !tallies.has(key)) key = undefined;
    if (key === undefined && letter.kin !== null) key = kinRecord(letter, chapters, tallies);
    if (key === undefined) continue;
    writers.add(key);
    const writer = tallies.get(key)!;
    const chapterText = chapters[letter.chapter].text;
    if (letter.kin !== null && !writer.forms.has(letter.kin)) writer.forms.set(letter.kin, 0);
    if (writer.roleGender === 'unknown') writer.roleGender = letter.gender;
    writer.lines += letterLines(letter, chapterText, language);
    writer.chapters.add(chapters[letter.chapter].id);

    const greeting = within(letter, letter.salutation.from, letter.salutation.to)[0];
    const greeted = resolved(greeting);
    if (greeted !== undefined && greeted !== key && !greeting!.vocative) tallies.get(greeted)!.vocatives++;
  }
  if (writers.size < MIN_WRITERS) return chapters;
  return chapters.map((chapter, index) => ({ ...chapter, text: blankLetters(chapter.text, letters[index]) }));
}

/** The chapter's text with its letters blanked out (line breaks and offsets kept). */
function blankLetters(text: string, letters: LetterSigning[]): string {
  if (letters.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const letter of letters) {
    parts.push(text.slice(at, letter.from), text.slice(letter.from, letter.to).replace(/[^\n]/gu, ' '));
    at = letter.to;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** The mentions (sorted by offset) written within [from, to) of their chapter, by binary search. */
function mentionsWithin(mentions: Placed[], from: number, to: number): Placed[] {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].local < from) low = mid + 1;
    else high = mid;
  }
  let end = low;
  while (end < mentions.length && mentions[end].local < to) end++;
  return mentions.slice(low, end);
}

/** The letter's blocks after its salutation (signature and postscripts too), and its first-person tags. */
function letterLines(letter: LetterSigning, chapterText: string, language: HeuristicLanguage): number {
  const text = chapterText.slice(letter.salutation.to, letter.to);
  return blocksOf(text).length + [...text.matchAll(firstPersonTagPattern(language))].length;
}

/**
 * The person the letter's lines said to its "I" call by name ("me dijo: —Remedios, …", "—Señora Remedios, … —me
 * dijo Paco—"): the tag stands in the line's paragraph or the one before it. Undefined unless at least
 * MIN_CALLED_WRITER lines call the writer and every one of them by one name (with or without a title); the records
 * those names went to are all the writer's, joined into the most called one.
 */
function calledWriter(
  letter: LetterSigning,
  chapterText: string,
  mentions: Placed[],
  people: PersonIndex,
  tallies: Map<string, Tally>,
  language: HeuristicLanguage,
): string | undefined {
  const blocks = blocksOf(chapterText.slice(letter.from, letter.to));
  const called = new Map<string, number>();
  const names = new Set<string>();
  // Each block is read for a tag once, however many names it calls.
  const toldMe = new Map<number, boolean>();
  const saidToMe = (at: number): boolean => {
    if (at < 0) return false;
    if (!toldMe.has(at)) toldMe.set(at, toldMePattern(language).test(blocks[at].text));
    return toldMe.get(at)!;
  };
  let index = 0;
  for (const mention of mentions) {
    const local = mention.local - letter.from;
    while (index < blocks.length - 1 && blocks[index].to <= local) index++;
    if (!mention.vocative) continue;
    const said = [index - 1, index].some((at) => saidToMe(at));
    const person = said ? people.resolve(mention.form, mention.at, mention.chapter) : undefined;
    if (person === undefined || !tallies.has(person)) continue;
    called.set(person, (called.get(person) ?? 0) + 1);
    names.add(mention.form.tokens.join(' '));
  }
  const votes = [...called.values()].reduce((sum, count) => sum + count, 0);
  if (names.size !== 1 || votes < MIN_CALLED_WRITER) return undefined;
  const [[writer], ...others] = [...called].sort((a, b) => b[1] - a[1]);
  for (const [other] of others) {
    absorbTally(tallies.get(writer)!, tallies.get(other)!);
    tallies.delete(other);
  }
  return writer;
}

/** A writer known only as the closing names them ("Tu madre"): one record per such closing. */
function kinRecord(letter: LetterSigning, chapters: ChapterInput[], tallies: Map<string, Tally>): string {
  const kin = letter.kin!;
  const key = roleTallyKey(kin.toLowerCase(), null);
  if (!tallies.has(key)) {
    const tally = newTally();
    tally.forms.set(kin, 1);
    tally.mentions = 1;
    const chapter = chapters[letter.chapter];
    tally.first = { chapterId: chapter.id, offset: letter.to, at: Number.MAX_SAFE_INTEGER };
    tallies.set(key, tally);
  }
  return key;
}
