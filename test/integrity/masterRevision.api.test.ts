/**
 * The plan revision a chapter's master records is never newer than the lines it was made from. Mastering reads the
 * chapter's lines, then the chapter; a line edit stores the line first and counts itself on the chapter after, so an
 * edit landing between the two reads is counted on the chapter read second but missing from the lines read first.
 * Shown by running the real mastering (ffmpeg, the platform's Cosmos and Azurite) with a speaker edit sent through
 * the API at exactly that moment: the chapter must then say its audio no longer matches.
 */
import { ChapterMastering } from '../../core/production/chapterMastering';
import type { SegmentRecord } from '../../core/book/records';
import type { TypedCollection } from '../../core/ports/typedCollection';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { createSegmentCache } from '../../adapters/production/segmentCache';
import { waitForJob } from '../api/isolation/fixtures';
import { CREATOR, json, plannedBook, startProduction, tenantOf } from '../production/support';
import type { TestPlatform } from '../support/testPlatform';
import { servicesFor, type TestServices } from './support';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;
let svc: TestServices;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  svc = await servicesFor(platform);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface ChapterJson {
  planRevision: number;
  masterPlanRevision: number | null;
}

test('a speaker edit stored while mastering reads the chapter leaves the master saying it is out of date', async () => {
  const book = await plannedBook(platform, { title: 'Edited while mastered' });
  const jobId = await startProduction(platform, book.projectId);
  expect((await waitForJob(platform, CREATOR, book.projectId, jobId, 600_000)).status).toBe('succeeded');
  const chapterId = book.chapterIds[0];
  const chapterPath = `/v1/projects/${book.projectId}/chapters/${chapterId}`;
  const before = await json<ChapterJson>(await platform.api(CREATOR, chapterPath), 200);
  expect(before.masterPlanRevision).toBe(before.planRevision);

  // The speaker edit is sent, and acknowledged, right after mastering has read the chapter's lines.
  let edited = false;
  const segments = new Proxy(svc.book.segments, {
    get(target, property, receiver) {
      if (property !== 'readAllItems') return Reflect.get(target, property, receiver) as unknown;
      return async (...args: Parameters<TypedCollection<SegmentRecord>['readAllItems']>) => {
        const lines = await target.readAllItems(...args);
        if (!edited) {
          edited = true;
          const line = lines.find((segment) => segment.speakerId !== 'narrator')!;
          const current = await json<{ etag: string }>(
            await platform.api(CREATOR, `/v1/projects/${book.projectId}/segments/${line.id}`),
            200,
          );
          await json(
            await platform.api(CREATOR, `/v1/projects/${book.projectId}/segments/${line.id}`, {
              method: 'PATCH',
              headers: { 'if-match': current.etag },
              json: { speakerId: 'narrator' },
            }),
            200,
          );
        }
        return lines;
      };
    },
  });
  const mastering = new ChapterMastering({
    book: { chapters: svc.book.chapters, segments },
    speechPlan: (await import('../../adapters/compositionRoot')).productionContext().speechPlan,
    blobs: svc.blobs,
    files: createMasterFiles(svc.blobs, svc.audio, createSegmentCache({ maxBytes: 0 })),
    job: { addProgress: async () => undefined },
    events: { publish: async () => undefined },
    clock: svc.clock,
  });
  await mastering.master({ tenantId: tenantOf(CREATOR), projectId: book.projectId, jobId, userId: 'u', chapterId });
  expect(edited).toBe(true);

  const after = await json<ChapterJson>(await platform.api(CREATOR, chapterPath), 200);
  expect(after.planRevision).toBe(before.planRevision + 1);
  expect(after.masterPlanRevision).not.toBe(after.planRevision);
});
