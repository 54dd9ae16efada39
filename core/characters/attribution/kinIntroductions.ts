/**
 * An introduction whose subject is a kinship noun ("emquanto o irmão perguntava:", "while the sister asked:",
 * "mientras la hermana decía:"): like a tag's ("retrucou a irmã"), someone of the noun's gender other than the person
 * just named, whose relative they are (docs/dialogue-and-attribution.md).
 */
import { nounGender } from './cast';
import { gendered, type Finding, type Scene } from './evidence';
import { KINSHIP } from './tagEvidence';

/** The clause before an introduction's verb: a subordinator at most, an article and the kinship noun. */
const KIN_CLAUSE = /^(?:(?:while|as|when|emquanto|enquanto|quando|mientras|cuando)\s+)?(?:the|o|a|el|la)\s+(\p{L}+)$/iu;

export function kinIntroduced(clause: string, scene: Scene): Finding | null {
  const noun = KIN_CLAUSE.exec(clause.trim())?.[1];
  const gender = noun && KINSHIP.test(noun) ? nounGender(noun) : 'unknown';
  if (gender === 'unknown') return null;
  const relativeOf = scene.fresh[0] ?? scene.recent[0];
  return gendered(gender, scene, relativeOf ? [relativeOf] : []);
}
