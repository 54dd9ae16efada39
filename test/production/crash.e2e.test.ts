/**
 * Crash safety of production: the Functions host is SIGKILLed while synthesis activities are in flight
 * (storage, Cosmos and Event Grid live on, as in Azure when a worker dies); a new host process finishes the job. Every
 * segment's audio is byte-identical to an uninterrupted run of the same book, and no segment blob present at the
 * crash is written again.
 */
import type { BlobItem } from '@azure/storage-blob';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { LONG_NARRATION, type Line } from './seedBook';
import { blobContainer, blobHashes, CREATOR, json, plannedBook, startProduction, tenantOf } from './support';
import { waitForJob } from '../api/isolation/fixtures';

let platform: TestPlatform;
// Two productions of a 51-segment book on the offline engine, one of them interrupted and recovered.
jest.setTimeout(15 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ separateHostProcess: true });
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

/** Enough narration that the fan-out lasts long enough to be caught in the middle. */
const BOOK = ['One', 'Two', 'Three'].map((n) => ({
  title: `Chapter ${n}`,
  lines: [
    ['heading', 'chapter_head', 'narrator', `Chapter ${n}`] as Line,
    ['dialogue', 'paragraph', 'char-elizabeth', `"This is chapter ${n.toLowerCase()},"`] as Line,
    ['narration', 'sentence', 'narrator', ' said Elizabeth.'] as Line,
    ...LONG_NARRATION.map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text} (${n})`]),
  ],
}));
/** Both runs use the same title: the spoken opening and closing credits are stored beside the segments. */
const TITLE = 'The Crash Test';
const CREDITS = 2;
/** Segments that say the same words in the same voice share one blob (" said Elizabeth." in every chapter). */
const DISTINCT_AUDIO =
  new Set(BOOK.flatMap((chapter) => chapter.lines.map(([, , speaker, text]) => `${speaker}|${text}`))).size + CREDITS;

function segmentPrefix(projectId: string): string {
  return `tenants/${tenantOf(CREATOR)}/projects/${projectId}/audio/segments/`;
}

async function segmentBlobs(projectId: string): Promise<BlobItem[]> {
  const blobs: BlobItem[] = [];
  for await (const blob of blobContainer(platform).listBlobsFlat({ prefix: segmentPrefix(projectId) }))
    blobs.push(blob);
  return blobs;
}

/** Content hash (the blob's file name) → sha-256 of its bytes. */
async function audioByContentHash(projectId: string): Promise<Map<string, string>> {
  const byName = await blobHashes(platform, segmentPrefix(projectId));
  return new Map([...byName].map(([name, bytes]) => [name.slice(name.lastIndexOf('/') + 1), bytes]));
}

test('a host killed mid-fan-out is replaced, the job completes, and no segment audio is lost, changed or rewritten', async () => {
  const reference = await plannedBook(platform, { title: TITLE, chapters: BOOK });
  const referenceJob = await waitForJob(
    platform,
    CREATOR,
    reference.projectId,
    await startProduction(platform, reference.projectId),
    600_000,
  );
  expect(referenceJob.status).toBe('succeeded');
  const expectedAudio = await audioByContentHash(reference.projectId);
  expect(expectedAudio.size).toBe(DISTINCT_AUDIO);

  const crashed = await plannedBook(platform, { title: TITLE, chapters: BOOK });
  const jobId = await startProduction(platform, crashed.projectId);
  // Mid-fan-out: some segments are stored, most are not.
  let atCrash: BlobItem[] = [];
  const deadline = Date.now() + 300_000;
  while (atCrash.length < 3) {
    if (Date.now() > deadline) throw new Error('synthesis never started');
    await new Promise((resolve) => setTimeout(resolve, 100));
    atCrash = await segmentBlobs(crashed.projectId);
  }
  await platform.crashHost();
  expect(atCrash.length).toBeLessThan(DISTINCT_AUDIO);

  const done = await waitForJob(platform, CREATOR, crashed.projectId, jobId, 600_000);
  expect(done.error ?? null).toBeNull();
  expect(done.status).toBe('succeeded');

  const after = await segmentBlobs(crashed.projectId);
  expect(after).toHaveLength(DISTINCT_AUDIO);
  // Create-only writes: a blob stored before the crash still has the etag and creation time it had then.
  const afterByName = new Map(after.map((blob) => [blob.name, blob.properties]));
  for (const blob of atCrash) {
    expect(afterByName.get(blob.name)?.etag).toBe(blob.properties.etag);
    expect(afterByName.get(blob.name)?.createdOn).toEqual(blob.properties.createdOn);
  }
  expect(await audioByContentHash(crashed.projectId)).toEqual(expectedAudio);

  const packages = await json<{ items: { platform: string; readiness: { passed: boolean } }[] }>(
    await platform.api(CREATOR, `/v1/projects/${crashed.projectId}/packages`),
    200,
  );
  expect(packages.items.find((p) => p.platform === 'apple')?.readiness.passed).toBe(true);
});
