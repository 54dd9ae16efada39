/**
 * A label's confidence: the turn-taking probability calibrated on labelled lines, so that 0.7 (the review
 * threshold) means right nearly always, and capped where the label rests on turn-taking alone or on someone the
 * book only describes.
 */
import type { TurnEvidence } from '../attributeTurns';
import { NARRATOR_ID } from '../character';
import type { Cast } from './cast';
import type { TurnReading } from './chapterReading';

/**
 * The turn-taking probability that a confident label (0.7, the review threshold) starts from. The model treats its
 * evidence as independent, which it is not quite, so its probabilities run high: on the labelled development
 * lines, those from 0.7 to 0.8 were right about 85 % of the time, those of 0.8 and more 99 %. Confidences are the
 * probabilities stretched so that 0.7 begins where precision reaches 97 % and more (docs/dialogue-and-attribution.md).
 */
const CONFIDENT_FROM = 0.8;
/**
 * A speaker no evidence in the turn itself names, found by turn-taking alone (who spoke two turns before, who was
 * addressed, who was named last), is never sure enough to be heard without review: its probabilities run higher
 * still, and a missed interjection or a speech running over paragraphs shifts a whole alternation by one. Such labels
 * of probability 0.9 and more were right about 95 % of the time on the development books but 85 % on books never
 * used for tuning, against 96 % for labels with evidence of their own. Their confidence is the probability scaled
 * below the review threshold, so that the likelier still sorts first.
 */
const INFERRED_CEILING = 0.69;
/**
 * A claim at least this reliable, naming the speaker within the turn, is the turn's own evidence for its label: a
 * named or first-person tag, a named introduction. A pronoun with one candidate, a relative by family name or a line
 * naming its speaker (claimed 0.9) is not enough alone: such labels were right 94 % of the time on the development
 * books and 80 % on books never used for tuning.
 */
const OWN_EVIDENCE = 0.91;
const CONFIDENT = 0.7;

/**
 * A label's confidence from its turn-taking probability, and whether the turn's own evidence names the speaker (a
 * tag, an introduction, the line naming its speaker) or turn-taking alone found them.
 */
export function labelConfidence(probability: number, ownEvidence: boolean): number {
  const confidence = !ownEvidence
    ? probability * INFERRED_CEILING
    : probability < CONFIDENT_FROM
      ? (probability * CONFIDENT) / CONFIDENT_FROM
      : CONFIDENT + ((probability - CONFIDENT_FROM) * (1 - CONFIDENT)) / (1 - CONFIDENT_FROM);
  return Math.round(Math.min(1, Math.max(0, confidence)) * 100) / 100;
}

/**
 * Someone the book only describes ("the lady", "my wife", "minha mãe"), speaking while a person of that gender the
 * cast names is in the scene, is often that person under another name (the client a story names, the mother others
 * call by her name): on books never used for tuning, confident labels for described people were right about two
 * times in three (on the development books, whose described speakers are mostly never named, 97 %). Such a label
 * is kept but never confident.
 */
const DESCRIBED_CONFIDENCE = 0.6;

function mayBeSomeoneNamed(speakerId: string, recent: string[], cast: Cast): boolean {
  if (!cast.describedOnly(speakerId)) return false;
  const gender = cast.genderOf(speakerId);
  return recent.some(
    (id) =>
      id !== speakerId &&
      id !== NARRATOR_ID &&
      !cast.describedOnly(id) &&
      (gender === 'unknown' || cast.genderOf(id) === gender),
  );
}

/** Whether the turn's own evidence names the speaker it was given (rather than turn-taking alone). */
export function namedByOwnEvidence(evidence: TurnEvidence, speakerId: string): boolean {
  return evidence.claims.some((claim) => claim.speakerId === speakerId && claim.confidence >= OWN_EVIDENCE);
}

/** The confidence of the label giving a turn, read as `reading`, to the speaker turn-taking believed likeliest. */
export function speakerConfidence(
  belief: { speakerId: string; probability: number },
  reading: TurnReading,
  cast: Cast,
): number {
  const confidence = labelConfidence(belief.probability, namedByOwnEvidence(reading.evidence, belief.speakerId));
  return mayBeSomeoneNamed(belief.speakerId, reading.recent, cast)
    ? Math.min(confidence, DESCRIBED_CONFIDENCE)
    : confidence;
}
