import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { toJobView } from '../core/api/jobs';
import {
  PausePolicyView,
  SsmlPreview,
  SsmlPreviewQuery,
  StartPlanRequest,
  StartPlanResponse,
  UpdatePausePolicyRequest,
  toPausePolicyView,
} from '../core/api/planning';
import { NotFoundError, DomainError } from '../core/errors';
import { speechRequestsForChapter } from '../core/production/speechPlan';
import { SegmentTooLargeError, SsmlAllowlistError } from '../core/ssml';
import { endpoint } from './http/endpoint';

/** Planning: the `plan` job, the pause policy and the SSML that production will send for a chapter. */
const ProjectParams = z.strictObject({ projectId: Id });

endpoint({
  operationId: 'startPlan',
  method: 'POST',
  route: 'v1/projects/{projectId}/plan',
  summary:
    'Plan the book (or the given chapters): segments and speaker labels; re-planning keeps your speaker choices where the text is unchanged',
  tags: ['planning'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: StartPlanRequest },
  objects: { projectId: 'project' },
  orchestrates: true,
  idempotent: true,
  responses: {
    202: { description: 'The plan job, started', schema: StartPlanResponse },
    409: { description: 'Another job is running for this project', schema: ErrorBody },
    422: { description: 'The project has no chapters yet', schema: ErrorBody },
  },
  async handle({ principal, params, body, services, orchestrations }) {
    await services.planning.assertPlannable(principal, params.projectId, body.chapterIds);
    const job = await services.jobs.start(
      principal,
      params.projectId,
      {
        kind: 'plan',
        input: body.chapterIds ? { chapterIds: body.chapterIds } : {},
        action: 'project.update',
      },
      orchestrations,
    );
    return { status: 202, json: { job: toJobView(job) } };
  },
});

endpoint({
  operationId: 'getPausePolicy',
  method: 'GET',
  route: 'v1/projects/{projectId}/pause-policy',
  summary: 'Pauses per boundary in ms: defaults, the project overrides and the effective values',
  tags: ['planning'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The pause policy', schema: PausePolicyView } },
  async handle({ principal, params, services }) {
    return {
      status: 200,
      json: toPausePolicyView(await services.planning.getPausePolicy(principal, params.projectId)),
    };
  },
});

endpoint({
  operationId: 'updatePausePolicy',
  method: 'PUT',
  route: 'v1/projects/{projectId}/pause-policy',
  summary: 'Replace the project overrides (0–5000 ms each; a boundary left out uses the default). If-Match optional',
  tags: ['planning'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: UpdatePausePolicyRequest },
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: {
    200: { description: 'The updated policy', schema: PausePolicyView },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    const saved = await services.planning.putPausePolicy(principal, params.projectId, body, ifMatch);
    return { status: 200, json: toPausePolicyView(saved) };
  },
});

endpoint({
  operationId: 'getChapterSsml',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/ssml',
  summary: 'Preview of the SSML requests production will send for the chapter, with billable characters and duration',
  tags: ['planning'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, chapterId: Id }),
  query: SsmlPreviewQuery,
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The SSML requests, in order', schema: SsmlPreview },
    422: { description: 'A voice is not in the catalog, or a segment is too long for one request', schema: ErrorBody },
  },
  async handle({ principal, params, query, services }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.read');
    const { tenantId } = user;
    const chapter = await services.bookReader.chapter(tenantId, params.projectId, params.chapterId);
    if (!chapter || chapter.deleted) throw new NotFoundError('Chapter');
    const [segments, characters, lexicon, pausePolicy, voices] = await Promise.all([
      services.bookReader.plannedSegments(chapter),
      services.bookReader.characters(tenantId, params.projectId),
      services.lexicon.snapshot(tenantId, params.projectId),
      services.planning.pausePolicyFor(tenantId, params.projectId),
      services.voices.list(),
    ]);
    const engine = query.engine ?? (services.voices.engine === 'azure' ? 'azure' : 'offline');
    if (segments.length === 0) throw new DomainError('unprocessable', 'The chapter has not been planned yet');
    try {
      const requests = speechRequestsForChapter({
        segments,
        characters,
        voices,
        lexicon: lexicon.entries,
        pausePolicy,
        bookLocale: project.metadata.language,
        engine,
      });
      const preview: SsmlPreview = {
        chapterId: chapter.id,
        engine,
        requests: requests.map(({ ssml, segmentIds, billableCharacters, estimatedSeconds }) => ({
          ssml,
          segmentIds,
          billableCharacters,
          estimatedSeconds: Math.round(estimatedSeconds * 10) / 10,
        })),
        totals: {
          requests: requests.length,
          billableCharacters: requests.reduce((sum, r) => sum + r.billableCharacters, 0),
          estimatedSeconds: Math.round(requests.reduce((sum, r) => sum + r.estimatedSeconds, 0) * 10) / 10,
        },
      };
      return { status: 200, json: preview };
    } catch (error) {
      if (error instanceof SsmlAllowlistError || error instanceof SegmentTooLargeError)
        throw new DomainError('unprocessable', error.message);
      throw error;
    }
  },
});
