/**
 * Silent beats: a short narrated paragraph between two lines of one exchange, telling what someone does rather
 * than what they say, counts as that person's turn.
 */
import type { Cast } from './cast';
import { CLAIM } from './evidence';
import { beatBy } from './introductions';

const SILENT_BEAT_CHARS = 160;

/**
 * A short narrated paragraph between two lines is a beat by whoever it opens with: a named person ("Mr. Darcy
 * bowed.") or, by "He"/"She", the person of that gender named last ("He moistened his upper lip…").
 */
export function silentBeat(
  text: string,
  cast: Cast,
  recent: string[],
): { speakerId: string; confidence: number } | null {
  const trimmed = text.trim();
  if (!isSilentBeat(trimmed, cast)) return null;
  const actor = beatBy(trimmed, cast);
  if (actor) return { speakerId: actor, confidence: CLAIM.silentBeat };
  const pronoun = /^(he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.exec(trimmed)?.[1].toLowerCase();
  if (!pronoun) return null;
  const gender = /^(?:she|ela|ella)$/u.test(pronoun) ? 'female' : 'male';
  const id = recent.find((candidate) => cast.genderOf(candidate) === gender);
  return id ? { speakerId: id, confidence: CLAIM.silentPronounBeat } : null;
}

/** A narrated paragraph short enough, and opening with an actor (a named person, "He", "She"), to be a beat. */
export function isSilentBeat(text: string, cast: Cast): boolean {
  const trimmed = text.trim();
  return (
    trimmed.length <= SILENT_BEAT_CHARS &&
    !/[:,]$/u.test(trimmed) &&
    (beatBy(trimmed, cast) !== null || /^(?:he|she|ele|ela|elle|ella|él)(?![\p{L}\p{N}])/iu.test(trimmed))
  );
}
