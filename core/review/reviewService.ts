/**
 * Review threads and chapter decisions, stored in the project's `reviews` container. Every write is atomic in the
 * store: thread creation with an `Idempotency-Key` is a create-only write of a key-derived id, replies and status
 * changes are ETag-conditional replaces retried on a lost race, and the first decision on a chapter is a create-only
 * write of the chapter's one approval document (later ones need the caller's If-Match).
 */
import type { TypedCollection } from '../ports/typedCollection';
import { createHash } from 'node:crypto';
import type { Principal, TenantPrincipal } from '../auth/principal';
import type { ChapterRecord, CharacterRecord, SegmentRecord } from '../book/records';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError } from '../errors';
import type { Filter } from '../ports/documents';
import type { DomainEvent, EventPublisher } from '../ports/events';
import type { Clock, IdGenerator, Logger } from '../ports/system';
import type { ProjectService } from '../projects/projectService';
import type { LexiconEntryRecord } from '../lexicon/lexiconService';
import { bookChapters, bookCharacters } from '../planning/planService';
import { LIST_PAGE } from '../planning/bookDocuments';
import { committedSegments, currentTotals, isCommitted } from '../planning/planGenerations';
import type { ProjectRecord } from '../projects/project';
import { audibleVersion } from './audibleVersion';
import {
  approvalId,
  approvedChapterIds,
  authorOf,
  REVIEW_LIMITS,
  summarizeReview,
  type ChapterApprovalRecord,
  type ChapterDecision,
  type ChapterForReview,
  type ReviewComment,
  type ReviewSummary,
  type ReviewThreadRecord,
  type ThreadStatus,
} from './review';
import { commentedEvent, decisionEvent, threadStatusEvent } from './reviewEvents';

export interface ReviewServiceDeps {
  threads: TypedCollection<ReviewThreadRecord>;
  approvals: TypedCollection<ChapterApprovalRecord>;
  chapters: TypedCollection<ChapterRecord>;
  segments: TypedCollection<SegmentRecord>;
  /** Casting and the lexicon decide what a chapter sounds like, so they are part of what an approval is given on. */
  characters: TypedCollection<CharacterRecord>;
  lexicon: TypedCollection<LexiconEntryRecord>;
  projects: ProjectService;
  events: EventPublisher;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}

export interface NewThreadInput {
  chapterId: string;
  segmentId?: string | null;
  quote?: string | null;
  body: string;
}

export interface ThreadFilter {
  chapterId?: string;
  segmentId?: string;
  status?: ThreadStatus;
}

export interface DecisionInput {
  decision: ChapterDecision;
  note?: string | null;
}

const MAX_ATTEMPTS = 10;

/**
 * The id of what a request creates, derived from the caller and their `Idempotency-Key`: a retried or duplicated
 * request names the same document, so the store's create-only write lets exactly one of them through.
 */
export function idFromRequestKey(prefix: string, userId: string, requestKey: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([userId, requestKey]), 'utf8')
    .digest('hex');
  return `${prefix}_k${digest.slice(0, 32)}`;
}

export class ReviewService {
  constructor(private readonly deps: ReviewServiceDeps) {}

  async summary(principal: Principal | undefined, projectId: string): Promise<ReviewSummary> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.read');
    const [chapters, threads, approvals] = await Promise.all([
      this.chaptersAsHeard(project),
      this.threads(user.tenantId, projectId, {}),
      this.approvals(user.tenantId, projectId),
    ]);
    return summarizeReview(chapters, threads, approvals);
  }

  async listThreads(
    principal: Principal | undefined,
    projectId: string,
    filter: ThreadFilter,
  ): Promise<ReviewThreadRecord[]> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.threads(user.tenantId, projectId, filter);
  }

  async getThread(principal: Principal | undefined, projectId: string, threadId: string) {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    return this.thread(user.tenantId, projectId, threadId);
  }

  /**
   * Opens a thread with its first comment. With a request key, a repeat of the same request returns the thread the
   * first one created (`created: false`) instead of opening another.
   */
  async openThread(
    principal: Principal | undefined,
    projectId: string,
    input: NewThreadInput,
    requestKey?: string,
  ): Promise<{ thread: ReviewThreadRecord; created: boolean }> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.comment');
    const chapter = await this.liveChapter(user.tenantId, projectId, input.chapterId);
    if (input.segmentId) await this.segmentOf(chapter, input.segmentId);
    const now = this.now();
    const comment: ReviewComment = {
      id: this.newId('rvc', user, requestKey),
      author: authorOf(user),
      body: input.body,
      createdAt: now,
    };
    const record: ReviewThreadRecord = {
      id: this.newId('rvt', user, requestKey),
      type: 'reviewThread',
      tenantId: user.tenantId,
      projectId,
      chapterId: input.chapterId,
      segmentId: input.segmentId ?? null,
      quote: input.quote ?? null,
      status: 'open',
      comments: [comment],
      statusRevision: 0,
      resolvedBy: null,
      resolvedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      const thread = await this.deps.threads.create(record);
      await this.publish(commentedEvent(thread, comment, now));
      return { thread, created: true };
    } catch (error) {
      if (!(error instanceof ConflictError) || !requestKey) throw error;
      return { thread: await this.thread(user.tenantId, projectId, record.id), created: false };
    }
  }

  /** Adds a reply; with a request key, a repeat of the same request adds nothing. */
  async reply(
    principal: Principal | undefined,
    projectId: string,
    threadId: string,
    body: string,
    requestKey?: string,
  ): Promise<{ thread: ReviewThreadRecord; comment: ReviewComment; created: boolean }> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.comment');
    const commentId = this.newId('rvc', user, requestKey);
    const { doc, changed } = await this.changeThread(user.tenantId, projectId, threadId, (thread) => {
      if (thread.comments.some((comment) => comment.id === commentId)) return null;
      if (thread.comments.length >= REVIEW_LIMITS.commentsPerThread)
        throw new ConflictError(
          `A thread holds at most ${REVIEW_LIMITS.commentsPerThread} comments; open a new thread instead`,
        );
      const now = this.now();
      const comment: ReviewComment = { id: commentId, author: authorOf(user), body, createdAt: now };
      return { ...thread, comments: [...thread.comments, comment], updatedAt: now };
    });
    const comment = doc.comments.find((item) => item.id === commentId)!;
    if (changed) await this.publish(commentedEvent(doc, comment, comment.createdAt));
    return { thread: doc, comment, created: changed };
  }

  /** Resolves or reopens; a thread already in that state is returned unchanged (and no event is sent twice). */
  async setThreadStatus(
    principal: Principal | undefined,
    projectId: string,
    threadId: string,
    status: ThreadStatus,
  ): Promise<ReviewThreadRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.comment');
    const { doc, changed } = await this.changeThread(user.tenantId, projectId, threadId, (thread) => {
      if (thread.status === status) return null;
      const now = this.now();
      return {
        ...thread,
        status,
        statusRevision: thread.statusRevision + 1,
        resolvedBy: status === 'resolved' ? authorOf(user) : null,
        resolvedAt: status === 'resolved' ? now : null,
        updatedAt: now,
      };
    });
    if (changed) await this.publish(threadStatusEvent(doc, doc.updatedAt));
    return doc;
  }

  /**
   * Records a reviewer's decision on a chapter, for its current text. The first decision needs no If-Match (two
   * racing first decisions: one wins, the other gets 412 with the winner); later ones must name the version seen.
   */
  async decide(
    principal: Principal | undefined,
    projectId: string,
    chapterId: string,
    input: DecisionInput,
    ifMatch: string | undefined,
  ): Promise<ChapterApprovalRecord> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.approve');
    const chapter = await this.liveChapter(user.tenantId, projectId, chapterId);
    const [heard] = await this.asHeard(project, [chapter]);
    const id = approvalId(chapterId);
    const current = await this.approval(user.tenantId, projectId, id);
    if (current && !ifMatch)
      throw new DomainError('precondition_required', 'Send If-Match with the ETag of the decision you saw', {
        field: 'If-Match',
      });
    if (ifMatch && current?.etag !== ifMatch)
      throw new PreconditionFailedError('The decision on this chapter changed since you loaded it', current);
    const now = this.now();
    const next: ChapterApprovalRecord = {
      id,
      type: 'chapterApproval',
      tenantId: user.tenantId,
      projectId,
      chapterId,
      decision: input.decision,
      note: input.note ?? null,
      chapterTextVersion: chapter.textVersion,
      audibleVersion: heard.audibleVersion,
      decidedBy: authorOf(user),
      decidedAt: now,
      revision: (current?.revision ?? 0) + 1,
    };
    let saved: ChapterApprovalRecord;
    try {
      saved = current ? await this.deps.approvals.replace(next, current.etag!) : await this.deps.approvals.create(next);
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      throw new PreconditionFailedError(
        'Someone decided on this chapter at the same moment',
        await this.approval(user.tenantId, projectId, id),
      );
    }
    const event = decisionEvent(saved, now);
    if (event) await this.publish(event);
    return saved;
  }

  /** For production limited to approved chapters (the caller has authorized the project). */
  async approvedChapters(tenantId: string, projectId: string): Promise<string[]> {
    const project = await this.deps.projects.find(tenantId, projectId);
    if (!project) return [];
    const [chapters, approvals] = await Promise.all([
      this.chaptersAsHeard(project),
      this.approvals(tenantId, projectId),
    ]);
    return approvedChapterIds(chapters, approvals);
  }

  /** The book's live chapters with what each sounds like now. */
  private async chaptersAsHeard(project: ProjectRecord): Promise<ChapterForReview[]> {
    return this.asHeard(project, await bookChapters(this.deps.chapters, project.tenantId, project.id));
  }

  private async asHeard(project: ProjectRecord, chapters: ChapterRecord[]): Promise<ChapterForReview[]> {
    const { tenantId, id: projectId } = project;
    const language = project.metadata.language;
    const [characters, lexicon] = await Promise.all([
      bookCharacters(this.deps.characters, tenantId, projectId),
      this.deps.lexicon.readAllItems(tenantId, projectId, {}, LIST_PAGE),
    ]);
    return Promise.all(
      chapters.map(async (chapter) => ({
        id: chapter.id,
        title: chapter.title,
        order: chapter.order,
        textVersion: chapter.textVersion,
        audibleVersion: audibleVersion({
          chapter,
          dialogueSpeakers: await this.dialogueSpeakers(chapter),
          characters,
          lexicon,
          language,
        }),
      })),
    );
  }

  /** Who speaks the chapter's dialogue: from its plan totals, or its segments where it keeps none. */
  private async dialogueSpeakers(chapter: ChapterRecord): Promise<string[]> {
    const totals = currentTotals(chapter);
    if (totals)
      return Object.keys(totals.dialogueSpeakers).filter((speakerId) => totals.dialogueSpeakers[speakerId] > 0);
    if (chapter.planStatus === 'none' && chapter.planGeneration === undefined) return [];
    const segments = await committedSegments(this.deps.segments, chapter);
    return segments.filter((segment) => segment.kind === 'dialogue').map((segment) => segment.speakerId);
  }

  private newId(prefix: string, user: TenantPrincipal, requestKey: string | undefined): string {
    return requestKey ? idFromRequestKey(prefix, user.userId, requestKey) : this.deps.ids.newId(prefix);
  }

  /** Read-modify-write under the thread's ETag; `change` returns null when there is nothing to do. */
  private async changeThread(
    tenantId: string,
    projectId: string,
    threadId: string,
    change: (thread: ReviewThreadRecord) => ReviewThreadRecord | null,
  ): Promise<{ doc: ReviewThreadRecord; changed: boolean }> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.thread(tenantId, projectId, threadId);
      const next = change(current);
      if (!next) return { doc: current, changed: false };
      try {
        return { doc: await this.deps.threads.replace(next, current.etag!), changed: true };
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async thread(tenantId: string, projectId: string, threadId: string): Promise<ReviewThreadRecord> {
    const doc = await this.deps.threads.get(tenantId, projectId, threadId);
    if (!doc) throw new NotFoundError('Review thread');
    return doc;
  }

  private approval(tenantId: string, projectId: string, id: string) {
    return this.deps.approvals.get(tenantId, projectId, id);
  }

  private threads(tenantId: string, projectId: string, filter: ThreadFilter): Promise<ReviewThreadRecord[]> {
    const filters: Filter[] = [
      ...(filter.chapterId ? [{ field: 'chapterId', op: 'eq' as const, value: filter.chapterId }] : []),
      ...(filter.segmentId ? [{ field: 'segmentId', op: 'eq' as const, value: filter.segmentId }] : []),
      ...(filter.status ? [{ field: 'status', op: 'eq' as const, value: filter.status }] : []),
    ];
    return this.deps.threads.readAllItems(
      tenantId,
      projectId,
      { filter: { op: 'and', filters }, orderBy: { field: 'createdAt', direction: 'ASC' } },
      LIST_PAGE,
    );
  }

  private approvals(tenantId: string, projectId: string): Promise<ChapterApprovalRecord[]> {
    return this.deps.approvals.readAllItems(tenantId, projectId, {}, LIST_PAGE);
  }

  private async liveChapter(tenantId: string, projectId: string, chapterId: string): Promise<ChapterRecord> {
    const chapter = await this.deps.chapters.get(tenantId, projectId, chapterId);
    if (!chapter || chapter.deleted) throw new NotFoundError('Chapter');
    return chapter;
  }

  /** A line of the chapter's committed plan; a segment of any other generation is not part of the book. */
  private async segmentOf(chapter: ChapterRecord, segmentId: string) {
    const segment = await this.deps.segments.get(chapter.tenantId, chapter.projectId, segmentId);
    if (!segment || !isCommitted(segment, chapter)) throw new NotFoundError('Segment');
    return segment;
  }

  /** The review is saved either way; a notification that could not be sent is logged, not turned into a failure. */
  private async publish(event: DomainEvent): Promise<void> {
    try {
      await this.deps.events.publish([event]);
    } catch (error) {
      this.deps.logger.warn('review event not published', {
        eventType: event.type,
        subject: event.subject,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
