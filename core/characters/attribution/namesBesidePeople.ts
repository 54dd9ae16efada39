/**
 * A name set beside a person spoken of ("But this maid, Alice, deposes that…", "I saw her sister, Miss Grey, at the
 * ball"): an apposition that says who that person is, not a call to someone present. A phrase that is no person ("after
 * the dance, Miss Grey, you looked tired") leaves the call as it is.
 */
import { nounGender } from './cast';

const SPOKEN_OF_BEFORE = /(?<![\p{L}\p{N}])(?:this|that|the|his|her|their|its)\s+(\p{Ll}+),\s*$/u;

/** Whether the text just before a name ends with a person spoken of and a comma ("this maid, "). */
export function besidePersonSpokenOf(before: string): boolean {
  const noun = SPOKEN_OF_BEFORE.exec(before)?.[1];
  return noun !== undefined && nounGender(noun) !== 'unknown';
}
