import { z } from 'zod';
import {
  chapterDecisions,
  REVIEW_LIMITS,
  threadStatuses,
  type ChapterApprovalRecord,
  type ChapterReviewState,
  type ReviewSummary,
  type ReviewThreadRecord,
} from '../review/review';
import { Id, IsoDateTime, text } from './common';

/** Review: comment threads on chapters and segments, and a reviewer's decision per chapter. */

/** Multi-line text (comments keep their line breaks) without control characters other than tab and newlines. */
function body(max: number) {
  return (
    z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(max)
      // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
      .refine((s) => !/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/.test(s), 'must not contain control characters')
  );
}

export const ReviewAuthorView = z.object({ userId: z.string(), name: z.string() }).meta({ id: 'ReviewAuthor' });

export const ReviewCommentView = z
  .object({ id: z.string(), author: ReviewAuthorView, body: z.string(), createdAt: IsoDateTime })
  .meta({ id: 'ReviewComment' });

export const ReviewThreadView = z
  .object({
    id: Id,
    projectId: Id,
    chapterId: Id,
    segmentId: Id.nullable(),
    quote: z.string().nullable(),
    status: z.enum(threadStatuses),
    comments: z.array(ReviewCommentView),
    resolvedBy: ReviewAuthorView.nullable(),
    resolvedAt: IsoDateTime.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'ReviewThread' });
export type ReviewThreadView = z.infer<typeof ReviewThreadView>;

export const ReviewThreadList = z.object({ items: z.array(ReviewThreadView) }).meta({ id: 'ReviewThreadList' });

export const ChapterApprovalView = z
  .object({
    chapterId: Id,
    decision: z.enum(chapterDecisions),
    note: z.string().nullable(),
    chapterTextVersion: z.number().int().describe('The chapter text version the decision was made on'),
    decidedBy: ReviewAuthorView,
    decidedAt: IsoDateTime,
    etag: z.string(),
  })
  .meta({ id: 'ChapterApproval' });
export type ChapterApprovalView = z.infer<typeof ChapterApprovalView>;

export const ChapterReviewView = z
  .object({
    chapterId: Id,
    title: z.string(),
    order: z.number().int(),
    decision: z.enum(chapterDecisions).describe('In force for the current text: an outdated approval reads pending'),
    approvalStale: z
      .boolean()
      .describe(
        'Approved, but what the chapter sounds like changed afterwards (its words or plan, a speaker, a voice of someone ' +
          'who speaks in it, a lexicon entry for a word it uses)',
      ),
    openThreads: z.number().int(),
    resolvedThreads: z.number().int(),
    approval: ChapterApprovalView.nullable().describe('The last decision; send its etag as If-Match to change it'),
  })
  .meta({ id: 'ChapterReview' });
export type ChapterReviewView = z.infer<typeof ChapterReviewView>;

export const ReviewSummaryView = z
  .object({
    chapters: z.array(ChapterReviewView),
    totals: z.object({
      chapters: z.number().int(),
      approved: z.number().int(),
      changesRequested: z.number().int(),
      openThreads: z.number().int(),
    }),
  })
  .meta({ id: 'ReviewSummary' });
export type ReviewSummaryView = z.infer<typeof ReviewSummaryView>;

export const ListThreadsQuery = z.strictObject({
  chapterId: Id.optional(),
  segmentId: Id.optional(),
  status: z.enum(threadStatuses).optional(),
});

export const CreateThreadRequest = z
  .strictObject({
    chapterId: Id,
    /** Leave out for a comment on the whole chapter. */
    segmentId: Id.nullable().optional(),
    quote: text(REVIEW_LIMITS.quoteChars, 1).nullable().optional(),
    body: body(REVIEW_LIMITS.commentChars),
  })
  .meta({ id: 'CreateReviewThreadRequest' });
export type CreateThreadRequest = z.infer<typeof CreateThreadRequest>;

export const AddCommentRequest = z
  .strictObject({ body: body(REVIEW_LIMITS.commentChars) })
  .meta({ id: 'AddReviewCommentRequest' });
export type AddCommentRequest = z.infer<typeof AddCommentRequest>;

export const SetDecisionRequest = z
  .strictObject({
    decision: z.enum(chapterDecisions),
    note: body(REVIEW_LIMITS.decisionNoteChars).nullable().optional(),
  })
  .refine((request) => request.decision !== 'changes_requested' || Boolean(request.note), {
    message: 'say what should change',
    path: ['note'],
  })
  .meta({ id: 'SetChapterDecisionRequest' });
export type SetDecisionRequest = z.infer<typeof SetDecisionRequest>;

export function toReviewThreadView(record: ReviewThreadRecord): ReviewThreadView {
  return {
    id: record.id,
    projectId: record.projectId,
    chapterId: record.chapterId,
    segmentId: record.segmentId,
    quote: record.quote,
    status: record.status,
    comments: record.comments.map((comment) => ({ ...comment, author: { ...comment.author } })),
    resolvedBy: record.resolvedBy,
    resolvedAt: record.resolvedAt,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    etag: record.etag ?? '',
  };
}

export function toChapterApprovalView(record: ChapterApprovalRecord): ChapterApprovalView {
  return {
    chapterId: record.chapterId,
    decision: record.decision,
    note: record.note,
    chapterTextVersion: record.chapterTextVersion,
    decidedBy: record.decidedBy,
    decidedAt: record.decidedAt,
    etag: record.etag ?? '',
  };
}

function toChapterReviewView(state: ChapterReviewState): ChapterReviewView {
  return { ...state, approval: state.approval ? toChapterApprovalView(state.approval) : null };
}

export function toReviewSummaryView(summary: ReviewSummary): ReviewSummaryView {
  return { chapters: summary.chapters.map(toChapterReviewView), totals: summary.totals };
}
