/**
 * A line that says who its speaker is ("I am Mr. Holmes", "Me llamo Rosa", "I am the King."): how an unnamed visitor
 * is known once they introduce themselves.
 */
import type { Cast } from './cast';
import { personByFamilyName } from './fullNames';
import { givenNameOfSomeoneElse } from './givenNames';
import { ownWords } from './vocatives';

/** "I am …", "My name is …", "Sou o …", "Me llamo …": the speaker says who they are. */
const SELF_NAMING =
  /(?<![\p{L}\p{N}])(?:I\s+am|I['’]m|my\s+(?:real\s+|true\s+)?name\s+is|they\s+call\s+me|sou|chamo-me|me\s+chamo|(?:o\s+)?meu\s+nome\s+é|soy|me\s+llamo|mi\s+nombre\s+es)\s+/giu;
const ARTICLE = /^(?:the|o|a|el|la)\s+/iu;
/**
 * After a role ("I am the King.", "Soy el cura, de este lugar"), what ends the phrase: a role followed by more words
 * ("I am the man who…", "I am the King's messenger") describes the speaker rather than naming them.
 */
const ROLE_PHRASE_END = /^(?:\s*[.,;:!?…—–)]|\s+(?:of|de|do|da|del)\s|\s*$)/u;

/**
 * The character a line names as its own speaker ("Sou o Borba, o Quincas Borba.", "I am Mr. Holmes", "Me llamo
 * Rosa", "I am the King."), or null; a full name the cast holds only by title and family name ("I am Alexander
 * Holder" for "Mr. Holder") is that person. A possessive ("I am Mr. Bennet's niece") names someone else; a role names
 * the speaker only when the phrase ends with it (an unnamed visitor who says at last who he is).
 */
export function selfNamedIn(quoted: string, cast: Cast): string | null {
  const line = ownWords(quoted);
  for (const match of line.matchAll(SELF_NAMING)) {
    const rest = line.slice(match.index + match[0].length);
    const article = ARTICLE.exec(rest)?.[0] ?? '';
    const named = rest.slice(article.length);
    const name = cast.mentions(named).find((found) => found.offset === 0);
    // "My name is John Robinson" where the cast's `John` is another story's man: someone else.
    if (name && givenNameOfSomeoneElse(named, name)) continue;
    if (name && !name.possessive && !name.role) return name.id;
    if (!article) {
      // "I am Alexander Holder" where the cast knows only "Mr. Holder".
      const bearer = name ? null : personByFamilyName(rest, cast);
      if (bearer !== null) return bearer;
      continue;
    }
    const role = cast.mentions(rest).find((found) => found.offset === 0 && found.role);
    if (role && !role.possessive && ROLE_PHRASE_END.test(rest.slice(role.length))) return role.id;
  }
  return null;
}
