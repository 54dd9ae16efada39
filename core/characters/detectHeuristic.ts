/**
 * Offline character detection over the whole book (docs/characters.md): the named people (namedPeople.ts), the
 * speakers known by their role (roleTallies.ts), a bare role joined to the one possessor's (rolesPossessed.ts), folded
 * into those people where the book says who they are
 * (roleFolds.ts), a named speaker calls himself by the role (rolesSelfNamed.ts) or the role gives its name
 * (rolesSelfIntroduced.ts), the writers of letters (letterWriters.ts), the first-person narrator's
 * record (narratorRecord.ts), then who of them is cast and how important they are. Deterministic: the same chapters
 * give the same characters and ids.
 */
import { characterIdFor, narratorCharacter, type Character, type ChapterInput, type Importance } from './character';
import { aliasesOf, ageBandOf, labelOf, speakingStyleOf } from './castRecord';
import { tallyPeople } from './namedPeople';
import { castLetterWriters } from './letterWriters';
import { detectNarration } from './narration';
import { foldCompanions, narratorKeyOf } from './narratorRecord';
import { foldNamedRoles, foldTitleRoles } from './roleFolds';
import { minRoleLines, rejoinStories, speaksForNewGroup, tallyRoles } from './roleTallies';
import { foldAddressedRoles } from './rolesAddressed';
import { foldRolesAnsweredByName } from './rolesAnsweredByName';
import { foldKinAddressedRoles } from './rolesKinAddressed';
import { foldPossessedRoles } from './rolesPossessed';
import { foldSelfIntroducedRoles } from './rolesSelfIntroduced';
import { foldSelfNamedRoles, officeOf } from './rolesSelfNamed';
import { withScriptSpeakers } from './scriptCast';
import { isStoryCollection } from './stories';
import { genderOfTally, type Tally } from './tally';

/** A titled name ("Mrs. Long") is a character when mentioned this often, even if never tagged as speaking. */
const MIN_TITLED_MENTIONS = 3;
/** Twice with a title among this many mentions also makes a person ("Mr. Godfrey Norton", then "Godfrey Norton"). */
const MIN_TITLED_WITH_OTHERS = 2;
const MIN_TITLED_PERSON_MENTIONS = 5;
/**
 * A name followed, again and again, by "he" or by "she" (never mixed) is a person the narration follows, even if the
 * tags never name them as speaking ("Jimmy", "Eveline").
 */
const MIN_DESCRIBED_MENTIONS = 8;
const MIN_PRONOUN_VOTES = 4;
const CONSISTENT_PRONOUNS = 0.85;
/** This share of mentions after a preposition of place makes a name a place. */
const PLACE_SHARE = 0.25;
/** A name addressed in dialogue this often is a character; once is enough with this many mentions. */
const MIN_VOCATIVES = 2;
const MIN_ADDRESSED_MENTIONS = 5;

export function detectCharactersHeuristic(chapters: ChapterInput[]): Character[] {
  const { bookLanguage, wordCase, scans, placed, people, tallies } = tallyPeople(chapters);
  const collection = readsAsCollection(tallies, chapters.length);
  tallyRoles(scans, tallies, collection);
  foldTitleRoles(tallies);
  foldPossessedRoles(tallies);
  const offices = new Map(
    [...tallies].flatMap(([key, tally]) => {
      const office = key.startsWith('role|') ? undefined : officeOf(tally, wordCase);
      return office === undefined ? [] : [[key, office] as const];
    }),
  );
  foldNamedRoles(tallies, placed, people, bookLanguage, collection, offices);
  foldSelfNamedRoles(scans, tallies, people, wordCase);
  foldSelfIntroducedRoles(scans, tallies, people);
  foldAddressedRoles(scans, tallies, people);
  foldKinAddressedRoles(scans, tallies, people);
  foldRolesAnsweredByName(scans, tallies, people);
  rejoinStories(tallies);
  const narrated = castLetterWriters(chapters, placed, people, tallies, bookLanguage);

  const narration = detectNarration(narrated);
  const narratorKey = narratorKeyOf(narration, tallies, placed, people);
  if (narration.firstPerson) foldCompanions(tallies, placed, people, narratorKey);
  const selected = [...tallies.entries()].filter(
    ([key, tally]) =>
      key !== narratorKey &&
      (key.startsWith('role|')
        ? tally.lines >= minRoleLines(tally.forms.keys(), wordCase, bookLanguage) || speaksForNewGroup(tally, scans)
        : isPerson(tally)),
  );
  const scores = selected.map(([, tally]) => tally.mentions + 3 * tally.lines);
  const top = Math.max(1, ...scores);

  const characters = selected.map(([key, tally], index): Character & { at: number } => {
    const name = labelOf(tally);
    const score = scores[index];
    const importance: Importance = score >= top * 0.15 ? 'main' : score >= top * 0.03 ? 'supporting' : 'minor';
    return {
      id: characterIdFor(name),
      name,
      aliases: aliasesOf(tally, name),
      gender: genderOfTally(tally),
      ageBand: ageBandOf(tally, key),
      description: `Mentioned ${tally.mentions} times in ${tally.chapters.size} chapter(s); ${tally.lines} attributed line(s).`,
      traits: [],
      speakingStyle: speakingStyleOf(tally),
      dialogueLineCount: tally.lines,
      firstAppearance: tally.first && { chapterId: tally.first.chapterId, offset: tally.first.offset },
      importance,
      at: tally.first?.at ?? Number.MAX_SAFE_INTEGER,
    };
  });
  characters.sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));

  const narratorTally = narratorKey === undefined ? undefined : tallies.get(narratorKey);
  const narrator = narratorCharacter(chapters[0]?.id ?? null, {
    firstPerson: narration.firstPerson,
    name: narratorTally ? labelOf(narratorTally) : narration.name,
    aliases: narratorTally ? [...narratorTally.forms.keys()] : [],
    gender: narration.gender !== 'unknown' || !narratorTally ? narration.gender : genderOfTally(narratorTally),
    lines: narration.lines + (narratorTally?.lines ?? 0),
  });
  const seenIds = new Set([narrator.id]);
  const result: Character[] = [narrator];
  for (const { at: _at, ...character } of characters) {
    let id = character.id;
    for (let suffix = 2; seenIds.has(id); suffix++) id = `${character.id}-${suffix}`;
    seenIds.add(id);
    result.push({ ...character, id });
  }
  return withScriptSpeakers(result, chapters);
}

/** Whether the book reads as a collection of independent stories (stories.ts), from the people it names. */
export function isStoryCollectionBook(chapters: ChapterInput[]): boolean {
  return readsAsCollection(tallyPeople(chapters).tallies, chapters.length);
}

function readsAsCollection(tallies: Map<string, Tally>, chapterCount: number): boolean {
  return isStoryCollection(
    [...tallies.values()].map((tally) => ({ chapters: tally.chapters.size, lines: tally.lines })),
    chapterCount,
  );
}

/**
 * Someone who speaks, is named with a title often enough, or is spoken to ("Martha, …") is a person of the story;
 * a name often written after "in" or "at" is a place, even when someone apostrophises it ("Ah, Lisboa!"), and a name
 * the narration calls an animal ("Biscuit, a brown dog") is a pet, however often it is spoken to.
 */
function isPerson(tally: Tally): boolean {
  if (tally.lines >= 1 || tally.titled >= MIN_TITLED_MENTIONS) return true;
  if (tally.animals > 0) return false;
  if (tally.titled >= MIN_TITLED_WITH_OTHERS && tally.mentions >= MIN_TITLED_PERSON_MENTIONS) return true;
  if (tally.locatives >= tally.mentions * PLACE_SHARE) return false;
  // A call inside a line ("…, Sam, thank you") is weaker evidence than one at its edge: twice, with the mentions.
  const called = tally.vocatives >= 1 || tally.callsInLine >= MIN_VOCATIVES;
  if (tally.vocatives >= MIN_VOCATIVES || (called && tally.mentions >= MIN_ADDRESSED_MENTIONS)) return true;
  const { female, male } = tally.pronounVotes;
  return (
    tally.mentions >= MIN_DESCRIBED_MENTIONS &&
    female + male >= MIN_PRONOUN_VOTES &&
    Math.max(female, male) >= (female + male) * CONSISTENT_PRONOUNS
  );
}
