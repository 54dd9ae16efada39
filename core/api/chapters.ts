import { z } from 'zod';
import type { ChapterPlanTotals, ChapterRecord } from '../book/records';
import type { ChapterType } from '../manuscript/manuscript';
import { currentTotals } from '../planning/planGenerations';
import { nothingToSpeakIn, planMadeByEarlierPlanner, planRevision } from '../planning/planRevision';
import { Id, IsoDateTime, text } from './common';

/** Chapters of a project's book: list, read, edit (ETag-checked), reorder, merge, split, delete/restore, spoken preview. */
export const chapterTypes = [
  'title_page',
  'half_title',
  'copyright',
  'dedication',
  'epigraph',
  'contents',
  'also_by',
  'colophon',
  'front_matter',
  'preface',
  'introduction',
  'prologue',
  'chapter',
  'epilogue',
  'afterword',
  'acknowledgments',
  'about_the_author',
  'credits',
  'part',
  'back_matter',
] as const satisfies readonly ChapterType[];
// Fails to compile when ChapterType gains a member this list lacks.
const everyChapterTypeListed: Record<ChapterType, true> = Object.fromEntries(
  chapterTypes.map((type) => [type, true]),
) as Record<(typeof chapterTypes)[number], true>;
void everyChapterTypeListed;

/** Longest chapter text a single edit may send; bigger chapters are split first. */
export const MAX_CHAPTER_TEXT_CHARS = 200_000;

const ChapterStats = z.object({
  words: z.number().int(),
  characters: z.number().int(),
  estimatedMinutes: z.number(),
});

/** A doubt of chapter detection, with where to split when it knows (`offset` is what the split call takes). */
const ChapterWarningView = z
  .object({
    code: z.enum(['long_chapter', 'rejected_heading', 'numbering_gap', 'uncertain_start']),
    message: z.string(),
    offset: z.number().int().optional(),
    paragraphIndex: z.number().int().optional(),
    line: z.string().optional(),
  })
  .meta({ id: 'ChapterWarning' });

const ChapterDetection = z
  .object({ confidence: z.number().min(0).max(1), warnings: z.array(ChapterWarningView) })
  .meta({ id: 'ChapterDetection' });

/**
 * What the chapter's committed plan leaves a producer to check, from the counts kept on the chapter record
 * (docs/planning.md, "Read side"); null when the chapter has no current counts (not planned, re-planning, or planned
 * before counts were kept), which is never the same as nothing to check.
 */
const ChapterReview = z
  .object({
    segments: z.number().int(),
    flagged: z.number().int(),
    /** Segments of any kind whose speaker is unknown. */
    unknownSpeaker: z.number().int(),
    /** Dialogue segments whose speaker is unknown: these stop production. */
    unknownDialogue: z.number().int(),
  })
  .meta({ id: 'ChapterReview' });

const summaryFields = {
  id: Id,
  projectId: Id,
  order: z.number().int(),
  title: z.string(),
  chapterType: z.enum(chapterTypes),
  headingText: z.string(),
  stats: ChapterStats,
  deleted: z.boolean(),
  textVersion: z.number().int(),
  planStatus: z.enum(['none', 'planned', 'stale']),
  review: ChapterReview.nullable(),
  /** How sure the import was of this chapter and what it doubted; null once a person edits its text. */
  detection: ChapterDetection.nullable(),
  hasMaster: z.boolean(),
  /** The job whose mastering made the chapter's current audio (a production shows chapter by chapter what it did). */
  masteredByJobId: z.string().nullable(),
  planRevision: z
    .number()
    .int()
    .describe(
      'Grows with every change to what the chapter says or who says it (a text edit, a new plan, a line whose speaker or words changed); audio or a package made from another revision no longer matches the chapter',
    ),
  masterPlanRevision: z
    .number()
    .int()
    .nullable()
    .describe(
      'The planRevision the current audio was made from; null without audio, or for audio made before it was recorded',
    ),
  plannerRevision: z
    .number()
    .int()
    .nullable()
    .describe('The planner revision that made the plan; null when not planned, or planned before it was recorded'),
  planOutdated: z
    .boolean()
    .describe(
      'The plan was made by an earlier planner revision (one that cut or labelled lines differently): planning the chapter again makes it as the planner works now',
    ),
  lineEdits: z
    .number()
    .int()
    .describe(
      "Edits people made to the plan's lines (speakers, words, splits, merges, flags); planning again keeps chosen speakers and notes where a line's text is unchanged, and cuts the lines again",
    ),
  nothingToSpeak: z
    .enum(['speaker_labels_only', 'no_words'])
    .nullable()
    .describe(
      "Why production leaves the chapter out, or null when it has something to say (or planned before this was counted): every line is a speaker label that is never said, or has no words (a '* * *')",
    ),
  speakerIds: z
    .array(z.string())
    .nullable()
    .describe(
      "The characters (narrator included) who speak at least one line of the chapter's plan; null when not planned, or planned before this was counted",
    ),
  updatedAt: IsoDateTime,
  etag: z.string(),
};

export const ChapterSummary = z.object(summaryFields).meta({ id: 'ChapterSummary' });
export type ChapterSummary = z.infer<typeof ChapterSummary>;

export const ChapterView = z.object({ ...summaryFields, text: z.string() }).meta({ id: 'Chapter' });
export type ChapterView = z.infer<typeof ChapterView>;

export const ChapterList = z.object({ items: z.array(ChapterSummary) }).meta({ id: 'ChapterList' });

export const ListChaptersQuery = z.strictObject({ includeDeleted: z.enum(['true', 'false']).default('false') });

export const UpdateChapterRequest = z
  .strictObject({
    title: text(300, 1).optional(),
    chapterType: z.enum(chapterTypes).optional(),
    /** The chapter's new text, exactly as it should be stored (not trimmed). */
    text: z
      .string()
      .max(MAX_CHAPTER_TEXT_CHARS)
      .refine((value) => value.trim().length > 0, 'must not be empty')
      .optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'send at least one field')
  .meta({ id: 'UpdateChapterRequest' });
export type UpdateChapterRequest = z.infer<typeof UpdateChapterRequest>;

export const ReorderChaptersRequest = z
  .strictObject({ chapterIds: z.array(Id).min(1).max(5000) })
  .meta({ id: 'ReorderChaptersRequest' });

export const SplitChapterRequest = z
  .strictObject({
    /** UTF-16 index into the chapter text where the new chapter starts; strictly inside the text. */
    offset: z.number().int().min(1),
    /** Title of the new chapter; by default the heading found at the offset, or "<title> (continued)". */
    title: text(300, 1).optional(),
  })
  .meta({ id: 'SplitChapterRequest' });

export const SplitChapterResponse = z
  .object({ first: ChapterView, second: ChapterView })
  .meta({ id: 'SplitChapterResult' });

export const SpokenPreviewQuery = z.strictObject({
  /** First paragraph to return (0-based) and how many, so long chapters preview in pages. */
  start: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const SpokenPreview = z
  .object({
    chapterId: Id,
    language: z.string(),
    heading: z.object({ text: z.string(), spoken: z.string() }).nullable(),
    paragraphs: z.array(
      z.object({
        index: z.number().int(),
        /** UTF-16 offset of the paragraph in the chapter text. */
        offset: z.number().int(),
        text: z.string(),
        spoken: z.string(),
      }),
    ),
    totalParagraphs: z.number().int(),
  })
  .meta({ id: 'SpokenPreview' });
export type SpokenPreview = z.infer<typeof SpokenPreview>;

function reviewOf(record: ChapterRecord): ChapterSummary['review'] {
  const totals = record.planStatus === 'none' ? undefined : currentTotals(record);
  if (!totals) return null;
  const { segments, flagged, unknownSpeaker, unknownDialogue } = totals;
  return { segments, flagged, unknownSpeaker, unknownDialogue };
}

export function toChapterSummary(record: ChapterRecord): ChapterSummary {
  return {
    id: record.id,
    projectId: record.projectId,
    order: record.order,
    title: record.title,
    chapterType: record.chapterType,
    headingText: record.headingText,
    stats: record.stats,
    deleted: record.deleted,
    textVersion: record.textVersion,
    planStatus: record.planStatus,
    review: reviewOf(record),
    detection: record.detection ?? null,
    hasMaster: record.master !== null,
    masteredByJobId: record.master?.jobId ?? null,
    planRevision: planRevision(record),
    masterPlanRevision: record.master?.planRevision ?? null,
    plannerRevision: record.planStatus === 'none' ? null : (record.plannerRevision ?? null),
    planOutdated: planMadeByEarlierPlanner(record),
    lineEdits: record.segmentEdits ?? 0,
    nothingToSpeak: record.planStatus === 'none' ? null : nothingToSpeakIn(currentTotals(record)),
    speakerIds: record.planStatus === 'none' ? null : speakersOf(currentTotals(record)),
    updatedAt: record.updatedAt,
    etag: record.etag ?? '',
  };
}

/** Totals are kept by difference, so a speaker whose lines all moved to another stays with a count of 0. */
function speakersOf(totals: ChapterPlanTotals | undefined): string[] | null {
  if (!totals) return null;
  return Object.entries(totals.speakers)
    .filter(([, lines]) => lines > 0)
    .map(([speakerId]) => speakerId)
    .sort();
}

export function toChapterView(record: ChapterRecord): ChapterView {
  return { ...toChapterSummary(record), text: record.text };
}
