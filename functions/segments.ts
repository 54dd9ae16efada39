import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import {
  ListSegmentsQuery,
  SegmentPage,
  SegmentView,
  SplitSegmentRequest,
  SplitSegmentResult,
  UpdateSegmentRequest,
  toSegmentView,
} from '../core/api/segments';
import type { SegmentRecord } from '../core/book/records';
import { DomainError } from '../core/errors';
import { endpoint } from './http/endpoint';

/**
 * The plan, segment by segment: list with filters, read, change speaker or text, mark for revision, split, merge,
 * delete. Editing a segment invalidates only that segment's audio.
 */
const SegmentParams = z.strictObject({ projectId: Id, segmentId: Id });
const errors = {
  400: { description: 'Invalid input; `details.fields` names each field', schema: ErrorBody },
  401: { description: 'Not signed in', schema: ErrorBody },
  403: { description: 'Your role may not do this', schema: ErrorBody },
  404: { description: 'No such project or segment in your tenant', schema: ErrorBody },
};
const editErrors = {
  ...errors,
  409: {
    description:
      'The edit does not apply (nothing to merge, chapter changed since planning), a plan job of the project is ' +
      'running (`job_in_progress`: it is about to replace the segments; edit when it ends), or a newer plan of the ' +
      'chapter replaced this segment (`plan_replaced`, `details.chapterId`: load the chapter again)',
    schema: ErrorBody,
  },
  412: { description: 'Changed since you read it; `details.current` is the current segment', schema: ErrorBody },
};
const segment = (record: SegmentRecord) => ({ status: 200, json: toSegmentView(record) });

endpoint({
  operationId: 'listSegments',
  method: 'GET',
  route: 'v1/projects/{projectId}/segments',
  summary: 'Segments in reading order (chapter order, then position); filter by chapter, speaker, unknown, flagged',
  tags: ['segments'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  query: ListSegmentsQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'A page of segments', schema: SegmentPage }, ...errors },
  async handle({ principal, params, query, services }) {
    const page = await services.segments.list(principal, params.projectId, query);
    return { status: 200, json: { items: page.items.map(toSegmentView), continuationToken: page.continuationToken } };
  },
});

endpoint({
  operationId: 'getSegment',
  method: 'GET',
  route: 'v1/projects/{projectId}/segments/{segmentId}',
  summary: 'One segment (ETag header for edits)',
  tags: ['segments'],
  access: 'tenant',
  params: SegmentParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The segment', schema: SegmentView }, ...errors },
  async handle({ principal, params, services }) {
    return segment(await services.segments.get(principal, params.projectId, params.segmentId));
  },
});

endpoint({
  operationId: 'updateSegment',
  method: 'PATCH',
  route: 'v1/projects/{projectId}/segments/{segmentId}',
  summary:
    'Change speaker, text (the chapter text changes with it), flag or revision note; requires If-Match. Speaker or text changes drop the current audio take',
  tags: ['segments'],
  access: 'tenant',
  params: SegmentParams,
  body: { kind: 'json', schema: UpdateSegmentRequest },
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: {
    200: {
      description:
        "Updated. New text is saved with the chapter text as a new plan of the chapter: the answer carries the segment's new id, and every segment of the chapter has a new id (read them again)",
      schema: SegmentView,
    },
    428: { description: 'If-Match is required', schema: ErrorBody },
    ...editErrors,
  },
  async handle({ principal, params, body, ifMatch, services, orchestrations }) {
    // Authorize first so a missing header on someone else's project still answers 404.
    await services.projects.load(principal, params.projectId, 'project.update');
    if (!ifMatch)
      throw new DomainError('precondition_required', 'Send If-Match with the ETag of the segment you edited', {
        field: 'If-Match',
      });
    return segment(
      await services.segments.update(principal, params.projectId, params.segmentId, ifMatch, body, orchestrations),
    );
  },
});

endpoint({
  operationId: 'splitSegment',
  method: 'POST',
  route: 'v1/projects/{projectId}/segments/{segmentId}/split',
  summary: 'Split at `offset` (characters into the segment text); both parts need rendering again',
  tags: ['segments'],
  access: 'tenant',
  params: SegmentParams,
  body: { kind: 'json', schema: SplitSegmentRequest },
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: { 200: { description: 'The two segments', schema: SplitSegmentResult }, ...editErrors },
  async handle({ principal, params, body, ifMatch, services, orchestrations }) {
    const parts = await services.segments.split(
      principal,
      params.projectId,
      params.segmentId,
      body.offset,
      ifMatch,
      orchestrations,
    );
    return { status: 200, json: { segments: parts.map(toSegmentView) } };
  },
});

endpoint({
  operationId: 'mergeSegmentWithNext',
  method: 'POST',
  route: 'v1/projects/{projectId}/segments/{segmentId}/merge-next',
  summary: 'Merge with the next segment of the same chapter (keeps this one’s speaker); needs rendering again',
  tags: ['segments'],
  access: 'tenant',
  params: SegmentParams,
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: { 200: { description: 'The merged segment', schema: SegmentView }, ...editErrors },
  async handle({ principal, params, ifMatch, services, orchestrations }) {
    return segment(
      await services.segments.mergeNext(principal, params.projectId, params.segmentId, ifMatch, orchestrations),
    );
  },
});

endpoint({
  operationId: 'deleteSegment',
  method: 'DELETE',
  route: 'v1/projects/{projectId}/segments/{segmentId}',
  summary: 'Delete the segment and its words from the chapter text (other segments are unchanged)',
  tags: ['segments'],
  access: 'tenant',
  params: SegmentParams,
  objects: { projectId: 'project' },
  // Asks the runtime whether a plan that holds the project still runs (segmentEditGuard).
  orchestrates: true,
  responses: { 204: { description: 'Deleted' }, ...editErrors },
  async handle({ principal, params, ifMatch, services, orchestrations }) {
    await services.segments.remove(principal, params.projectId, params.segmentId, ifMatch, orchestrations);
    return { status: 204 };
  },
});
