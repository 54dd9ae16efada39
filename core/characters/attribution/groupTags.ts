/**
 * A tag whose subject is a group ("they cried out when they saw Alice coming", "we all said"): the line is spoken by
 * several people at once, none of whom the tag names, so it is nobody's line in particular. The names in the tag's
 * clause are whoever the group acts on ("saw Alice"), never the speaker; and the clause is not a beat by them.
 */
import type { HeuristicLanguage } from '../vocabulary';
import { clauseEnd, speechVerbsIn } from './speechTags';

/** A plural pronoun as a tag's subject, with "all" or "both" after it and an adverb before the verb. */
const GROUP_SUBJECT = /^[\s—―–(-]*(?:they|we)(?:\s+(?:all|both))?\s+(?:(?:\p{L}+ly|then|again|now|at\s+once)\s+)?/iu;

/** The tag's clause when `text` opens with a group speaking ("they cried out when …"), else null. */
export function groupTagClause(text: string, language?: HeuristicLanguage): string | null {
  const subject = GROUP_SUBJECT.exec(text);
  if (!subject) return null;
  const rest = text.slice(subject[0].length);
  if (speechVerbsIn(rest, language)[0]?.offset !== 0) return null;
  return text.slice(0, subject[0].length + clauseEnd(rest));
}
