/**
 * A chapter's master made from its previous one (docs/audio-pipeline.md, "Re-rendering only the region that
 * changed"): only the segments from a pause before the first changed one are fetched and rendered, at the gain the
 * previous master recorded; the new FLAC is the previous one's frames before the cut and the region's after it, the
 * MP3 the previous one's frames before its cut and the region's after, the AAC the previous MP4's packets before its
 * cut and the region's after (encoded whole from the new FLAC's stream when there is no previous MP4 to splice into,
 * and the record says why), and the levels are recombined from the previous blocks and the region's. Whatever else
 * does not line up is refused with a RegionFallbackError before anything is stored, and the caller renders the whole
 * chapter.
 */
import { createWriteStream } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import {
  LEVEL_LEAD_SEC,
  LevelBlocksMismatchError,
  recombineLevels,
  type LevelBlocks,
} from '../../core/audio/levelBlocks';
import { correctionGainDb, isMostlyRoomTone, MASTER_SAMPLE_RATE_HZ } from '../../core/audio/masteringTarget';
import { AAC_FRAME_SAMPLES, MP3_FRAME_SAMPLES, planRegionCut, type RegionCut } from '../../core/audio/regionCut';
import type { AacWholeReason, ChapterEncodingRecord } from '../../core/book/records';
import type { AudioToolchain } from '../../core/ports/audio';
import type { BlobStore } from '../../core/ports/blobs';
import type {
  MasterRenderRequest,
  PreviousMaster,
  RegionFallback,
  RenderedMaster,
} from '../../core/production/chapterMastering';
import { CORRECTION_TOLERANCE_DB } from '../audio/master';
import { RegionMismatchError } from '../audio/masterRegion';
import { readFlacInfo } from '../audio/flacInfo';
import { FlacSpliceError, flacKeepFrames, spliceFlac } from '../audio/flacSplice';
import { Mp3SpliceError, spliceMp3 } from '../audio/mp3Splice';
import { Mp4SpliceError } from '../audio/mp4Boxes';
import { aacMp4Packets, spliceAacMp4 } from '../audio/mp4Splice';
import { LevelBlocksFormatError, readLevelBlocks } from '../audio/levelBlocksFile';

/** The stored level blocks are refused past this (as levelBlocksFile.ts refuses them). */
const MAX_LEVELS_BYTES = 16 * 1024 * 1024;
/** An MP3 spliced in memory: about 11 hours at 192 kbps; a longer chapter is rendered whole. */
const MAX_MP3_BYTES = 1024 * 1024 * 1024;
/** An encoding's codec, bit rate and encoder version, as its blob name ends (contentAddress.ts). */
const ENCODING_SUFFIX = /-[a-z0-9]+-\d+k-v\d+\.[a-z0-9]+$/;

export class RegionFallbackError extends Error {
  constructor(
    readonly reason: RegionFallback,
    message: string,
  ) {
    super(message);
    this.name = 'RegionFallbackError';
  }
}

/** Why a region render was given up, for the caller's count: a mismatch found late, or any other error. */
export function fallbackReason(error: unknown): RegionFallback {
  if (error instanceof RegionFallbackError) return error.reason;
  if (error instanceof Mp3SpliceError) return 'mp3-version-1';
  if (
    error instanceof RegionMismatchError ||
    error instanceof Mp4SpliceError ||
    error instanceof FlacSpliceError ||
    error instanceof LevelBlocksMismatchError ||
    error instanceof LevelBlocksFormatError
  )
    return 'mismatch';
  return 'error';
}

export interface RegionRender {
  /** The new FLAC, and each encoding's file, in the caller's folder: the caller stores them. */
  masterFile: string;
  encodingFiles: Partial<Record<ChapterEncodingRecord['format'], string>>;
  rendered: Omit<RenderedMaster, 'sha256' | 'levels' | 'encodings'>;
  blocks: LevelBlocks;
}

interface RegionDeps {
  blobs: BlobStore;
  /** Fetches the region's segments (from `fromSegment` on) into `dir`, in order. */
  fetchSegments(
    segments: MasterRenderRequest['segments'],
    dir: string,
  ): Promise<{ path: string; pauseAfterMs: number }[]>;
  audio: AudioToolchain;
}

/** Renders the chapter's end and joins it to the previous master's files in `dir`; throws a RegionFallbackError. */
export async function renderRegion(
  deps: RegionDeps,
  request: MasterRenderRequest,
  previous: PreviousMaster,
  dir: string,
): Promise<RegionRender> {
  const { record, firstChangedSegment } = previous;
  const { masterChapterRegion } = deps.audio;
  if (!masterChapterRegion)
    throw new RegionFallbackError('mismatch', 'the audio toolchain renders chapters whole only');
  const rendering = record.rendering;
  if (!rendering || firstChangedSegment === null)
    throw new RegionFallbackError('no-render-record', 'the previous master does not record how it was rendered');
  // Recorded before the record gave the rendered layout: its times add nominal pauses, which the samples are not.
  if (rendering.masterSamples === undefined)
    throw new RegionFallbackError('no-render-record', 'the previous master does not record its rendered layout');
  if (!record.levels || !record.measured)
    throw new RegionFallbackError('no-level-blocks', 'the previous master keeps no level blocks');
  const folder = (name: string) => name.slice(0, name.lastIndexOf('/') + 1);
  const chapterFolder = folder(request.masterBlobName);
  const previousNames = [record.blobName, record.levels.blobName, ...(record.encodings ?? []).map((e) => e.blobName)];
  if (!previousNames.every((name) => name.startsWith(chapterFolder)))
    throw new RegionFallbackError('mismatch', 'the previous master’s files are not the chapter’s');
  const mp3 = request.encodings.find((encoding) => encoding.format === 'mp3');
  const storedMp3 = record.encodings?.find((encoding) => encoding.format === 'mp3');
  if (mp3 && !storedMp3) throw new RegionFallbackError('no-stored-mp3', 'the previous master has no MP3');
  if (mp3 && storedMp3 && storedMp3.blobName.match(ENCODING_SUFFIX)?.[0] !== mp3.blobName.match(ENCODING_SUFFIX)?.[0])
    throw new RegionFallbackError('mp3-version-1', 'the previous MP3 was encoded otherwise');
  const cut = planRegionCut(
    {
      segmentStartsSec: record.segmentStartsSec,
      segmentEndsSec: record.segmentEndsSec ?? [],
      inputRateHz: rendering.inputRateHz,
    },
    firstChangedSegment,
  );
  if (!cut) throw new RegionFallbackError('no-pause', 'no pause before the first change to start the render in');

  const storedMaster = path.join(dir, 'previous.flac');
  const storedMp3File = path.join(dir, 'previous.mp3');
  const aac = request.encodings.find((encoding) => encoding.format === 'aac');
  const storedAac = record.encodings?.find((encoding) => encoding.format === 'aac');
  const storedAacFile = path.join(dir, `previous.${aac?.extension ?? 'm4a'}`);
  const [segmentFiles, levelsBytes, , , storedAacFound] = await Promise.all([
    deps.fetchSegments(request.segments.slice(cut.fromSegment), dir),
    deps.blobs.readBuffer(record.levels.blobName, MAX_LEVELS_BYTES),
    download(deps.blobs, record.blobName, storedMaster),
    mp3 && storedMp3 ? download(deps.blobs, storedMp3.blobName, storedMp3File) : undefined,
    aac && storedAac && sameEncoding(storedAac.blobName, aac.blobName)
      ? download(deps.blobs, storedAac.blobName, storedAacFile).then(
          () => true,
          (error: unknown) => {
            if (error instanceof RegionFallbackError && error.reason === 'stored-file-missing') return false;
            throw error;
          },
        )
      : false,
  ]);
  if (!levelsBytes) throw new RegionFallbackError('stored-file-missing', 'the previous level blocks are gone');
  const stored = await readFlacInfo(storedMaster);
  if (
    stored?.sampleRateHz !== MASTER_SAMPLE_RATE_HZ ||
    stored.channels !== 1 ||
    stored.totalSamples !== rendering.masterSamples ||
    stored.totalSamples < cut.startSample
  )
    throw new RegionFallbackError('mismatch', 'the previous master is not the one recorded');

  const storedFlac = await readFile(storedMaster);
  const { keepFrames, blockSize } = flacKeepFrames(storedFlac, cut.startSample);
  const regionMp3 = path.join(dir, 'region.mp3');
  const masterFile = path.join(dir, 'master.flac');
  const regionFlac = path.join(dir, 'region.flac');
  const md5File = path.join(dir, 'master.md5');
  const aacFile = path.join(dir, `encoded.${aac?.extension ?? 'm4a'}`);
  const regionAac = path.join(dir, `region.${aac?.extension ?? 'm4a'}`);
  const aacWhole: AacWholeReason | undefined = !aac
    ? undefined
    : !storedAac
      ? 'no-stored-aac'
      : !sameEncoding(storedAac.blobName, aac.blobName)
        ? 'aac-version'
        : !storedAacFound
          ? 'stored-file-missing'
          : await storedAacMismatch(storedAacFile, cut, rendering.masterSamples);
  const region = await masterChapterRegion.call(deps.audio, {
    segmentFiles,
    inputRateHz: rendering.inputRateHz,
    leadSilenceSamples: cut.leadSilenceSamples,
    startSample: cut.startSample,
    firstSegmentStartSample: cut.fromSegmentStartSample,
    headRoomToneMs: Math.round(record.segmentStartsSec[0] * 1000),
    requestedRoomTone: { headMs: request.roomTone.headMs, tailMs: request.roomTone.tailMs },
    gainDb: rendering.gainDb,
    target: request.target,
    roomToneLevelDb: request.roomTone.levelDb,
    ...(mp3 && { mp3: { file: regionMp3, bitrateKbps: mp3.bitrateKbps, fromSample: cut.mp3EncodeFromSample } }),
    measureFromSample: Math.round((cut.joinSec - LEVEL_LEAD_SEC) * MASTER_SAMPLE_RATE_HZ),
    join: {
      storedMaster,
      master: { file: regionFlac, fromSample: keepFrames * blockSize, md5File },
      ...(aac && {
        aac: aacWhole
          ? { file: aacFile, bitrateKbps: aac.bitrateKbps }
          : { file: regionAac, bitrateKbps: aac.bitrateKbps, fromSample: cut.aacEncodeFromSample },
      }),
    },
    workDir: dir,
  });
  const levels = recombineLevels(
    { measured: record.measured, blocks: readLevelBlocks(levelsBytes) },
    { measured: region.measured, blocks: region.blocks },
    cut.joinSec,
  );
  const maxRmsLiftLu = isMostlyRoomTone(region.speechSec, request.roomTone) ? 4 : 2;
  const miss = correctionGainDb(levels.measured, request.target, {
    maxRmsLiftLu,
    toleranceDb: CORRECTION_TOLERANCE_DB,
  });
  if (miss !== 0)
    throw new RegionFallbackError('loudness', `the recombined levels miss the target by ${miss.toFixed(2)} dB`);

  const [regionFlacBytes, md5Line] = await Promise.all([readFile(regionFlac), readFile(md5File, 'utf8')]);
  const md5 = /^MD5=([0-9a-f]{32})\s*$/.exec(md5Line)?.[1];
  if (!md5) throw new RegionMismatchError('the join gave no MD5 of the chapter’s samples');
  await writeFile(masterFile, spliceFlac(storedFlac, keepFrames, regionFlacBytes, Buffer.from(md5, 'hex')));
  const joined = await readFlacInfo(masterFile);
  if (!joined) throw new RegionMismatchError('the joined master has no stream info');
  const encodingFiles: RegionRender['encodingFiles'] = {};
  if (aac) encodingFiles.aac = aacFile;
  if (aac && !aacWhole) {
    const skipPackets = cut.aacKeepPackets - cut.aacEncodeFromSample / AAC_FRAME_SAMPLES;
    const [storedBytes, regionBytes] = await Promise.all([readFile(storedAacFile), readFile(regionAac)]);
    const nominalBitRate = aac.bitrateKbps * 1000;
    await writeFile(aacFile, spliceAacMp4(storedBytes, cut.aacKeepPackets, regionBytes, skipPackets, nominalBitRate));
  }
  if (mp3) {
    const skipFrames = cut.mp3KeepFrames - cut.mp3EncodeFromSample / MP3_FRAME_SAMPLES;
    const mp3File = path.join(dir, `encoded.${mp3.extension}`);
    const [storedBytes, regionBytes] = await Promise.all([readFile(storedMp3File), readFile(regionMp3)]);
    await writeFile(mp3File, spliceMp3(storedBytes, cut.mp3KeepFrames, regionBytes, skipFrames));
    encodingFiles.mp3 = mp3File;
  }
  const keptStarts = record.segmentStartsSec.slice(0, cut.fromSegment);
  const keptEnds = (record.segmentEndsSec ?? []).slice(0, cut.fromSegment);
  return {
    masterFile,
    encodingFiles,
    blocks: levels.blocks,
    rendered: {
      durationSec: region.durationSec,
      masterSamples: joined.totalSamples,
      segmentStartsSec: [...keptStarts, ...region.segmentStartsSec],
      segmentEndsSec: [...keptEnds, ...region.segmentEndsSec],
      measured: levels.measured,
      gainDb: rendering.gainDb,
      inputRateHz: rendering.inputRateHz,
      path: { kind: 'region', fromSegment: cut.fromSegment, ...(aacWhole && { aacWhole }) },
    },
  };
}

/** Whether two encodings' blob names end alike: the same codec, bit rate and encoding version. */
function sameEncoding(stored: string, wanted: string): boolean {
  const suffix = (name: string) => name.match(ENCODING_SUFFIX)?.[0];
  return suffix(stored) !== undefined && suffix(stored) === suffix(wanted);
}

/**
 * Why the stored MP4 cannot take the region's packets (undefined when it can): it must be one the splice reads, hold
 * the stored master's samples after its priming packet, and reach past the cut.
 */
async function storedAacMismatch(
  file: string,
  cut: RegionCut,
  masterSamples: number,
): Promise<AacWholeReason | undefined> {
  try {
    const packets = aacMp4Packets(await readFile(file));
    const fits = packets.samples === masterSamples && packets.count > cut.aacKeepPackets;
    return fits ? undefined : 'mismatch';
  } catch (error) {
    if (error instanceof Mp4SpliceError) return 'mismatch';
    throw error;
  }
}

/** Downloads a previous master's file; one gone is a fallback, not a failure. */
async function download(blobs: BlobStore, name: string, file: string): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob)
    throw new RegionFallbackError('stored-file-missing', `the previous master's ${path.extname(name)} is gone`);
  if (blob.totalBytes > MAX_MP3_BYTES) {
    blob.stream.destroy();
    throw new RegionFallbackError('mismatch', 'the previous file is too large to join in memory');
  }
  await pipeline(blob.stream, createWriteStream(file, { flags: 'wx' }));
}
