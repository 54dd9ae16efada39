/**
 * One person on two character records: a name and a role noun the narration gives the same person ("la señá
 * Frasquita, la pulcra y saludable navarra,", "my mother, D. Gloria,", "Mr. Pike, the banker,"). Detection keeps them
 * apart, and turn-taking then takes the two records for two people, or gives a line to the description while the
 * person's name is the one in the scene. The attribution cast folds such a role into the name when the narration
 * puts the two side by side as an apposition. See docs/dialogue-and-attribution.md.
 */
import { NARRATOR_ID, type Character } from '../character';
import type { HeuristicLanguage } from '../vocabulary';
import { Cast, roleKey, type Mention } from './cast';
import { sentencesOf } from './speechTags';

/** Between a name and the role set beside it: a comma, then at most a few lower-case words (adjectives). */
const APPOSITION_GAP = /^,\s+$/u;
/** An apposition ends its phrase: a comma, a full stop, a semicolon, a colon, a bracket, or the sentence. */
const PHRASE_END = /^\s*(?:[,.;:!?)—–]|$)/u;
/** A list goes on after the phrase ("Mr. Pike, the banker, and the clerk"): the role may be another person. */
const LIST_GOES_ON = /^\s*,\s*(?:and|or|e|ou|y|o|nor|nem|ni)\s/iu;
const DETERMINER = /^(?:the|my|his|her|our|their|o|a|os|as|el|la|los|las|meu|minha|seu|sua|mi|su|nuestro|nuestra)\s/iu;
/** A determiner, then lower-case words and commas up to the phrase's end: "la pulcra, hacendosa y saludable navarra". */
const DESCRIBED_PHRASE =
  /^(?:the|my|his|her|our|their|o|a|el|la|meu|minha|seu|sua|mi|su|nuestro|nuestra)\s+((?:\p{Ll}+(?:\s*,\s*|\s+))*\p{Ll}+)/u;
/**
 * English "a"/"an" describes rather than identifies ("Mr Power, a much younger man,"); in Portuguese "a" is "the".
 */
const INDEFINITE_ENGLISH = /^an?\s/iu;

/** A description longer than this is a clause, not an apposition ("Mr. Pike, the man who came in with…"). */
const MAX_PHRASE_WORDS = 6;

interface Pair {
  role: string;
  name: string;
}

/**
 * The characters with each role record that an apposition ties to exactly one named record folded into it (its
 * forms become aliases of the name), and the ids folded, role id → name id.
 */
export function foldRolesIntoNames(
  characters: Character[],
  narration: string[],
  language?: HeuristicLanguage,
): { characters: Character[]; foldedInto: Map<string, string> } {
  const cast = new Cast(characters, language);
  const pairs: Pair[] = [];
  for (const text of narration)
    for (const { text: sentence } of sentencesOf(text)) pairs.push(...appositionsIn(sentence, cast));
  const partners = new Map<string, Set<string>>();
  for (const { role, name } of pairs) {
    if (!partners.has(role)) partners.set(role, new Set());
    partners.get(role)!.add(name);
  }
  const foldedInto = new Map<string, string>();
  for (const [role, names] of partners) {
    if (names.size !== 1) continue;
    const name = [...names][0];
    // A name never folds into a role, nor a role into a role that is itself folded.
    if (partners.has(name) || foldedInto.has(name)) continue;
    foldedInto.set(role, name);
  }
  return { characters: foldInto(characters, foldedInto), foldedInto };
}

/** The characters with each role record of `foldedInto` (role id → name id) folded into its name's record. */
export function foldInto(characters: Character[], foldedInto: ReadonlyMap<string, string>): Character[] {
  if (foldedInto.size === 0) return characters;
  const byId = new Map(characters.map((character) => [character.id, character]));
  return characters
    .filter((character) => !foldedInto.has(character.id))
    .map((character) => {
      const roles = [...foldedInto].filter(([, name]) => name === character.id).map(([role]) => byId.get(role)!);
      if (roles.length === 0) return character;
      return {
        ...character,
        aliases: [...character.aliases, ...roles.flatMap((role) => [role.name, ...role.aliases])],
        gender:
          character.gender !== 'unknown'
            ? character.gender
            : (roles.find((role) => role.gender !== 'unknown')?.gender ?? 'unknown'),
        dialogueLineCount: character.dialogueLineCount + roles.reduce((sum, role) => sum + role.dialogueLineCount, 0),
      };
    });
}

/** Role–name pairs a sentence sets side by side: "Name, the role," or "the role, Name,". */
function appositionsIn(sentence: string, cast: Cast): Pair[] {
  const mentions = cast.mentions(sentence).filter((mention) => !mention.possessive);
  const pairs: Pair[] = [];
  const endOf = (mention: Mention) => mention.offset + mention.length;
  const fits = (role: string, name: string) => {
    if (role === name || name === NARRATOR_ID || !cast.describedOnly(role) || cast.describedOnly(name)) return false;
    const roleGender = cast.genderOf(role);
    const nameGender = cast.genderOf(name);
    return roleGender === 'unknown' || nameGender === 'unknown' || roleGender === nameGender;
  };
  for (const mention of mentions) {
    if (mention.role) continue;
    const after = sentence.slice(endOf(mention));
    // "Name, the [adjectives] role,": the role noun may stand after adjectives the role pattern does not match.
    const gap = /^,\s+/u.exec(after);
    const role = gap ? describedAfter(after.slice(gap[0].length), cast) : null;
    if (role && fits(role, mention.id)) pairs.push({ role, name: mention.id });
    // "the role, Name,": a role mention just before, a comma between.
    const before = mentions.filter((other) => other.role && endOf(other) <= mention.offset).at(-1);
    if (
      before &&
      APPOSITION_GAP.test(sentence.slice(endOf(before), mention.offset)) &&
      DETERMINER.test(sentence.slice(before.offset)) &&
      PHRASE_END.test(after) &&
      !LIST_GOES_ON.test(after) &&
      fits(before.id, mention.id)
    )
      pairs.push({ role: before.id, name: mention.id });
  }
  return pairs;
}

/**
 * The role record a described phrase after a name ends with ("…, la pulcra, hacendosa y saludable navarra,"): the
 * phrase may end at any of its commas, as long as what follows ends it and no list goes on.
 */
function describedAfter(text: string, cast: Cast): string | null {
  const phrase = DESCRIBED_PHRASE.exec(text);
  if (!phrase || (cast.language !== 'pt' && INDEFINITE_ENGLISH.test(text))) return null;
  const start = phrase[0].length - phrase[1].length;
  const ends = [...phrase[1].matchAll(/\s*,/gu)].map((comma) => comma.index).concat(phrase[1].length);
  for (const end of ends) {
    const rest = text.slice(start + end);
    if (!PHRASE_END.test(rest) || LIST_GOES_ON.test(rest)) continue;
    const role = roleEndingIn(phrase[1].slice(0, end), cast);
    if (role) return role;
  }
  return null;
}

/** The role record whose role noun ends a described phrase ("pulcra, hacendosa y saludable navarra" → navarra). */
function roleEndingIn(phrase: string, cast: Cast): string | null {
  const words = roleKey(phrase)
    .split(/[\s,]+/u)
    .filter((word) => word.length > 0);
  if (words.length > MAX_PHRASE_WORDS) return null;
  for (let length = Math.min(3, words.length); length > 0; length--) {
    const id = cast.roleOf(words.slice(-length).join(' '));
    if (id) return id;
  }
  return null;
}
