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
    const { sha256 } = await describeFile(outFile);
    await uploadFileIfAbsent(blobs, request.masterBlobName, outFile, 'audio/flac');
    const encodings: ChapterEncodingRecord[] = [];
    for (const encoding of request.encodings) {
      const file = encodingFiles[encoding.format]!.file;
      await uploadFileIfAbsent(blobs, encoding.blobName, file, encoding.format === 'mp3' ? 'audio/mpeg' : 'audio/mp4');
      encodings.push({ format: encoding.format, blobName: encoding.blobName, ...(await describeFile(file)) });
    }
    return {
      sha256,
      durationSec: mastered.durationSec,
      segmentStartsSec: mastered.segmentStartsSec,
      measured: mastered.measured,
      encodings,
    };
  });
}

/** Downloads a segment's audio to `file`, metering its levels on the way (no second read). */
async function downloadMetered(blobs: BlobStore, name: string, file: string, meter: LoudnessMeter): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  await pipeline(blob.stream, new WavLevelTap(meter), createWriteStream(file, { flags: 'wx' }));
}
