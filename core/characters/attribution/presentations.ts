/**
 * A person a line presents to someone else ("This is my friend and colleague, Dr. Watson.", "Here is our guest,
 * Mr. Pike,"). The name stands where a name called would (after a comma, before a full stop), and like one it is
 * not the speaker; but the line speaks to the person it presents them to, so the one presented is not the one who
 * answers.
 */
import type { Cast } from './cast';
import { ownWords } from './vocatives';

/** "This is my friend," / "Here is our guest and client," right before the name. */
const PRESENTING = /(?<![\p{L}\p{N}])(?:this|here)\s+is\s+(?:my|our)\s+(?:\p{Ll}+\s+){0,4}\p{Ll}+,\s*$/iu;
/** How far before the name the presenting words are looked for. */
const PRESENTING_REACH = 60;

/** The people a line presents to someone else. */
export function presentedIn(line: string, cast: Cast): string[] {
  const words = ownWords(line);
  return cast
    .mentions(words)
    .filter((mention) => PRESENTING.test(words.slice(Math.max(0, mention.offset - PRESENTING_REACH), mention.offset)))
    .map((mention) => mention.id);
}
