/**
 * Chapter mastering: segments + pauses + head/tail room tone are concatenated (concat demuxer, safe mode), gained to
 * the loudness target (measure, then a fixed gain: deterministic, unlike dynamic loudnorm), peak-limited at 4×
 * oversampling so the encoded file keeps its true-peak margin, and laid over a generated pink-noise room tone bed
 * (fixed seed: the same inputs give the same master). Everything streams through ffmpeg; JS holds no audio.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { MasterChapterRequest, MasteredChapter } from '../../core/ports/audio';
import {
  correctionGainDb,
  DEFAULT_ROOM_TONE,
  loudnessGainDb,
  MASTER_SAMPLE_RATE_HZ,
  roomToneFor,
  isMostlyRoomTone,
} from '../../core/audio/masteringTarget';
import { runFfmpeg } from './ffmpeg';
import { measureLoudness, MeasurementParser } from './measure';
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
const MAX_PAUSE_MS = 20_000;
/** True-peak margin the sample-peak limiter keeps for the lossy encoder's overshoot. */
const ENCODER_MARGIN_DB = 1.5;
/** ffmpeg's pink `anoisesrc` has an RMS about 14.55 dB under its amplitude (measured). */
const PINK_NOISE_CREST_DB = 14.55;
const ROOM_TONE_SEED = 20240611;

export async function masterChapter(input: MasterChapterInput, outFile: string): Promise<MasterChapterResult> {
  validate(input);
  const run = { binaryPath: input.ffmpegPath, signal: input.signal, timeoutMs: input.timeoutMs ?? 60 * 60_000 };
  const infos = await Promise.all(input.segmentFiles.map((segment) => readWavInfo(segment.path)));
  const format = infos[0];

  return withTempDir(input.workDir, 'master', async (dir) => {
    const names = await prepareSegments(dir, input, infos, format, run);
    const silenceNames = new Map<number, string>();
    const silence = async (ms: number): Promise<string> => {
      const rounded = Math.round(Math.min(ms, MAX_PAUSE_MS));
      let name = silenceNames.get(rounded);
      if (!name) {
        name = `pause-${rounded}.wav`;
        await writeSilenceWav(
          path.join(dir, name),
          format.sampleRateHz,
          1,
          Math.round((format.sampleRateHz * rounded) / 1000),
        );
        silenceNames.set(rounded, name);
      }
      return name;
    };

    const speechSec =
      infos.reduce((sum, info) => sum + info.durationSec, 0) +
      input.segmentFiles.slice(0, -1).reduce((sum, segment) => sum + Math.min(segment.pauseAfterMs, MAX_PAUSE_MS), 0) /
        1000;
    const requestedRoomTone = { headMs: input.headRoomToneMs, tailMs: input.tailRoomToneMs };
    const mostlyRoomTone = isMostlyRoomTone(speechSec, requestedRoomTone);
    const roomTone = roomToneFor(speechSec, requestedRoomTone);
    const order: string[] = [];
    const segmentStartsSec: number[] = [];
    let cursor = roomTone.headMs / 1000;
    if (roomTone.headMs > 0) order.push(await silence(roomTone.headMs));
    for (const [index, segment] of input.segmentFiles.entries()) {
      segmentStartsSec.push(cursor);
      order.push(names[index]);
      cursor += infos[index].durationSec;
      const isLast = index === input.segmentFiles.length - 1;
      if (!isLast && segment.pauseAfterMs > 0) {
        order.push(await silence(segment.pauseAfterMs));
        cursor += Math.round(Math.min(segment.pauseAfterMs, MAX_PAUSE_MS)) / 1000;
      }
    }
    if (roomTone.tailMs > 0) order.push(await silence(roomTone.tailMs));
    const listFile = path.join(dir, 'list.ffconcat');
    await writeFile(listFile, concatList(order), 'utf8');
    const concatInput = ['-f', 'concat', '-safe', '1', '-i', listFile];

    const parser = new MeasurementParser();
    await runFfmpeg([...concatInput, '-af', 'ebur128=framelog=verbose', '-f', 'null', '-'], {
      ...run,
      onStderrLine: (line) => parser.line(line),
    });
    const speechLufs = parser.result(0).integratedLufs;
    const firstGainDb = speechLufs === null ? 0 : loudnessGainDb(speechLufs, input.target);

    const render = (gain: number) => renderMaster(concatInput, gain, input, outFile, run);
    const measure = () =>
      measureLoudness(outFile, { ffmpegPath: input.ffmpegPath, ffprobePath: input.ffprobePath, signal: input.signal });
    let gainDb = firstGainDb;
    await render(gainDb);
    let measured = await measure();
    // The limiter absorbs part of any added gain, so a second, smaller correction may still be needed.
    for (let attempt = 0; attempt < 2; attempt++) {
      const correction = correctionGainDb(measured, input.target, { maxRmsLiftLu: mostlyRoomTone ? 4 : 2 });
      if (correction === 0) break;
      gainDb += correction;
      await render(gainDb);
      measured = await measure();
    }
    return { outFile, durationSec: measured.durationSec, gainDb, segmentStartsSec, measured };
  });
}

async function renderMaster(
  concatInput: string[],
  gainDb: number,
  input: MasterChapterInput,
  outFile: string,
  run: { binaryPath?: string; signal?: AbortSignal; timeoutMs?: number },
): Promise<void> {
  const limitLinear = Math.min(1, Math.max(0.0625, 10 ** ((input.target.truePeakDb - ENCODER_MARGIN_DB) / 20)));
  const toneAmplitude = Math.min(
    1,
    10 ** (((input.roomToneLevelDb ?? DEFAULT_ROOM_TONE.levelDb) + PINK_NOISE_CREST_DB) / 20),
  );
  const oversampled = MASTER_SAMPLE_RATE_HZ * 4;
  const graph =
    `[0:a]aformat=channel_layouts=mono,aresample=${oversampled},volume=${gainDb.toFixed(3)}dB,` +
    `alimiter=limit=${limitLinear.toFixed(5)}:attack=5:release=60:level=disabled,aresample=${MASTER_SAMPLE_RATE_HZ}[speech];` +
    `anoisesrc=c=pink:r=${MASTER_SAMPLE_RATE_HZ}:a=${toneAmplitude.toFixed(6)}:seed=${ROOM_TONE_SEED}[tone];` +
    // amix divides by the input count; volume=2 undoes it so speech keeps its level.
    `[speech][tone]amix=inputs=2:duration=first:dropout_transition=0,volume=2[out]`;
  const codec = path.extname(outFile).toLowerCase() === '.flac' ? ['-c:a', 'flac'] : ['-c:a', 'pcm_s16le'];
  await runFfmpeg(
    [
      '-y',
      ...concatInput,
      '-filter_complex',
      graph,
      '-map',
      '[out]',
      '-ac',
      '1',
      '-ar',
      String(MASTER_SAMPLE_RATE_HZ),
      '-sample_fmt',
      's16',
      ...codec,
      '-map_metadata',
      '-1',
      '-bitexact',
      outFile,
    ],
    run,
  );
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
