/**
 * The audio side of chapter mastering (core/production/chapterMastering.ts decides what to master and records it):
 * the segments are fetched a few at a time (this machine's copy of those it synthesized, else a download) and metered
 * in reading order, so the gain is known before the one ffmpeg pass that writes the master and the retail encodings
 * (MP3, AAC) from the same stream and measures it; the files, and the level blocks the measurement is made of, are
 * then stored create-only under the names the core chose. Everything happens in a temp folder that is always removed.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { LevelBlocks } from '../../core/audio/levelBlocks';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import type { ChapterEncodingRecord, StoredLevels } from '../../core/book/records';
import { NotFoundError } from '../../core/errors';
import type { AudioToolchain, RenderEncodings } from '../../core/ports/audio';
import type { BlobStore } from '../../core/ports/blobs';
import type {
  MasterFiles,
  MasterRenderRequest,
  RegionFallback,
  RenderedMaster,
} from '../../core/production/chapterMastering';
import { chapterLevelsBlobName } from '../../core/production/contentAddress';
import { readFlacInfo } from '../audio/flacInfo';
import { levelBlocksBytes } from '../audio/levelBlocksFile';
import { meterReadBuffer, meterWavFile, WavLevels } from '../audio/levelTap';
import { describeFile } from '../packaging/fileHash';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { fallbackReason, renderRegion, type RegionRender } from './masterRegion';
import type { SegmentCache } from './segmentCache';
import { withWorkspace } from './workspace';

/** Longest pause mastering renders (as adapters/audio/master.ts caps it). */
const MAX_PAUSE_MS = 20_000;

/**
 * Segment downloads in flight at once: each waits mostly on the storage service (a request, a small body), so a few
 * side by side hide that wait; a few, because every one early holds its audio in memory until its turn to be metered.
 */
const FETCHES_AT_ONCE = 4;

/** Where a segment's audio comes from: this machine's copy when it has a whole one, blob storage otherwise. */
interface SegmentSource {
  blobs: BlobStore;
  cache?: SegmentCache;
}

export function createMasterFiles(blobs: BlobStore, audio: AudioToolchain, cache?: SegmentCache): MasterFiles {
  return { render: (request) => renderAndStore({ blobs, cache }, audio, request) };
}

async function renderAndStore(
  source: SegmentSource,
  audio: AudioToolchain,
  request: MasterRenderRequest,
): Promise<RenderedMaster> {
  return withWorkspace('master', async (dir) => {
    let fallback: RegionFallback | undefined;
    if (request.previous) {
      // Only the chapter's end, when everything lines up; the whole chapter otherwise. Nothing is stored before the
      // region's files are all made, so a fallback starts from nothing.
      const regionDir = path.join(dir, 'region');
      await mkdir(regionDir);
      const fetchRegion = (segments: MasterRenderRequest['segments'], into: string) =>
        fetchSegments(source, segments, into);
      let region: RegionRender | undefined;
      try {
        region = await renderRegion(
          { blobs: source.blobs, fetchSegments: fetchRegion, audio },
          request,
          request.previous,
          regionDir,
        );
      } catch (error) {
        fallback = fallbackReason(error);
      }
      if (region)
        return storeRendered(source, request, region.masterFile, region.encodingFiles, region.blocks, region.rendered);
    }
    const meter = new LoudnessMeter();
    const segmentFiles = await fetchSegmentsMetered(source, request.segments, dir, meter);
    const outFile = path.join(dir, 'master.flac');
    const encodingFiles: RenderEncodings = Object.fromEntries(
      request.encodings.map((encoding) => [
        encoding.format,
        { file: path.join(dir, `encoded.${encoding.extension}`), bitrateKbps: encoding.bitrateKbps },
      ]),
    );
    const mastered = await audio.masterChapter(
      {
        segmentFiles,
        headRoomToneMs: request.roomTone.headMs,
        tailRoomToneMs: request.roomTone.tailMs,
        target: request.target,
        roomToneLevelDb: request.roomTone.levelDb,
        levels: meter.result(),
        encodings: encodingFiles,
        workDir: dir,
      },
      outFile,
    );
    const masterSamples = (await readFlacInfo(outFile))?.totalSamples;
    return storeRendered(
      source,
      request,
      outFile,
      { mp3: encodingFiles.mp3?.file, aac: encodingFiles.aac?.file },
      mastered.levels,
      {
        durationSec: mastered.durationSec,
        ...(masterSamples !== undefined && { masterSamples }),
        segmentStartsSec: mastered.segmentStartsSec,
        segmentEndsSec: mastered.segmentEndsSec,
        measured: mastered.measured,
        gainDb: mastered.gainDb,
        inputRateHz: mastered.inputRateHz,
        path: { kind: 'whole', ...(fallback && { fallback }) },
      },
    );
  });
}

/** Stores the master, each encoding and the level blocks side by side: the activity waits for the largest file only. */
async function storeRendered(
  source: SegmentSource,
  request: MasterRenderRequest,
  masterFile: string,
  encodingFiles: Partial<Record<ChapterEncodingRecord['format'], string>>,
  blocks: LevelBlocks,
  rendered: RegionRender['rendered'],
): Promise<RenderedMaster> {
  const { blobs } = source;
  const [levels, { sha256 }, ...encodings] = await Promise.all([
    storeLevels(blobs, request.masterBlobName, blocks),
    storeFile(blobs, request.masterBlobName, masterFile, 'audio/flac'),
    ...request.encodings.map(async (encoding): Promise<ChapterEncodingRecord> => ({
      format: encoding.format,
      blobName: encoding.blobName,
      ...(await storeFile(
        blobs,
        encoding.blobName,
        encodingFiles[encoding.format]!,
        encoding.format === 'mp3' ? 'audio/mpeg' : 'audio/mp4',
        // The packages read the encodings next, on this machine as a rule: they take this copy instead of a download.
        source.cache,
      )),
    })),
  ]);
  return { ...rendered, sha256, levels, encodings };
}

/** Stores the render's level blocks create-only under the sha256 of their bytes, beside the master. */
async function storeLevels(blobs: BlobStore, masterBlobName: string, levels: LevelBlocks): Promise<StoredLevels> {
  const bytes = levelBlocksBytes(levels);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const blobName = chapterLevelsBlobName(masterBlobName, sha256);
  await blobs.putIfAbsent(blobName, bytes, 'application/gzip');
  return { blobName, sha256, bytes: bytes.length };
}

/**
 * Stores `file` create-only under `name` while hashing it; its size and hash. A `cache` keeps a copy only when this
 * write made the blob: a blob already there holds another render's bytes.
 */
async function storeFile(
  blobs: BlobStore,
  name: string,
  file: string,
  contentType: string,
  cache?: SegmentCache,
): Promise<{ bytes: number; sha256: string }> {
  const [described, created] = await Promise.all([
    describeFile(file),
    uploadFileIfAbsent(blobs, name, file, contentType),
  ]);
  if (created) {
    await cache?.keep(name, file);
    return described;
  }
  // Stored before (a retried activity): its bytes are those recorded. A region render's encodings differ from a whole
  // render's in their last frames, so the stored ones are described, not this render's.
  const stored = `${file}.stored`;
  await downloadBlob(blobs, name, stored);
  return describeFile(stored);
}

/** Fetches the segments into `dir` (from the local cache, else downloaded), FETCHES_AT_ONCE at a time, unmetered. */
async function fetchSegments(
  source: SegmentSource,
  segments: MasterRenderRequest['segments'],
  dir: string,
): Promise<{ path: string; pauseAfterMs: number }[]> {
  const files = segments.map((_, index) => path.join(dir, `segment-${String(index).padStart(5, '0')}.wav`));
  let next = 0;
  const worker = async () => {
    while (next < segments.length) {
      const index = next++;
      await fetchSegment(source, segments[index].blobName, files[index]);
    }
  };
  const workers = await Promise.allSettled(Array.from({ length: FETCHES_AT_ONCE }, worker));
  const failed = workers.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return segments.map((segment, index) => ({ path: files[index], pauseAfterMs: segment.pauseAfterMs }));
}

/**
 * Fetches the segments into `dir` (from the local cache, else downloaded), FETCHES_AT_ONCE at a time, and meters them
 * in reading order with the pauses between them (the gated loudness is measured over blocks that span segments, so the
 * order matters). A segment that arrives before those ahead of it are metered waits in memory; no byte is read twice.
 */
async function fetchSegmentsMetered(
  source: SegmentSource,
  segments: MasterRenderRequest['segments'],
  dir: string,
  meter: LoudnessMeter,
): Promise<{ path: string; pauseAfterMs: number }[]> {
  const files = segments.map((_, index) => path.join(dir, `segment-${String(index).padStart(5, '0')}.wav`));
  // Each entry is dropped once metered, so the chunks held are those of the downloads in flight or waiting.
  const fetches: (Promise<FetchedSegment> | undefined)[] = [];
  // Segments read back from disk are metered one after another through this one buffer.
  const readBuffer = meterReadBuffer();
  const start = (index: number) => {
    if (index >= segments.length) return;
    const fetch = fetchSegment(source, segments[index].blobName, files[index]);
    // Awaited in reading order below; one failing before its turn must not count as unhandled meanwhile.
    fetch.catch(() => undefined);
    fetches[index] = fetch;
  };
  for (let index = 0; index < FETCHES_AT_ONCE; index++) start(index);
  try {
    for (const [index, segment] of segments.entries()) {
      const fetched = await fetches[index]!;
      fetches[index] = undefined;
      start(index + FETCHES_AT_ONCE);
      if (fetched.chunks) meterChunks(fetched.chunks, meter);
      else await meterWavFile(files[index], meter, readBuffer);
      if (index < segments.length - 1) meter.pushSilence(Math.min(segment.pauseAfterMs, MAX_PAUSE_MS) / 1000);
    }
  } catch (error) {
    // The workspace is removed when this throws: the fetches still writing into it end first.
    await Promise.allSettled(fetches);
    throw error;
  }
  return segments.map((segment, index) => ({ path: files[index], pauseAfterMs: segment.pauseAfterMs }));
}

/** A segment's audio at `file`: the chunks a download wrote are kept for the meter; this machine's copy is read then. */
interface FetchedSegment {
  chunks?: Buffer[];
}

async function fetchSegment({ blobs, cache }: SegmentSource, name: string, file: string): Promise<FetchedSegment> {
  if (await cache?.take(name, file)) return {};
  return { chunks: await download(blobs, name, file) };
}

/** Downloads a segment's audio to `file`; the chunks written, for the meter. */
async function download(blobs: BlobStore, name: string, file: string): Promise<Buffer[]> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  const chunks: Buffer[] = [];
  const keep = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done(null, chunk);
    },
  });
  await pipeline(blob.stream, keep, createWriteStream(file, { flags: 'wx' }));
  return chunks;
}

/** Feeds a downloaded WAV's chunks, as they came, to the meter. */
function meterChunks(chunks: Buffer[], meter: LoudnessMeter): void {
  const levels = new WavLevels(meter);
  for (const chunk of chunks) levels.push(chunk);
  levels.end();
}
