/**
 * A chapter's end rendered again (docs/audio-pipeline.md, "Re-rendering only the region that changed"): the segments
 * from a pause before the first changed one to the chapter's end go through the whole render's chain
 * (`masteringChain`) at the gain the stored master recorded, its room tone generated from the chapter's start and
 * trimmed where the region starts, so every sample is one a whole render writes. One pass writes the region's
 * samples, its MP3 (from a frame boundary, for mp3Splice.ts) and its measurement with the level blocks from one
 * short-term window before the levels' join. The region's samples go, as they are rendered, to a process of their own
 * beside the render (`joinArgs`) that writes the chapter's FLAC frames from the stored master's frame boundary before
 * the region on (for flacSplice.ts) with the MD5 of the joined samples, and the region's AAC from a frame boundary (for mp4Splice.ts; the whole chapter's when there is no
 * stored MP4 to splice into): the join and its AAC encoder run beside the render and its MP3 encoder.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { MASTER_SAMPLE_RATE_HZ, roomToneFor } from '../../core/audio/masteringTarget';
import type { JoinMasterRequest, MasteredRegion, MasterRegionRequest } from '../../core/ports/audio';
import { runFfmpeg, type RunOptions } from './ffmpeg';
import {
  aacEncoderArgs,
  masteringChain,
  mp3EncoderArgs,
  RAW_SAMPLES,
  silenceSamples,
  wavSamples,
  withSideEncoders,
} from './master';
import { MeasurementParser, measurementFilters, readMeasuredBlocks } from './measure';
import { concatList, linkIntoDir, withTempDir, writeSilenceWav } from './tempFiles';
import { readWavInfo } from './wavHeader';

/** A region that cannot be rendered as the stored master was: the caller renders the whole chapter. */
export class RegionMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RegionMismatchError';
  }
}

export interface MasterRegionInput extends MasterRegionRequest {
  ffmpegPath?: string;
  timeoutMs?: number;
}

export async function masterChapterRegion(input: MasterRegionInput): Promise<MasteredRegion> {
  const run = { binaryPath: input.ffmpegPath, signal: input.signal, timeoutMs: input.timeoutMs ?? 60 * 60_000 };
  const rate = input.inputRateHz;
  const infos = await Promise.all(input.segmentFiles.map((segment) => readWavInfo(segment.path)));
  for (const info of infos) {
    const plain = info.audioFormat === 1 && info.bitsPerSample === 16 && info.channels === 1;
    if (!plain || info.sampleRateHz !== rate)
      throw new RegionMismatchError('a segment of another format than the chapter');
  }
  return withTempDir(input.workDir, 'region', async (dir) => {
    const names = await linkIntoDir(
      dir,
      input.segmentFiles.map((s) => s.path),
      'segment',
    );
    const silences = new Map<number, string>();
    const silence = async (samples: number): Promise<string> => {
      let name = silences.get(samples);
      if (!name) {
        name = `silence-${samples}.wav`;
        await writeSilenceWav(path.join(dir, name), rate, 1, samples);
        silences.set(samples, name);
      }
      return name;
    };
    // The layout is counted in input samples from the first segment's recorded start, as the whole render counts it,
    // so the times recorded are the ones a whole render records.
    const order: string[] = [];
    if (input.leadSilenceSamples > 0) order.push(await silence(input.leadSilenceSamples));
    const segmentStartsSec: number[] = [];
    const segmentEndsSec: number[] = [];
    let cursor = input.firstSegmentStartSample;
    for (const [index, segment] of input.segmentFiles.entries()) {
      segmentStartsSec.push(cursor / rate);
      order.push(names[index]);
      cursor += wavSamples(infos[index]);
      segmentEndsSec.push(cursor / rate);
      const pauseSamples = index < input.segmentFiles.length - 1 ? silenceSamples(rate, segment.pauseAfterMs) : 0;
      if (pauseSamples > 0) {
        order.push(await silence(pauseSamples));
        cursor += pauseSamples;
      }
    }
    const speechSec = (cursor - silenceSamples(rate, input.headRoomToneMs)) / rate;
    const roomTone = roomToneFor(speechSec, input.requestedRoomTone);
    if (roomTone.headMs !== input.headRoomToneMs)
      throw new RegionMismatchError('the chapter’s new length asks for another head room tone');
    const tailSamples = silenceSamples(rate, roomTone.tailMs);
    if (tailSamples > 0) order.push(await silence(tailSamples));
    const durationSec = (cursor + tailSamples) / rate;
    const listFile = path.join(dir, 'list.ffconcat');
    await writeFile(listFile, concatList(order), 'utf8');

    // Timed as the whole render times its measurement (the chapter's length from its input samples), not rounded to a
    // master sample: at 24 kHz a chapter is rarely a whole number of them.
    const measuredSec = durationSec - input.measureFromSample / MASTER_SAMPLE_RATE_HZ;
    if (input.measureFromSample < input.startSample || measuredSec <= 0)
      throw new RegionMismatchError('the measurement starts outside the region');
    if (input.mp3 && input.mp3.fromSample < input.startSample)
      throw new RegionMismatchError('the MP3 starts before the region');
    const parser = new MeasurementParser();
    const trimFrom = (chapterSample: number) =>
      `atrim=start_sample=${chapterSample - input.startSample},asetpts=N/SR/TB`;
    const branches = input.mp3 ? ['[region]', '[encode]', '[measure]'] : ['[region]', '[measure]'];
    // The MP3 encoder is fed first (pipe:1), the join after it.
    const joinPipe = input.mp3 ? 'pipe:3' : 'pipe:1';
    const graph =
      `${masteringChain(input.gainDb, input, input.startSample)},asplit=${branches.length}${branches.join('')};` +
      (input.mp3 ? `[encode]${trimFrom(input.mp3.fromSample)}[encoder0];` : '') +
      `[measure]${trimFrom(input.measureFromSample)},` +
      `${measurementFilters(MASTER_SAMPLE_RATE_HZ, { blocksDir: dir })}[measured]`;
    const args = [
      ...['-y', '-f', 'concat', '-safe', '1', '-i', listFile, '-filter_complex', graph],
      ...(input.mp3 ? ['-map', '[encoder0]', '-c:a', 'pcm_s16le', ...RAW_SAMPLES, 'pipe:1'] : []),
      ...['-map', '[region]', '-c:a', 'pcm_s16le', ...RAW_SAMPLES, joinPipe],
      ...['-map', '[measured]', '-f', 'null', '-'],
    ];
    const encoders = [...(input.mp3 ? [mp3EncoderArgs(input.mp3)] : []), joinArgs(input.join, input.startSample)];
    await withSideEncoders(encoders, run, (more: RunOptions) =>
      runFfmpeg(args, { ...run, ...more, onStderrLine: (line) => parser.line(line) }),
    );
    return {
      durationSec,
      speechSec,
      segmentStartsSec,
      segmentEndsSec,
      measured: parser.result(measuredSec),
      blocks: await readMeasuredBlocks(dir, parser, measuredSec),
    };
  });
}

/**
 * The join's arguments after its first input, the region's samples on its standard input: the stored master (FLAC)
 * up to the region's start, then the region. The joined samples give the MD5 the chapter's FLAC states, and from the
 * stored master's frame boundary before the region on, the FLAC frames that follow the stored ones (flacSplice.ts:
 * their bytes are those of a whole render's FLAC of the same samples); the AAC in the same process: of the region's
 * samples from its frame boundary, to be spliced into the stored MP4 (mp4Splice.ts), or of the whole joined stream
 * when there is none to splice into. The stored master is read first, so the render waits on its pipe while the kept
 * part is decoded.
 */
function joinArgs(join: JoinMasterRequest, cutSample: number): string[] {
  const aacFrom = join.aac?.fromSample;
  if (aacFrom !== undefined && aacFrom < cutSample) throw new RegionMismatchError('the AAC starts before the region');
  if (join.master.fromSample > cutSample) throw new RegionMismatchError('the FLAC starts after the region');
  const spliced = aacFrom !== undefined;
  const fromJoined = ['[md5]', '[flacFrom]', ...(join.aac && !spliced ? ['[aac]'] : [])];
  // The samples' own timestamps, from 0: N/SR/TB here gives packets of 1,023 and 1,025 samples in the MP4.
  const from = (sample: number) => `atrim=start_sample=${sample},asetpts=PTS-STARTPTS`;
  const graph =
    (spliced ? `[0:a]asplit=2[region][fromFrame];[fromFrame]${from(aacFrom - cutSample)}[aac];` : '') +
    `[1:a]atrim=end_sample=${cutSample}[start];[start]${spliced ? '[region]' : '[0:a]'}concat=n=2:v=0:a=1,` +
    `aformat=sample_fmts=s16:sample_rates=${MASTER_SAMPLE_RATE_HZ}:channel_layouts=mono,` +
    `asplit=${fromJoined.length}${fromJoined.join('')};[flacFrom]${from(join.master.fromSample)}[flac]`;
  return [
    ...['-i', join.storedMaster, '-filter_complex', graph],
    ...['-map', '[md5]', '-c:a', 'pcm_s16le', '-f', 'md5', join.master.md5File],
    ...['-map', '[flac]', '-ac', '1', '-ar', String(MASTER_SAMPLE_RATE_HZ), '-sample_fmt', 's16'],
    ...['-c:a', 'flac', '-map_metadata', '-1', '-bitexact', join.master.file],
    ...(join.aac ? ['-map', '[aac]', ...aacEncoderArgs(join.aac)] : []),
  ];
}
