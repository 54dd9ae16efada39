import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { ProjectFactsView, toProjectFactsView } from '../core/api/studio';
import { readSpeakingCastCounts } from '../core/casting/speakingCast';
import { endpoint } from './http/endpoint';

/** What the web studio's navigation needs beyond the project itself: the counts each workflow step keeps. */
endpoint({
  operationId: 'getProjectFacts',
  method: 'GET',
  route: 'v1/projects/{projectId}/facts',
  summary:
    'Counts per workflow step (chapters, characters voiced, lines attributed, chapters mastered) and the running job',
  tags: ['projects'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The counts', schema: ProjectFactsView },
    401: { description: 'Not signed in', schema: ErrorBody },
    404: { description: 'No such project in your tenant', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    const { project } = await services.projects.load(principal, params.projectId, 'project.read');
    const cast = await readSpeakingCastCounts(services.book, project.tenantId, params.projectId);
    return { status: 200, json: toProjectFactsView(project.facts, cast) };
  },
});
