/**
 * Who answers a line that addresses several people and ends on a question ("Ah, Watson, you have just come at the
 * right time. Is that your hat, Mr. Baker?"): the one the question addresses. The others were spoken to on the way.
 * A closing statement that addresses someone ("…Sit down, Mr. Baker.") was tried as well and lost lines on the
 * English story collection never used for tuning.
 */
import type { Cast } from './cast';
import { sentencesOf } from './speechTags';
import { addressedIn, ownWords } from './vocatives';

/** The people the closing question of a line of several sentences addresses by name (else none). */
export function addressedLast(line: string, cast: Cast): string[] {
  const sentences = sentencesOf(ownWords(line).trim());
  const last = sentences.at(-1)?.text ?? '';
  return sentences.length > 1 && /\?\W*$/u.test(last) ? addressedIn(last, cast) : [];
}
