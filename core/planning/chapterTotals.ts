/**
 * A chapter's plan totals (docs/planning.md, "Read side"): counts over the segments of one plan generation, stored on
 * the chapter so that listings and the production estimate read one small document per chapter instead of every
 * segment. Written whole when a plan is committed; every edit of a segment afterwards adjusts them by the difference
 * between the segments it replaced and the ones it wrote, with an ETag-conditional write of the chapter.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterPlanTotals, ChapterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { PreconditionFailedError } from '../errors';
import { findSegmentProblems } from '../production/preflight';
import { billableCharacters } from '../ssml/text';
import { committedGeneration, readCommittedPlan } from './planGenerations';
import { hasUnspokenPart, isSilentOnPurpose, spokenPart } from './speakable';

export type CountedSegment = Pick<
  SegmentRecord,
  'id' | 'index' | 'kind' | 'text' | 'speakerId' | 'flagged' | 'unspokenChars'
>;

/** Each lost race means another writer's adjustment was stored; this only stops a runaway. */
const MAX_ADJUST_ATTEMPTS = 100;

function emptyTotals(generation: number, language: string): ChapterPlanTotals {
  return {
    generation,
    segments: 0,
    characters: 0,
    billableCharacters: 0,
    unknownSpeaker: 0,
    unknownDialogue: 0,
    flagged: 0,
    speakers: {},
    dialogueSpeakers: {},
    nothingToSpeak: 0,
    tooLong: 0,
    language,
  };
}

/** Adds (sign +1) or removes (sign -1) the segments' counts. Every count is a sum over segments, so this is exact. */
function accumulate(totals: ChapterPlanTotals, segments: CountedSegment[], sign: 1 | -1): ChapterPlanTotals {
  const next: ChapterPlanTotals = {
    ...totals,
    speakers: { ...totals.speakers },
    dialogueSpeakers: { ...totals.dialogueSpeakers },
  };
  const bump = (map: Record<string, number>, key: string) => {
    const count = (map[key] ?? 0) + sign;
    if (count > 0) map[key] = count;
    else delete map[key];
  };
  for (const segment of segments) {
    const unknown = segment.speakerId === UNKNOWN_SPEAKER;
    const dialogue = segment.kind === 'dialogue';
    next.segments += sign;
    next.characters += sign * segment.text.length;
    // What is never said (a script's speaker label) is never billed.
    next.billableCharacters += sign * billableCharacters(spokenPart(segment));
    if (unknown) next.unknownSpeaker += sign;
    if (unknown && dialogue) next.unknownDialogue += sign;
    if (segment.flagged) next.flagged += sign;
    if (isSilentOnPurpose(segment)) next.unspoken = (next.unspoken ?? 0) + sign;
    bump(next.speakers, segment.speakerId);
    if (dialogue) bump(next.dialogueSpeakers, segment.speakerId);
  }
  // The preflight rules decide what production skips or refuses; each segment is judged on its own text.
  const problems = findSegmentProblems({ id: '', title: '' }, segments, totals.language);
  // A label silent on purpose is no line skipped, whether or not the segments counted here say anything.
  const silent = problems.some((problem) => problem.code === 'chapter_silent')
    ? segments.filter((segment) => !hasUnspokenPart(segment)).length
    : problems.filter((problem) => problem.code === 'nothing_to_speak').length;
  next.nothingToSpeak += sign * silent;
  // Only a play has any: the totals of prose stay as they were, field for field.
  if (next.unspoken === 0) delete next.unspoken;
  next.tooLong += sign * problems.filter((problem) => problem.code === 'segment_too_long').length;
  return next;
}

/** The totals of one generation's segments. */
export function totalsOf(segments: CountedSegment[], generation: number, language: string): ChapterPlanTotals {
  return accumulate(emptyTotals(generation, language), segments, 1);
}

/** The totals after `before` were replaced by `after` (either may be empty: a segment created or deleted). */
export function adjustedTotals(
  totals: ChapterPlanTotals,
  before: CountedSegment[],
  after: CountedSegment[],
): ChapterPlanTotals {
  return accumulate(accumulate(totals, before, -1), after, 1);
}

/** Whether two totals hold the same counts (maps compared by content, not by the order of their keys). */
export function sameTotals(a: ChapterPlanTotals, b: ChapterPlanTotals): boolean {
  const canonical = (totals: ChapterPlanTotals) =>
    JSON.stringify(totals, (_key, value: unknown) =>
      value && typeof value === 'object' && !Array.isArray(value)
        ? Object.fromEntries(Object.entries(value).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : value,
    );
  return canonical(a) === canonical(b);
}

/**
 * Counts the chapter's committed plan again and stores the totals (the consistency check's repair, after a writer
 * stopped between a segment edit and the adjustment). Keeps the language they were counted in; a chapter without
 * totals is left without.
 */
export async function recountChapterTotals(
  deps: { chapters: TypedCollection<ChapterRecord>; segments: TypedCollection<SegmentRecord> },
  tenantId: string,
  projectId: string,
  chapterId: string,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const loaded = await deps.chapters.get(tenantId, projectId, chapterId);
    if (!loaded || !loaded.planTotals) return;
    const { chapter, segments } = await readCommittedPlan(deps.chapters, deps.segments, loaded);
    const planTotals = totalsOf(segments, committedGeneration(chapter), loaded.planTotals.language);
    try {
      await deps.chapters.replace({ ...chapter, planTotals }, chapter.etag!);
      return;
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ADJUST_ATTEMPTS) throw error;
    }
  }
}
