/**
 * What the studio compares to tell whether audio and packages still match a chapter's plan, and whether a plan was
 * made the way the planner works now (docs/planning.md, "Plan revisions").
 */
import type { ChapterPlanTotals, ChapterRecord } from '../book/records';

/**
 * The planner's revision, recorded on every plan it commits. Raise it when planning a chapter again would cut or label
 * it differently, so plans made before say they are out of date. 1: a play's speaker labels are cut as unspoken.
 */
export const PLANNER_REVISION = 1;

/**
 * A number that grows with every change to what a chapter says or who says it: a text edit (`textVersion`), a new
 * plan (`planGeneration`) and a line edit that changes a speaker or words (`audibleEdits`). Each of the three only
 * grows, so their sum differs from any earlier one; audio made from one revision no longer matches once it moves.
 */
export function planRevision(chapter: Pick<ChapterRecord, 'textVersion' | 'planGeneration' | 'audibleEdits'>): number {
  // A plan made before generations existed counts as generation 0 (planGenerations.ts, which imports this module).
  return chapter.textVersion + (chapter.planGeneration ?? 0) + (chapter.audibleEdits ?? 0);
}

/** Why production leaves a chapter out whole, as preflight decides it (core/production/preflight.ts). */
export type NothingToSpeak = 'speaker_labels_only' | 'no_words';

/**
 * Whether a chapter's committed plan has nothing production would say, from its current plan totals
 * (planGenerations.ts currentTotals): every line is a speaker label never said, or has no words (a "* * *" between
 * scenes). Null when it has something, or when there are no totals (not planned, or planned before totals were kept):
 * that is not known from them.
 */
export function nothingToSpeakIn(totals: ChapterPlanTotals | undefined): NothingToSpeak | null {
  if (!totals || totals.segments === 0) return null;
  const unspoken = totals.unspoken ?? 0;
  if (totals.nothingToSpeak + unspoken < totals.segments) return null;
  return unspoken === totals.segments ? 'speaker_labels_only' : 'no_words';
}

/** Whether the chapter's plan was made by an earlier planner (false when it was not planned or its maker is unknown). */
export function planMadeByEarlierPlanner(chapter: Pick<ChapterRecord, 'planStatus' | 'plannerRevision'>): boolean {
  return (
    chapter.planStatus !== 'none' && chapter.plannerRevision !== undefined && chapter.plannerRevision < PLANNER_REVISION
  );
}
