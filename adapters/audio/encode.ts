/** Retail encodes: CBR MP3 per chapter and a single-track M4B (AAC-LC) with chapter markers, tags and cover. */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from './ffmpeg';
import { concatList, linkIntoDir, withTempDir } from './tempFiles';
import { readWavInfo } from './wavHeader';
import { probe } from './probe';
import type { AudioTags, M4bRequest } from '../../core/ports/audio';

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

const MAX_TAG_LENGTH = 4000;

export async function encodeMp3Cbr(master: string, out: string, options: Mp3Options = {}): Promise<void> {
  const bitrate = options.bitrateKbps ?? 192;
  if (![128, 160, 192, 224, 256, 320].includes(bitrate)) throw new RangeError(`unsupported MP3 bitrate ${bitrate}`);
  await runFfmpeg(
    [
      '-y',
      '-i',
      master,
      '-map',
      '0:a:0',
      '-map_metadata',
      '-1',
      '-c:a',
      'libmp3lame',
      '-b:a',
      `${bitrate}k`,
      '-ar',
      String(options.sampleRate ?? 44100),
      '-ac',
      String(options.channels ?? 1),
      '-id3v2_version',
      '3',
      '-write_xing',
      '1',
      ...metadataArgs(options.tags ?? {}, 'id3'),
      '-f',
      'mp3',
      out,
    ],
    { binaryPath: options.ffmpegPath, signal: options.signal, timeoutMs: options.timeoutMs ?? 60 * 60_000 },
  );
}

export interface M4bInput extends M4bRequest, ToolOptions {}

export interface M4bResult {
  durationSec: number;
  chapterStartsSec: number[];
}

/** Apple Books' single-file limit is 23 h. */
const MAX_M4B_SECONDS = 23 * 3600;

export async function encodeM4b(input: M4bInput): Promise<M4bResult> {
  if (input.chapters.length === 0) throw new Error('an M4B needs at least one chapter');
  const durations = await Promise.all(input.chapters.map((c) => chapterDuration(c.file, input)));
  const starts: number[] = [];
  let total = 0;
  for (const duration of durations) {
    starts.push(total);
    total += duration;
  }
  if (total >= MAX_M4B_SECONDS) throw new RangeError('an M4B must stay under 23 hours');

  return withTempDir(input.workDir, 'm4b', async (dir) => {
    const names = await linkIntoDir(
      dir,
      input.chapters.map((c) => c.file),
      'chapter',
    );
    const listFile = path.join(dir, 'list.ffconcat');
    await writeFile(listFile, concatList(names), 'utf8');
    const metadataFile = path.join(dir, 'chapters.ffmetadata');
    await writeFile(
      metadataFile,
      ffmetadata(
        input.tags,
        input.chapters.map((c, i) => ({ title: c.title, start: starts[i], end: starts[i] + durations[i] })),
      ),
      'utf8',
    );

    const args = ['-y', '-f', 'concat', '-safe', '1', '-i', listFile, '-f', 'ffmetadata', '-i', metadataFile];
    if (input.coverJpeg) args.push('-i', input.coverJpeg);
    args.push('-map', '0:a:0', '-map_metadata', '1', '-map_chapters', '1');
    if (input.coverJpeg) args.push('-map', '2:v:0', '-c:v', 'copy', '-disposition:v:0', 'attached_pic');
    args.push(
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
      ...metadataArgs(input.tags, 'mp4'),
      '-movflags',
      '+faststart',
      '-f',
      'mp4',
      input.out,
    );
    await runFfmpeg(args, {
      binaryPath: input.ffmpegPath,
      signal: input.signal,
      timeoutMs: input.timeoutMs ?? 4 * 60 * 60_000,
    });
    return { durationSec: total, chapterStartsSec: starts };
  });
}

async function chapterDuration(file: string, options: ToolOptions): Promise<number> {
  if (/\.wav$/i.test(file)) return (await readWavInfo(file)).durationSec;
  return (await probe(file, { binaryPath: options.ffprobePath, signal: options.signal })).durationSec;
}

/** ffmetadata escaping: `=`, `;`, `#`, `\` and newlines are backslash-escaped. */
export function escapeFfmetadata(value: string): string {
  return cleanTag(value).replace(/[=;#\\\n]/g, (c) => `\\${c}`);
}

function ffmetadata(tags: AudioTags, chapters: { title: string; start: number; end: number }[]): string {
  let text = ';FFMETADATA1\n';
  for (const [key, value] of Object.entries(containerTags(tags, 'mp4'))) text += `${key}=${escapeFfmetadata(value)}\n`;
  for (const chapter of chapters) {
    text += '[CHAPTER]\nTIMEBASE=1/1000\n';
    text += `START=${Math.round(chapter.start * 1000)}\nEND=${Math.round(chapter.end * 1000)}\n`;
    text += `title=${escapeFfmetadata(chapter.title)}\n`;
  }
  return text;
}

/** ffmpeg metadata keys per container: narrator goes to composer (what Apple Books and most players read). */
function containerTags(tags: AudioTags, container: 'id3' | 'mp4'): Record<string, string> {
  const out: Record<string, string> = {};
  const set = (key: string, value: string | number | undefined) => {
    if (value !== undefined && String(value).trim() !== '') out[key] = cleanTag(String(value));
  };
  set('title', tags.title);
  set('album', tags.album);
  set('artist', tags.artist);
  set('album_artist', tags.albumArtist);
  set('composer', tags.narrator);
  set('genre', tags.genre);
  set('date', tags.year);
  set('track', tags.track);
  set('copyright', tags.copyright);
  set('publisher', tags.publisher);
  if (container === 'mp4') {
    set('description', tags.description);
    set('comment', tags.comment ?? tags.description);
  } else {
    set('comment', tags.comment ?? tags.description);
    if (tags.narrator) out.narrator = cleanTag(tags.narrator);
  }
  return out;
}

function metadataArgs(tags: AudioTags, container: 'id3' | 'mp4'): string[] {
  return Object.entries(containerTags(tags, container)).flatMap(([key, value]) => ['-metadata', `${key}=${value}`]);
}

function cleanTag(value: string): string {
  // Control characters other than newline would corrupt tag frames; cap the length.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  return value.replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ').slice(0, MAX_TAG_LENGTH);
}
