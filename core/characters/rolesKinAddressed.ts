/**
 * A parent known in the tags by a kin word ("disse o pai", "dijo la madre") while the reply to a named speaker's line
 * calls that speaker by the same kin word ("— … — disse Artur. / — Sim, pai."): the role is that person. Children
 * answer their father; the kin word of the reply says who he is to them, and the tag before it says his name.
 * docs/characters.md, *Roles spoken to by name*.
 */
import type { PersonIndex } from './clusters';
import type { ChapterScan } from './namedPeople';
import { firstAbove } from './paragraphs';
import { foldRolesByTheirCalls } from './rolesAddressed';
import type { Tally } from './tally';
import type { HeuristicLanguage } from './vocabulary';

/** The kin words a child calls a parent by, each with the phrase of the role the tags write ("o pai"). */
const KIN_ROLES: Record<HeuristicLanguage, Map<string, string>> = {
  en: new Map([
    ['father', 'the father'],
    ['mother', 'the mother'],
  ]),
  es: new Map([
    ['padre', 'el padre'],
    ['madre', 'la madre'],
  ]),
  pt: new Map([
    ['pai', 'o pai'],
    ['mãe', 'a mãe'],
  ]),
};
/**
 * The kin word used as a vocative: at the line's opening or after a comma, a dash or a full stop, and followed by a
 * comma or the sentence's end ("Pai, posso…", "Sim, pai.", "Todos, pai?"); "O pai vai lá" (the third-person address
 * of European Portuguese) and "Father Flynn" call nobody.
 */
const KIN_VOCATIVE: Record<HeuristicLanguage, RegExp> = {
  en: /(?:^|[,“"‘—–]\s*|[.!?]\s+)([Ff]ather|[Mm]other)(?=\s*[,.!?;…])/u,
  es: /(?:^|[,—–¿¡«]\s*|[.!?]\s+)([Pp]adre|[Mm]adre)(?=\s*[,.!?;…])/u,
  pt: /(?:^|[,—–«]\s*|[.!?]\s+)([Pp]ai|[Mm]ãe)(?=\s*[,.!?;…])/u,
};
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/gu;
const OPENS_LINE = /^\s*(?:[“"‘«—–]|--)/u;
/** How much of the reply is read for the kin word: its first words, where a vocative stands. */
const REPLY_SPAN = 200;

/**
 * Folds each kin role into the one named speaker the replies call by its kin word, when there is exactly one such
 * person (two candidates fold nothing), the genders agree and the person is named in a chapter where the role speaks.
 */
export function foldKinAddressedRoles(scans: ChapterScan[], tallies: Map<string, Tally>, people: PersonIndex): void {
  foldRolesByTheirCalls(scans, tallies, (scan) => kinCalledSpeakers(scan, people));
}

/** Each named tag of the chapter whose paragraph is answered, in the next one, by a line calling it by a kin word. */
function kinCalledSpeakers(scan: ChapterScan, people: PersonIndex): { phrase: string; person: string }[] {
  const phrases = kinRolesAnswering(
    scan.chapter.text,
    scan.attributions.map((tag) => tag.at - scan.base),
    scan.language,
  );
  return scan.attributions.flatMap((tag, index) => {
    const [phrase, person] = [phrases[index], people.resolve(tag.form, tag.at, tag.chapter)];
    return phrase !== undefined && person !== undefined ? [{ phrase, person }] : [];
  });
}

/**
 * For each tag offset of a chapter, the kin role ("o pai") the paragraph after the tag's own calls its speaker by, or
 * undefined. The paragraph openings are found once and each tag looks its next one up (a binary search), reading at
 * most REPLY_SPAN characters of it: linear in the chapter, whatever its paragraphs hold.
 */
export function kinRolesAnswering(
  text: string,
  tagOffsets: number[],
  language: HeuristicLanguage,
): (string | undefined)[] {
  const openings = [0, ...[...text.matchAll(PARAGRAPH_BREAK)].map((match) => match.index + match[0].length)];
  return tagOffsets.map((offset) => {
    const next = firstAbove(openings, offset);
    if (next === undefined) return undefined;
    const reply = text.slice(openings[next], Math.min(openings[next + 1] ?? text.length, openings[next] + REPLY_SPAN));
    if (!OPENS_LINE.test(reply)) return undefined;
    const kin = KIN_VOCATIVE[language].exec(reply);
    return kin === null ? undefined : KIN_ROLES[language].get(kin[1].toLowerCase());
  });
}
