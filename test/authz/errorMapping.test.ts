/**
 * The one error mapping (functions/http/errors.ts): a stale write's `details.current` leaves the server as the public
 * view of the stored document, or not at all; statuses and Retry-After for the concurrency codes.
 */
import { IdempotencyInProgressError, JobInProgressError, PreconditionFailedError } from '../../core/errors';
import { emptyProductionFacts, type ProjectRecord } from '../../core/projects/project';
import { toErrorResponse } from '../../functions/http/errors';

const project: ProjectRecord = {
  id: 'prj_1',
  type: 'project',
  tenantId: 't-andes',
  status: 'draft',
  statusBeforeArchive: null,
  metadata: {
    title: 'A Book',
    subtitle: null,
    authors: ['Someone'],
    narrators: [],
    translators: [],
    adaptors: [],
    language: 'en-US',
    description: null,
    keywords: [],
    categories: [],
    publisher: null,
    publicationDate: null,
    rights: null,
    series: null,
    isbn: null,
    digitalVoiceDisclosure: 'Digital voice.',
  },
  searchText: 'a book • someone',
  cover: null,
  facts: { ...emptyProductionFacts, activeJobId: 'job_secret' },
  ownerId: 'u1',
  memberIds: [],
  validatorIds: [],
  archivedAt: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2024-01-01T00:00:00.000Z',
  updatedBy: 'u1',
  etag: '"v2"',
};

test('a stale project write answers 412 with the project view, never the stored document', () => {
  const response = toErrorResponse(new PreconditionFailedError('changed', project), 'req-1');
  expect(response.status).toBe(412);
  const current = response.body.error.details?.current as Record<string, unknown>;
  expect(current).toMatchObject({ id: 'prj_1', etag: '"v2"', metadata: { title: 'A Book' } });
  expect(current.workflow).toBeDefined();
  // The counts a list derives a book's stage from are part of the view, projected field by field.
  expect(current.facts).toEqual({ ...emptyProductionFacts, activeJobId: 'job_secret' });
  for (const internal of ['searchText', 'tenantId', 'type', 'createdBy', 'updatedBy', 'statusBeforeArchive'])
    expect(current).not.toHaveProperty(internal);
  expect(JSON.stringify(response.body)).not.toContain('a book • someone');
});

test('an internal document without a public view is left out of the error', () => {
  const state = { id: 'prj_1.lexicon', type: 'lexiconState', tenantId: 't', projectId: 'prj_1', version: 7 };
  const response = toErrorResponse(new PreconditionFailedError('changed', state), 'req-2');
  expect(response.status).toBe(412);
  expect(response.body.error.details ?? {}).not.toHaveProperty('current');
  const untyped = toErrorResponse(new PreconditionFailedError('changed', { secret: 's3cr3t' }), 'req-3');
  expect(JSON.stringify(untyped.body)).not.toContain('s3cr3t');
});

test('a stale webhook write never shows its signing secrets', () => {
  const webhook = {
    id: 'whk_1',
    type: 'webhookSubscription',
    tenantId: 't-andes',
    url: 'https://example.com/hook',
    eventTypes: ['khipu.job.completed'],
    active: true,
    secret: 'whsec_current',
    previousSecret: 'whsec_previous',
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    createdBy: 'u1',
    etag: '"w1"',
  };
  const response = toErrorResponse(new PreconditionFailedError('changed', webhook), 'req-4');
  expect(response.body.error.details?.current).toMatchObject({ id: 'whk_1', etag: '"w1"' });
  expect(JSON.stringify(response.body)).not.toMatch(/whsec_/);
});

test('concurrency refusals are 409 with their own codes; an in-progress idempotent request says when to retry', () => {
  const job = toErrorResponse(new JobInProgressError({ jobId: 'job_1', kind: 'produce' }), 'req-5');
  expect(job).toMatchObject({ status: 409, body: { error: { code: 'job_in_progress', details: { jobId: 'job_1' } } } });
  const key = toErrorResponse(new IdempotencyInProgressError(2), 'req-6');
  expect(key).toMatchObject({
    status: 409,
    headers: { 'Retry-After': '2' },
    body: { error: { code: 'idempotency_in_progress', details: { field: 'Idempotency-Key' }, requestId: 'req-6' } },
  });
});
