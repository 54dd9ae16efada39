import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { toJobView } from '../core/api/jobs';
import {
  EstimateQuery,
  PackageDownload,
  PackageList,
  PackageView,
  ProductionEstimate,
  RegenerateSegmentRequest,
  StartedJob,
  StartProductionRequest,
  toPackageView,
} from '../core/api/production';
import { DomainError, NotFoundError } from '../core/errors';
import { isTerminal } from '../core/jobs/job';
import { productionReservation } from '../core/jobs/productionReservation';
import { isCommitted } from '../core/planning/planGenerations';
import type { PackagePlatform } from '../core/packaging';
import { segmentCharacters } from '../core/production/productionJob';
import { endpoint } from './http/endpoint';
import { rangedAudio } from './http/rangedAudio';
import type { Services } from '../adapters/compositionRoot';

/**
 * Production: start a job that turns the planned book into retail packages, estimate it, retry a failed one,
 * regenerate one segment, and read and download the packages. Durable management URLs never leave the server.
 */
const refusals = {
  409: { description: 'Another job is running for this project', schema: ErrorBody },
  422: {
    description:
      'The plan is not ready (chapters unplanned, unknown speakers, voices missing or not offered, lines too long for one request); details.problems names each',
    schema: ErrorBody,
  },
  429: { description: 'The tenant quota would be exceeded', schema: ErrorBody },
};
/** Download links live this long; the package itself lives until its `expiresAt`. */
const DOWNLOAD_LINK_SECONDS = 15 * 60;

endpoint({
  operationId: 'startProduction',
  method: 'POST',
  route: 'v1/projects/{projectId}/productions',
  summary: 'Produce the book: synthesize, master and package for the given platforms (Idempotency-Key honoured)',
  tags: ['production'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  body: { kind: 'json', schema: StartProductionRequest },
  objects: { projectId: 'project' },
  idempotent: true,
  orchestrates: true,
  responses: { 202: { description: 'Job started', schema: StartedJob }, ...refusals },
  async handle({ principal, params, body, services, orchestrations }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.generateAudio');
    const chapterIds = body.approvedOnly
      ? await approvedSelection(services, user.tenantId, project.id, body.chapterIds)
      : body.chapterIds;
    const assessment = await services.production.assess(user.tenantId, project.id, chapterIds, {
      allowUnknownSpeakers: body.allowUnknownSpeakers,
      platforms: body.platforms,
    });
    await services.production.checkQuota(
      { tenantId: user.tenantId, projectId: project.id, platforms: body.platforms },
      assessment,
    );
    const job = await services.jobs.startFor(
      user,
      project,
      {
        kind: 'produce',
        input: {
          platforms: body.platforms,
          chapterIds: chapterIds ?? null,
          allowUnknownSpeakers: body.allowUnknownSpeakers,
          // Kept with the job so its actual cost can be compared with what was estimated when it started.
          estimatedUsd: assessment.estimate.totalUsd,
        },
        action: 'project.generateAudio',
        characters: productionReservation(project, assessment.billableCharacters),
      },
      orchestrations,
    );
    return { status: 202, json: { job: toJobView(job), estimate: { platforms: body.platforms, ...assessment } } };
  },
});

/** The approved chapters (of the given ones, when the caller chose some); refuses when there are none. */
async function approvedSelection(
  services: Services,
  tenantId: string,
  projectId: string,
  chosen: string[] | undefined,
): Promise<string[]> {
  const approved = await services.reviews.approvedChapters(tenantId, projectId);
  const selection = chosen ? approved.filter((id) => chosen.includes(id)) : approved;
  if (selection.length === 0)
    throw new DomainError('unprocessable', 'No chapter is approved for its current text yet', {
      field: 'approvedOnly',
    });
  return selection;
}

endpoint({
  operationId: 'estimateProduction',
  method: 'GET',
  route: 'v1/projects/{projectId}/productions/estimate',
  summary: 'What producing the book would cost and take, before anything is spent',
  tags: ['production'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  query: EstimateQuery,
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'The estimate, with what still blocks production', schema: ProductionEstimate },
  },
  async handle({ principal, params, query, services }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.costs');
    const assessment = await services.production.assess(user.tenantId, project.id, query.chapterIds ?? null, {
      allowUnknownSpeakers: true,
      refuse: false,
      platforms: query.platforms,
    });
    const tenant = await services.tenants.assertActive(user.tenantId);
    const monthlyCharacters = await services.costs.characterQuota(
      tenant,
      productionReservation(project, assessment.billableCharacters),
    );
    return { status: 200, json: { platforms: query.platforms, ...assessment, quota: { monthlyCharacters } } };
  },
});

endpoint({
  operationId: 'retryJob',
  method: 'POST',
  route: 'v1/projects/{projectId}/jobs/{jobId}/retry',
  summary: 'Run a failed or cancelled production job again; audio already rendered is reused, not paid for twice',
  tags: ['jobs'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, jobId: Id }),
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: { 202: { description: 'The new attempt', schema: StartedJob }, 409: refusals[409] },
  async handle({ principal, params, services, orchestrations }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.generateAudio');
    const previous = await services.jobs.get(principal, params.projectId, params.jobId);
    if (previous.kind !== 'produce' && previous.kind !== 'regenerate') {
      throw new DomainError('unprocessable', 'Only production jobs can be retried');
    }
    if (!isTerminal(previous.status) || previous.status === 'succeeded') {
      throw new DomainError('conflict', `The job is ${previous.status}; only failed or cancelled jobs are retried`);
    }
    const job = await services.jobs.startFor(
      user,
      project,
      {
        kind: previous.kind,
        input: { ...previous.input, retryOf: previous.id },
        action: 'project.generateAudio',
        characters: productionReservation(
          project,
          await retryLineCharacters(services, user.tenantId, project.id, previous.kind, previous.input),
        ),
      },
      orchestrations,
    );
    return { status: 202, json: { job: toJobView(job) } };
  },
});

/**
 * The lines a retried production reserves characters for (the credits come on top): the estimate of what it was asked
 * to make (audio already rendered is reused, so this holds more than it spends, never less), or the one segment of a
 * retake.
 */
async function retryLineCharacters(
  services: Services,
  tenantId: string,
  projectId: string,
  kind: 'produce' | 'regenerate',
  input: Record<string, unknown>,
): Promise<number> {
  if (kind === 'regenerate') {
    // Selecting an existing take synthesizes nothing.
    if (input.selected === true || typeof input.segmentId !== 'string') return 0;
    const segment = await services.bookReader.segment(tenantId, projectId, input.segmentId);
    return segment ? segmentCharacters(segment.text) : 0;
  }
  const chapterIds = Array.isArray(input.chapterIds)
    ? (input.chapterIds as unknown[]).filter((id): id is string => typeof id === 'string')
    : null;
  // The job's input was validated when the job was created; a missing list only leaves package checks out.
  const platforms: PackagePlatform[] = Array.isArray(input.platforms) ? (input.platforms as PackagePlatform[]) : [];
  const assessment = await services.production.assess(tenantId, projectId, chapterIds, {
    allowUnknownSpeakers: input.allowUnknownSpeakers === true,
    refuse: false,
    platforms,
  });
  return assessment.billableCharacters;
}

endpoint({
  operationId: 'regenerateSegmentAudio',
  method: 'POST',
  route: 'v1/projects/{projectId}/segments/{segmentId}/regenerate',
  summary: 'Render a new take of one segment (earlier takes are kept), re-master its chapter, rebuild the packages',
  tags: ['production'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, segmentId: Id }),
  body: { kind: 'json', schema: RegenerateSegmentRequest },
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: { 202: { description: 'Regeneration job started', schema: StartedJob }, ...refusals },
  async handle({ principal, params, body, services, orchestrations }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.generateAudio');
    const segment = await services.bookReader.segment(user.tenantId, project.id, params.segmentId);
    if (!segment) throw new NotFoundError('Segment');
    // Only a line of the chapter's committed plan is part of the book (docs/planning.md); another generation is not.
    const chapter = await services.bookReader.chapter(user.tenantId, project.id, segment.chapterId);
    if (!chapter || chapter.deleted || !isCommitted(segment, chapter)) {
      throw new NotFoundError('Segment');
    }
    const platforms = body.platforms ?? (await services.packages.platforms(user.tenantId, project.id));
    const job = await services.jobs.startFor(
      user,
      project,
      {
        kind: 'regenerate',
        input: {
          platforms,
          chapterIds: null,
          allowUnknownSpeakers: true,
          chapterId: segment.chapterId,
          segmentId: segment.id,
          takeId: services.ids.newId('take'),
        },
        action: 'project.generateAudio',
        characters: productionReservation(project, segmentCharacters(segment.text)),
      },
      orchestrations,
    );
    return { status: 202, json: { job: toJobView(job) } };
  },
});

endpoint({
  operationId: 'listPackages',
  method: 'GET',
  route: 'v1/projects/{projectId}/packages',
  summary: 'Packages built for the project, newest first, with their readiness',
  tags: ['packages'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'Packages', schema: PackageList } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const packages = await services.packages.list(user.tenantId, params.projectId);
    const now = services.clock.now();
    return { status: 200, json: { items: packages.map((p) => toPackageView(p, now)) } };
  },
});

endpoint({
  operationId: 'getPackage',
  method: 'GET',
  route: 'v1/projects/{projectId}/packages/{packageId}',
  summary: 'One package with its readiness report (each rule with the measured value)',
  tags: ['packages'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, packageId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The package', schema: PackageView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const record = await services.packages.get(user.tenantId, params.projectId, params.packageId);
    if (!record) throw new NotFoundError('Package');
    return { status: 200, json: toPackageView(record, services.clock.now()) };
  },
});

endpoint({
  operationId: 'downloadPackage',
  method: 'GET',
  route: 'v1/projects/{projectId}/packages/{packageId}/download',
  summary: 'A short-lived download link for the package deliverable',
  tags: ['packages'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, packageId: Id }),
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'Download link', schema: PackageDownload },
    422: { description: 'The package has expired', schema: ErrorBody },
  },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.export');
    const record = await services.packages.get(user.tenantId, params.projectId, params.packageId);
    if (!record) throw new NotFoundError('Package');
    const now = services.clock.now();
    if (Date.parse(record.expiresAt) <= now.getTime()) {
      throw new DomainError('unprocessable', 'The package has expired; produce it again', { reason: 'expired' });
    }
    const url = await services.blobs.readUrl(
      record.deliverable.blobName,
      DOWNLOAD_LINK_SECONDS,
      record.deliverable.name,
    );
    const expiresAt = new Date(now.getTime() + DOWNLOAD_LINK_SECONDS * 1000).toISOString();
    return { status: 200, json: { url, fileName: record.deliverable.name, expiresAt } };
  },
});

endpoint({
  operationId: 'getChapterAudio',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/audio',
  summary: "The chapter's mastered audio (FLAC), streamed with HTTP Range support",
  tags: ['production'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, chapterId: Id }),
  objects: { projectId: 'project' },
  responses: {
    200: { description: 'Audio bytes', contentType: 'audio/flac' },
    206: { description: 'The byte range asked for (Range: bytes=a-b)', contentType: 'audio/flac' },
    416: { description: 'The range starts past the end of the audio', schema: ErrorBody },
  },
  async handle({ principal, params, services, request, requestId }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const chapter = await services.bookReader.chapter(user.tenantId, params.projectId, params.chapterId);
    if (!chapter || !chapter.master) throw new NotFoundError('Chapter audio');
    return rangedAudio(
      services.blobs,
      chapter.master.blobName,
      'audio/flac',
      { rangeHeader: request.headers.get('range'), requestId },
      'Chapter audio',
    );
  },
});
