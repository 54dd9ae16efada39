import contentDisposition from 'content-disposition';
import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { toJobView } from '../core/api/jobs';
import {
  MANUSCRIPT_CONTENT_TYPES,
  ManuscriptView,
  UploadManuscriptQuery,
  UploadManuscriptResponse,
  toManuscriptView,
} from '../core/api/manuscript';
import { countUpload } from '../core/tenants/storageUsage';
import { endpoint } from './http/endpoint';

const ProjectParams = z.strictObject({ projectId: Id });

endpoint({
  operationId: 'uploadManuscript',
  method: 'PUT',
  route: 'v1/projects/{projectId}/manuscript',
  summary:
    'Upload the manuscript (TXT, Markdown, HTML, DOCX, EPUB, PDF). The original is kept; an import job finds the chapters',
  tags: ['manuscript'],
  access: 'tenant',
  params: ProjectParams,
  query: UploadManuscriptQuery,
  body: { kind: 'binary', contentTypes: MANUSCRIPT_CONTENT_TYPES, streamed: true },
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: {
    202: { description: 'Stored; the import job runs in the background', schema: UploadManuscriptResponse },
    400: { description: 'Empty body or invalid query', schema: ErrorBody },
    409: { description: 'Chapters exist (send ?replace=true) or another job is running', schema: ErrorBody },
    413: { description: 'File too large', schema: ErrorBody },
    415: { description: 'Not a manuscript format we read', schema: ErrorBody },
    422: { description: 'Recognisably unreadable (e.g. binary sent as text)', schema: ErrorBody },
  },
  async handle({ principal, params, query, upload, services, orchestrations }) {
    const { manuscript, job } = await services.manuscripts.upload(
      principal,
      params.projectId,
      { file: upload!, fileName: query.fileName, replace: query.replace === 'true' },
      orchestrations,
    );
    await countUpload(services.storageUsage, services.logger, {
      tenantId: manuscript.tenantId,
      projectId: manuscript.projectId,
      kind: 'manuscript',
      bytes: async () => manuscript.bytes,
    });
    return {
      status: 202,
      json: { manuscript: toManuscriptView(manuscript), job: toJobView(job) },
      headers: { Location: `/api/v1/projects/${params.projectId}/jobs/${job.id}` },
    };
  },
});

endpoint({
  operationId: 'getManuscript',
  method: 'GET',
  route: 'v1/projects/{projectId}/manuscript',
  summary: 'The latest upload: status (processing, ready, failed), format, encoding, warnings, error, size',
  tags: ['manuscript'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The manuscript', schema: ManuscriptView } },
  async handle({ principal, params, services }) {
    return { status: 200, json: toManuscriptView(await services.manuscripts.current(principal, params.projectId)) };
  },
});

endpoint({
  operationId: 'getManuscriptOriginal',
  method: 'GET',
  route: 'v1/projects/{projectId}/manuscript/original',
  summary: 'The original file of the latest upload, streamed back as it was sent',
  tags: ['manuscript'],
  access: 'tenant',
  params: ProjectParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The file', contentType: 'application/octet-stream' } },
  async handle({ principal, params, services }) {
    const { manuscript, stream, contentLength } = await services.manuscripts.original(principal, params.projectId);
    return {
      status: 200,
      stream,
      headers: {
        // Never rendered by the browser: the bytes are untrusted.
        'content-type': 'application/octet-stream',
        'content-length': String(contentLength),
        'content-disposition': attachment(manuscript.fileName || 'manuscript'),
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
      },
    };
  },
});

/**
 * RFC 6266 attachment header for a user-supplied name: an ASCII-only `filename` for old clients and the exact name in
 * RFC 8187 `filename*` (percent-encoded UTF-8), so no byte of the name is sent raw in the header.
 */
function attachment(fileName: string): string {
  return contentDisposition(fileName, { fallback: fileName.replace(/[^\x20-\x7E]/g, '_') });
}
