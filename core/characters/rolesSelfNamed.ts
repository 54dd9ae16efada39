/**
 * A named speaker who says who he is by his office or role ("'I am the King,' said Wilhelm", "—¡Yo soy el
 * Corregidor! —gritó D. Eugenio", "-- Sou o capitão, disse o Veiga"): the role, or the office the book writes as a
 * name ("el Corregidor", "señor Corregidor"), is that person (docs/characters.md, *Roles the speakers name*).
 */
import type { PersonIndex } from './clusters';
import { honorificOf } from './honorifics';
import { paragraphBetween } from './paragraphs';
import type { WordCase } from './mentions';
import type { ChapterScan } from './namedPeople';
import { roleTallyKey } from './roleFolds';
import { absorbOffice, absorbRole, genderOfTally, type Tally } from './tally';
import { foldWord, type HeuristicLanguage } from './vocabulary';

/** "I am the <role>" inside a line of dialogue: the article and up to three words after it. */
const SELF_NAMING: Record<HeuristicLanguage, RegExp> = {
  en: /(?<!\p{L})I(?: am|['’]m)\s+(the)\s+(\p{L}+(?:[ \t]+\p{L}+){0,2})/gu,
  es: /(?<!\p{L})[Ss]oy\s+(el|la)\s+(\p{L}+(?:[ \t]+\p{L}+){0,2})/gu,
  pt: /(?<!\p{L})[Ss]ou\s+(o|a)\s+(\p{L}+(?:[ \t]+\p{L}+){0,2})/gu,
};
const PARAGRAPH_BREAK = /\n[ \t]*\n/gu;

/**
 * Folds each role or office record that a named speaker calls himself into that speaker's record, when every such
 * self-naming in the book is said by the same person and their genders agree. The speaker is the subject of a speech
 * tag in the same paragraph as the line (a paragraph holds one speaker's turn). An office written as a name folds
 * only when the book also writes its word in lower case ("llevaba cuatro años de corregidor"): a common noun, not
 * somebody's name. In a story collection a role folds only in the story where the speaker names himself.
 */
export function foldSelfNamedRoles(
  scans: ChapterScan[],
  tallies: Map<string, Tally>,
  people: PersonIndex,
  wordCase: WordCase,
): void {
  const claims = new Map<string, Set<string>>();
  for (const [chapter, scan] of scans.entries()) {
    const text = scan.chapter.text;
    // Every tag of a paragraph claims every self-naming line of it: the lines are read once per paragraph, not once
    // per tag, so one long paragraph holding many tags is read in linear time.
    const paragraphs = new Map<number, { to: number; speakers: Set<string> }>();
    for (const tag of scan.attributions) {
      const speaker = people.resolve(tag.form, tag.at, tag.chapter);
      if (speaker === undefined || !tallies.has(speaker)) continue;
      const [from, to] = paragraphAround(text, tag.at - scan.base);
      const paragraph = paragraphs.get(from) ?? { to, speakers: new Set<string>() };
      paragraph.speakers.add(speaker);
      paragraphs.set(from, paragraph);
    }
    for (const [from, { to, speakers }] of paragraphs) {
      // The lines are sorted and apart, so those in the paragraph follow the first that ends after its start.
      for (let line = firstEndingAfter(scan.dialogue, from); line < scan.dialogue.length; line++) {
        const [start, end] = scan.dialogue[line];
        if (start >= to) break;
        for (const match of text.slice(start, end).matchAll(SELF_NAMING[scan.language])) {
          const record = recordNamed(match[1], match[2], chapter, tallies, wordCase);
          if (record === undefined) continue;
          const claimed = claims.get(record) ?? new Set<string>();
          // Two claimants already leave the role alone; more change nothing.
          for (const speaker of speakers) if (speaker !== record && claimed.size < 2) claimed.add(speaker);
          claims.set(record, claimed);
        }
      }
    }
  }
  for (const [key, speakers] of claims) {
    const persons = [...speakers];
    const [record, person] = [tallies.get(key), tallies.get(persons[0])];
    if (persons.length !== 1 || record === undefined || person === undefined) continue;
    const [personGender, recordGender] = [genderOfTally(person), genderOfTally(record)];
    if (personGender !== 'unknown' && recordGender !== 'unknown' && personGender !== recordGender) continue;
    if (key.startsWith('role|')) {
      absorbRole(person, record);
      if (person.roleGender === 'unknown') person.roleGender = record.roleGender;
    } else absorbOffice(person, record);
    tallies.delete(key);
  }
}

/** The record a self-naming phrase names: a speaking role ("el cura", "the old man") or an office written as a name. */
function recordNamed(
  article: string,
  words: string,
  chapter: number,
  tallies: Map<string, Tally>,
  wordCase: WordCase,
): string | undefined {
  const tokens = words.split(/[ \t]+/u);
  for (let length = tokens.length; length >= 1; length--) {
    const phrase = foldWord(`${article} ${tokens.slice(0, length).join(' ')}`);
    for (const key of [roleTallyKey(phrase, chapter), roleTallyKey(phrase, null)]) if (tallies.has(key)) return key;
  }
  const office = tokens[0];
  if (!/^\p{Lu}\p{Ll}+$/u.test(office) || !wordCase.writtenInLowerCase(office)) return undefined;
  const holders = [...tallies.entries()].filter(
    ([key, tally]) => !key.startsWith('role|') && [...tally.forms.keys()].some((form) => namesOffice(form, office)),
  );
  return holders.length === 1 ? holders[0][0] : undefined;
}

/**
 * The office a named record stands for ("corregidor" for a record written "el Corregidor", "señor Corregidor"),
 * folded: every form is that word, alone or after a title, or a role phrase folded in ("el viejo"), and the book also
 * writes the word in lower case. Undefined for a person's name.
 */
export function officeOf(tally: Tally, wordCase: WordCase): string | undefined {
  const named = [...tally.forms.keys()].filter((form) => !/^\p{Ll}+ \p{Ll}/u.test(form));
  const office = named[0]?.split(' ').at(-1);
  if (office === undefined || !/^\p{Lu}\p{Ll}+$/u.test(office)) return undefined;
  if (!named.every((form) => namesOffice(form, office))) return undefined;
  return wordCase.writtenInLowerCase(office) ? foldWord(office) : undefined;
}

/** "Corregidor", "señor Corregidor": the office alone or after a title. */
function namesOffice(form: string, office: string): boolean {
  const words = form.split(' ');
  return words.at(-1) === office && (words.length === 1 || (words.length === 2 && honorificOf(words[0]) !== undefined));
}

/** The index of the first of the sorted, non-overlapping `lines` that ends after `offset`. */
function firstEndingAfter(lines: readonly [number, number][], offset: number): number {
  let low = 0;
  let high = lines.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lines[middle][1] <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The paragraph (text between blank lines) holding `offset`. */
export function paragraphAround(text: string, offset: number): [number, number] {
  return paragraphBetween(text, offset, offset, PARAGRAPH_BREAK);
}
