/**
 * A speaking role of kinship whose line the next paragraph answers by calling one name ("— Com licença — disse o
 * padrinho. / — Boa tarde, Firmino — disse a avó."): whoever answers a line speaks to the one who said it, and the
 * family a kin word belongs to calls its people by name, so the role is the person called. docs/characters.md,
 * *Kin roles answered by name*.
 */
import type { PersonIndex } from './clusters';
import type { ChapterScan } from './namedPeople';
import { firstAbove } from './paragraphs';
import { foldRolesByTheirCalls } from './rolesAddressed';
import type { Tally } from './tally';
import { foldWord, type HeuristicLanguage } from './vocabulary';

/**
 * Roles of kinship (folded, without accents): one of the family, called by name by the others. Any other role was
 * tried and left out: "the Ghost" of three spirits, "the man" of a story and "the woman" were each answered once by
 * the name of someone else in the scene. English is left out for the same reason: its quoted replies often go on to
 * speak of someone by name.
 */
const KIN_ROLE_NOUNS: Record<HeuristicLanguage, ReadonlySet<string>> = {
  en: new Set(),
  es: new Set(
    'padre madre hijo hija hermano hermana abuelo abuela tio tia primo prima sobrino sobrina padrino madrina compadre comadre'
      .split(' ')
      .map(foldWord),
  ),
  pt: new Set(
    'pai mae filho filha irmao irma avo tio tia primo prima sobrinho sobrinha padrinho madrinha compadre comadre'
      .split(' ')
      .map(foldWord),
  ),
};
const PARAGRAPH_BREAK = /\n[ \t]*\r?\n/gu;
const OPENS_LINE = /^\s*(?:[“"‘«—–]|--)/u;
/** How much of the reply is read: its first words, where a name of address stands. */
const REPLY_SPAN = 200;
/** A name of address opens the line or follows a comma ("Boa tarde, Firmino", "— Firmino, …"). */
const CALLED_AFTER = /(?:^\s*(?:[“"‘«—–]|--)[ \t]*|,[ \t]*)$/u;
/** …and ends at a comma, the sentence's end, or the dash or quotation mark that closes the line. */
const CALLED_BEFORE = /^[ \t]*(?:[,!?.…;]|—|–|--|[”"’»])/u;

/**
 * Folds each speaking role into the one person the replies to its lines call by name, when every such reply calls
 * the same person, the genders agree and the person is named in a chapter where the role speaks.
 */
export function foldRolesAnsweredByName(scans: ChapterScan[], tallies: Map<string, Tally>, people: PersonIndex): void {
  foldRolesByTheirCalls(scans, tallies, (scan) => rolesAnsweredIn(scan, people));
}

/** Each role tag of the chapter whose reply calls exactly one person by name, with that person. */
function rolesAnsweredIn(scan: ChapterScan, people: PersonIndex): { phrase: string; person: string }[] {
  const kinNouns = KIN_ROLE_NOUNS[scan.language];
  const roles = scan.roles.filter((role) => kinNouns.has(foldWord(role.key.split(' ').at(-1) ?? '')));
  if (roles.length === 0) return [];
  const names = scan.mentions.flatMap((mention) => {
    const person = people.resolve(mention.form, mention.at, mention.chapter);
    return person === undefined ? [] : [{ place: mention.local, end: mention.local + mention.length, person }];
  });
  const speakers = scan.attributions.flatMap((tag) => {
    const person = people.resolve(tag.form, tag.at, tag.chapter);
    return person === undefined ? [] : [{ place: tag.at - scan.base, person }];
  });
  const called = personsCalledInReplies(
    scan.chapter.text,
    roles.map((role) => role.offset),
    names,
    speakers,
  );
  return roles.flatMap((role, index) => {
    const person = called[index];
    return person === undefined ? [] : [{ phrase: role.key, person }];
  });
}

/**
 * For each tag place, the one person the next paragraph (a line of dialogue) calls by name, not its own speaker, or
 * undefined. Paragraph openings, names and speakers are sorted once and looked up by halves, and each reply is read
 * once (at most REPLY_SPAN characters of it for names) whatever number of tags it answers: linear in the chapter.
 */
export function personsCalledInReplies(
  text: string,
  tagPlaces: readonly number[],
  names: readonly { place: number; end: number; person: string }[],
  speakers: readonly { place: number; person: string }[],
): (string | undefined)[] {
  const openings = [0, ...[...text.matchAll(PARAGRAPH_BREAK)].map((match) => match.index + match[0].length)];
  const sortedNames = [...names].sort((a, b) => a.place - b.place);
  const namePlaces = sortedNames.map(({ place }) => place);
  const sortedSpeakers = [...speakers].sort((a, b) => a.place - b.place);
  const speakerPlaces = sortedSpeakers.map(({ place }) => place);
  const replies = new Map<number, string | undefined>();
  const calledIn = (paragraph: number): string | undefined => {
    if (replies.has(paragraph)) return replies.get(paragraph);
    const [from, end] = [openings[paragraph], openings[paragraph + 1] ?? text.length];
    const to = Math.min(end, from + REPLY_SPAN);
    const persons = new Set<string>();
    if (OPENS_LINE.test(text.slice(from, to)))
      for (let index = firstAbove(namePlaces, from - 1) ?? namePlaces.length; index < namePlaces.length; index++) {
        const name = sortedNames[index];
        if (name.place >= to) break;
        if (CALLED_AFTER.test(text.slice(from, name.place)) && CALLED_BEFORE.test(text.slice(name.end, name.end + 4)))
          persons.add(name.person);
      }
    // The reply's own speaker is never the one it calls.
    for (
      let index = firstAbove(speakerPlaces, from - 1) ?? speakerPlaces.length;
      persons.size > 0 && index < speakerPlaces.length && speakerPlaces[index] < end;
      index++
    )
      persons.delete(sortedSpeakers[index].person);
    const called = persons.size === 1 ? [...persons][0] : undefined;
    replies.set(paragraph, called);
    return called;
  };
  return tagPlaces.map((place) => {
    const next = firstAbove(openings, place);
    return next === undefined ? undefined : calledIn(next);
  });
}
