/**
 * A regeneration on the product's own path renders only the end of its chapter (docs/audio-pipeline.md, "Re-rendering
 * only the region that changed"): the local platform and the offline engine, a chapter as long as a real one with the
 * pauses the planner gives it (350 and 450 ms, half an input sample off a whole one at 22.05 kHz, and 800 ms), a
 * production for Apple and ACX (AAC and MP3), then one line in the middle regenerated. The new master says it was
 * rendered from a pause before that line, and its FLAC, times and levels are those of a whole render of the same
 * segments at the recorded gain, its MP3 and AAC spliced within the doc's threshold.
 */
import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createFfmpegToolchain } from '../../adapters/audio';
import { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import { planRegionCut } from '../../core/audio/regionCut';
import type { ChapterMasterRecord, ChapterRecord } from '../../core/book/records';
import { RETAIL_ENCODINGS } from '../../core/packaging';
import type { AudioToolchain } from '../../core/ports/audio';
import { projectBlobPrefix } from '../../core/ports/blobs';
import { chapterEncodingBlobName, chapterMasterBlobName } from '../../core/production/contentAddress';
import { waitForJob } from '../api/isolation/fixtures';
import { sharedTestPlatform } from '../support/sharedPlatform';
import type { TestPlatform } from '../support/testPlatform';
import { sentencesOfTheBook } from './bookSentences';
import { compareAacSplice, compareMp3Splice, decodeSamples, MAX_PEAK_DBFS, MAX_RMS_DBFS } from './regionCompare';
import type { Line } from './seedBook';
import { CREATOR, json, plannedBook, produce, tenantOf } from './support';

let platform: TestPlatform;
let tempDir: string;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-region-regen-'));
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

const LINES = 44;

test('a line regenerated in the middle of a real-length chapter re-renders the chapter from a pause before it', async () => {
  const sentences = sentencesOfTheBook(LINES);
  const lines: Line[] = [
    ['heading', 'chapter_head', 'narrator', 'Chapter 1'],
    ...sentences.map((sentence): Line => ['narration', sentence.boundaryBefore, 'narrator', sentence.text]),
  ];
  const { projectId, chapterIds } = await plannedBook(platform, { chapters: [{ title: 'Chapter 1', lines }] });
  const [chapterId] = chapterIds;
  const tenantId = tenantOf(CREATOR);
  const production = await produce(platform, projectId, ['apple', 'acx']);
  expect(production.error).toBeNull();
  expect(production.status).toBe('succeeded');

  const chapters = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  })
    .database('khipu')
    .container('chapters');
  const masterOf = async () =>
    (await chapters.item(chapterId, [tenantId, projectId]).read<ChapterRecord>()).resource!.master!;
  const before = await masterOf();
  expect(before.durationSec).toBeGreaterThan(180);
  expect(before.rendering!.path).toEqual({ kind: 'whole' });
  const pauses = before.rendering!.segmentKeys.map((key) => Number(key.split(':')[1]));
  expect(new Set(pauses.slice(1, -1))).toEqual(new Set([350, 450, 800]));

  const segments = await json<{ items: { id: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${chapterId}`),
    200,
  );
  const middle = Math.floor(segments.items.length / 2);
  const regenerated = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segments.items[middle]!.id}/regenerate`, {
      method: 'POST',
      json: {},
    }),
    202,
  );
  const job = (await waitForJob(platform, CREATOR, projectId, regenerated.job.id, 300_000)) as {
    status: string;
    error: unknown;
  };
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');

  const after = await masterOf();
  expect(after.blobName).not.toBe(before.blobName);
  const keysChanged = after.rendering!.segmentKeys.flatMap((key, index) =>
    key === before.rendering!.segmentKeys[index] ? [] : [index],
  );
  expect(keysChanged).toEqual([middle]);
  // Rendered from a pause before the regenerated line, not whole.
  expect(after.rendering!.path).toEqual({ kind: 'region', fromSegment: expect.any(Number) });
  const cut = planRegionCut(
    { segmentStartsSec: before.segmentStartsSec, segmentEndsSec: before.segmentEndsSec!, inputRateHz: 22050 },
    middle,
  )!;
  expect(after.rendering!.path).toEqual({ kind: 'region', fromSegment: cut.fromSegment });

  const whole = await wholeRender(tenantId, projectId, chapterId, after);
  // The FLAC: the same bytes; the times and length: the same.
  expect(after.sha256).toBe(whole.sha256);
  const encoded = (master: Pick<ChapterMasterRecord, 'encodings'>, format: 'aac' | 'mp3') =>
    master.encodings!.find((e) => e.format === format)!;
  expect(after.durationSec).toBe(whole.durationSec);
  expect(after.segmentStartsSec).toEqual(whole.segmentStartsSec);
  expect(after.segmentEndsSec).toEqual(whole.segmentEndsSec);
  expect(after.rendering!.masterSamples).toBe(whole.masterSamples);
  // The levels, recombined: the whole pass's within 0.05 dB (its integrated loudness within the tenth it prints).
  for (const key of ['rmsDb', 'peakDb', 'noiseFloorDb'] as const)
    expect({ key, off: Math.abs(after.measured![key]! - whole.measured[key]!) <= 0.05 }).toEqual({ key, off: true });
  expect(Math.abs(after.measured!.integratedLufs! - whole.measured.integratedLufs!)).toBeLessThanOrEqual(0.1);
  // The MP3: the same samples before the cut, within the splice threshold around it.
  const mp3 = compareMp3Splice(
    await decodeBlob(encoded(after, 'mp3').blobName, 'region.mp3'),
    await decodeBlob(encoded(whole, 'mp3').blobName, 'whole.mp3'),
    cut.mp3KeepFrames,
  );
  expect(mp3.regionSamples).toBe(mp3.wholeSamples);
  expect(mp3.firstDifferenceAfterFrameBeforeCut).toBeGreaterThan(0);
  expect(mp3.peakDbfs).toBeLessThan(MAX_PEAK_DBFS);
  expect(mp3.rmsDbfs).toBeLessThan(MAX_RMS_DBFS);
  // The AAC, spliced into the stored MP4 (the path says nothing was encoded whole): the same samples before the cut,
  // within the splice threshold around it, the same length.
  const aac = compareAacSplice(
    await decodeBlob(encoded(after, 'aac').blobName, 'region.m4a'),
    await decodeBlob(encoded(whole, 'aac').blobName, 'whole.m4a'),
    cut.aacKeepPackets,
  );
  expect(aac.regionSamples).toBe(aac.wholeSamples);
  expect(aac.firstDifferenceAfterFrameBeforeCut).toBeGreaterThan(0);
  expect(aac.peakDbfs).toBeLessThan(MAX_PEAK_DBFS);
  expect(aac.rmsDbfs).toBeLessThan(MAX_RMS_DBFS);
}, 900_000);

function blobStore(): AzureBlobStore {
  const service = BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING);
  return new AzureBlobStore(service, service.getContainerClient('khipu'));
}

/** The master's segments (named by the content hashes its record keys), rendered whole at its gain under a test name. */
async function wholeRender(tenantId: string, projectId: string, chapterId: string, master: ChapterMasterRecord) {
  const blobs = blobStore();
  const prefix = `${projectBlobPrefix(tenantId, projectId)}audio/segments/`;
  const stored: string[] = [];
  let continuationToken: string | undefined;
  do {
    const page = await blobs.list(prefix, { pageSize: 500, ...(continuationToken && { continuationToken }) });
    stored.push(...page.items.map((item) => item.name));
    continuationToken = page.continuationToken ?? undefined;
  } while (continuationToken);
  const segments = master.rendering!.segmentKeys.map((key) => {
    const [hash, pause] = key.split(':');
    const names = stored.filter((name) => name.startsWith(`${prefix}${hash}`));
    expect(names).toHaveLength(1);
    return { blobName: names[0], pauseAfterMs: Number(pause) };
  });
  const hash = createHash('sha256').update(`whole-render-of-${master.blobName}`).digest('hex');
  const audio = createFfmpegToolchain();
  const atRecordedGain: AudioToolchain = {
    ...audio,
    masterChapter: (request, out) => audio.masterChapter({ ...request, gainDb: master.rendering!.gainDb }, out),
  };
  return createMasterFiles(blobs, atRecordedGain).render({
    segments,
    roomTone: DEFAULT_ROOM_TONE,
    target: DEFAULT_MASTERING_TARGET,
    masterBlobName: chapterMasterBlobName(tenantId, projectId, chapterId, hash, 'flac'),
    encodings: (['aac', 'mp3'] as const).map((format) => ({
      format,
      blobName: chapterEncodingBlobName(tenantId, projectId, chapterId, hash, RETAIL_ENCODINGS[format]),
      bitrateKbps: RETAIL_ENCODINGS[format].kbps,
      extension: RETAIL_ENCODINGS[format].extension,
    })),
  });
}

async function decodeBlob(name: string, file: string): Promise<Int16Array> {
  const local = path.join(tempDir, file);
  fs.writeFileSync(local, (await blobStore().readBuffer(name, 64 * 1024 * 1024))!);
  return decodeSamples(local);
}
