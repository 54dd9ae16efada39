/**
 * A pronunciation added while a retake is produced, between the retake's synthesis and its chapter's mastering: both
 * activities plan the chapter from the sources its production pinned (core/production/chapterPlanSources.ts), so
 * mastering names the retaken line's audio as synthesis stored it and the job succeeds with the new take in the
 * master; the entry is left for the next production, and the sound changes name the chapter. Were mastering to read
 * the lexicon again, it would look for the line's audio under an address nothing rendered and fail with "Audio
 * <hash>.wav was not found". Two interleavings, forced by a proxy between the host and Cosmos that holds one request
 * until the entry is stored: the entry lands while synthesis records the new take (its write held), or after it,
 * dropping that take as the line's current one before mastering reads the chapter (its read held).
 */
import { startCosmosWire, type CosmosWire, type CosmosWireRequest } from '../support/cosmosWire';
import { waitForJob } from '../api/isolation/fixtures';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { blobContainer, CREATOR, json, plannedBook, produce } from './support';

let proxy: CosmosWire;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  proxy = await startCosmosWire();
  platform = await startTestPlatform({ env: { COSMOS_ENDPOINT: proxy.endpoint } });
  proxy.forwardTo(platform.urls.cosmos);
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await proxy?.stop();
});

interface SegmentView {
  text: string;
  currentTakeId: string | null;
  takes: { takeId: string }[];
}

const segmentWrite = (request: CosmosWireRequest) =>
  request.method === 'PUT' && request.resource === '/dbs/*/colls/segments/docs/*';

/** Only the first request from now on that matches is held, and only once `armed()` says so. */
function firstOnce(matches: (request: CosmosWireRequest) => boolean, armed: () => boolean = () => true) {
  let taken = false;
  return (request: CosmosWireRequest) => {
    if (taken || !armed() || !matches(request)) return false;
    taken = true;
    return true;
  };
}

const chapterRead = (request: CosmosWireRequest) =>
  request.method === 'GET' && request.resource === '/dbs/*/colls/chapters/docs/*';

async function retakeWithEntryDuring(hold: 'the take write' | 'the mastering read'): Promise<void> {
  const { projectId, chapterIds, segmentIds } = await plannedBook(platform, { chapters: [SEED_CHAPTERS[1]!] });
  expect((await produce(platform, projectId, ['apple'])).error).toBeNull();
  const retaken = segmentIds[1]!;
  const segmentPath = `/v1/projects/${projectId}/segments/${retaken}`;
  const before = await json<SegmentView>(await platform.api(CREATOR, segmentPath), 200);
  expect(before.text).toContain('afternoon');

  let takeWritten = false;
  const afterTakeWrite = proxy.arrival(segmentWrite).then(() => void (takeWritten = true));
  const held =
    hold === 'the take write'
      ? proxy.hold(firstOnce(segmentWrite))
      : proxy.hold(firstOnce(chapterRead, () => takeWritten));
  const arrived = hold === 'the take write' ? afterTakeWrite : afterTakeWrite.then(() => proxy.arrival(chapterRead));
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `${segmentPath}/regenerate`, { method: 'POST', json: {} }),
    202,
  );
  await arrived;
  await json(
    await platform.api(CREATOR, `/v1/projects/${projectId}/lexicon`, {
      method: 'POST',
      json: { grapheme: 'afternoon', kind: 'alias', value: 'evening', locale: 'en-US' },
    }),
    201,
  );
  held.release();

  const job = (await waitForJob(platform, CREATOR, projectId, started.job.id, 300_000)) as {
    status: string;
    error: unknown;
  };
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  const after = await json<SegmentView>(await platform.api(CREATOR, segmentPath), 200);
  const newTake = after.takes.at(-1)!;
  expect(before.takes.map((t) => t.takeId)).not.toContain(newTake.takeId);
  // The chapter's master is this job's, made with the new take (a master of the earlier audio would be reused).
  const chapter = await json<{ masteredByJobId: string | null }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/chapters/${chapterIds[0]}`),
    200,
  );
  expect(chapter.masteredByJobId).toBe(started.job.id);
  // The master holds audio made before the entry: the chapter is named as sounding different now.
  const changes = await json<{ chapterIds: string[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/sound-changes`),
    200,
  );
  expect(changes.chapterIds).toEqual(chapterIds);
  // The production's pinned copy of the sources is gone with its master.
  const pins: string[] = [];
  for await (const blob of blobContainer(platform).listBlobsFlat({ prefix: `tenants/` }))
    if (blob.name.includes(`/projects/${projectId}/`) && blob.name.includes('/plan-sources/')) pins.push(blob.name);
  expect(pins).toEqual([]);
}

test('a lexicon entry stored while a retake records its new take is left for the next production', async () => {
  await retakeWithEntryDuring('the take write');
});

test('a lexicon entry stored after a retake recorded its new take, before mastering, is left for the next production', async () => {
  await retakeWithEntryDuring('the mastering read');
});
