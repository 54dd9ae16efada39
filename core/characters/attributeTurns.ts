/**
 * Turn-level inference for the heuristic attributor. A paragraph of dialogue is one speaker's turn; in a run of
 * turns not broken by narration, two people usually alternate, so a known turn tells who speaks two turns earlier
 * and later; and the person a turn addresses by name usually answers in the next one.
 */

/** The parts of a segment and a label this module reads (structural, so it needs no import from the attributor). */
interface AttributableSegment {
  id: string;
  kind: 'narration' | 'dialogue' | 'heading';
  text: string;
  boundaryBefore?: string;
}

interface SpeakerLabel {
  segmentId: string;
  speakerId: string;
  confidence: number;
}

const SAME_PARAGRAPH = 0.85;
const ALTERNATION = 0.55;
const ADDRESSED_ANSWERS = 0.45;
const DECAY = 0.85;
const MAX_REACH = 6;

interface Turn {
  positions: number[];
  label: { speakerId: string; confidence: number } | null;
  addressed: string[];
}

function startsParagraph(segment: AttributableSegment, position: number): boolean {
  return (
    position === 0 ||
    segment.boundaryBefore === undefined ||
    !['dialogue_turn', 'sentence'].includes(segment.boundaryBefore)
  );
}

/** Runs of dialogue paragraphs with no narration-only paragraph between them. */
function turnRuns(ordered: AttributableSegment[], addressedIn: (text: string) => string[]): Turn[][] {
  const runs: Turn[][] = [[]];
  let paragraph: number[] = [];
  const close = () => {
    if (paragraph.length === 0) return;
    const dialogue = paragraph.filter((position) => ordered[position].kind === 'dialogue');
    if (dialogue.length === 0) runs.push([]);
    else
      runs[runs.length - 1].push({
        positions: dialogue,
        label: null,
        addressed: dialogue.flatMap((position) => addressedIn(ordered[position].text)),
      });
    paragraph = [];
  };
  ordered.forEach((segment, position) => {
    if (startsParagraph(segment, position)) close();
    paragraph.push(position);
  });
  close();
  return runs.filter((run) => run.length > 0);
}

function bestLabel(turn: Turn, found: (SpeakerLabel | null)[]): Turn['label'] {
  let best: Turn['label'] = null;
  for (const position of turn.positions) {
    const label = found[position];
    if (label && label.speakerId !== 'unknown' && (!best || label.confidence > best.confidence))
      best = { speakerId: label.speakerId, confidence: label.confidence };
  }
  return best;
}

/** Fills unlabelled dialogue in `found` from paragraph mates, alternation and addressed names. */
export function propagateTurns(
  ordered: AttributableSegment[],
  found: (SpeakerLabel | null)[],
  addressedIn: (text: string) => string[],
): void {
  for (const run of turnRuns(ordered, addressedIn)) {
    for (const turn of run) turn.label = bestLabel(turn, found);
    for (let changed = true, round = 0; changed && round < 4; round++) {
      changed = false;
      run.forEach((turn, k) => {
        if (turn.label) return;
        const inferred = alternation(run, k) ?? addressedAnswer(run, k);
        if (inferred) {
          turn.label = inferred;
          changed = true;
        }
      });
    }
    for (const turn of run) {
      if (!turn.label) continue;
      for (const position of turn.positions) {
        if (found[position] && found[position]!.speakerId !== 'unknown') continue;
        found[position] = {
          segmentId: ordered[position].id,
          speakerId: turn.label.speakerId,
          confidence: Math.min(turn.label.confidence, SAME_PARAGRAPH),
        };
      }
    }
  }
}

function alternation(run: Turn[], k: number): Turn['label'] {
  for (let step = 2; step <= MAX_REACH; step += 2) {
    for (const candidate of [run[k - step], run[k + step]]) {
      if (!candidate?.label) continue;
      const speaker = candidate.label.speakerId;
      const neighbours = [run[k - 1], run[k + 1]].filter((turn) => turn?.label);
      if (neighbours.some((turn) => turn.label!.speakerId === speaker)) continue;
      if (run[k].addressed.includes(speaker)) continue;
      return {
        speakerId: speaker,
        confidence: ALTERNATION * DECAY ** (step / 2 - 1) * Math.min(1, candidate.label.confidence / 0.9),
      };
    }
  }
  return null;
}

function addressedAnswer(run: Turn[], k: number): Turn['label'] {
  const previous = run[k - 1];
  if (!previous) return null;
  const addressed = previous.addressed.filter((id) => id !== previous.label?.speakerId);
  return addressed.length === 1 ? { speakerId: addressed[0], confidence: ADDRESSED_ANSWERS } : null;
}
