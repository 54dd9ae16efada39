/**
 * The audio side of chapter mastering (core/production/chapterMastering.ts decides what to master and records it):
 * the segments are downloaded through a level meter, so the gain is known before the one ffmpeg pass that writes the
 * master and the retail encodings (MP3, AAC) from the same stream and measures it; the files are then stored
 * create-only under the names the core chose. Everything happens in a temp folder that is always removed.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import type { ChapterEncodingRecord } from '../../core/book/records';
import { NotFoundError } from '../../core/errors';
import type { AudioToolchain, RenderEncodings } from '../../core/ports/audio';
import type { BlobStore } from '../../core/ports/blobs';
import type { MasterFiles, MasterRenderRequest, RenderedMaster } from '../../core/production/chapterMastering';
import { WavLevelTap } from '../audio/levelTap';
import { describeFile } from '../packaging/fileHash';
import { uploadFileIfAbsent } from './blobFiles';
import { withWorkspace } from './workspace';

/** Longest pause mastering renders (as adapters/audio/master.ts caps it). */
const MAX_PAUSE_MS = 20_000;

export function createMasterFiles(blobs: BlobStore, audio: AudioToolchain): MasterFiles {
  return { render: (request) => renderAndStore(blobs, audio, request) };
}

async function renderAndStore(
  blobs: BlobStore,
  audio: AudioToolchain,
  request: MasterRenderRequest,
): Promise<RenderedMaster> {
  return withWorkspace('master', async (dir) => {
    const meter = new LoudnessMeter();
    const segmentFiles = [];
    for (const [index, segment] of request.segments.entries()) {
      const file = path.join(dir, `segment-${String(index).padStart(5, '0')}.wav`);
      await downloadMetered(blobs, segment.blobName, file, meter);
      if (index < request.segments.length - 1) meter.pushSilence(Math.min(segment.pauseAfterMs, MAX_PAUSE_MS) / 1000);
      segmentFiles.push({ path: file, pauseAfterMs: segment.pauseAfterMs });
    }
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
    // The master and each encoding are hashed and stored side by side: the activity waits for the largest file only.
    const [{ sha256 }, ...encodings] = await Promise.all([
      storeFile(blobs, request.masterBlobName, outFile, 'audio/flac'),
      ...request.encodings.map(async (encoding): Promise<ChapterEncodingRecord> => ({
        format: encoding.format,
        blobName: encoding.blobName,
        ...(await storeFile(
          blobs,
          encoding.blobName,
          encodingFiles[encoding.format]!.file,
          encoding.format === 'mp3' ? 'audio/mpeg' : 'audio/mp4',
        )),
      })),
    ]);
    return {
      sha256,
      durationSec: mastered.durationSec,
      segmentStartsSec: mastered.segmentStartsSec,
      measured: mastered.measured,
      encodings,
    };
  });
}

/** Stores `file` create-only under `name` while hashing it; its size and hash. */
async function storeFile(
  blobs: BlobStore,
  name: string,
  file: string,
  contentType: string,
): Promise<{ bytes: number; sha256: string }> {
  const [described] = await Promise.all([describeFile(file), uploadFileIfAbsent(blobs, name, file, contentType)]);
  return described;
}

/** Downloads a segment's audio to `file`, metering its levels on the way (no second read). */
async function downloadMetered(blobs: BlobStore, name: string, file: string, meter: LoudnessMeter): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  await pipeline(blob.stream, new WavLevelTap(meter), createWriteStream(file, { flags: 'wx' }));
}
