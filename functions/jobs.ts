import { z } from 'zod';
import { Id } from '../core/api/common';
import { JobPage, JobView, ListJobsQuery, toJobView } from '../core/api/jobs';
import { endpoint } from './http/endpoint';

/**
 * Background jobs of a project (import, character detection, planning, production). Each kind is started by its own
 * endpoint; these read, list and cancel them. Durable management URLs never leave the server.
 */
const JobParams = z.strictObject({ projectId: Id, jobId: Id });

endpoint({
  operationId: 'listJobs',
  method: 'GET',
  route: 'v1/projects/{projectId}/jobs',
  summary: 'Jobs of the project, newest first; filter by kind and status',
  tags: ['jobs'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  query: ListJobsQuery,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'A page of jobs', schema: JobPage } },
  async handle({ principal, params, query, services }) {
    const result = await services.jobs.list(principal, params.projectId, query);
    return { status: 200, json: { items: result.items.map(toJobView), continuationToken: result.continuationToken } };
  },
});

endpoint({
  operationId: 'getJob',
  method: 'GET',
  route: 'v1/projects/{projectId}/jobs/{jobId}',
  summary: 'One job with its progress (phase, chapters and segments done/total, ETA, cost so far)',
  tags: ['jobs'],
  access: 'tenant',
  params: JobParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The job', schema: JobView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toJobView(await services.jobs.get(principal, params.projectId, params.jobId)) };
  },
});

endpoint({
  operationId: 'cancelJob',
  method: 'POST',
  route: 'v1/projects/{projectId}/jobs/{jobId}/cancel',
  summary: 'Cancel a running job: no new work starts; work in flight finishes and is kept',
  tags: ['jobs'],
  access: 'tenant',
  params: JobParams,
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: { 200: { description: 'The job, cancelled (or already finished)', schema: JobView } },
  async handle({ principal, params, services, orchestrations }) {
    const job = await services.jobs.cancel(principal, params.projectId, params.jobId, orchestrations);
    return { status: 200, json: toJobView(job) };
  },
});
