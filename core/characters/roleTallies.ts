/**
 * Speakers known only by their role ("said the old man", "—dijo el cura"), counted as records beside the named
 * people: each role that speaks gets its lines and every mention of its phrase, per story in a story
 * collection (stories.ts) so that roleFolds.ts can fold a role into a person of its own story only; what no fold took
 * becomes one record per phrase again, cast when it speaks often enough, or once as one of a group the narration has
 * just brought in.
 */
import { addVote, pronounAfter } from './genderEvidence';
import type { WordCase } from './mentions';
import { foldWord, type HeuristicLanguage } from './vocabulary';
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

/** The narrator's own people: "my aunt", "mi tío", "minha mãe". */
const NARRATORS_OWN = /^(?:my|mi|meu|minha) /u;

/**
 * Words that bring in several people at once, before the plural of what they are ("unos mercaderes toledanos", "dos
 * mujeres mozas", "two young clerks", "uns almocreves"): numerals and the plural indefinite, as `foldWord` writes them.
 */
const GROUP_DETERMINERS: Record<HeuristicLanguage, string> = {
  en: 'some|two|three|four|five|several',
  es: 'unos|unas|dos|tres|cuatro|cinco|varios|varias',
  pt: 'uns|umas|dois|duas|tres|quatro|cinco|varios|varias',
};
/** How far before its one tag the narration may have brought the group in: about a page, the same scene. */
const GROUP_INTRODUCED_WITHIN = 3000;

/**
 * A role that speaks once is a character when it is one of a group the narration has just brought in ("…eran unos
 * mercaderes toledanos…" and, within the page, "—replicó el mercader—"): the plural with a numeral or a plural
 * indefinite says the scene holds new, unnamed people, so the role is a stranger of that scene, not another way of
 * calling someone the book names ("la intrépida navarra", "the engineer"), which a role that speaks once most often
 * is. The narrator's own people ("my assistant") are no strangers, and a role written as a title is read as a name
 * (`minRoleLines`).
 */
export function speaksForNewGroup(tally: Tally, scans: ChapterScan[]): boolean {
  if (tally.lines !== 1 || tally.tagsAt.length !== 1) return false;
  const words = [...tally.forms.keys()][0]?.split(/\s+/u) ?? [];
  if (words.length < 2 || NARRATORS_OWN.test(foldWord(`${words[0]} `)) || !/^\p{Ll}/u.test(words[1])) return false;
  const { chapter, local } = tally.tagsAt[0];
  const scan = scans[chapter];
  const head = escapeRegExp(foldWord(words[words.length - 1]));
  const group = new RegExp(
    `(?<!\\p{L})(?:${GROUP_DETERMINERS[scan.language]})\\s+(?:\\p{L}+\\s+){0,2}${head}e?s(?!\\p{L})`,
    'u',
  );
  const before = scan.chapter.text.slice(Math.max(0, local - GROUP_INTRODUCED_WITHIN), local);
  return group.test(foldWord(before));
}

/**
 * Every role that speaks, even once, with every mention of the same phrase counted and its pronouns read: a role
 * that speaks once is no character of its own (`minRoleLines`), but a fold may find whom it is ("—preguntó la
 * asturiana Maritornes", "(replicó el llamado Manuel)": the role before the name), and that person's line counts. In
 * a story collection a role that speaks in several stories is counted per story while roles fold ("the lady" of one
 * story is not the lady of the next, and a naming in one story names only that story's role); the narrator's own
 * people ("my aunt", "my friend") are counted once, as the narrator is one.
 */
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
  // Every way the role was written: "the wife of Hale" and "Hale's wife" are one role.
  const phrases = unique(attributions.map((role) => role.phrase)).map((phrase) =>
    escapeRegExp(phrase)
      .replace(/^(\p{L})/u, (first: string) => `[${first.toLowerCase()}${first.toUpperCase()}]`)
      .replace(/ /gu, '\\s+'),
  );
  const pattern = new RegExp(`(?<!\\p{L})(?:${phrases.join('|')})(?!\\p{L})`, 'gu');
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
