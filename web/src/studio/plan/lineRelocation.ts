import type { SegmentPatch } from '../../api/segments';
import type { Segment } from '../../api/types';

/**
 * How far a line may have moved when its chapter's plan was written again: new words keep every position, a split or
 * merge of another line moves the later ones by one.
 */
const REACH = 2;

/**
 * The line an edit was made on, in the chapter as read again after its plan was written anew (new words, a split or a
 * merge of a line: every id changes): the one with the same words nearest the position it had. Undefined when no
 * line within reach has those words (the line itself was split, merged or given new words meanwhile).
 */
export function relocate(lines: Segment[], line: Segment): Segment | undefined {
  const distance = (candidate: Segment) => Math.abs(candidate.index - line.index);
  return lines
    .filter((candidate) => candidate.text === line.text && distance(candidate) <= REACH)
    .sort((a, b) => distance(a) - distance(b))[0];
}

/**
 * Whether a field the edit changes no longer holds the value the edit was made over (`undo`): someone else changed
 * it, so sending the edit to the line's new version would overwrite their change unseen.
 */
export function changedMeanwhile(line: Segment, undo: SegmentPatch): boolean {
  return (Object.keys(undo) as (keyof SegmentPatch)[]).some(
    (field) => undo[field] !== undefined && line[field] !== undo[field],
  );
}
