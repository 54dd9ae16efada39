import { createDomainEvent, EventTypes, type DomainEvent } from '../ports/events';
import type { ChapterApprovalRecord, ReviewComment, ReviewThreadRecord } from './review';

/**
 * The `khipu.review.*` events webhooks can notify about. Subjects start with the tenant (subscribers filter by that
 * prefix); ids are deterministic per transition, so a retried publish is recognised as the same event.
 */
export const REVIEW_EVENT_SOURCE = '/khipu';
const SAFE_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

function subject(tenantId: string, projectId: string, ...rest: string[]): string {
  const segments = [tenantId, projectId, ...rest];
  // A `/` or `..` in an id would let one tenant's subject match another tenant's prefix filter.
  if (!segments.every((segment) => SAFE_SEGMENT.test(segment))) throw new TypeError('unsafe id in an event subject');
  const [, , ...tail] = segments;
  return `/tenants/${tenantId}/projects/${projectId}/${tail.join('/')}`;
}

export function threadSubject(thread: ReviewThreadRecord): string {
  return subject(thread.tenantId, thread.projectId, 'chapters', thread.chapterId, 'reviews', thread.id);
}

/** Never more than this much of a comment travels in an event; the API has the rest. */
const EXCERPT_CHARS = 500;

function threadData(thread: ReviewThreadRecord) {
  return {
    projectId: thread.projectId,
    chapterId: thread.chapterId,
    segmentId: thread.segmentId,
    threadId: thread.id,
    status: thread.status,
  };
}

export function commentedEvent(thread: ReviewThreadRecord, comment: ReviewComment, time: string): DomainEvent {
  return createDomainEvent({
    type: EventTypes.reviewCommented,
    source: REVIEW_EVENT_SOURCE,
    subject: threadSubject(thread),
    time,
    data: {
      ...threadData(thread),
      commentId: comment.id,
      author: comment.author,
      excerpt: comment.body.slice(0, EXCERPT_CHARS),
      isReply: thread.comments[0]?.id !== comment.id,
    },
    discriminator: comment.id,
  });
}

export function threadStatusEvent(thread: ReviewThreadRecord, time: string): DomainEvent {
  return createDomainEvent({
    type: thread.status === 'resolved' ? EventTypes.reviewResolved : EventTypes.reviewReopened,
    source: REVIEW_EVENT_SOURCE,
    subject: threadSubject(thread),
    time,
    data: { ...threadData(thread), by: thread.status === 'resolved' ? thread.resolvedBy : null },
    discriminator: String(thread.statusRevision),
  });
}

/** Only decisions someone acts on are events; setting a chapter back to pending is not. */
export function decisionEvent(approval: ChapterApprovalRecord, time: string): DomainEvent | null {
  if (approval.decision === 'pending') return null;
  return createDomainEvent({
    type: approval.decision === 'approved' ? EventTypes.reviewApproved : EventTypes.reviewChangesRequested,
    source: REVIEW_EVENT_SOURCE,
    subject: subject(approval.tenantId, approval.projectId, 'chapters', approval.chapterId),
    time,
    data: {
      projectId: approval.projectId,
      chapterId: approval.chapterId,
      decision: approval.decision,
      note: approval.note?.slice(0, EXCERPT_CHARS) ?? null,
      decidedBy: approval.decidedBy,
      chapterTextVersion: approval.chapterTextVersion,
    },
    discriminator: String(approval.revision),
  });
}
