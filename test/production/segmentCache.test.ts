/**
 * The segments this machine synthesized are read back from its disk by the chapter's mastering, not downloaded: the
 * synthesis side and the mastering side share one segment cache over a real Azurite, and the GETs on the wire are
 * counted. A segment whose blob another render stored first is downloaded (the local render is not its bytes); a cut
 * cache file is never used; the cache stays under its size cap, dropping the least recently used files first. A cached
 * segment is not read whole into memory: its header when it is taken, then its audio by the meter through one buffer.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { createSegmentCache, type SegmentCache } from '../../adapters/production/segmentCache';
import { createSynthesisFiles } from '../../adapters/production/synthesisFiles';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { startBlobWire, type BlobWire } from '../support/blobWire';

const PREFIX = 'tenants/t1/projects/p1/';
const audio = createFfmpegToolchain();

let wire: BlobWire;
let blobs: AzureBlobStore;
let work: string;

beforeAll(async () => {
  wire = await startBlobWire('segment-cache');
  blobs = (await wire.container('segments')).blobs;
  work = path.join(wire.dir, 'work');
  fs.mkdirSync(work);
}, 60_000);

afterAll(async () => {
  await wire?.stop();
});

let fileCount = 0;
/** A fresh scratch WAV of `seconds` of a tone. */
async function renderedSegment(frequency: number, seconds = 1): Promise<string> {
  const file = path.join(work, `render-${fileCount++}.wav`);
  await runFfmpeg([
    ...['-y', '-f', 'lavfi', '-i', `sine=frequency=${frequency}:sample_rate=22050:duration=${seconds}`],
    ...['-ac', '1', '-c:a', 'pcm_s16le', file],
  ]);
  return file;
}

function cacheIn(name: string, maxBytes = 64 * 1024 * 1024): { cache: SegmentCache; dir: string } {
  const dir = path.join(wire.dir, name);
  return { cache: createSegmentCache({ maxBytes, dir }), dir };
}

const segmentGets = () => wire.requests.filter((request) => request.method === 'GET').length;

function masterOf(cache: SegmentCache, names: string[], chapter: string) {
  return createMasterFiles(blobs, audio, cache).render({
    segments: names.map((blobName) => ({ blobName, pauseAfterMs: 200 })),
    roomTone: DEFAULT_ROOM_TONE,
    target: DEFAULT_MASTERING_TARGET,
    masterBlobName: `${PREFIX}masters/${chapter}.flac`,
    encodings: [],
  });
}

describe('segment cache between synthesis and mastering', () => {
  it('masters the segments it stored itself without downloading them', async () => {
    const { cache } = cacheIn('own');
    const synthesis = createSynthesisFiles(blobs, cache);
    const names = [0, 1, 2].map((index) => `${PREFIX}audio/own-${index}.wav`);
    for (const [index, name] of names.entries()) {
      await expect(synthesis.storeIfAbsent(name, await renderedSegment(220 + 110 * index), 'audio/wav')).resolves.toBe(
        true,
      );
    }
    wire.clear();
    // Each entry's audio is read by the meter through one buffer, not into a buffer of its own when it is taken.
    const readFile = jest.spyOn(fsPromises, 'readFile');
    let wholeReads = 0;
    const fromCache = await masterOf(cache, [...names, names[0]!], 'own').finally(() => {
      wholeReads = readFile.mock.calls.length;
      readFile.mockRestore();
    });
    expect(segmentGets()).toBe(0);
    expect(wholeReads).toBe(0);

    // The same master as one made from downloads alone.
    wire.clear();
    const downloaded = await masterOf(cacheIn('empty').cache, [...names, names[0]!], 'own-downloaded');
    expect(segmentGets()).toBe(4);
    expect(fromCache.sha256).toBe(downloaded.sha256);
    expect(fromCache.measured).toEqual(downloaded.measured);
  }, 120_000);

  it('downloads a segment another render stored first, not the local render of it', async () => {
    const { cache } = cacheIn('other');
    const name = `${PREFIX}audio/shared.wav`;
    const theirs = await renderedSegment(300);
    await blobs.putIfAbsent(name, { filePath: theirs }, 'audio/wav');
    const ours = await renderedSegment(500, 2);
    await expect(createSynthesisFiles(blobs, cache).storeIfAbsent(name, ours, 'audio/wav')).resolves.toBe(false);
    wire.clear();
    await masterOf(cache, [name], 'other');
    expect(segmentGets()).toBe(1);
    await expect(cache.take(name, path.join(work, 'shared-taken.wav'))).resolves.toBe(false);
  }, 120_000);

  it('never uses a cut cache file, and downloads that segment instead', async () => {
    const { cache, dir } = cacheIn('cut');
    const name = `${PREFIX}audio/cut.wav`;
    const file = await renderedSegment(440);
    await createSynthesisFiles(blobs, cache).storeIfAbsent(name, file, 'audio/wav');
    const [entry] = fs.readdirSync(dir);
    const whole = fs.statSync(path.join(dir, entry!)).size;
    // A copy, so cutting the entry leaves the scratch file (its hard link) alone.
    fs.copyFileSync(path.join(dir, entry!), path.join(dir, 'copy'));
    fs.renameSync(path.join(dir, 'copy'), path.join(dir, entry!));
    fs.truncateSync(path.join(dir, entry!), whole - 100);

    const taken = path.join(work, 'cut-taken.wav');
    await expect(cache.take(name, taken)).resolves.toBe(false);
    expect(fs.existsSync(taken)).toBe(false);
    wire.clear();
    await masterOf(cache, [name], 'cut');
    expect(segmentGets()).toBe(1);
  }, 120_000);
});

describe('the cache’s bounds', () => {
  it('stays under its cap, dropping the least recently used files first', async () => {
    const segment = await renderedSegment(200);
    const bytes = fs.statSync(segment).size;
    const { cache, dir } = cacheIn('bounded', bytes * 5);
    const name = (index: number) => `${PREFIX}audio/bounded-${index}.wav`;
    const entry = (index: number) => path.join(dir, `${createHash('sha256').update(name(index)).digest('hex')}.wav`);
    const taken = (index: number) => path.join(work, `bounded-taken-${index}-${fileCount++}.wav`);
    for (let index = 0; index < 20; index++) {
      // A file of its own for each (an entry is a hard link: two entries of one file would share their times).
      const scratch = path.join(work, `bounded-${index}.wav`);
      fs.copyFileSync(segment, scratch);
      await cache.keep(name(index), scratch);
      // As if each was kept a second after the one before, a minute ago: the order of use is known, not left to the
      // clock, and none is past its age.
      const keptAt = Date.now() / 1000 - 60 + index;
      if (index > 0) fs.utimesSync(entry(index), keptAt, keptAt);
      // Segment 0 is read each round, so it is never the least recently used.
      expect(await cache.take(name(0), taken(0))).toBe(true);
      const held = fs.readdirSync(dir).reduce((sum, file) => sum + fs.statSync(path.join(dir, file)).size, 0);
      expect(held).toBeLessThanOrEqual(bytes * 5);
    }
    expect(await cache.take(name(19), taken(19))).toBe(true);
    expect(await cache.take(name(1), taken(1))).toBe(false);
  }, 60_000);

  it('neither takes nor keeps an entry unused past its age, so erased audio does not linger', async () => {
    const dir = path.join(wire.dir, 'aged');
    const cache = createSegmentCache({ maxBytes: 64 * 1024 * 1024, maxAgeMs: 10 * 60_000, dir });
    const name = (label: string) => `${PREFIX}audio/aged-${label}.wav`;
    const entry = (label: string) => path.join(dir, `${createHash('sha256').update(name(label)).digest('hex')}.wav`);
    for (const label of ['old', 'erased', 'fresh']) {
      const scratch = await renderedSegment(300);
      await cache.keep(name(label), scratch);
    }
    const elevenMinutesAgo = Date.now() / 1000 - 11 * 60;
    fs.utimesSync(entry('old'), elevenMinutesAgo, elevenMinutesAgo);
    fs.utimesSync(entry('erased'), elevenMinutesAgo, elevenMinutesAgo);
    // Past its age an entry is a miss (the segment is downloaded), and it is gone from the disk.
    expect(await cache.take(name('old'), path.join(work, `aged-taken-${fileCount++}.wav`))).toBe(false);
    expect(fs.existsSync(entry('old'))).toBe(false);
    // One nobody asks for again is removed by the next scan, which a cache in use runs at least every few minutes.
    const later = createSegmentCache({ maxBytes: 64 * 1024 * 1024, maxAgeMs: 10 * 60_000, dir });
    await later.keep(name('another'), await renderedSegment(350));
    expect(fs.existsSync(entry('erased'))).toBe(false);
    expect(await later.take(name('fresh'), path.join(work, `aged-taken-${fileCount++}.wav`))).toBe(true);
  }, 60_000);

  it('removes the temp files of a writer that was killed, and keeps nothing else but entries', async () => {
    const segment = await renderedSegment(250);
    const { cache, dir } = cacheIn('stale');
    fs.mkdirSync(dir, { recursive: true });
    // No process has pid 2^22 + 1 (above Linux's pid_max limit).
    fs.writeFileSync(path.join(dir, `${2 ** 22 + 1}-0123456789abcdef.tmp`), 'half a segment');
    await cache.keep(`${PREFIX}audio/stale.wav`, segment);
    expect(fs.readdirSync(dir).filter((file) => file.endsWith('.tmp'))).toEqual([]);
    expect(fs.readdirSync(dir)).toHaveLength(1);
  }, 60_000);
});
