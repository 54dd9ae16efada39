/** Scoring predicted speaker labels against the gold labels of the excerpts. */
import { REVIEW_CONFIDENCE } from '../../core/planning/planService';
import type { AttributionEngine, SpeakerLabel } from '../../core/ports/analysis';
import { benchCharacters, type PreparedExcerpt } from './dataset';

/** Labels at or above this confidence count as "confident" (not flagged for review). */
export const CONFIDENT = 0.7;

export interface Tally {
  segments: number;
  correct: number;
  /** Labels other than `unknown`. */
  labelled: number;
  confident: number;
  confidentCorrect: number;
  /** Segments a person would be asked to review: no speaker, or confidence below the review threshold. */
  flagged: number;
  promptTokens: number;
  completionTokens: number;
}

export interface Scores {
  segments: number;
  accuracy: number;
  coverage: number;
  /** Accuracy among the labels other than `unknown`. */
  precision: number;
  /** Accuracy among the labels the engine gave with confidence ≥ CONFIDENT. */
  confidentPrecision: number;
  /** Share of segments labelled with confidence ≥ CONFIDENT. */
  confidentShare: number;
  /** Share of segments flagged for review. */
  flaggedShare: number;
}

export function emptyTally(): Tally {
  return {
    segments: 0,
    correct: 0,
    labelled: 0,
    confident: 0,
    confidentCorrect: 0,
    flagged: 0,
    promptTokens: 0,
    completionTokens: 0,
  };
}

export function addTally(a: Tally, b: Tally): Tally {
  const sum = emptyTally();
  for (const key of Object.keys(sum) as (keyof Tally)[]) sum[key] = a[key] + b[key];
  return sum;
}

/** Compares the labels of one excerpt with its gold speakers. */
export function tallyExcerpt(
  prepared: PreparedExcerpt,
  labels: SpeakerLabel[],
  segmentId: (index: number) => string,
): Tally {
  const byId = new Map(labels.map((label) => [label.segmentId, label]));
  const tally = emptyTally();
  for (const { segment, speakerId } of prepared.gold) {
    const label = byId.get(segmentId(segment.index));
    tally.segments++;
    if (!label || label.speakerId === 'unknown' || label.confidence < REVIEW_CONFIDENCE) tally.flagged++;
    if (!label || label.speakerId === 'unknown') continue;
    tally.labelled++;
    const right = label.speakerId === speakerId;
    if (right) tally.correct++;
    if (label.confidence >= CONFIDENT) {
      tally.confident++;
      if (right) tally.confidentCorrect++;
    }
  }
  return tally;
}

export function scores(tally: Tally): Scores {
  const ratio = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    segments: tally.segments,
    accuracy: ratio(tally.correct, tally.segments),
    coverage: ratio(tally.labelled, tally.segments),
    precision: ratio(tally.correct, tally.labelled),
    confidentPrecision: ratio(tally.confidentCorrect, tally.confident),
    confidentShare: ratio(tally.confident, tally.segments),
    flaggedShare: ratio(tally.flagged, tally.segments),
  };
}

/** Runs the engine on one excerpt (as one chapter) and tallies it. */
export async function runExcerpt(engine: AttributionEngine, prepared: PreparedExcerpt): Promise<Tally> {
  const chapterId = prepared.excerpt.id;
  const segmentId = (index: number) => `${chapterId}#${index}`;
  const { labels, usage } = await engine.attribute({
    chapter: { id: chapterId, language: prepared.excerpt.language },
    segments: prepared.segments.map((segment) => ({
      id: segmentId(segment.index),
      kind: segment.kind,
      text: segment.text,
      chapterId,
      index: segment.index,
      boundaryBefore: segment.boundaryBefore,
    })),
    characters: benchCharacters(prepared.excerpt),
  });
  return {
    ...tallyExcerpt(prepared, labels, segmentId),
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
  };
}
