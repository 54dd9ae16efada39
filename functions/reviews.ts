import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import {
  AddCommentRequest,
  ChapterApprovalView,
  CreateThreadRequest,
  ListThreadsQuery,
  ReviewSummaryView,
  ReviewThreadList,
  ReviewThreadView,
  SetDecisionRequest,
  toChapterApprovalView,
  toReviewSummaryView,
  toReviewThreadView,
} from '../core/api/reviews';
import { endpoint } from './http/endpoint';

/**
 * Review: comment threads on a chapter or one of its segments (everyone on the project), resolve and reopen, and a
 * reviewer's decision per chapter (assigned validators and admins). Each change emits a `khipu.review.*` event.
 */
const ProjectParams = z.strictObject({ projectId: Id });
const ThreadParams = z.strictObject({ projectId: Id, threadId: Id });
const ChapterParams = z.strictObject({ projectId: Id, chapterId: Id });
const threadReply = (status: number, thread: Parameters<typeof toReviewThreadView>[0]) => ({
  status,
  json: toReviewThreadView(thread),
});
const requestKey = (headers: { get(name: string): string | null }) => headers.get('idempotency-key') ?? undefined;

endpoint({
  operationId: 'getReviewSummary',
  method: 'GET',
  route: 'v1/projects/{projectId}/review',
  summary: 'Per chapter in reading order: the decision in force, open and resolved threads',
  tags: ['review'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The review state', schema: ReviewSummaryView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toReviewSummaryView(await services.reviews.summary(principal, params.projectId)) };
  },
});

endpoint({
  operationId: 'listReviewThreads',
  method: 'GET',
  route: 'v1/projects/{projectId}/review/threads',
  summary: 'Comment threads, oldest first; filter by chapter, segment or status',
  tags: ['review'],
  access: 'tenant',
  params: ProjectParams,
  query: ListThreadsQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The threads', schema: ReviewThreadList } },
  async handle({ principal, params, query, services }) {
    const threads = await services.reviews.listThreads(principal, params.projectId, query);
    return { status: 200, json: { items: threads.map(toReviewThreadView) } };
  },
});

endpoint({
  operationId: 'createReviewThread',
  method: 'POST',
  route: 'v1/projects/{projectId}/review/threads',
  summary: 'Comment on a chapter or one of its segments (opens a thread); Idempotency-Key honoured',
  tags: ['review'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: CreateThreadRequest },
  objects: { projectId: 'project' },
  idempotent: true,
  responses: {
    201: { description: 'The new thread', schema: ReviewThreadView },
    200: { description: 'This request was made before: the thread it opened', schema: ReviewThreadView },
  },
  async handle({ principal, params, body, request, services }) {
    const { thread, created } = await services.reviews.openThread(
      principal,
      params.projectId,
      body,
      requestKey(request.headers),
    );
    return threadReply(created ? 201 : 200, thread);
  },
});

endpoint({
  operationId: 'getReviewThread',
  method: 'GET',
  route: 'v1/projects/{projectId}/review/threads/{threadId}',
  summary: 'One thread with its comments',
  tags: ['review'],
  access: 'tenant',
  params: ThreadParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The thread', schema: ReviewThreadView } },
  async handle({ principal, params, services }) {
    return threadReply(200, await services.reviews.getThread(principal, params.projectId, params.threadId));
  },
});

endpoint({
  operationId: 'addReviewComment',
  method: 'POST',
  route: 'v1/projects/{projectId}/review/threads/{threadId}/comments',
  summary: 'Reply in a thread; Idempotency-Key honoured (a repeated request adds nothing)',
  tags: ['review'],
  access: 'tenant',
  params: ThreadParams,
  body: { kind: 'json', schema: AddCommentRequest },
  objects: { projectId: 'project' },
  idempotent: true,
  responses: {
    201: { description: 'The thread with the reply', schema: ReviewThreadView },
    200: { description: 'This request was made before: the thread as it is', schema: ReviewThreadView },
    409: { description: 'The thread is full; open a new one', schema: ErrorBody },
  },
  async handle({ principal, params, body, request, services }) {
    const { thread, created } = await services.reviews.reply(
      principal,
      params.projectId,
      params.threadId,
      body.body,
      requestKey(request.headers),
    );
    return threadReply(created ? 201 : 200, thread);
  },
});

for (const [action, status] of [
  ['resolve', 'resolved'],
  ['reopen', 'open'],
] as const) {
  endpoint({
    operationId: action === 'resolve' ? 'resolveReviewThread' : 'reopenReviewThread',
    method: 'POST',
    route: `v1/projects/{projectId}/review/threads/{threadId}/${action}`,
    summary:
      action === 'resolve'
        ? 'Mark the thread dealt with (repeating it changes nothing)'
        : 'Open a resolved thread again (repeating it changes nothing)',
    tags: ['review'],
    access: 'tenant',
    params: ThreadParams,
    objects: { projectId: 'project' },
    responses: { 200: { description: 'The thread', schema: ReviewThreadView } },
    async handle({ principal, params, services }) {
      return threadReply(
        200,
        await services.reviews.setThreadStatus(principal, params.projectId, params.threadId, status),
      );
    },
  });
}

endpoint({
  operationId: 'setChapterDecision',
  method: 'PUT',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/approval',
  summary:
    'Approve a chapter or request changes (assigned validators and admins). The first decision needs no If-Match; changing one does',
  tags: ['review'],
  access: 'tenant',
  params: ChapterParams,
  body: { kind: 'json', schema: SetDecisionRequest },
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The decision in force', schema: ChapterApprovalView },
    412: { description: 'Decided by someone else since you loaded it; `details.current` is theirs', schema: ErrorBody },
    428: { description: 'A decision exists: send its ETag in If-Match', schema: ErrorBody },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    const approval = await services.reviews.decide(principal, params.projectId, params.chapterId, body, ifMatch);
    return { status: 200, json: toChapterApprovalView(approval) };
  },
});
