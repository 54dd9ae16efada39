/**
 * A newcomer the narration only describes, answering to his name: `"…, Mr. Hatherley," said Holmes.` ⏎ `"Thank
 * you," said my patient.` The description a tag gives the one who answers a line that called exactly one person by
 * name is that person, when the book first meets the description in this chapter (a first-person narrator's "my
 * patient", "our visitor", "the stranger" of one story). Detection keeps the two records apart, and turn-taking then
 * takes them for two people: the description's lines and the name's alternate as if both were in the room. The
 * chapter's cast folds the description into the name. See docs/dialogue-and-attribution.md.
 */
import { NARRATOR_ID, type Character } from '../character';
import type { HeuristicLanguage } from '../vocabulary';
import { Cast } from './cast';
import { readChapter } from './chapterReading';
import { foldInto } from './coreference';
import { CLAIM } from './evidence';
import { chapterStructure, type ChapterSegment } from './structure';

/** `characters` with each description first met in this chapter that answers to one name folded into that name. */
export function foldDescriptionsAnsweringNames(
  ordered: ChapterSegment[],
  characters: Character[],
  chapterId: string,
  language?: HeuristicLanguage,
): Character[] {
  const cast = new Cast(characters, language);
  const newcomers = new Set(
    characters
      .filter((character) => character.firstAppearance?.chapterId === chapterId && cast.describedOnly(character.id))
      .map((character) => character.id),
  );
  if (newcomers.size === 0) return characters;
  const readings = readChapter(ordered, chapterStructure(ordered), cast, new Map());
  const partners = new Map<string, Set<string>>();
  for (const [t, { evidence }] of readings.entries()) {
    // Only a name the line before called: the one its kinship words or its words of address point to by gender
    // ("O senhor não se mete, pai.") is a guess, and a fold taken from it makes every tag of the description wrong.
    const namedBefore = t > 0 ? readings[t - 1].evidence.calledByName : [];
    const called = evidence.answering.filter(
      (id) => namedBefore.includes(id) && id !== NARRATOR_ID && !cast.describedOnly(id),
    );
    for (const claim of evidence.claims) {
      if (claim.confidence < CLAIM.namedIntro || !newcomers.has(claim.speakerId)) continue;
      if (!partners.has(claim.speakerId)) partners.set(claim.speakerId, new Set());
      // A line that called several people, or nobody, says nothing of who the description is; it still counts as
      // a tag the description had elsewhere.
      partners.get(claim.speakerId)!.add(called.length === 1 ? called[0] : '');
    }
  }
  const foldedInto = new Map<string, string>();
  for (const [description, names] of partners) {
    const named = [...names].filter((name) => name !== '');
    if (named.length !== 1) continue;
    const gender = cast.genderOf(description);
    const nameGender = cast.genderOf(named[0]);
    if (gender !== 'unknown' && nameGender !== 'unknown' && gender !== nameGender) continue;
    foldedInto.set(description, named[0]);
  }
  return foldInto(characters, foldedInto);
}
