/**
 * "the former", "the latter" as a speaker ("the former continued the subject, by saying,"): of the last two people
 * the narration named, the first or the second — never someone the cast does not name.
 */
import { CLAIM, type Finding, type Scene } from './evidence';

const FORMER_OR_LATTER = /^the\s+(former|latter)$/iu;

export function formerOrLatter(subject: string, scene: Scene): Finding | null {
  const which = FORMER_OR_LATTER.exec(subject.trim())?.[1].toLowerCase();
  if (which === undefined) return null;
  // Most recent first: the latter was named last, the former just before.
  const [latest, before] = scene.recent;
  const id = which === 'latter' ? latest : before;
  return id !== undefined && !scene.excluded.has(id)
    ? { claim: { speakerId: id, confidence: CLAIM.pronounFocus }, thirdPerson: true }
    : null;
}
