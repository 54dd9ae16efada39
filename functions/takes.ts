import { z } from 'zod';
import { ErrorBody, Id } from '../core/api/common';
import { toJobView } from '../core/api/jobs';
import { StartedJob } from '../core/api/production';
import {
  ChapterTimelineView,
  MediaLinkView,
  MediaParams,
  PackagePreviewList,
  PreviewParams,
  SoundChangesView,
  TakeList,
  TakeParams,
  WaveformView,
  type PreviewRole,
} from '../core/api/takes';
import type { ChapterRecord } from '../core/book/records';
import { DomainError, NotFoundError } from '../core/errors';
import { CLOSING_CREDITS_TITLE, OPENING_CREDITS_TITLE, RETAIL_SAMPLE_NAME } from '../core/packaging/layout';
import type { PackageRecord } from '../core/production/packageRecord';
import type { Services } from '../adapters/compositionRoot';
import { endpoint } from './http/endpoint';
import { productionReservation } from '../core/jobs/productionReservation';
import { rangedAudio } from './http/rangedAudio';

/**
 * Listening: a chapter's timeline and loudness for the player, a segment's takes (stream any of them, choose the one
 * production uses), previews of a package's retail sample and credits, and short-lived media links the browser's
 * audio element streams with HTTP Range. Everything is read inside the caller's tenant; another tenant's objects
 * answer 404.
 */
const audioResponses = {
  200: { description: 'The whole audio', contentType: 'audio/wav' },
  206: { description: 'The byte range asked for (Range: bytes=a-b)', contentType: 'audio/wav' },
  416: { description: 'The range starts past the end of the audio', schema: ErrorBody },
};
/** Media links live as long as a download link: long enough to listen to a chapter, short enough not to be kept. */
const MEDIA_LINK_SECONDS = 15 * 60;
const TAKE_CONTENT_TYPE = 'audio/wav';
const MASTER_CONTENT_TYPE = 'audio/flac';

async function liveChapter(services: Services, tenantId: string, projectId: string, chapterId: string) {
  const chapter = await services.bookReader.chapter(tenantId, projectId, chapterId);
  if (!chapter || chapter.deleted) throw new NotFoundError('Chapter');
  return chapter;
}

/** The segment, its chapter and the take named (any take the segment keeps). */
async function findTake(services: Services, tenantId: string, projectId: string, segmentId: string, takeId: string) {
  const segment = await services.bookReader.segment(tenantId, projectId, segmentId);
  if (!segment) throw new NotFoundError('Segment');
  const take = segment.takes.find((t) => t.takeId === takeId);
  if (!take) throw new NotFoundError('Take');
  return { segment, take };
}

async function issueLink(services: Services, tenantId: string, blobName: string, contentType: string) {
  const { token, expiresAt } = await services.mediaLinks.issue(tenantId, { blobName, contentType }, MEDIA_LINK_SECONDS);
  return { url: `/api/v1/media/${token}`, contentType, expiresAt: expiresAt.toISOString() };
}

function masterOf(chapter: ChapterRecord) {
  if (!chapter.master) throw new NotFoundError('Chapter audio');
  return chapter.master;
}

endpoint({
  operationId: 'getSoundChanges',
  method: 'GET',
  route: 'v1/projects/{projectId}/sound-changes',
  summary: 'Produced chapters that would sound different if produced now (a voice, a pronunciation, the pauses)',
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The chapters', schema: SoundChangesView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const chapterIds = await services.listening.soundingDifferent(user.tenantId, params.projectId);
    return { status: 200, json: { chapterIds } };
  },
});

endpoint({
  operationId: 'getChapterTimeline',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/timeline',
  summary: "A chapter's lines with where each sits in the mastered audio, their takes, and the master's loudness",
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, chapterId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The timeline', schema: ChapterTimelineView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const chapter = await liveChapter(services, user.tenantId, params.projectId, params.chapterId);
    return { status: 200, json: await services.listening.timeline(chapter) };
  },
});

endpoint({
  operationId: 'getChapterAudioLink',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/audio-link',
  summary: "A short-lived link the browser's audio element streams the chapter's master from (HTTP Range)",
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, chapterId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The link', schema: MediaLinkView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const chapter = await liveChapter(services, user.tenantId, params.projectId, params.chapterId);
    return {
      status: 200,
      json: await issueLink(services, user.tenantId, masterOf(chapter).blobName, MASTER_CONTENT_TYPE),
    };
  },
});

endpoint({
  operationId: 'getChapterWaveform',
  method: 'GET',
  route: 'v1/projects/{projectId}/chapters/{chapterId}/waveform',
  summary: "The chapter master's waveform (peak of each stretch), measured once on the server, for the player to draw",
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, chapterId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The waveform', schema: WaveformView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const chapter = await liveChapter(services, user.tenantId, params.projectId, params.chapterId);
    const master = masterOf(chapter);
    const waveform = await services.waveforms.ofMaster({ blobName: master.blobName, durationSec: master.durationSec });
    return { status: 200, json: waveform };
  },
});

endpoint({
  operationId: 'listSegmentTakes',
  method: 'GET',
  route: 'v1/projects/{projectId}/segments/{segmentId}/takes',
  summary: "A segment's takes, newest first: which one is used and which still match the line",
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, segmentId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The takes', schema: TakeList } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const segment = await services.bookReader.segment(user.tenantId, params.projectId, params.segmentId);
    if (!segment) throw new NotFoundError('Segment');
    const chapter = await liveChapter(services, user.tenantId, params.projectId, segment.chapterId);
    const found = await services.listening.segmentTakes(chapter, segment.id);
    // A segment of an older plan generation is no longer part of the book.
    if (!found) throw new NotFoundError('Segment');
    return { status: 200, json: found.list };
  },
});

endpoint({
  operationId: 'getTakeAudio',
  method: 'GET',
  route: 'v1/projects/{projectId}/segments/{segmentId}/takes/{takeId}/audio',
  summary: "One take's audio (WAV), streamed with HTTP Range support",
  tags: ['listening'],
  access: 'tenant',
  params: TakeParams,
  objects: { projectId: 'project' },
  responses: { ...audioResponses },
  async handle({ principal, params, services, request, requestId }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const { take } = await findTake(services, user.tenantId, params.projectId, params.segmentId, params.takeId);
    return rangedAudio(
      services.blobs,
      take.blobName,
      TAKE_CONTENT_TYPE,
      { rangeHeader: request.headers.get('range'), requestId },
      'Take audio',
    );
  },
});

endpoint({
  operationId: 'getTakeAudioLink',
  method: 'GET',
  route: 'v1/projects/{projectId}/segments/{segmentId}/takes/{takeId}/audio-link',
  summary: "A short-lived link the browser's audio element streams one take from (HTTP Range)",
  tags: ['listening'],
  access: 'tenant',
  params: TakeParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The link', schema: MediaLinkView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const { take } = await findTake(services, user.tenantId, params.projectId, params.segmentId, params.takeId);
    return { status: 200, json: await issueLink(services, user.tenantId, take.blobName, TAKE_CONTENT_TYPE) };
  },
});

endpoint({
  operationId: 'selectTake',
  method: 'POST',
  route: 'v1/projects/{projectId}/segments/{segmentId}/takes/{takeId}/select',
  summary:
    'Use this take for the segment: a job makes it current, re-masters the chapter and rebuilds the packages (nothing is synthesized)',
  tags: ['listening'],
  access: 'tenant',
  params: TakeParams,
  objects: { projectId: 'project' },
  orchestrates: true,
  responses: {
    202: { description: 'The job that puts the take in place', schema: StartedJob },
    409: { description: 'Another job is running for this project', schema: ErrorBody },
    422: { description: 'The take was rendered from an earlier text, voice or pronunciation', schema: ErrorBody },
  },
  async handle({ principal, params, services, orchestrations }) {
    const { user, project } = await services.projects.load(principal, params.projectId, 'project.generateAudio');
    const { segment } = await findTake(services, user.tenantId, project.id, params.segmentId, params.takeId);
    const chapter = await liveChapter(services, user.tenantId, project.id, segment.chapterId);
    const found = await services.listening.segmentTakes(chapter, segment.id);
    const take = found?.list.items.find((t) => t.takeId === params.takeId);
    if (!found || !take) throw new NotFoundError('Take');
    if (!take.matchesLine) {
      throw new DomainError(
        'unprocessable',
        'This take was rendered from an earlier text, voice or pronunciation of the line; regenerate it instead',
        { reason: 'take_outdated', field: 'takeId' },
      );
    }
    const job = await services.jobs.startFor(
      user,
      project,
      {
        kind: 'regenerate',
        input: {
          platforms: await services.packages.platforms(user.tenantId, project.id),
          chapterIds: null,
          allowUnknownSpeakers: true,
          chapterId: segment.chapterId,
          segmentId: segment.id,
          // An existing take's id: synthesis finds its audio and makes it current instead of rendering a new one.
          takeId: params.takeId,
          selected: true,
        },
        action: 'project.generateAudio',
        // The take is stored already (no line is rendered), but its job prepares the credits like any production and
        // renders them when the book's metadata changed since they were stored.
        characters: productionReservation(project, 0),
      },
      orchestrations,
    );
    return { status: 202, json: { job: toJobView(job) } };
  },
});

/**
 * The package's retail sample and credits: stored beside it since previews were kept; older packages are read by
 * the names the package layout gives their encoded files.
 */
function previewsOf(
  record: PackageRecord,
): { role: PreviewRole; fileName: string; blobName: string; contentType: string }[] {
  if (record.previews) {
    return record.previews.map((preview) => ({
      role: preview.role,
      fileName: preview.name,
      blobName: preview.blobName,
      contentType: preview.contentType,
    }));
  }
  const roleOf = (name: string): PreviewRole | undefined => {
    if (name === RETAIL_SAMPLE_NAME) return 'retail-sample';
    const title = name.replace(/^\d+ - /, '').replace(/\.[a-z0-9]+$/, '');
    if (title === OPENING_CREDITS_TITLE) return 'opening-credits';
    if (title === CLOSING_CREDITS_TITLE) return 'closing-credits';
    return undefined;
  };
  return record.encodings.flatMap((encoding) => {
    const role = roleOf(encoding.name);
    return role ? [{ role, fileName: encoding.name, blobName: encoding.blobName, contentType: 'audio/mpeg' }] : [];
  });
}

async function loadPackage(
  services: Services,
  tenantId: string,
  projectId: string,
  packageId: string,
): Promise<PackageRecord> {
  const record = await services.packages.get(tenantId, projectId, packageId);
  if (!record) throw new NotFoundError('Package');
  return record;
}

endpoint({
  operationId: 'listPackagePreviews',
  method: 'GET',
  route: 'v1/projects/{projectId}/packages/{packageId}/previews',
  summary: "The package's retail sample and opening and closing credits, to listen to before delivery",
  tags: ['listening'],
  access: 'tenant',
  params: z.strictObject({ projectId: Id, packageId: Id }),
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The previews', schema: PackagePreviewList } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const record = await loadPackage(services, user.tenantId, params.projectId, params.packageId);
    const items = previewsOf(record).map(({ role, fileName }) => ({ role, fileName }));
    return { status: 200, json: { packageId: record.id, items } };
  },
});

endpoint({
  operationId: 'getPackagePreviewLink',
  method: 'GET',
  route: 'v1/projects/{projectId}/packages/{packageId}/previews/{role}/audio-link',
  summary: 'A short-lived link to listen to the retail sample or a credits file of a package (HTTP Range)',
  tags: ['listening'],
  access: 'tenant',
  params: PreviewParams,
  objects: { projectId: 'project' },
  responses: { 200: { description: 'The link', schema: MediaLinkView } },
  async handle({ principal, params, services }) {
    const { user } = await services.projects.load(principal, params.projectId, 'project.read');
    const record = await loadPackage(services, user.tenantId, params.projectId, params.packageId);
    const preview = previewsOf(record).find((p) => p.role === params.role);
    if (!preview) throw new NotFoundError('Preview');
    return { status: 200, json: await issueLink(services, user.tenantId, preview.blobName, preview.contentType) };
  },
});

endpoint({
  operationId: 'streamMedia',
  method: 'GET',
  route: 'v1/media/{token}',
  summary:
    'Audio behind a short-lived media link (the link is the credential), streamed with HTTP Range; 404 once it expires',
  tags: ['listening'],
  access: 'public',
  params: MediaParams,
  responses: {
    200: { description: 'The whole audio', contentType: 'audio/*' },
    206: { description: 'The byte range asked for', contentType: 'audio/*' },
    404: { description: 'No such link, or it expired', schema: ErrorBody },
    416: audioResponses[416],
  },
  async handle({ params, services, request, requestId }) {
    const opened = await services.mediaLinks.open(params.token);
    if (!opened) throw new NotFoundError('Media link');
    // A suspended tenant's links stop working with its accounts.
    await services.tenants.assertActive(opened.tenantId);
    return rangedAudio(
      services.blobs,
      opened.target.blobName,
      opened.target.contentType,
      { rangeHeader: request.headers.get('range'), requestId },
      'Media',
    );
  },
});
