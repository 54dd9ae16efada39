import { z } from 'zod';
import { Id } from '../core/api/common';
import {
  CreateProjectRequest,
  ListProjectsQuery,
  ProjectPage,
  ProjectView,
  SetMembersRequest,
  toProjectView,
  UpdateProjectRequest,
} from '../core/api/projects';
import type { ProjectRecord } from '../core/projects/project';
import { endpoint } from './http/endpoint';
import { SerializedViews } from './http/serializedViews';

const ProjectParams = z.strictObject({ projectId: Id });

const project = (record: ProjectRecord, status = 200) => ({ status, json: toProjectView(record) });
/** Listings return the same projects again and again: each stored version's view is rendered once. */
const projectViews = new SerializedViews<ProjectRecord>(toProjectView);

endpoint({
  operationId: 'listProjects',
  method: 'GET',
  route: 'v1/projects',
  summary: 'Projects visible to you: filter by status, search title/author, page with continuation tokens',
  tags: ['projects'],
  access: 'tenant',
  // Its page query runs alongside the reads of the caller's user and tenant (functions/http/readAhead.ts).
  readAhead: true,
  query: ListProjectsQuery,
  responses: { 200: { description: 'A page of projects', schema: ProjectPage } },
  async handle({ principal, query, services }) {
    const page = await services.projects.list(principal, {
      status: query.status,
      q: query.q,
      includeArchived: query.includeArchived === 'true',
      pageSize: query.pageSize,
      continuationToken: query.continuationToken,
    });
    return { status: 200, jsonText: projectViews.page(page) };
  },
});

endpoint({
  operationId: 'createProject',
  method: 'POST',
  route: 'v1/projects',
  summary: 'Create a project with its book metadata (honours Idempotency-Key)',
  tags: ['projects'],
  access: 'tenant',
  idempotent: true,
  body: { kind: 'json', schema: CreateProjectRequest },
  responses: { 201: { description: 'Created', schema: ProjectView } },
  async handle({ principal, body, services }) {
    const created = await services.projects.create(principal, body);
    return { status: 201, json: toProjectView(created), headers: { Location: `/api/v1/projects/${created.id}` } };
  },
});

endpoint({
  operationId: 'getProject',
  method: 'GET',
  route: 'v1/projects/{projectId}',
  summary: 'One project (ETag header for later updates)',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The project', schema: ProjectView } },
  async handle({ principal, params, services }) {
    return project((await services.projects.load(principal, params.projectId)).project);
  },
});

endpoint({
  operationId: 'updateProject',
  method: 'PATCH',
  route: 'v1/projects/{projectId}',
  summary: 'Update book metadata or status; requires If-Match with the ETag you read',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: UpdateProjectRequest },
  objects: { projectId: 'project' },
  ifMatch: 'required',
  responses: {
    200: { description: 'Updated', schema: ProjectView },
  },
  async handle({ principal, params, body, ifMatch, services }) {
    return project(await services.projects.update(principal, params.projectId, ifMatch, body));
  },
});

endpoint({
  operationId: 'archiveProject',
  method: 'POST',
  route: 'v1/projects/{projectId}/archive',
  summary: 'Archive (soft-delete) a project; an admin can restore it until it is purged',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  ifMatch: 'optional',
  responses: { 200: { description: 'Archived', schema: ProjectView } },
  async handle({ principal, params, ifMatch, services }) {
    return project(await services.projects.archive(principal, params.projectId, ifMatch));
  },
});

endpoint({
  operationId: 'deleteProject',
  method: 'DELETE',
  route: 'v1/projects/{projectId}',
  summary: 'Same as archive: deleting keeps the project restorable until retention ends',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Archived', schema: ProjectView } },
  async handle({ principal, params, services }) {
    return project(await services.projects.archive(principal, params.projectId));
  },
});

endpoint({
  operationId: 'restoreProject',
  method: 'POST',
  route: 'v1/projects/{projectId}/restore',
  summary: 'Restore an archived project (admin)',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Restored', schema: ProjectView } },
  async handle({ principal, params, services }) {
    return project(await services.projects.restore(principal, params.projectId));
  },
});

endpoint({
  operationId: 'setProjectMembers',
  method: 'PUT',
  route: 'v1/projects/{projectId}/members',
  summary: 'Share with creators (memberIds) and assign validators (validatorIds)',
  tags: ['projects'],
  access: 'tenant',
  params: ProjectParams,
  body: { kind: 'json', schema: SetMembersRequest },
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Updated', schema: ProjectView } },
  async handle({ principal, params, body, services }) {
    return project(await services.projects.setMembers(principal, params.projectId, body));
  },
});
