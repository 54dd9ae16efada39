/**
 * Chapter mastering in one ffmpeg pass: segments + pauses + head/tail room tone are concatenated (concat demuxer,
 * safe mode), resampled once to 44.1 kHz, gained to the loudness target (one fixed gain, computed before the pass
 * from the levels the caller metered while fetching the segments: deterministic, unlike dynamic loudnorm),
 * peak-limited under the true-peak target with a margin for the lossy encoders, and laid over a generated pink-noise
 * room tone bed (fixed seed: the same inputs give the same master). The stream is split: the FLAC/WAV master, any
 * retail encodings asked for (MP3, AAC), and a measurement branch (EBU R128 with true peak, astats, windowed noise
 * floor, silence at head and tail, and the level blocks these figures are made of: core/audio/levelBlocks.ts) whose
 * figures therefore describe every file written. Everything streams through ffmpeg; JS holds no audio.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Writable } from 'node:stream';
import { LoudnessMeter, type MeteredLevels } from '../../core/audio/loudnessMeter';
import type { MasterChapterRequest, MasteredChapter, RenderEncodings } from '../../core/ports/audio';
import {
  chapterGainDb,
  correctionGainDb,
  DEFAULT_ROOM_TONE,
  MASTER_SAMPLE_RATE_HZ,
  roomToneFor,
  isMostlyRoomTone,
} from '../../core/audio/masteringTarget';
import { runFfmpeg, type RunOptions } from './ffmpeg';
import { meterWavFile } from './levelTap';
import { lameCbrArgs } from './mp3Encoding';
import { MeasurementParser, measurementFilters, readMeasuredBlocks } from './measure';
import { concatList, linkIntoDir, withTempDir, writeSilenceWav } from './tempFiles';
import { readWavInfo, type WavInfo } from './wavHeader';

/** The port's request plus the tool paths and limits the adapter needs. */
export interface MasterChapterInput extends MasterChapterRequest {
  ffmpegPath?: string;
  ffprobePath?: string;
  timeoutMs?: number;
}

export type MasterChapterResult = MasteredChapter;

const MAX_SEGMENTS = 5000;
export const MAX_PAUSE_MS = 20_000;
/** True-peak margin the sample-peak limiter keeps for inter-sample peaks and the lossy encoders' overshoot. */
const ENCODER_MARGIN_DB = 1.5;
/** ffmpeg's pink `anoisesrc` has an RMS about 14.55 dB under its amplitude (measured). */
const PINK_NOISE_CREST_DB = 14.55;
const ROOM_TONE_SEED = 20240611;
/** A render whose measured levels miss the target by less than this is kept (the prediction's usual error is far less). */
export const CORRECTION_TOLERANCE_DB = 1;
const MAX_CORRECTIONS = 2;

export async function masterChapter(input: MasterChapterInput, outFile: string): Promise<MasterChapterResult> {
  validate(input);
  const run = { binaryPath: input.ffmpegPath, signal: input.signal, timeoutMs: input.timeoutMs ?? 60 * 60_000 };
  const infos = await Promise.all(input.segmentFiles.map((segment) => readWavInfo(segment.path)));
  const format = infos[0];

  return withTempDir(input.workDir, 'master', async (dir) => {
    const names = await prepareSegments(dir, input, infos, format, run);
    const rate = format.sampleRateHz;
    const silenceNames = new Map<number, string>();
    const silence = async (samples: number): Promise<string> => {
      let name = silenceNames.get(samples);
      if (!name) {
        name = `silence-${samples}.wav`;
        await writeSilenceWav(path.join(dir, name), rate, 1, samples);
        silenceNames.set(samples, name);
      }
      return name;
    };

    // The layout is counted in input samples, as written: a pause of 350 ms at 22.05 kHz is 7,718 samples, not 7,717.5,
    // so the times recorded are where the samples are (a render of the chapter's end is placed on them).
    const segmentSamples = infos.map(wavSamples);
    const pauseSamples = input.segmentFiles.map((segment, index) =>
      index < input.segmentFiles.length - 1 ? silenceSamples(rate, segment.pauseAfterMs) : 0,
    );
    const speechSec = [...segmentSamples, ...pauseSamples].reduce((sum, samples) => sum + samples, 0) / rate;
    const requestedRoomTone = { headMs: input.headRoomToneMs, tailMs: input.tailRoomToneMs };
    const mostlyRoomTone = isMostlyRoomTone(speechSec, requestedRoomTone);
    const roomTone = roomToneFor(speechSec, requestedRoomTone);
    const order: string[] = [];
    const segmentStartsSec: number[] = [];
    const segmentEndsSec: number[] = [];
    let cursor = silenceSamples(rate, roomTone.headMs);
    if (cursor > 0) order.push(await silence(cursor));
    for (const [index, name] of names.entries()) {
      segmentStartsSec.push(cursor / rate);
      order.push(name);
      cursor += segmentSamples[index];
      segmentEndsSec.push(cursor / rate);
      if (pauseSamples[index] > 0) {
        order.push(await silence(pauseSamples[index]));
        cursor += pauseSamples[index];
      }
    }
    const tailSamples = silenceSamples(rate, roomTone.tailMs);
    if (tailSamples > 0) order.push(await silence(tailSamples));
    const listFile = path.join(dir, 'list.ffconcat');
    await writeFile(listFile, concatList(order), 'utf8');

    const roomToneSec = (roomTone.headMs + roomTone.tailMs) / 1000;
    const predictedGainDb = async () =>
      chapterGainDb(withRoomTone(input.levels ?? (await meterSegments(input)), roomToneSec), input.target, {
        maxRmsLiftLu: mostlyRoomTone ? 4 : 2,
      });
    let gainDb = input.gainDb ?? (await predictedGainDb());
    const durationSec = (cursor + tailSamples) / rate;
    const render = async (gain: number) => {
      const parser = new MeasurementParser();
      const encodings = input.encodings ?? {};
      const encoders = sideEncoders(encodings);
      const renderPass = (more: RunOptions) =>
        runFfmpeg(renderArgs(listFile, gain, input, outFile, encoders.length, dir), {
          ...run,
          ...more,
          onStderrLine: (line) => parser.line(line),
        });
      await withSideEncoders(encoders, run, renderPass);
      return { measured: parser.result(durationSec), levels: await readMeasuredBlocks(dir, parser, durationSec) };
    };
    let { measured, levels } = await render(gainDb);
    // The prediction holds within a fraction of a dB for chapters of speech. A chapter that is mostly room tone, lifted
    // hard to reach the RMS floor, loses part of the lift to the limiter: only a miss that large is rendered again.
    for (let attempt = 0; attempt < MAX_CORRECTIONS; attempt++) {
      const correction = correctionGainDb(measured, input.target, {
        maxRmsLiftLu: mostlyRoomTone ? 4 : 2,
        toleranceDb: CORRECTION_TOLERANCE_DB,
      });
      if (correction === 0) break;
      gainDb += correction;
      ({ measured, levels } = await render(gainDb));
    }
    return {
      outFile,
      durationSec,
      gainDb,
      inputRateHz: rate,
      segmentStartsSec,
      segmentEndsSec,
      measured,
      levels,
    };
  });
}

/** Input samples of a pause or room tone of `ms` (capped, rounded to the millisecond), as its silence is written. */
export function silenceSamples(rate: number, ms: number): number {
  return Math.round((rate * Math.round(Math.min(ms, MAX_PAUSE_MS))) / 1000);
}

/** A 16-bit PCM WAV's sample frames (what the concat demuxer reads of it). */
export function wavSamples(info: WavInfo): number {
  return Math.floor(info.dataBytes / (info.channels * (info.bitsPerSample / 8)));
}

/** The levels of the whole chapter: the segments' with their pauses, and the room tone (far under every gate). */
function withRoomTone(speech: MeteredLevels, roomToneSec: number): MeteredLevels {
  const total = speech.durationSec + roomToneSec;
  if (speech.rmsDb === null || total <= 0) return { ...speech, durationSec: total };
  const energy = 10 ** (speech.rmsDb / 10) * speech.durationSec;
  return { ...speech, rmsDb: 10 * Math.log10(energy / total), durationSec: total };
}

async function meterSegments(input: MasterChapterInput): Promise<MeteredLevels> {
  const meter = new LoudnessMeter();
  for (const [index, segment] of input.segmentFiles.entries()) {
    await meterWavFile(segment.path, meter);
    if (index < input.segmentFiles.length - 1) meter.pushSilence(Math.min(segment.pauseAfterMs, MAX_PAUSE_MS) / 1000);
  }
  return meter.result();
}

function renderArgs(
  listFile: string,
  gainDb: number,
  input: MasterChapterInput,
  outFile: string,
  sideEncoderCount: number,
  blocksDir: string,
): string[] {
  const outputs: { label: string; args: string[] }[] = [
    {
      label: 'master',
      args: [
        '-ac',
        '1',
        '-ar',
        String(MASTER_SAMPLE_RATE_HZ),
        '-sample_fmt',
        's16',
        ...(path.extname(outFile).toLowerCase() === '.flac' ? ['-c:a', 'flac'] : ['-c:a', 'pcm_s16le']),
        '-map_metadata',
        '-1',
        '-bitexact',
        outFile,
      ],
    },
  ];
  // Each retail encoding is handed, as the samples the master is written from, to its encoder's own process
  // (withSideEncoders): the first on standard output, the others on file descriptors 3, 4, …
  for (let index = 0; index < sideEncoderCount; index++) {
    outputs.push({
      label: `encoder${index}`,
      args: ['-c:a', 'pcm_s16le', ...RAW_SAMPLES, index === 0 ? 'pipe:1' : `pipe:${index + 2}`],
    });
  }
  const split = [...outputs.map((o) => `[${o.label}]`), '[measure]'];
  const graph =
    `${masteringChain(gainDb, input)},asplit=${split.length}${split.join('')};` +
    `[measure]${measurementFilters(MASTER_SAMPLE_RATE_HZ, { blocksDir })}[measured]`;
  return [
    '-y',
    '-f',
    'concat',
    '-safe',
    '1',
    '-i',
    listFile,
    '-filter_complex',
    graph,
    ...outputs.flatMap((o) => ['-map', `[${o.label}]`, ...o.args]),
    '-map',
    '[measured]',
    '-f',
    'null',
    '-',
  ];
}

/**
 * The chain from the concatenated input (`[0:a]`) to the mastered samples (16-bit at the master's rate, unlabelled,
 * for the caller to split): resample once, the one gain, the limiter, the room-tone bed. A render of a chapter's end
 * (masterRegion.ts) starts at `fromSample` of the chapter: its bed is the same noise, generated from the chapter's
 * start and trimmed there, so the samples are those a whole render writes.
 */
export function masteringChain(
  gainDb: number,
  input: Pick<MasterChapterRequest, 'target' | 'roomToneLevelDb'>,
  fromSample = 0,
): string {
  const limitLinear = Math.min(1, Math.max(0.0625, 10 ** ((input.target.truePeakDb - ENCODER_MARGIN_DB) / 20)));
  const toneAmplitude = Math.min(
    1,
    10 ** (((input.roomToneLevelDb ?? DEFAULT_ROOM_TONE.levelDb) + PINK_NOISE_CREST_DB) / 20),
  );
  const trimTone = fromSample > 0 ? `,atrim=start_sample=${fromSample},asetpts=N/SR/TB` : '';
  return (
    `[0:a]aformat=channel_layouts=mono,aresample=${MASTER_SAMPLE_RATE_HZ},volume=${gainDb.toFixed(3)}dB,` +
    `alimiter=limit=${limitLinear.toFixed(5)}:attack=5:release=60:level=disabled[speech];` +
    `anoisesrc=c=pink:r=${MASTER_SAMPLE_RATE_HZ}:a=${toneAmplitude.toFixed(6)}:seed=${ROOM_TONE_SEED}${trimTone}[tone];` +
    // amix divides by the input count; volume=2 undoes it so speech keeps its level.
    `[speech][tone]amix=inputs=2:duration=first:dropout_transition=0,volume=2,` +
    `aformat=sample_fmts=s16:sample_rates=${MASTER_SAMPLE_RATE_HZ}`
  );
}

/** The raw samples a render hands its encoders: 16-bit mono at the master's rate. */
export const RAW_SAMPLES = ['-f', 's16le', '-ar', String(MASTER_SAMPLE_RATE_HZ), '-ac', '1'];

/** The encoder processes a render feeds, MP3 first (LAME is the slowest), each as its output arguments. */
function sideEncoders(encodings: RenderEncodings): string[][] {
  const encoders: string[][] = [];
  if (encodings.mp3) encoders.push(mp3EncoderArgs(encodings.mp3));
  if (encodings.aac) encoders.push(aacEncoderArgs(encodings.aac));
  return encoders;
}

/**
 * Runs the render pass with each retail encoding piped into an ffmpeg process of its own. The encoders (LAME about as
 * slow as the whole render, the AAC encoder about half of it) then run beside the render on the other core instead
 * of after one another in the render's one thread, and no sample is decoded or written twice. The encoders start
 * first and the render writes into their standard inputs itself: the samples go from process to process, never
 * through this one. Any process failing stops the others.
 */
export async function withSideEncoders(
  encoders: string[][],
  run: RunOptions,
  renderPass: (options: RunOptions) => Promise<unknown>,
): Promise<void> {
  if (encoders.length === 0) {
    await renderPass({});
    return;
  }
  const stop = new AbortController();
  const forward = () => stop.abort();
  run.signal?.addEventListener('abort', forward, { once: true });
  const stopOnFailure = <T>(work: Promise<T>) =>
    work.catch((error: unknown) => {
      stop.abort();
      throw error;
    });
  try {
    const inputs: Writable[] = [];
    const encoding = encoders.map((args) =>
      stopOnFailure(
        // A deep input queue lets an encoder that reads another input first (the region's join reads the stored
        // master's kept part before the region) take the render's samples as they come instead of stalling it.
        runFfmpeg(['-y', ...RAW_SAMPLES, '-thread_queue_size', '8192', '-i', 'pipe:0', ...args], {
          ...run,
          signal: stop.signal,
          takeStdin: (stdin) => inputs.push(stdin),
        }),
      ),
    );
    if (inputs.length < encoders.length) {
      // An encoder was refused before it started (the job was stopped): the others are stopped, no render starts.
      stop.abort();
      for (const input of inputs) input.destroy();
      await Promise.all(encoding);
      throw new Error('the chapter render was stopped before its encoders started');
    }
    await Promise.all([stopOnFailure(renderPass({ signal: stop.signal, writesTo: inputs })), ...encoding]);
  } finally {
    run.signal?.removeEventListener('abort', forward);
  }
}

export function mp3EncoderArgs(mp3: NonNullable<RenderEncodings['mp3']>): string[] {
  return [
    ...lameCbrArgs(mp3.bitrateKbps),
    '-ar',
    String(MASTER_SAMPLE_RATE_HZ),
    '-ac',
    '1',
    '-map_metadata',
    '-1',
    '-id3v2_version',
    '0',
    '-write_xing',
    '1',
    '-f',
    'mp3',
    mp3.file,
  ];
}

export function aacEncoderArgs(aac: NonNullable<RenderEncodings['aac']>): string[] {
  return [
    '-c:a',
    'aac',
    '-profile:a',
    'aac_low',
    '-b:a',
    `${aac.bitrateKbps}k`,
    '-ar',
    String(MASTER_SAMPLE_RATE_HZ),
    '-ac',
    '1',
    '-map_metadata',
    '-1',
    '-f',
    'mp4',
    aac.file,
  ];
}

function validate(input: MasterChapterInput): void {
  const count = input.segmentFiles.length;
  if (count === 0) throw new Error('masterChapter needs at least one segment');
  if (count > MAX_SEGMENTS) throw new Error(`masterChapter accepts at most ${MAX_SEGMENTS} segments`);
  for (const ms of [input.headRoomToneMs, input.tailRoomToneMs, ...input.segmentFiles.map((s) => s.pauseAfterMs)]) {
    if (!Number.isFinite(ms) || ms < 0 || ms > MAX_PAUSE_MS)
      throw new RangeError(`pause and room tone lengths must be 0..${MAX_PAUSE_MS} ms`);
  }
}

/** Links segments in; converts any whose format differs from the first (concat needs one format). */
async function prepareSegments(
  dir: string,
  input: MasterChapterInput,
  infos: WavInfo[],
  format: WavInfo,
  run: { binaryPath?: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<string[]> {
  const names = await linkIntoDir(
    dir,
    input.segmentFiles.map((s) => s.path),
    'segment',
  );
  for (const [index, info] of infos.entries()) {
    const matches =
      info.audioFormat === 1 &&
      info.bitsPerSample === 16 &&
      info.channels === 1 &&
      info.sampleRateHz === format.sampleRateHz;
    if (matches) continue;
    const converted = `converted-${String(index).padStart(5, '0')}.wav`;
    await runFfmpeg(
      [
        '-y',
        '-i',
        path.join(dir, names[index]),
        '-ac',
        '1',
        '-ar',
        String(format.sampleRateHz),
        '-c:a',
        'pcm_s16le',
        '-bitexact',
        path.join(dir, converted),
      ],
      run,
    );
    names[index] = converted;
    infos[index] = await readWavInfo(path.join(dir, converted));
  }
  return names;
}
