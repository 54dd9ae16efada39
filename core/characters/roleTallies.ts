/**
 * Speakers known only by their role ("said the old man", "—dijo el cura"), counted as records beside the named
 * people: each role that speaks gets its lines and every mention of its phrase, per story in a story
 * collection (stories.ts) so that roleFolds.ts can fold a role into a person of its own story only; what no fold took
 * becomes one record per phrase again, cast when it speaks often enough.
 */
import { addVote, pronounAfter } from './genderEvidence';
import type { WordCase } from './mentions';
import type { HeuristicLanguage } from './vocabulary';
import type { ChapterScan, Placed } from './namedPeople';
import { rolePhraseOf, roleTallyKey } from './roleFolds';
import type { RoleAttribution } from './roles';
import { absorbTally, countLine, newTally, unique, type Tally } from './tally';

/** A role is a character when it speaks at least this often ("said the old man" twice). */
export const MIN_ROLE_LINES = 2;

/**
 * A role the book writes as a name ("the Knave", "the Eaglet": capitalised after its article, and its last word
 * (almost) never written in lower case, as WordCase reads names) is a character with one line, as a name is ("said
 * Alice" once); a common noun needs two ("said the old man", "said the Duck" where the book also writes "duck").
 * English only: Spanish and Portuguese put articles before names, so there such a word after "el" or "o" is already
 * counted as a name's tag ("dijo el Prior"), and a role record left of it is a title the book also writes in lower
 * case.
 */
export function minRoleLines(phrases: Iterable<string>, wordCase: WordCase, language: HeuristicLanguage): number {
  if (language !== 'en') return MIN_ROLE_LINES;
  for (const phrase of phrases) {
    const words = phrase.split(/\s+/u).slice(1);
    if (words.length > 0 && words.every((word) => /^\p{Lu}/u.test(word)) && wordCase.looksLikeName(words.at(-1)!))
      return 1;
  }
  return MIN_ROLE_LINES;
}

/**
 * Every role that speaks, even once, with every mention of the same phrase counted and its pronouns read: a role
 * that speaks once is no character of its own (`minRoleLines`), but a fold may find whom it is ("—preguntó la
 * asturiana Maritornes", "(replicó el llamado Manuel)": the role before the name), and that person's line counts. In
 * a story collection a role that speaks in several stories is counted per story while roles fold ("the lady" of one
 * story is not the lady of the next, and a naming in one story names only that story's role); the narrator's own
 * people ("my aunt", "my friend") are counted once, as the narrator is one.
 */
const NARRATORS_OWN = /^(?:my|mi|meu|minha) /u;
export function tallyRoles(scans: ChapterScan[], tallies: Map<string, Tally>, collection: boolean): void {
  const speaking = new Map<string, (RoleAttribution & { chapter: number })[]>();
  for (const [chapter, scan] of scans.entries())
    for (const role of scan.roles) {
      if (!speaking.has(role.key)) speaking.set(role.key, []);
      speaking.get(role.key)!.push({ ...role, chapter });
    }
  for (const [key, attributions] of speaking) {
    const stories = unique(attributions.map((role) => role.chapter));
    if (!collection || stories.length < 2 || NARRATORS_OWN.test(key)) {
      tallies.set(roleTallyKey(key, null), tallyRole(attributions, scans, null));
      continue;
    }
    for (const story of stories)
      tallies.set(
        roleTallyKey(key, story),
        tallyRole(
          attributions.filter((role) => role.chapter === story),
          scans,
          story,
        ),
      );
  }
}

/**
 * A role's per-story records that no fold took become one record again: the attribution engine resolves a speech tag
 * ("said the lady") to one record of the book, so records that share a phrase cannot be told apart there yet.
 */
export function rejoinStories(tallies: Map<string, Tally>): void {
  for (const [key, tally] of [...tallies]) {
    if (!key.startsWith('role|') || tally.story === null) continue;
    const phraseKey = roleTallyKey(rolePhraseOf(key), null);
    const into = tallies.get(phraseKey);
    tallies.delete(key);
    tally.story = null;
    if (into === undefined) {
      tallies.set(phraseKey, tally);
      continue;
    }
    absorbTally(into, tally);
    for (const chapter of tally.speaksIn) into.speaksIn.add(chapter);
  }
}

/** One record of a speaking role: its lines, and its phrase counted in the whole book or in its story only. */
function tallyRole(
  attributions: (RoleAttribution & { chapter: number })[],
  scans: ChapterScan[],
  story: number | null,
): Tally {
  const tally = newTally();
  tally.roleGender = attributions.find((role) => role.gender !== 'unknown')?.gender ?? 'unknown';
  tally.story = story;
  for (const role of attributions) {
    countLine(tally, role.verb);
    tally.speaksIn.add(role.chapter);
    tally.tagsAt.push({ chapter: role.chapter, local: role.offset });
  }
  const phrase = attributions[0].phrase;
  const pattern = new RegExp(
    `(?<!\\p{L})${escapeRegExp(phrase)
      .replace(/^(\p{L})/u, (first: string) => `[${first.toLowerCase()}${first.toUpperCase()}]`)
      .replace(/ /gu, '\\s+')}(?!\\p{L})`,
    'gu',
  );
  for (const [index, scan] of scans.entries()) {
    if (story !== null && index !== story) continue;
    const text = scan.chapter.text;
    for (const match of text.matchAll(pattern)) {
      const label = match[0].replace(/\s+/gu, ' ');
      tally.forms.set(label, (tally.forms.get(label) ?? 0) + 1);
      tally.mentions++;
      tally.chapters.add(scan.chapter.id);
      tally.roleAt.push(scan.base + match.index);
      if (tally.first === null)
        tally.first = { chapterId: scan.chapter.id, offset: match.index, at: scan.base + match.index };
      // Up to the next name, as for names: "said the Rabbit, and Alice … she" says nothing of the Rabbit.
      const end = match.index + match[0].length;
      addVote(tally.votes, pronounAfter(text, end, nextMentionAt(scan.mentions, end) ?? text.length, scan.language));
    }
  }
  return tally;
}

/** Where the first name mention at or after `offset` starts in its chapter (mentions are in reading order). */
function nextMentionAt(mentions: Placed[], offset: number): number | undefined {
  let low = 0;
  let high = mentions.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (mentions[mid].local < offset) low = mid + 1;
    else high = mid;
  }
  return mentions[low]?.local;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
