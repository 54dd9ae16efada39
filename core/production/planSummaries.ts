/**
 * What the preflight rules (preflight.ts) and the estimate need to know about a book's plan, read from each chapter's
 * plan totals (docs/planning.md, "Read side") rather than from every segment: a book of any length costs one outline
 * per chapter. Segments are read only for a chapter whose totals report lines production would skip or refuse (to
 * name each one), and for a chapter planned before totals were kept.
 */
import type { TypedCollection } from '../ports/typedCollection';
import type { ChapterRecord, SegmentRecord } from '../book/records';
import { UNKNOWN_SPEAKER } from '../book/records';
import { bookChapterOutlines, type ChapterOutline } from '../planning/bookDocuments';
import { currentTotals, readCommittedPlan } from '../planning/planGenerations';
import { isSilentOnPurpose, spokenPart } from '../planning/speakable';
import { billableCharacters } from '../ssml/text';
import { findSegmentProblems, type ChapterPlanSummary, type PreflightProblem, type SkippedItem } from './preflight';

export interface PlanSummaryDeps {
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
}

export interface BookPlanSummary {
  /** One per selected live chapter, for findPlanProblems. */
  summaries: ChapterPlanSummary[];
  /** Lines production would skip or refuse, and chapters with nothing to speak, by findSegmentProblems. */
  segmentProblems: PreflightProblem[];
  /** Chapters left out whole: nothing in them can be spoken. */
  skipped: SkippedItem[];
  /** The chapters production renders. */
  chapters: { chapterId: string; title: string; segmentCount: number }[];
  /** Segments of every selected chapter (rendered or skipped). */
  segmentCount: number;
  /** Of those, segments silent on purpose (a play's labels): never sent, so no request markup is billed for them. */
  unspokenSegments: number;
  /** Billable characters of their text, before any markup. */
  billableCharacters: number;
  /** The same counts over every live chapter, selected or not, when asked for (`countBook`); else the selection's. */
  book: { segmentCount: number; unspokenSegments: number; billableCharacters: number };
}

interface ChapterReading {
  segments: number;
  unspoken: number;
  unknownDialogue: number;
  dialogueSpeakers: string[];
  billableCharacters: number;
  problems: PreflightProblem[];
}

/**
 * The plan of the book's live chapters (all, or those in `chapterIds`) in reading order. `language` is the book's:
 * the spoken-form checks depend on it; without one (no project) lines are not checked.
 */
export async function summarizeBookPlan(
  deps: PlanSummaryDeps,
  tenantId: string,
  projectId: string,
  chapterIds: readonly string[] | null | undefined,
  language: string | undefined,
  options: { countBook?: boolean } = {},
): Promise<BookPlanSummary> {
  const book = await bookChapterOutlines(deps.chapters, tenantId, projectId);
  const selected = (chapter: ChapterOutline) => !chapterIds || chapterIds.includes(chapter.id);
  const outlines = book.filter(selected);
  const result: BookPlanSummary = {
    summaries: [],
    segmentProblems: [],
    skipped: [],
    chapters: [],
    segmentCount: 0,
    unspokenSegments: 0,
    billableCharacters: 0,
    book: { segmentCount: 0, unspokenSegments: 0, billableCharacters: 0 },
  };
  for (const outline of outlines) {
    const reading = await readChapter(deps, outline, language);
    result.summaries.push({
      chapter: { id: outline.id, title: outline.title, planStatus: outline.planStatus, deleted: outline.deleted },
      segmentCount: reading.segments,
      unknownSpeakerSegments: reading.unknownDialogue,
      speakerIds: reading.dialogueSpeakers,
    });
    result.segmentProblems.push(...reading.problems);
    if (reading.problems.some((problem) => problem.code === 'chapter_silent'))
      result.skipped.push({ chapterId: outline.id, reason: 'nothing_to_speak' });
    else result.chapters.push({ chapterId: outline.id, title: outline.title, segmentCount: reading.segments });
    result.segmentCount += reading.segments;
    result.unspokenSegments += reading.unspoken;
    result.billableCharacters += reading.billableCharacters;
  }
  result.book = {
    segmentCount: result.segmentCount,
    unspokenSegments: result.unspokenSegments,
    billableCharacters: result.billableCharacters,
  };
  if (options.countBook)
    for (const outline of book.filter((chapter) => !selected(chapter))) {
      const counted = await countChapter(deps, outline, language);
      result.book.segmentCount += counted.segments;
      result.book.unspokenSegments += counted.unspoken;
      result.book.billableCharacters += counted.billableCharacters;
    }
  return result;
}

/** A chapter's size only (no checks): from its plan totals, or its plan when it has none. */
async function countChapter(
  deps: PlanSummaryDeps,
  outline: ChapterOutline,
  language: string | undefined,
): Promise<{ segments: number; unspoken: number; billableCharacters: number }> {
  const totals = currentTotals(outline, language);
  if (totals)
    return { segments: totals.segments, unspoken: totals.unspoken ?? 0, billableCharacters: totals.billableCharacters };
  const segments = await planOf(deps, outline);
  return {
    segments: segments.length,
    unspoken: segments.filter(isSilentOnPurpose).length,
    billableCharacters: segments.reduce((sum, segment) => sum + billableCharacters(spokenPart(segment)), 0),
  };
}

async function readChapter(
  deps: PlanSummaryDeps,
  outline: ChapterOutline,
  language: string | undefined,
): Promise<ChapterReading> {
  const totals = currentTotals(outline, language);
  if (totals) {
    const named = language !== undefined && (totals.nothingToSpeak > 0 || totals.tooLong > 0);
    return {
      segments: totals.segments,
      unspoken: totals.unspoken ?? 0,
      unknownDialogue: totals.unknownDialogue,
      dialogueSpeakers: Object.keys(totals.dialogueSpeakers),
      billableCharacters: totals.billableCharacters,
      problems: named ? findSegmentProblems(outline, await planOf(deps, outline), language) : [],
    };
  }
  const segments = await planOf(deps, outline);
  const dialogue = segments.filter((segment) => segment.kind === 'dialogue');
  return {
    segments: segments.length,
    unspoken: segments.filter(isSilentOnPurpose).length,
    unknownDialogue: dialogue.filter((segment) => segment.speakerId === UNKNOWN_SPEAKER).length,
    dialogueSpeakers: [...new Set(dialogue.map((segment) => segment.speakerId))],
    billableCharacters: segments.reduce((sum, segment) => sum + billableCharacters(spokenPart(segment)), 0),
    problems: language === undefined ? [] : findSegmentProblems(outline, segments, language),
  };
}

/** The chapter's committed plan, read whole. */
async function planOf(deps: PlanSummaryDeps, outline: ChapterOutline): Promise<SegmentRecord[]> {
  const chapter = await deps.chapters.get(outline.tenantId, outline.projectId, outline.id);
  if (!chapter) return [];
  return (await readCommittedPlan(deps.chapters, deps.segments, chapter)).segments;
}
