/**
 * Retail encodes: CBR MP3 per chapter and a single-track M4B (AAC-LC) with chapter markers, tags and cover. Each
 * encode measures the stream it encodes in the same pass (the measurement branch of the filter graph), so a finished
 * file is never decoded again just to be measured. An M4B whose chapters are already AAC is assembled by stream copy
 * (a finished MP3's tags are rewritten without ffmpeg, in mp3Retag.ts). An encode reads lossless masters only (encodingSource.ts): an AAC or MP3
 * given to one is refused, never decoded into a second lossy generation.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import { runFfmpeg } from './ffmpeg';
import { MeasurementParser, measurementFilters } from './measure';
import { lameCbrArgs } from './mp3Encoding';
import { joinAacM4b, type ChapterMark } from './m4bJoin';
import { Mp4SpliceError } from './mp4Boxes';
import { concatList, linkIntoDir, withTempDir } from './tempFiles';
import { probe } from './probe';
import { cleanTag, containerTags } from './tags';
import {
  readEncodingSource,
  requireLossless,
  requireLosslessFile,
  SecondGenerationError,
  type EncodingSource,
} from './encodingSource';
import type { AudioTags, EncodedAudio, M4bRequest, WrittenFile } from '../../core/ports/audio';

export type { AudioTags };

interface ToolOptions {
  ffmpegPath?: string;
  ffprobePath?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
}

export interface Mp3Options extends ToolOptions {
  bitrateKbps?: number;
  sampleRate?: number;
  channels?: 1 | 2;
  tags?: AudioTags;
}

export async function encodeMp3Cbr(master: string, out: string, options: Mp3Options = {}): Promise<EncodedAudio> {
  const bitrate = options.bitrateKbps ?? 192;
  if (![128, 160, 192, 224, 256, 320].includes(bitrate)) throw new RangeError(`unsupported MP3 bitrate ${bitrate}`);
  const sampleRate = options.sampleRate ?? 44100;
  const channels = options.channels ?? 1;
  await requireLosslessFile('an MP3 encode', master, options);
  const parser = new MeasurementParser();
  await runFfmpeg(
    [
      '-y',
      '-i',
      master,
      '-filter_complex',
      `[0:a:0]aresample=${sampleRate},aformat=channel_layouts=${channels === 1 ? 'mono' : 'stereo'},asplit=2[encode][measure];` +
        `[measure]${measurementFilters(sampleRate)}[measured]`,
      '-map',
      '[encode]',
      '-map_metadata',
      '-1',
      ...lameCbrArgs(bitrate),
      '-ar',
      String(sampleRate),
      '-ac',
      String(channels),
      '-id3v2_version',
      '3',
      '-write_xing',
      '1',
      ...metadataArgs(options.tags ?? {}, 'id3'),
      '-f',
      'mp3',
      out,
      '-map',
      '[measured]',
      '-f',
      'null',
      '-',
    ],
    {
      binaryPath: options.ffmpegPath,
      signal: options.signal,
      timeoutMs: options.timeoutMs ?? 60 * 60_000,
      onStderrLine: (line) => parser.line(line),
    },
  );
  const probed = await probe(out, { binaryPath: options.ffprobePath, signal: options.signal });
  return { loudness: parser.result(probed.durationSec), probed };
}

export interface M4bInput extends M4bRequest, ToolOptions {}

export interface M4bResult {
  durationSec: number;
  chapterStartsSec: number[];
  /** Measured in the encoding pass; absent when the chapters were joined by stream copy. */
  loudness?: LoudnessMeasurement;
  /** The file's size and sha256 when it was hashed as it was written (joined in the process). */
  written?: WrittenFile;
}

/** Packets the chapters' reader may hold ahead of the muxer: 1,024-sample AAC frames, about 95 s at 44.1 kHz. */
export const CHAPTER_QUEUE_PACKETS = 4096;

/** Apple Books' single-file limit is 23 h. */
const MAX_M4B_SECONDS = 23 * 3600;

export async function encodeM4b(input: M4bInput): Promise<M4bResult> {
  if (input.chapters.length === 0) throw new Error('an M4B needs at least one chapter');
  // Chapters already in AAC are joined as they are; lossless masters are encoded once, measured in the same pass.
  // Anything else (AAC beside masters, an MP3, AAC a stream copy cannot join) is refused, never encoded again.
  const sources = await Promise.all(input.chapters.map((c) => readEncodingSource(c.file, input)));
  const copy = sources.every((source) => source.codec === 'aac');
  if (!copy) requireLossless('an M4B encode', sources);
  const durations = copy ? joinedAacSpans(sources) : sources.map((source) => source.durationSec);
  const starts: number[] = [];
  let total = 0;
  for (const duration of durations) {
    starts.push(total);
    total += duration;
  }
  if (total >= MAX_M4B_SECONDS) throw new RangeError('an M4B must stay under 23 hours');
  const marks = chapterMarks(
    input.chapters.map((c) => c.title),
    starts,
    durations,
  );
  if (copy) {
    // Joined in the process, as ffmpeg's stream copy below would write it; a chapter's MP4 the writer does not read
    // (laid out otherwise, described unlike the others) is left to ffmpeg.
    try {
      const written = await joinAacM4b({
        chapters: input.chapters.map((c, i) => ({ file: c.file, mark: marks[i] })),
        tags: input.tags,
        coverJpeg: input.coverJpeg,
        out: input.out,
        signal: input.signal,
      });
      return { durationSec: total, chapterStartsSec: starts, written };
    } catch (error) {
      if (!(error instanceof Mp4SpliceError)) throw error;
    }
  }

  return withTempDir(input.workDir, 'm4b', async (dir) => {
    const names = await linkIntoDir(
      dir,
      input.chapters.map((c) => c.file),
      'chapter',
    );
    const listFile = path.join(dir, 'list.ffconcat');
    // Joined AAC keeps each chapter's every frame (its encoder priming included): each file spans exactly its frames,
    // so timestamps stay evenly spaced and chapter k starts where its own audio does, at the sum of the spans before.
    await writeFile(listFile, concatList(names, copy ? durations : undefined), 'utf8');
    const metadataFile = path.join(dir, 'chapters.ffmetadata');
    await writeFile(metadataFile, ffmetadata(input.tags, marks), 'utf8');

    const args = [
      '-y',
      // With more than one input ffmpeg reads each in a thread of its own, handing packets over through a queue of 8
      // by default: the chapters' reader then waits on a full queue and is woken for every packet (two context switches
      // per AAC frame, about half the join's CPU). A deeper queue lets it read ahead; the muxed bytes are the same.
      ...['-thread_queue_size', String(CHAPTER_QUEUE_PACKETS)],
      ...['-f', 'concat', '-safe', '1', '-i', listFile],
      ...['-f', 'ffmetadata', '-i', metadataFile],
    ];
    if (input.coverJpeg) args.push('-i', input.coverJpeg);
    if (copy) args.push('-map', '0:a:0', '-c:a', 'copy');
    else
      args.push(
        '-filter_complex',
        `[0:a:0]aresample=44100,aformat=channel_layouts=mono,asplit=2[encode][measure];` +
          `[measure]${measurementFilters(44100)}[measured]`,
        '-map',
        '[encode]',
        '-c:a',
        'aac',
        '-profile:a',
        'aac_low',
        '-b:a',
        `${input.bitrateKbps ?? 64}k`,
        '-ar',
        '44100',
        '-ac',
        '1',
      );
    args.push('-map_metadata', '1', '-map_chapters', '1');
    if (input.coverJpeg) args.push('-map', '2:v:0', '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
    args.push(...metadataArgs(input.tags, 'mp4'), '-movflags', '+faststart', '-f', 'mp4', input.out);
    if (!copy) args.push('-map', '[measured]', '-f', 'null', '-');
    const parser = new MeasurementParser();
    await runFfmpeg(args, {
      binaryPath: input.ffmpegPath,
      signal: input.signal,
      timeoutMs: input.timeoutMs ?? 4 * 60 * 60_000,
      onStderrLine: copy ? undefined : (line) => parser.line(line),
    });
    return { durationSec: total, chapterStartsSec: starts, loudness: copy ? undefined : parser.result(total) };
  });
}

/**
 * Each AAC chapter's span in a stream-copied join: its frames of 1,024 samples, encoder priming and padding included.
 * A stream copy joins AAC only as it is, so every chapter must have the profile, sample rate and channels of the first
 * (the M4B has one track) and count its frames (an MP4, not raw ADTS).
 */
function joinedAacSpans(sources: readonly EncodingSource[]): number[] {
  const describe = (source: EncodingSource) =>
    `${path.basename(source.file)} is ${source.profile ?? 'AAC'} ${source.sampleRateHz ?? '?'} Hz ` +
    `${source.channels ?? '?'} ch`;
  const [first] = sources;
  const unlike = sources.filter(
    (source) =>
      source.profile !== first.profile ||
      source.sampleRateHz !== first.sampleRateHz ||
      source.channels !== first.channels,
  );
  if (unlike.length > 0)
    throw new SecondGenerationError(
      `AAC chapters cannot be joined by stream copy unless they share profile, sample rate and channels: ` +
        `${unlike.map(describe).join(', ')}, ${describe(first)}; encoding them again would be a second lossy generation`,
    );
  return sources.map(({ file, frames, sampleRateHz }) => {
    if (!frames || !sampleRateHz) throw new Error(`${path.basename(file)} is not an AAC file with frames`);
    return (frames * 1024) / sampleRateHz;
  });
}

/** ffmetadata escaping: `=`, `;`, `#`, `\` and newlines are backslash-escaped. */
export function escapeFfmetadata(value: string): string {
  return cleanTag(value).replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

/** Each chapter's mark in whole milliseconds, its title as a tag holds it: what both joins write. */
function chapterMarks(titles: string[], starts: number[], durations: number[]): ChapterMark[] {
  return titles.map((title, i) => ({
    title: cleanTag(title),
    startMs: Math.round(starts[i] * 1000),
    endMs: Math.round((starts[i] + durations[i]) * 1000),
  }));
}

function ffmetadata(tags: AudioTags, chapters: ChapterMark[]): string {
  let text = ';FFMETADATA1\n';
  for (const [key, value] of Object.entries(containerTags(tags, 'mp4'))) text += `${key}=${escapeFfmetadata(value)}\n`;
  for (const chapter of chapters) {
    text += '[CHAPTER]\nTIMEBASE=1/1000\n';
    text += `START=${chapter.startMs}\nEND=${chapter.endMs}\n`;
    text += `title=${escapeFfmetadata(chapter.title)}\n`;
  }
  return text;
}

function metadataArgs(tags: AudioTags, container: 'id3' | 'mp4'): string[] {
  return Object.entries(containerTags(tags, container)).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}
