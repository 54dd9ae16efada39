/**
 * An M4B joined from the chapters' AAC MP4s in the process, written as ffmpeg's join by stream copy writes it (the
 * concat demuxer with each chapter's span, ffmetadata chapters and tags, the cover as an attached picture, mp4 with
 * `+faststart`): ftyp, moov, free, mdat. The moov holds the audio track (the first chapter's boxes with the joined
 * sample tables: every packet a frame long but the book's last, the roll group, the esds's bit rates as the muxer
 * computes them, an edit that plays from the first packet), the chapter track (one text sample per chapter, as the
 * muxer's chapter track writes it) and the tags (an iTunes `ilst` with the cover, and a Nero `chpl`). The mdat holds
 * the chapter titles, then every chapter's packets copied byte for byte. A regeneration's Apple package thus starts
 * no process to join its book, and the file is hashed as it is written. A chapter the shared reader refuses
 * (mp4Boxes.ts), chapters described unlike each other, a cover that is not a JPEG or PNG, or an untitled chapter
 * throw Mp4SpliceError before anything is written, for the caller to let ffmpeg join them.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { AudioTags, WrittenFile } from '../../core/ports/audio';
import {
  MAX_MOOV_BYTES,
  Mp4SpliceError,
  box,
  fullBox,
  inside,
  only,
  readAacTrack,
  rebuildBox,
  requireMuxerLayout,
  sampleGroups,
  sampleTables,
  toMovieTime,
  version0,
  writeEsdsBitRates,
  type AacTrack,
  type Box,
} from './mp4Boxes';
import { containerTags } from './tags';

/** A chapter mark in milliseconds, as the ffmetadata of ffmpeg's join states it. */
export interface ChapterMark {
  title: string;
  startMs: number;
  endMs: number;
}

export interface M4bJoin {
  chapters: { file: string; mark: ChapterMark }[];
  tags: AudioTags;
  coverJpeg?: string;
  out: string;
  signal?: AbortSignal;
}

/** The time scale the muxer gives the movie and its chapter track (movenc.h, MOV_TIMESCALE). */
const MOVIE_TIMESCALE = 1000;
/** An AAC frame. */
const FRAME_SAMPLES = 1024;
/** What ffmpeg's mp4 muxer writes first: isom, minor version 512, compatible with isom, iso2 and mp41. */
const FTYP = box('ftyp', Buffer.from('isom', 'latin1'), u32(512), Buffer.from('isomiso2mp41', 'latin1'));
/** The chapter track's constant boxes, as the muxer writes them for a text track in an mp4. */
const TEXT_HANDLER = fullBox(
  'hdlr',
  Buffer.concat([
    Buffer.alloc(8),
    Buffer.from('text', 'latin1'),
    Buffer.alloc(12),
    Buffer.from('SubtitleHandler\0', 'latin1'),
  ]),
  [],
);
const TEXT_HEADER_BOXES = Buffer.from(
  '0000004c676d686400000018676d696e00000000004080008000800000000000' +
    '0000002c74657874000100000000000000000000000000000001000000000000000000000000000040000000' +
    '0000002464696e660000001c6472656600000000000000010000000c75726c2000000001',
  'hex',
);
const TEXT_SAMPLE_DESCRIPTION = Buffer.from(
  '0000004b7374736400000000000000010000003b7465787400000000000000010000000100000000000000000000000000000000000000' +
    '010000000000000000000d667461620001000100',
  'hex',
);
/** Each chapter sample ends with this box: its text is UTF-8 (movenc.c, mov_create_chapter_track). */
const ENCD = Buffer.from('0000000c656e636400000100', 'hex');
/** The iTunes metadata items ffmpeg's mp4 muxer writes, in its order, from the tags the M4B is given. */
const ILST_ITEMS: [string, string][] = [
  ['\u00a9nam', 'title'],
  ['\u00a9ART', 'artist'],
  ['aART', 'album_artist'],
  ['\u00a9wrt', 'composer'],
  ['\u00a9alb', 'album'],
  ['\u00a9day', 'date'],
  ['\u00a9cmt', 'comment'],
  ['\u00a9gen', 'genre'],
  ['cprt', 'copyright'],
  ['desc', 'description'],
];

function u32(value: number): Buffer {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(value, 0);
  return bytes;
}

function u16(value: number): Buffer {
  const bytes = Buffer.alloc(2);
  bytes.writeUInt16BE(value, 0);
  return bytes;
}

interface StoredChapter extends AacTrack {
  file: string;
  /** The file's moov; the track's boxes are positioned in it. */
  moovBytes: Buffer;
  /** The packets' one byte range in the file. */
  packetsStart: number;
  packetsEnd: number;
}

/** Joins the chapters' AAC into `out`: the file's size and sha256, taken as it was written. */
export async function joinAacM4b(request: M4bJoin): Promise<WrittenFile> {
  if (request.chapters.length === 0) throw new Error('an M4B needs at least one chapter');
  const marks = request.chapters.map((chapter) => chapter.mark);
  if (marks.some((mark) => mark.title === '')) throw new Mp4SpliceError('an untitled chapter');
  const stored = await Promise.all(request.chapters.map((chapter) => readChapter(chapter.file)));
  const [first] = stored;
  for (const chapter of stored) {
    if (chapter.description !== first.description || chapter.timescale !== first.timescale)
      throw new Mp4SpliceError(`${path.basename(chapter.file)} describes its audio unlike the first chapter`);
    if ((chapter.groups.length === 0) !== (first.groups.length === 0))
      throw new Mp4SpliceError('some chapters group their packets and others do not');
    if (chapter.durations.slice(0, -1).some((duration) => duration !== FRAME_SAMPLES))
      throw new Mp4SpliceError(`${path.basename(chapter.file)} has packets of another length than a frame`);
  }
  if (first.movieTimescale !== MOVIE_TIMESCALE) throw new Mp4SpliceError('a movie time scale other than 1/1000 s');
  const cover = request.coverJpeg ? await readFile(request.coverJpeg) : undefined;
  const coverType = cover && pictureType(cover);

  // The chapters follow one another by their whole frames: every packet a frame long but the book's very last.
  const sizes = stored.flatMap((chapter) => chapter.sizes);
  const durations = sizes.map(() => FRAME_SAMPLES);
  const last = stored[stored.length - 1];
  durations[durations.length - 1] = last.durations[last.durations.length - 1];
  const groups = stored.flatMap((chapter) => chapter.groups);
  const textSamples = marks.map((mark) => {
    const title = Buffer.from(mark.title, 'utf8');
    return Buffer.concat([u16(title.length), title, ENCD]);
  });
  const textDurations = marks.map(
    (mark, i) => (i + 1 < marks.length ? marks[i + 1].startMs : mark.endMs) - mark.startMs,
  );

  const layout = { sizes, durations, groups, textSamples, textDurations, marks, cover, coverType };
  // The moov precedes the packets, so its length (which no offset changes) is known before the offsets are.
  const moovLength = moov(first, request.tags, layout, 0).length;
  const mdatAt = FTYP.length + moovLength + 8;
  const header = moov(first, request.tags, layout, mdatAt + 8);
  const textBytes = textSamples.reduce((sum, sample) => sum + sample.length, 0);
  const audioBytes = sizes.reduce((sum, size) => sum + size, 0);
  const mdatSize = 8 + textBytes + audioBytes;
  if (mdatAt + mdatSize > 0xffffffff) throw new Mp4SpliceError('an M4B past 4 GiB');

  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await open(request.out, 'w');
  try {
    const write = async (chunk: Buffer) => {
      hash.update(chunk);
      bytes += chunk.length;
      await writeAll(handle, chunk);
    };
    await write(
      Buffer.concat([FTYP, header, box('free'), u32(mdatSize), Buffer.from('mdat', 'latin1'), ...textSamples]),
    );
    for (const chapter of stored) {
      const packets = createReadStream(chapter.file, {
        start: chapter.packetsStart,
        end: chapter.packetsEnd - 1,
        highWaterMark: 1 << 20,
        signal: request.signal,
      });
      for await (const chunk of packets as AsyncIterable<Buffer>) await write(chunk);
    }
  } finally {
    await handle.close();
  }
  if (bytes !== mdatAt + mdatSize) throw new Error(`${request.out}: a chapter changed while it was joined`);
  return { bytes, sha256: hash.digest('hex') };
}

async function writeAll(handle: FileHandle, chunk: Buffer): Promise<void> {
  let offset = 0;
  while (offset < chunk.length) offset += (await handle.write(chunk, offset)).bytesWritten;
}

/** The `covr` data type of a picture: what the muxer writes for a JPEG (13) or a PNG (14). */
function pictureType(picture: Buffer): number {
  if (picture[0] === 0xff && picture[1] === 0xd8) return 13;
  if (picture.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return 14;
  throw new Mp4SpliceError('a cover that is neither a JPEG nor a PNG');
}

/** A chapter's moov, read by its top-level boxes' headers (the packets are not read), and its packets' one range. */
async function readChapter(file: string): Promise<StoredChapter> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const top: Box[] = [];
    for (let at = 0; at + 8 <= size;) {
      const head = Buffer.alloc(8);
      await handle.read(head, 0, 8, at);
      const length = head.readUInt32BE(0);
      if (length < 8 || at + length > size)
        throw new Mp4SpliceError(`${path.basename(file)}: a box of another size form`);
      top.push({ type: head.toString('latin1', 4, 8), at, end: at + length });
      at += length;
    }
    if (top[0]?.type !== 'ftyp') throw new Mp4SpliceError(`${path.basename(file)} is not an MP4 (no ftyp first)`);
    const mdat = only(top, 'mdat');
    const moovBox = only(top, 'moov');
    requireMuxerLayout(top, mdat, moovBox);
    if (moovBox.end - moovBox.at > MAX_MOOV_BYTES) throw new Mp4SpliceError('a moov too large for a chapter');
    const moovBytes = Buffer.alloc(moovBox.end - moovBox.at);
    await handle.read(moovBytes, 0, moovBytes.length, moovBox.at);
    const track = readAacTrack(moovBytes, { type: 'moov', at: 0, end: moovBytes.length }, mdat);
    // One track's packets in the order they play, one after another: copied as one range.
    for (let i = 1; i < track.offsets.length; i++)
      if (track.offsets[i] !== track.offsets[i - 1] + track.sizes[i - 1])
        throw new Mp4SpliceError(`${path.basename(file)}: packets apart from one another`);
    const packetsStart = track.offsets[0];
    const packetsEnd = packetsStart + track.sizes.reduce((sum, packet) => sum + packet, 0);
    return { ...track, file, moovBytes, packetsStart, packetsEnd };
  } finally {
    await handle.close();
  }
}

interface JoinedLayout {
  sizes: number[];
  durations: number[];
  groups: number[];
  textSamples: Buffer[];
  textDurations: number[];
  marks: ChapterMark[];
  cover: Buffer | undefined;
  coverType: number | undefined;
}

/** The M4B's moov, its packets' offsets counted from `textAt` (the chapter titles first, then the audio). */
function moov(first: StoredChapter, tags: AudioTags, layout: JoinedLayout, textAt: number): Buffer {
  const data = first.moovBytes;
  const mediaDuration = layout.durations.reduce((sum, duration) => sum + duration, 0);
  const audioMovieDuration = toMovieTime(mediaDuration, first.timescale, MOVIE_TIMESCALE);
  const textDuration = layout.textDurations.reduce((sum, duration) => sum + duration, 0);
  // The cover is a stream of ffmpeg's own (an attached picture, written as covr): it takes track ID 2 but no trak.
  const textTrackId = layout.cover ? 3 : 2;
  const audioBytes = layout.sizes.reduce((sum, size) => sum + size, 0);
  const averageBitRate = Number((BigInt(audioBytes) * 8n * BigInt(first.timescale)) / BigInt(mediaDuration));
  const textBytes = layout.textSamples.reduce((sum, sample) => sum + sample.length, 0);
  const tables: Record<string, Buffer> = sampleTables(layout.durations, layout.sizes, textAt + textBytes);

  const mvhd = Buffer.from(data.subarray(...span(only(inside(data, first.moov), 'mvhd'))));
  version0(mvhd, { type: 'mvhd', at: 0, end: mvhd.length });
  mvhd.writeUInt32BE(Math.max(audioMovieDuration, textDuration), 24);
  mvhd.writeUInt32BE(textTrackId + 1, mvhd.length - 4);

  const audioTrak = box(
    'trak',
    ...inside(data, first.trak).flatMap((child) => {
      const rebuilt = rebuildBox(data, child, (leaf, bytes) => {
        if (tables[leaf.type]) return tables[leaf.type];
        const copy = Buffer.from(bytes);
        switch (leaf.type) {
          case 'sbgp':
            return sampleGroups(copy, layout.groups);
          case 'tkhd':
            version0(copy, { ...leaf, at: 0 });
            copy.writeUInt32BE(audioMovieDuration, 28);
            return copy;
          case 'mdhd':
            copy.writeUInt32BE(mediaDuration, 24);
            return copy;
          case 'elst':
            // The join plays from the first packet: the first chapter's priming lies in its head room tone.
            copy.writeUInt32BE(audioMovieDuration, 16);
            copy.writeInt32BE(0, 20);
            return copy;
          case 'esds':
            // The muxer's maximum is the larger of the first chapter's stated rate and the book's average.
            writeEsdsBitRates(copy, Math.max(first.averageBitRate, averageBitRate), averageBitRate);
            return copy;
          default:
            return copy;
        }
      });
      // The audio names its chapter track after its edit list, as the muxer orders the boxes.
      return child.type === 'edts'
        ? [rebuilt, box('tref', fullBox('chap', Buffer.alloc(0), [textTrackId]))]
        : [rebuilt];
    }),
  );

  return box('moov', mvhd, audioTrak, chapterTrak(layout, textTrackId, textDuration, textAt), udta(tags, layout));
}

function span(found: Box): [number, number] {
  return [found.at, found.end];
}

/** The text track of chapter titles, as the muxer writes it (disabled, so players show it as chapters only). */
function chapterTrak(layout: JoinedLayout, trackId: number, duration: number, textAt: number): Buffer {
  const tkhd = fullBox('tkhd', Buffer.alloc(0), [
    0x00000002, // version 0, in the movie but not enabled
    0,
    0,
    trackId,
    0,
    duration,
    0,
    0,
    0, // layer, alternate group
    0, // volume, reserved
    ...[0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000],
    0,
    0,
  ]);
  const edts = box('edts', fullBox('elst', Buffer.alloc(0), [0, 1, duration, 0, 0x00010000]));
  const mdhd = fullBox('mdhd', Buffer.alloc(0), [0, 0, 0, MOVIE_TIMESCALE, duration, 0]);
  const tables = sampleTables(
    layout.textDurations,
    layout.textSamples.map((sample) => sample.length),
    textAt,
    { constantSize: true },
  );
  const stbl = box('stbl', TEXT_SAMPLE_DESCRIPTION, tables.stts, tables.stsc, tables.stsz, tables.stco);
  return box('trak', tkhd, edts, box('mdia', mdhd, TEXT_HANDLER, box('minf', TEXT_HEADER_BOXES, stbl)));
}

/** The tags: an iTunes ilst in the muxer's order (with the cover and the track number), then the Nero chapter list. */
function udta(tags: AudioTags, layout: JoinedLayout): Buffer {
  const values = containerTags(tags, 'mp4');
  const items: Buffer[] = [];
  for (const [name, key] of ILST_ITEMS) {
    const value = values[key];
    if (value !== undefined) items.push(box(name, box('data', u32(1), u32(0), Buffer.from(value, 'utf8'))));
  }
  if (layout.cover && layout.coverType)
    items.push(box('covr', box('data', u32(layout.coverType), u32(0), layout.cover)));
  const track = values.track ? parseInt(values.track, 10) : 0;
  if (track > 0) {
    const total = parseInt(values.track!.split('/')[1] ?? '0', 10) || 0;
    items.push(box('trkn', box('data', u32(0), u32(0), u16(0), u16(track), u16(total), u16(0))));
  }
  const handler = Buffer.concat([u32(0), u32(0), Buffer.from('mdirappl', 'latin1'), u32(0), u32(0), Buffer.alloc(1)]);
  const meta = box('meta', u32(0), box('hdlr', handler), box('ilst', ...items));
  // The Nero list holds at most 255 chapters, each title at most 255 bytes (movenc.c, mov_write_chpl_tag).
  const listed = layout.marks.slice(0, 255);
  const chpl = box(
    'chpl',
    u32(0x01000000),
    u32(0),
    Buffer.from([listed.length]),
    ...listed.flatMap((mark) => {
      const start = Buffer.alloc(8);
      start.writeBigUInt64BE(BigInt(mark.startMs) * 10_000n, 0);
      const title = Buffer.from(mark.title, 'utf8').subarray(0, 255);
      return [start, Buffer.from([title.length]), title];
    }),
  );
  return box('udta', meta, chpl);
}
