import { z } from 'zod';
import type { SegmentRecord } from '../book/records';
import { ContinuationQuery, Id, IsoDateTime, page, text } from './common';

/** Longest text a segment may be edited to (segmentation cuts at 1,500 characters). */
export const MAX_SEGMENT_TEXT = 5000;

const booleanFlag = z.enum(['true', 'false']).transform((value) => value === 'true');

export const SegmentView = z
  .object({
    id: Id,
    projectId: Id,
    chapterId: Id,
    index: z.number().int(),
    kind: z.enum(['narration', 'dialogue', 'heading']),
    text: z.string().describe("The exact slice of the chapter text; a chapter's segments concatenate to its text"),
    unspokenChars: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("How many characters at the start of `text` are shown but never said (a play's speaker label)"),
    boundaryBefore: z.enum(['chapter_head', 'paragraph', 'sentence', 'dialogue_turn', 'scene_break']),
    speakerId: z.string().describe("'narrator', 'unknown' or a character id"),
    speakerConfidence: z.number(),
    speakerSource: z.enum(['heuristic', 'llm', 'user']),
    flagged: z.boolean(),
    revisionNote: z.string().nullable(),
    chapterTextVersion: z.number().int(),
    takes: z.array(
      z.object({
        takeId: z.string(),
        contentHash: z.string(),
        durationMs: z.number(),
        createdAt: IsoDateTime,
      }),
    ),
    currentTakeId: z.string().nullable().describe('null when the segment needs (re-)rendering'),
    etag: z.string(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
  })
  .meta({ id: 'Segment' });
export type SegmentView = z.infer<typeof SegmentView>;

export const SegmentPage = page(SegmentView).meta({ id: 'SegmentPage' });

/** Largest page of a book-wide listing; one chapter's listing may ask for pages of up to a thousand segments. */
export const MAX_SEGMENT_PAGE = 100;
export const MAX_CHAPTER_SEGMENT_PAGE = 1000;

export const ListSegmentsQuery = ContinuationQuery.extend({
  pageSize: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_CHAPTER_SEGMENT_PAGE)
    .default(25)
    .describe(`At most ${MAX_SEGMENT_PAGE}, or ${MAX_CHAPTER_SEGMENT_PAGE} when \`chapterId\` is given`),
  chapterId: Id.optional(),
  speakerId: z.string().max(100).optional(),
  unknown: booleanFlag.optional(),
  flagged: booleanFlag.optional(),
})
  .strict()
  .refine((query) => query.chapterId !== undefined || query.pageSize <= MAX_SEGMENT_PAGE, {
    path: ['pageSize'],
    message: `must be at most ${MAX_SEGMENT_PAGE} unless chapterId is given (then ${MAX_CHAPTER_SEGMENT_PAGE})`,
  });

export const UpdateSegmentRequest = z
  .strictObject({
    speakerId: z.string().min(1).max(100).optional(),
    text: z.string().max(MAX_SEGMENT_TEXT).optional(),
    flagged: z.boolean().optional(),
    revisionNote: text(2000).nullable().optional(),
  })
  .refine((body) => Object.keys(body).length > 0, 'send at least one field')
  .meta({ id: 'UpdateSegmentRequest' });

export const SplitSegmentRequest = z
  .strictObject({ offset: z.number().int().min(1).max(MAX_SEGMENT_TEXT) })
  .meta({ id: 'SplitSegmentRequest' });

export const SplitSegmentResult = z.object({ segments: z.array(SegmentView) }).meta({ id: 'SplitSegmentResult' });

export function toSegmentView(segment: SegmentRecord): SegmentView {
  return {
    id: segment.id,
    projectId: segment.projectId,
    chapterId: segment.chapterId,
    index: segment.index,
    kind: segment.kind,
    text: segment.text,
    ...(segment.unspokenChars ? { unspokenChars: segment.unspokenChars } : {}),
    boundaryBefore: segment.boundaryBefore,
    speakerId: segment.speakerId,
    speakerConfidence: segment.speakerConfidence,
    speakerSource: segment.speakerSource,
    flagged: segment.flagged,
    revisionNote: segment.revisionNote,
    chapterTextVersion: segment.chapterTextVersion,
    takes: segment.takes.map(({ takeId, contentHash, durationMs, createdAt }) => ({
      takeId,
      contentHash,
      durationMs,
      createdAt,
    })),
    currentTakeId: segment.currentTakeId,
    etag: segment.etag ?? '',
    createdAt: segment.createdAt,
    updatedAt: segment.updatedAt,
  };
}
