/**
 * A tag that says the words were for oneself, with nobody named ("—se dijo en voz baja—", "murmuró para sí",
 * "disse consigo", "said to himself"): a man talking to himself is the one the narration was just about, who is
 * often alone in the scene, so turn-taking, which expects two people to alternate, is told who he is.
 */
import { CLAIM, type Finding, type Scene } from './evidence';

/** "se dijo", "se preguntó" (the reflexive clitic before the verb), "para sí", "consigo", "to himself". */
const SELF_TALK =
  /^[\s\p{Pd}]*se\s+\p{L}+|(?<![\p{L}\p{N}])(?:para\s+s[ií](?:\s+mesm[oa]|\s+mism[oa])?|consigo|to\s+(?:him|her)self)(?![\p{L}\p{N}])/iu;

/** The person the narration was just about, for a tag of talk to oneself (`clause`) that names nobody. */
export function talkingToOneself(clause: string, scene: Scene): Finding | null {
  if (!SELF_TALK.test(clause)) return null;
  const about = scene.fresh[0] ?? scene.recent[0];
  return about === undefined || scene.excluded.has(about)
    ? null
    : { claim: { speakerId: about, confidence: CLAIM.pronounFocus } };
}
