/**
 * What a chapter's plan must be (docs/planning.md): its segments sit at positions 0 … n-1, each exactly once, and
 * their texts concatenated give back the chapter text exactly. Checked after a chapter is planned and by the
 * operator's consistency check; a plan cut from text that has changed since (`stale`) is only held to its positions.
 */
import type { ChapterRecord, SegmentRecord } from '../book/records';

export type PlanProblemKind = 'duplicate_positions' | 'missing_positions' | 'text_mismatch';

export interface PlanProblem {
  kind: PlanProblemKind;
  message: string;
}

/** Problems of one chapter's committed segments (any order); empty when the plan holds. */
export function planProblems(
  chapter: Pick<ChapterRecord, 'text' | 'planStatus'>,
  segments: Pick<SegmentRecord, 'index' | 'text'>[],
): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const seen = new Map<number, number>();
  for (const segment of segments) seen.set(segment.index, (seen.get(segment.index) ?? 0) + 1);
  const duplicated = [...seen].filter(([, times]) => times > 1).map(([index]) => index);
  if (duplicated.length > 0)
    problems.push({
      kind: 'duplicate_positions',
      message: `${duplicated.length} positions hold more than one segment (first: ${Math.min(...duplicated)})`,
    });
  const missing: number[] = [];
  for (let index = 0; index < seen.size; index++) if (!seen.has(index)) missing.push(index);
  if (missing.length > 0)
    problems.push({
      kind: 'missing_positions',
      message: `positions are not 0 … ${seen.size - 1}: ${missing.length} missing (first: ${missing[0]})`,
    });
  if (chapter.planStatus === 'planned' && problems.length === 0) {
    const planned = [...segments]
      .sort((a, b) => a.index - b.index)
      .map((segment) => segment.text)
      .join('');
    if (planned !== chapter.text) {
      const at = firstDifference(planned, chapter.text);
      problems.push({
        kind: 'text_mismatch',
        message: `the segments spell ${planned.length} characters, the chapter has ${chapter.text.length}; they differ from offset ${at}`,
      });
    }
  }
  return problems;
}

function firstDifference(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) if (a[i] !== b[i]) return i;
  return length;
}
