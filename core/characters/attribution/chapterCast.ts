/**
 * The cast one chapter is read with. Detection gives the cast of the whole book, and a description is a name only in
 * the story its person is in: in a collection of stories "the lady" of one story is another woman in the next, and
 * "the old man" of the fourth story is nobody in the eighth. So a description of a person (`the lady`, `my
 * patient`: a determiner and a lower-case noun) that the book first met in another chapter does not name them in a
 * chapter that brings in one person of its own whom the description fits (first mentioned in this chapter, of the
 * noun's gender): the description is then most likely that newcomer, whom pronouns and turn-taking find. Where the
 * chapter brings in several such people the description is left as it is (which of them it means is a guess), and
 * so it is where the chapter goes on with the other story (it calls the person, or someone the book first met in the
 * same chapter, by a name). A description written like a name (`the Hatter`, `the Queen`) is one in every chapter;
 * a record without a first appearance (added by hand) is in every chapter's cast. See
 * docs/dialogue-and-attribution.md.
 */
import { NARRATOR_ID, type Character } from '../character';
import { nounGender } from './cast';

const DETERMINER_FIRST =
  /^(?:the|my|his|her|their|our|your|its|this|that|o|a|os|as|el|la|los|las|meu|minha|seu|sua|mi|su)\s+/iu;
const HONORIFIC_ONLY = /^(?:mr|mrs|ms|miss|dr|sir|lady|lord|madam|master|d|dom|dona|don|doña|sr|sra|srta)\.?$/iu;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A form that names the person (capitalised, no determiner before it). */
export function isName(form: string): boolean {
  const trimmed = form.trim();
  return /^\p{Lu}/u.test(trimmed) && !DETERMINER_FIRST.test(trimmed) && !HONORIFIC_ONLY.test(trimmed);
}

/** A determiner and lower-case words: the person described, not named ("the lady", not "the Hatter"). */
export function isDescription(form: string): boolean {
  const trimmed = form.trim();
  return DETERMINER_FIRST.test(trimmed) && /^\p{Ll}/u.test(trimmed.replace(DETERMINER_FIRST, ''));
}

/** The gender a description's noun says ("the old man" → male), if any. */
export function genderOfDescription(form: string): 'female' | 'male' | null {
  const noun = form.trim().split(/\s+/u).pop() ?? '';
  const gender = nounGender(noun);
  return gender === 'unknown' ? null : gender;
}

function namedIn(text: string, names: string[]): boolean {
  if (names.length === 0) return false;
  const pattern = names
    .map((name) => name.trim().split(/\s+/u).map(escapeRegExp).join('\\s+'))
    .sort((a, b) => b.length - a.length)
    .join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'u').test(text);
}

/** `characters` as the chapter `chapterId`, whose text is `text`, may name them. */
export function castOfChapter(characters: Character[], chapterId: string, text: string): Character[] {
  const people = characters.filter((character) => character.id !== NARRATOR_ID && character.firstAppearance !== null);
  // How many people of each gender this chapter brings in.
  const newcomers = new Map<string, number>();
  for (const character of people)
    if (character.firstAppearance?.chapterId === chapterId)
      newcomers.set(character.gender, (newcomers.get(character.gender) ?? 0) + 1);
  // The chapters whose people this chapter calls by a name: the stories it goes on with.
  const storiesGoingOn = new Set<string>([chapterId]);
  for (const character of people)
    if (namedIn(text, [character.name, ...character.aliases].filter(isName)))
      storiesGoingOn.add(character.firstAppearance!.chapterId);
  const cast: Character[] = [];
  for (const character of characters) {
    const appearance = character.firstAppearance;
    if (character.id === NARRATOR_ID || appearance === null || storiesGoingOn.has(appearance.chapterId)) {
      cast.push(character);
      continue;
    }
    const forms = [character.name, ...character.aliases];
    const kept = forms.filter((form) => {
      const gender = isDescription(form) ? genderOfDescription(form) : null;
      return gender === null || newcomers.get(gender) !== 1;
    });
    if (kept.length === forms.length) cast.push(character);
    else if (kept.length > 0) {
      const name = kept.includes(character.name) ? character.name : kept[0];
      cast.push({ ...character, name, aliases: kept.filter((form) => form !== name) });
    }
  }
  return cast;
}
