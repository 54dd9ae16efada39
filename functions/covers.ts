import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { ProjectView, toProjectView } from '../core/api/projects';
import { NotFoundError } from '../core/errors';
import { countUpload } from '../core/tenants/storageUsage';
import { endpoint } from './http/endpoint';

const MAX_COVER_BYTES = 25 * 1024 * 1024;

endpoint({
  operationId: 'uploadCover',
  method: 'PUT',
  route: 'v1/projects/{projectId}/cover',
  summary: 'Upload the cover (JPEG/PNG, square, ≥ 2400 px); a 3000×3000 JPEG and a thumbnail are derived',
  tags: ['projects'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  body: { kind: 'binary', contentTypes: ['image/jpeg', 'image/png'], maxBytes: MAX_COVER_BYTES, streamed: true },
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'Cover stored', schema: ProjectView },
    400: { description: 'Not square, too small, unreadable', schema: ErrorBody },
    413: { description: 'File too large', schema: ErrorBody },
    415: { description: 'Not JPEG or PNG', schema: ErrorBody },
  },
  async handle({ principal, params, upload, services }) {
    const { project, storedBytesChange } = await services.projects.setCover(principal, params.projectId, upload!);
    await countUpload(services.storageUsage, services.logger, {
      tenantId: project.tenantId,
      projectId: project.id,
      kind: 'cover',
      bytes: async () => storedBytesChange,
    });
    return { status: 200, json: toProjectView(project) };
  },
});

endpoint({
  operationId: 'getCover',
  method: 'GET',
  route: 'v1/projects/{projectId}/cover',
  summary: 'The cover image, streamed (variant: thumbnail, retail 3000×3000 JPEG, or the original)',
  tags: ['projects'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  query: z.strictObject({ variant: z.enum(['original', 'retail', 'thumbnail']).default('thumbnail') }),
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'Image bytes', contentType: 'image/jpeg' },
    404: { description: 'No project or no cover', schema: ErrorBody },
  },
  async handle({ principal, params, query, services }) {
    const blobName = await services.projects.coverBlob(principal, params.projectId, query.variant);
    const blob = blobName ? await services.blobs.openRead(blobName) : undefined;
    if (!blob) throw new NotFoundError('Cover');
    return {
      status: 200,
      stream: blob.stream,
      headers: {
        'content-type': blob.contentType,
        'content-length': String(blob.contentLength),
        'cache-control': 'private, max-age=300',
        'x-content-type-options': 'nosniff',
      },
    };
  },
});
