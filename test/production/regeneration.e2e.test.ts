/**
 * Regeneration after producing a selection of chapters, on the local platform with the offline engine: the packages
 * are rebuilt with the chapters that were produced (not every chapter of the book), only the regenerated segment's
 * chapter is mastered and encoded again, and the other chapters' files come back byte for byte.
 */
import { CosmosClient } from '@azure/cosmos';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as yauzl from 'yauzl';
import { ffprobePath } from '../../adapters/audio';
import type { ChapterRecord } from '../../core/book/records';
import type { TestPlatform } from '../support/testPlatform';
import { SEED_CHAPTERS } from './seedBook';
import { CREATOR, json, plannedBook, tenantOf } from './support';
import { waitForJob } from '../api/isolation/fixtures';
import { sharedTestPlatform } from '../support/sharedPlatform';

let platform: TestPlatform;
let tempDir: string;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-regen-test-'));
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

const EPILOGUE = {
  title: 'Chapter 3',
  lines: [
    ['heading', 'chapter_head', 'narrator', 'Chapter 3'],
    ['narration', 'paragraph', 'narrator', 'Nobody produced this chapter, so no package may hold it.'],
  ],
} as (typeof SEED_CHAPTERS)[number];

async function packagesOf(projectId: string): Promise<{ id: string; platform: string; jobId?: string }[]> {
  return (await json<{ items: any[] }>(await platform.api(CREATOR, `/v1/projects/${projectId}/packages`), 200)).items;
}

async function download(projectId: string, packageId: string, file: string): Promise<string> {
  const link = await json(await platform.api(CREATOR, `/v1/projects/${projectId}/packages/${packageId}/download`), 200);
  fs.writeFileSync(file, Buffer.from(await (await fetch(link.url)).arrayBuffer()));
  return file;
}

/** Name → bytes of every MP3 in a zip. */
function mp3Entries(zipFile: string): Promise<Map<string, Buffer>> {
  const entries = new Map<string, Buffer>();
  return new Promise((resolve, reject) => {
    yauzl.open(zipFile, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      zip.on('error', reject);
      zip.on('end', () => resolve(entries));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (!entry.fileName.endsWith('.mp3')) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError) return reject(streamError);
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.readEntry();
    });
  });
}

function chapterTitles(m4b: string): string[] {
  const out = execFileSync(ffprobePath(), ['-v', 'error', '-print_format', 'json', '-show_chapters', m4b]);
  return (JSON.parse(out.toString()) as { chapters: { tags: { title: string } }[] }).chapters.map((c) => c.tags.title);
}

test('regenerating a segment after producing a selection rebuilds the packages with that selection', async () => {
  const { projectId, chapterIds } = await plannedBook(platform, { chapters: [...SEED_CHAPTERS, EPILOGUE] });
  const produced = chapterIds.slice(0, 2);
  const started = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions`, {
      method: 'POST',
      json: { platforms: ['apple', 'acx'], chapterIds: produced, allowUnknownSpeakers: true },
    }),
    202,
  );
  const production = (await waitForJob(platform, CREATOR, projectId, started.job.id, 300_000)) as any;
  expect(production.error).toBeNull();
  expect(production.status).toBe('succeeded');
  const before = await packagesOf(projectId);
  const acxBefore = await mp3Entries(
    await download(projectId, before.find((p) => p.platform === 'acx')!.id, path.join(tempDir, 'acx-1.zip')),
  );
  const chapters = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  })
    .database('khipu')
    .container('chapters');
  const masterOf = async (chapterId: string) =>
    (await chapters.item(chapterId, [tenantOf(CREATOR), projectId]).read<ChapterRecord>()).resource!.master!;
  const [oneBefore, twoBefore] = [await masterOf(produced[0]), await masterOf(produced[1])];
  expect(oneBefore.encodings!.map((e) => e.format).sort()).toEqual(['aac', 'mp3']);

  // A segment of the second produced chapter.
  const segments = await json<{ items: { id: string }[] }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments?chapterId=${produced[1]}`),
    200,
  );
  const regenerated = await json<{ job: { id: string } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/segments/${segments.items[1]!.id}/regenerate`, {
      method: 'POST',
      json: {},
    }),
    202,
  );
  const job = (await waitForJob(platform, CREATOR, projectId, regenerated.job.id, 300_000)) as any;
  expect(job.error).toBeNull();
  expect(job.status).toBe('succeeded');
  expect(job.result.synthesisCalls).toBe(1);

  const after = (await packagesOf(projectId)).filter((p) => !before.some((b) => b.id === p.id));
  expect(after.map((p) => p.platform).sort()).toEqual(['acx', 'apple']);
  const m4b = await download(projectId, after.find((p) => p.platform === 'apple')!.id, path.join(tempDir, 'b.m4b'));
  // The chapters that were produced, between the credits; the chapter never produced is not there.
  expect(chapterTitles(m4b)).toEqual(['Opening Credits', 'Chapter 1', 'Chapter 2', 'Closing Credits']);
  const acxAfter = await mp3Entries(
    await download(projectId, after.find((p) => p.platform === 'acx')!.id, path.join(tempDir, 'acx-2.zip')),
  );
  expect([...acxAfter.keys()].sort()).toEqual([...acxBefore.keys()].sort());
  expect([...acxAfter.keys()].some((name) => name.includes('Chapter 3'))).toBe(false);
  // The untouched chapter was neither mastered nor encoded again: same record, and its file byte for byte.
  const one = [...acxAfter.keys()].find((name) => name.includes('Chapter 1'))!;
  expect(acxAfter.get(one)!.equals(acxBefore.get(one)!)).toBe(true);
  expect(await masterOf(produced[0])).toEqual(oneBefore);
  // The regenerated segment's chapter was: a new master (named by the new take) with its own encodings.
  const twoAfter = await masterOf(produced[1]);
  expect(twoAfter.blobName).not.toBe(twoBefore.blobName);
  expect(twoAfter.encodings!.map((e) => e.blobName)).not.toEqual(twoBefore.encodings!.map((e) => e.blobName));
  // Each master records how it was rendered, so a later one can render only the chapter's end: the regenerated
  // segment's key is the only one that changed.
  const keysBefore = twoBefore.rendering!.segmentKeys;
  const keysAfter = twoAfter.rendering!.segmentKeys;
  expect(keysAfter.length).toBe(keysBefore.length);
  expect(keysAfter.flatMap((key, index) => (key === keysBefore[index] ? [] : [index]))).toEqual([1]);
  expect(twoAfter.rendering!.gainDb).toEqual(expect.any(Number));
  expect(twoAfter.rendering!.settingsKey).toBe(twoBefore.rendering!.settingsKey);
}, 600_000);
