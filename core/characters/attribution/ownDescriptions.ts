/**
 * A description of rank that stands for a person of the chapter's own story. Detection may keep a record for a
 * description the tags use ("said the lady") beside the named person it describes ("Mrs. St. Clair"), both first
 * met in this chapter; when the chapter brings in just one person of the description's gender called by a title
 * ("Mrs.", "Mr.", "Lady"), the description is that person here (the woman of the house is "the lady" of her own
 * story), so its record folds into theirs for this chapter, and the same description on a person of another story (a
 * titled lady) then names nobody else here (chapterCast.ts). Not where the narration writes the description near the
 * person's name ("…, Mr. Scrooge," said the gentleman): there they are two people talking. Only nouns of rank: "the girl", "the woman", "my aunt",
 * "el marido" say an age, a trade or a relation, which a titled newcomer need not have. See
 * docs/dialogue-and-attribution.md.
 */
import { NARRATOR_ID, type Character } from '../character';
import { honorificOf } from '../honorifics';
import { genderOfDescription, isDescription, isName } from './chapterCast';

/** An article and a noun of rank: "the lady", "the gentleman", "la señora", "o senhor". */
const RANK_DESCRIPTION = /^(?:the|el|la|o|a)\s+(?:lady|gentleman|señora|señor|senhora|senhor)$/iu;

/** How far from a description the person's name, written there, says the description is someone else. */
const NEAR_CHARS = 300;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

/** Whether a form of `description` in `text` has one of `names` within NEAR_CHARS of it. */
function writtenNear(text: string, description: Character, names: string[]): boolean {
  const forms = [description.name, ...description.aliases].map((form) => escapeRegExp(form.trim()));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return [...text.matchAll(pattern)].some((match) => {
    const around = text.slice(Math.max(0, match.index - NEAR_CHARS), match.index + match[0].length + NEAR_CHARS);
    return names.some((name) => around.includes(name));
  });
}

const firstMetIn = (character: Character, chapterId: string) => character.firstAppearance?.chapterId === chapterId;

/** `characters` with each description-only record first met in `chapterId` folded into the one titled newcomer it fits. */
export function foldOwnDescriptions(characters: Character[], chapterId: string, text: string): Character[] {
  const foldedInto = new Map<string, string>();
  for (const description of characters) {
    const forms = [description.name, ...description.aliases];
    if (description.id === NARRATOR_ID || !firstMetIn(description, chapterId) || !forms.every(isDescription)) continue;
    if (!RANK_DESCRIPTION.test(description.name.trim())) continue;
    const gender = genderOfDescription(description.name);
    if (gender === null) continue;
    const titled = characters.filter(
      (person) =>
        person.id !== NARRATOR_ID &&
        firstMetIn(person, chapterId) &&
        isName(person.name) &&
        person.gender === gender &&
        honorificOf(person.name.trim().split(/\s+/u)[0])?.gender === gender,
    );
    if (titled.length !== 1) continue;
    const names = [titled[0].name, ...titled[0].aliases].filter(isName).map((name) => name.trim());
    if (!writtenNear(text, description, names)) foldedInto.set(description.id, titled[0].id);
  }
  if (foldedInto.size === 0) return characters;
  return characters
    .filter((character) => !foldedInto.has(character.id))
    .map((character) => {
      const folded = characters.filter((other) => foldedInto.get(other.id) === character.id);
      if (folded.length === 0) return character;
      const forms = folded.flatMap((other) => [other.name, ...other.aliases]);
      return { ...character, aliases: [...new Set([...character.aliases, ...forms])] };
    });
}
