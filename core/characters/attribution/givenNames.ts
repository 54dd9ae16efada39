/**
 * A given name is shared: the cast may hold `John` as the given name of one story's man, and another man says "My
 * name is John Robinson". A name of one word followed by a capitalised word the cast does not hold with it (the
 * longest form the cast knows would have matched) is the given name of someone else, not that person.
 */
import type { Mention } from './cast';

/** A capitalised word right after the name: a family name ("John Robinson"), not "I" or a sentence's start. */
const FAMILY_NAME_AFTER = /^\s+\p{Lu}[\p{Ll}'’-]+(?![\p{L}\p{N}])/u;

/** Whether `mention`, found in `text`, is a one-word name that a family name the cast does not know follows. */
export function givenNameOfSomeoneElse(text: string, mention: Mention): boolean {
  const named = text.slice(mention.offset, mention.offset + mention.length);
  if (mention.role || /\s/u.test(named.trim())) return false;
  return FAMILY_NAME_AFTER.test(text.slice(mention.offset + mention.length));
}
