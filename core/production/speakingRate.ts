/**
 * How long a plan sounds once produced: its spoken text at the speaking rate of the voices cast to read it. The rate
 * is the engine's (its voices read at different speeds) changed by the prosody the casting gives the narrator, who
 * reads the narration, most of any book. Markup sent around the text (voice, prosody) is billed but never heard, so
 * it is not counted here.
 */
import type { VoiceAssignment } from '../casting/casting';
import type { SpeechEngine } from '../ports/speech';

/**
 * Characters of spoken text per minute of the finished chapter, the pauses between lines included, at a voice's own
 * rate. Azure's neural voices read at an audiobook's usual rate (docs/domain.md: about 155 words or 990 characters a
 * minute). The offline engine (espeak-ng) was measured on two produced chapters, its voices at their default rate and
 * the default pauses: Dubliners' "The Sisters" (16,231 characters in 123 lines, a master of 1,025 s: 950 a minute)
 * and A Christmas Carol's fifth stave (12,274 characters in 150 lines, 862 s: 854 a minute). 900 is within 6 % of
 * both; the lines' pauses (0.64–0.69 s each) are most of the difference between them.
 */
export const CHARACTERS_PER_MINUTE: Readonly<Record<SpeechEngine, number>> = {
  azure: 990,
  offline: 900,
};

/** Characters a minute for this engine, sped up or slowed down by the narrator's cast rate (`ratePercent`). */
export function speakingRate(engine: SpeechEngine, narratorVoice: Pick<VoiceAssignment, 'ratePercent'> | null): number {
  const factor = 1 + (narratorVoice?.ratePercent ?? 0) / 100;
  return CHARACTERS_PER_MINUTE[engine] * Math.max(0.1, factor);
}

/** Seconds of finished audio that `characters` of spoken text become at `charactersPerMinute`. */
export function audioSecondsAt(characters: number, charactersPerMinute: number): number {
  return Math.ceil((characters / charactersPerMinute) * 60);
}
