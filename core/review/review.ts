/**
 * Review: the QA pass a validator makes over a planned book before it is produced. People discuss a chapter or one
 * of its segments in threads (resolved when dealt with), and a reviewer decides per chapter: approved or changes
 * requested. This module is plain rules (the web imports it through core/api). An approval holds for what the chapter
 * sounded like when it was given (its audible version, audibleVersion.ts: words, plan, speakers, voices, lexicon):
 * changing any of that afterwards makes it stale, so "approved only" production never speaks anything nobody
 * approved. See docs/studio.md.
 */
import type { ProjectScopedDocument } from '../ports/documents';

export const REVIEW_LIMITS = {
  /** Longest comment body, in characters. */
  commentChars: 4000,
  /** Longest quoted excerpt a thread may carry (the words the comment is about). */
  quoteChars: 500,
  /** Replies beyond this belong in a new thread. */
  commentsPerThread: 200,
  /** Longest note on a chapter decision. */
  decisionNoteChars: 2000,
} as const;

export const threadStatuses = ['open', 'resolved'] as const;
export type ThreadStatus = (typeof threadStatuses)[number];

export const chapterDecisions = ['pending', 'approved', 'changes_requested'] as const;
export type ChapterDecision = (typeof chapterDecisions)[number];

export interface ReviewAuthor {
  userId: string;
  /** What others see; the email when the identity provider gives no name. */
  name: string;
}

export interface ReviewComment {
  id: string;
  author: ReviewAuthor;
  body: string;
  createdAt: string;
}

export interface ReviewThreadRecord extends ProjectScopedDocument {
  type: 'reviewThread';
  chapterId: string;
  /** null: about the whole chapter. */
  segmentId: string | null;
  /** The words the thread is about, as the author selected them. */
  quote: string | null;
  status: ThreadStatus;
  /** The first comment opens the thread; replies follow in order. */
  comments: ReviewComment[];
  /** Bumped on each resolve/reopen, so each transition has its own event id. */
  statusRevision: number;
  resolvedBy: ReviewAuthor | null;
  resolvedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ChapterApprovalRecord extends ProjectScopedDocument {
  type: 'chapterApproval';
  chapterId: string;
  decision: ChapterDecision;
  note: string | null;
  /** The chapter's text version the decision was made on. */
  chapterTextVersion: number;
  /**
   * The chapter's audible version the decision was made on (audibleVersion.ts). Absent on decisions recorded before
   * it was kept: those hold for their text version only.
   */
  audibleVersion?: string;
  decidedBy: ReviewAuthor;
  decidedAt: string;
  /** 1 for the first decision, +1 for each later one. */
  revision: number;
}

/** One approval document per chapter, so two first decisions race on a create and only one wins. */
export function approvalId(chapterId: string): string {
  return `apr_${chapterId}`;
}

export function authorOf(principal: { userId: string; displayName?: string; email?: string }): ReviewAuthor {
  return { userId: principal.userId, name: principal.displayName ?? principal.email ?? principal.userId };
}

/** An approval counts only while the chapter still sounds as it did when the approval was given. */
export function isApprovalCurrent(
  approval: ChapterApprovalRecord,
  chapter: Pick<ChapterForReview, 'textVersion' | 'audibleVersion'>,
): boolean {
  if (approval.decision !== 'approved') return false;
  return approval.audibleVersion === undefined
    ? approval.chapterTextVersion === chapter.textVersion
    : approval.audibleVersion === chapter.audibleVersion;
}

export interface ChapterForReview {
  id: string;
  title: string;
  order: number;
  textVersion: number;
  /** What the chapter sounds like now (audibleVersion.ts). */
  audibleVersion: string;
}

export interface ChapterReviewState {
  chapterId: string;
  title: string;
  order: number;
  /** The decision as it stands for the chapter's current text: an approval of older text reads as pending. */
  decision: ChapterDecision;
  /** Set when the chapter was approved but what it sounds like changed afterwards. */
  approvalStale: boolean;
  openThreads: number;
  resolvedThreads: number;
  approval: ChapterApprovalRecord | null;
}

export interface ReviewSummary {
  chapters: ChapterReviewState[];
  totals: { chapters: number; approved: number; changesRequested: number; openThreads: number };
}

/** Per chapter, in reading order: the decision in force and how many threads are open. */
export function summarizeReview(
  chapters: readonly ChapterForReview[],
  threads: readonly Pick<ReviewThreadRecord, 'chapterId' | 'status'>[],
  approvals: readonly ChapterApprovalRecord[],
): ReviewSummary {
  const approvalByChapter = new Map(approvals.map((approval) => [approval.chapterId, approval]));
  const states = [...chapters]
    .sort((a, b) => a.order - b.order)
    .map((chapter): ChapterReviewState => {
      const approval = approvalByChapter.get(chapter.id) ?? null;
      const approvalStale =
        approval !== null && approval.decision === 'approved' && !isApprovalCurrent(approval, chapter);
      const ofChapter = threads.filter((thread) => thread.chapterId === chapter.id);
      return {
        chapterId: chapter.id,
        title: chapter.title,
        order: chapter.order,
        decision: approval === null || approvalStale ? 'pending' : approval.decision,
        approvalStale,
        openThreads: ofChapter.filter((thread) => thread.status === 'open').length,
        resolvedThreads: ofChapter.filter((thread) => thread.status === 'resolved').length,
        approval,
      };
    });
  return {
    chapters: states,
    totals: {
      chapters: states.length,
      approved: states.filter((state) => state.decision === 'approved').length,
      changesRequested: states.filter((state) => state.decision === 'changes_requested').length,
      openThreads: states.reduce((sum, state) => sum + state.openThreads, 0),
    },
  };
}

/** Chapters production may speak when limited to approved ones, in reading order. */
export function approvedChapterIds(
  chapters: readonly ChapterForReview[],
  approvals: readonly ChapterApprovalRecord[],
): string[] {
  return summarizeReview(chapters, [], approvals)
    .chapters.filter((state) => state.decision === 'approved')
    .map((state) => state.chapterId);
}
