/**
 * Reading and writing the MP4 boxes of an AAC track as ffmpeg's muxer lays them out (ftyp, free, mdat, moov; one
 * track; 32-bit boxes and times): what the splice of a chapter's AAC (mp4Splice.ts) and the M4B joined from the
 * chapters' AAC (m4bJoin.ts) both read from the stored files and write again. Anything else is refused with
 * Mp4SpliceError, for the caller to let ffmpeg do the work.
 */

export class Mp4SpliceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Mp4SpliceError';
  }
}

export interface Box {
  type: string;
  /** The box's header's offset in its file; its content starts 8 bytes later. */
  at: number;
  end: number;
}

/** Boxes made of boxes, on the way from the moov to its sample tables. */
const CONTAINERS = new Set(['moov', 'trak', 'mdia', 'minf', 'stbl', 'edts']);
/** The muxer starts a new chunk before one would reach this many bytes (movenc.c, build_chunks). */
const MAX_CHUNK_BYTES = 1 << 20;
/** A chapter's moov is far smaller (a 23 h track's tables are under 4 MB). */
export const MAX_MOOV_BYTES = 16 * 1024 * 1024;

export function boxesIn(data: Buffer, start: number, end: number): Box[] {
  const boxes: Box[] = [];
  let at = start;
  while (at < end) {
    if (at + 8 > end) throw new Mp4SpliceError(`a box header cut short at byte ${at}`);
    const size = data.readUInt32BE(at);
    // 64-bit and open-ended boxes are not what the muxer writes for a chapter.
    if (size < 8 || at + size > end) throw new Mp4SpliceError(`a box of another size form at byte ${at}`);
    boxes.push({ type: data.toString('latin1', at + 4, at + 8), at, end: at + size });
    at += size;
  }
  return boxes;
}

export function only(boxes: Box[], type: string): Box {
  const found = boxes.filter((box) => box.type === type);
  if (found.length !== 1) throw new Mp4SpliceError(`${found.length} ${type} boxes where one is expected`);
  return found[0];
}

export const inside = (data: Buffer, parent: Box) => boxesIn(data, parent.at + 8, parent.end);

/** A full box's version, which must be 0 (32-bit times) for every box this rewrites. */
export function version0(data: Buffer, box: Box): void {
  if (data[box.at + 8] !== 0) throw new Mp4SpliceError(`a version ${data[box.at + 8]} ${box.type} box`);
}

export interface AacTrack {
  moov: Box;
  trak: Box;
  /** Each packet's byte offset in the file, size and duration (in the track's time scale). */
  offsets: number[];
  sizes: number[];
  durations: number[];
  /** Each packet's sample group (sbgp) index, 0 for none. */
  groups: number[];
  timescale: number;
  /** The movie's time scale (mvhd), which the track's and the edit's durations are counted in. */
  movieTimescale: number;
  /** The encoder's priming, which the one edit skips (its media time). */
  primingSamples: number;
  /** The stsd (bit rates aside) and sgpd boxes' bytes: two files must describe their packets alike to be joined. */
  description: string;
  /** The esds's average bit rate as stored, what a demuxer reports as the stream's bit rate. */
  averageBitRate: number;
}

export interface AacMp4 extends AacTrack {
  data: Buffer;
  mdat: Box;
}

/** The muxer's layout of a whole file: only ftyp and free before the packets, the moov after them. */
export function readAacMp4(data: Buffer): AacMp4 {
  const top = boxesIn(data, 0, data.length);
  if (top[0]?.type !== 'ftyp') throw new Mp4SpliceError('not an MP4 (no ftyp first)');
  const mdat = only(top, 'mdat');
  const moov = only(top, 'moov');
  requireMuxerLayout(top, mdat, moov);
  return { data, mdat, ...readAacTrack(data, moov, mdat) };
}

/** The file's top-level boxes in the muxer's order (ftyp, free, mdat, moov; the header is what precedes the mdat). */
export function requireMuxerLayout(top: Box[], mdat: Box, moov: Box): void {
  if (top.some((box) => box.at < mdat.at && box.type !== 'ftyp' && box.type !== 'free') || moov.at < mdat.at)
    throw new Mp4SpliceError('an MP4 laid out otherwise than ftyp, mdat, moov');
}

/**
 * The one AAC track of a moov held in `data` (the whole file, or its moov alone with `moov.at` its offset there):
 * packet offsets are the file's, checked against the file's `mdat`.
 */
export function readAacTrack(data: Buffer, moov: Box, mdat: { at: number; end: number }): AacTrack {
  if (moov.end - moov.at > MAX_MOOV_BYTES) throw new Mp4SpliceError('a moov too large for a chapter');
  const mvhd = only(inside(data, moov), 'mvhd');
  version0(data, mvhd);
  const movieTimescale = data.readUInt32BE(mvhd.at + 20);
  const traks = inside(data, moov).filter((box) => box.type === 'trak');
  if (traks.length !== 1) throw new Mp4SpliceError('an MP4 of another number of tracks than one');
  const elst = only(inside(data, only(inside(data, traks[0]), 'edts')), 'elst');
  version0(data, elst);
  if (data.readUInt32BE(elst.at + 12) !== 1 || elst.end - elst.at !== 28)
    throw new Mp4SpliceError('an edit list of another form than one edit');
  const primingSamples = data.readInt32BE(elst.at + 20);
  if (primingSamples < 0) throw new Mp4SpliceError('an edit list that starts with an empty edit');
  const mdia = only(inside(data, traks[0]), 'mdia');
  const mdhd = only(inside(data, mdia), 'mdhd');
  version0(data, mdhd);
  const timescale = data.readUInt32BE(mdhd.at + 20);
  const stbl = only(inside(data, only(inside(data, mdia), 'minf')), 'stbl');
  const tables = inside(data, stbl);
  const stsz = only(tables, 'stsz');
  const stts = only(tables, 'stts');
  const stsc = only(tables, 'stsc');
  const stco = only(tables, 'stco');
  const sbgp = tables.find((box) => box.type === 'sbgp');
  const count = data.readUInt32BE(stsz.at + 16);
  if (data.readUInt32BE(stsz.at + 12) !== 0 || stsz.end - stsz.at !== 20 + 4 * count)
    throw new Mp4SpliceError('a sample size table of another form');
  const sizes = Array.from({ length: count }, (_, i) => data.readUInt32BE(stsz.at + 20 + 4 * i));
  const durations = runs(data, stts, count, (at) => [data.readUInt32BE(at), data.readUInt32BE(at + 4)]);
  // Every packet a frame long but the last (as the muxer times an encode fed its samples' own timestamps).
  if (durations.slice(0, -1).some((duration) => duration !== durations[0]))
    throw new Mp4SpliceError('packets of uneven durations');
  const groups = sbgp ? runs(data, sbgp, count, (at) => [data.readUInt32BE(at), data.readUInt32BE(at + 4)], 4) : [];
  // Chunk offsets and samples per chunk give each packet's offset.
  const chunkCount = data.readUInt32BE(stco.at + 12);
  if (stco.end - stco.at !== 16 + 4 * chunkCount) throw new Mp4SpliceError('a chunk offset table of another form');
  const chunkOffsets = Array.from({ length: chunkCount }, (_, i) => data.readUInt32BE(stco.at + 16 + 4 * i));
  const stscEntries = data.readUInt32BE(stsc.at + 12);
  if (stsc.end - stsc.at !== 16 + 12 * stscEntries) throw new Mp4SpliceError('a sample-to-chunk table of another form');
  const offsets: number[] = [];
  for (let entry = 0; entry < stscEntries; entry++) {
    const at = stsc.at + 16 + 12 * entry;
    const firstChunk = data.readUInt32BE(at);
    const perChunk = data.readUInt32BE(at + 4);
    const lastChunk = entry + 1 < stscEntries ? data.readUInt32BE(at + 12) - 1 : chunkCount;
    if (data.readUInt32BE(at + 8) !== 1) throw new Mp4SpliceError('packets of another sample description');
    for (let chunk = firstChunk; chunk <= lastChunk; chunk++) {
      let offset = chunkOffsets[chunk - 1];
      for (let i = 0; i < perChunk && offsets.length < count; i++) {
        offsets.push(offset);
        offset += sizes[offsets.length - 1];
      }
    }
  }
  if (offsets.length !== count) throw new Mp4SpliceError('the chunks do not hold every packet');
  for (const [i, offset] of offsets.entries())
    if (offset < mdat.at + 8 || offset + sizes[i] > mdat.end) throw new Mp4SpliceError('a packet outside the mdat');
  const sgpd = tables.find((box) => box.type === 'sgpd');
  const bytesOf = (box: Box | undefined) => (box ? data.toString('hex', box.at, box.end) : '');
  const stsd = only(tables, 'stsd');
  const sampleEntry = Buffer.from(data.subarray(stsd.at, stsd.end));
  const esds = esdsIn(sampleEntry, { type: 'stsd', at: 0, end: sampleEntry.length });
  const averageBitRate = readEsdsAverageBitRate(sampleEntry.subarray(esds.at, esds.end));
  writeEsdsBitRates(sampleEntry.subarray(esds.at, esds.end), 0, 0);
  return {
    moov,
    trak: traks[0],
    offsets,
    sizes,
    durations,
    groups,
    timescale,
    movieTimescale,
    primingSamples,
    description: sampleEntry.toString('hex') + bytesOf(sgpd),
    averageBitRate,
  };
}

/** A run-length table (stts, sbgp) expanded to one value per packet; `skip` bytes of the box precede its count. */
function runs(data: Buffer, box: Box, count: number, entry: (at: number) => [number, number], skip = 0): number[] {
  const entries = data.readUInt32BE(box.at + 12 + skip);
  if (box.end - box.at !== 16 + skip + 8 * entries) throw new Mp4SpliceError(`a ${box.type} table of another form`);
  const values: number[] = [];
  for (let i = 0; i < entries; i++) {
    const [times, value] = entry(box.at + 16 + skip + 8 * i);
    if (values.length + times > count) throw new Mp4SpliceError(`a ${box.type} table longer than the track`);
    for (let n = 0; n < times; n++) values.push(value);
  }
  if (values.length !== count) throw new Mp4SpliceError(`a ${box.type} table shorter than the track`);
  return values;
}

/** [count, value] pairs of equal neighbours. */
export function runLengths(values: number[]): [number, number][] {
  const pairs: [number, number][] = [];
  for (const value of values) {
    const last = pairs[pairs.length - 1];
    if (last && last[1] === value) last[0]++;
    else pairs.push([1, value]);
  }
  return pairs;
}

export function fullBox(type: string, head: Buffer, words: number[]): Buffer {
  const box = Buffer.alloc(8 + head.length + 4 * words.length);
  box.writeUInt32BE(box.length, 0);
  box.write(type, 4, 'latin1');
  head.copy(box, 8);
  words.forEach((word, i) => box.writeUInt32BE(word, 8 + head.length + 4 * i));
  return box;
}

/** A box of `type` around `content`. */
export function box(type: string, ...content: Buffer[]): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(
    content.reduce((sum, part) => sum + part.length, 8),
    0,
  );
  header.write(type, 4, 'latin1');
  return Buffer.concat([header, ...content]);
}

/** A track's time in the movie's time scale, rounded up as the muxer's av_rescale_rnd(…, AV_ROUND_UP) rounds it. */
export function toMovieTime(value: number, timescale: number, movieTimescale: number): number {
  const scaled = BigInt(value) * BigInt(movieTimescale);
  const whole = scaled / BigInt(timescale);
  return Number(whole * BigInt(timescale) === scaled ? whole : whole + 1n);
}

/**
 * A track's stts, stsz, stsc and stco for packets laid one after another from `firstOffset`, in chunks as the muxer
 * cuts them (packets are added to a chunk while it stays under 1 MiB).
 */
export function sampleTables(
  durations: number[],
  sizes: number[],
  firstOffset: number,
  form: { constantSize?: boolean } = {},
): Record<'stts' | 'stsz' | 'stsc' | 'stco', Buffer> {
  const chunkOffsets: number[] = [];
  const perChunk: number[] = [];
  let chunkBytes = 0;
  let offset = firstOffset;
  for (const size of sizes) {
    if (perChunk.length === 0 || chunkBytes + size >= MAX_CHUNK_BYTES) {
      chunkOffsets.push(offset);
      perChunk.push(0);
      chunkBytes = 0;
    }
    perChunk[perChunk.length - 1]++;
    chunkBytes += size;
    offset += size;
  }
  if (offset > 0xffffffff) throw new Mp4SpliceError('a chunk offset past 4 GiB');
  const stscEntries: number[][] = [];
  for (const [i, samples] of perChunk.entries())
    if (stscEntries[stscEntries.length - 1]?.[1] !== samples) stscEntries.push([i + 1, samples, 1]);
  // The muxer writes one size for packets all of a size when the track may (its chapter text track), a table otherwise.
  const oneSize = form.constantSize && sizes.every((size) => size === sizes[0]);
  const timing = runLengths(durations);
  return {
    stts: fullBox('stts', Buffer.alloc(4), [timing.length, ...timing.flat()]),
    stsz: fullBox('stsz', Buffer.alloc(4), oneSize ? [sizes[0], sizes.length] : [0, sizes.length, ...sizes]),
    stsc: fullBox('stsc', Buffer.alloc(4), [stscEntries.length, ...stscEntries.flat()]),
    stco: fullBox('stco', Buffer.alloc(4), [chunkOffsets.length, ...chunkOffsets]),
  };
}

/** A sample-to-group table of the given per-packet groups, of the grouping type the stored `sbgp` names. */
export function sampleGroups(sbgp: Buffer, groups: number[]): Buffer {
  const grouping = sbgp.subarray(8, 16);
  const pairs = runLengths(groups);
  return fullBox('sbgp', Buffer.from(grouping.subarray(0, 4)), [
    grouping.readUInt32BE(4),
    pairs.length,
    ...pairs.flat(),
  ]);
}

/**
 * A box with each leaf box inside it passed through `leaf` (container boxes rebuilt around their new children, so
 * their sizes follow); the sample entry's esds is reached inside stsd.
 */
export function rebuildBox(data: Buffer, root: Box, leaf: (box: Box, bytes: Buffer) => Buffer): Buffer {
  const rebuild = (parent: Box): Buffer => {
    if (CONTAINERS.has(parent.type)) return box(parent.type, ...inside(data, parent).map(rebuild));
    if (parent.type === 'stsd') {
      const esdsBox = esdsIn(data, parent);
      const rewritten = leaf(esdsBox, data.subarray(esdsBox.at, esdsBox.end));
      if (rewritten.length !== esdsBox.end - esdsBox.at) throw new Mp4SpliceError('an esds of another size');
      return Buffer.concat([data.subarray(parent.at, esdsBox.at), rewritten, data.subarray(esdsBox.end, parent.end)]);
    }
    return leaf(parent, data.subarray(parent.at, parent.end));
  };
  return rebuild(root);
}

/** The esds box inside a sample description (stsd → mp4a → esds). */
function esdsIn(data: Buffer, stsd: Box): Box {
  const at = data.indexOf('esds', stsd.at, 'latin1') - 4;
  if (at < stsd.at || at + 8 > stsd.end) throw new Mp4SpliceError('a sample description without an esds');
  const end = at + data.readUInt32BE(at);
  if (end > stsd.end) throw new Mp4SpliceError('an esds past its sample description');
  return { type: 'esds', at, end };
}

/** Where the DecoderConfigDescriptor's maximum bit rate sits in an esds box (ISO 14496-1). */
function esdsBitRatesAt(esds: Buffer): number {
  let at = 12; // box header, version and flags
  const descriptor = (tag: number) => {
    if (esds[at] !== tag) throw new Mp4SpliceError(`an esds without descriptor ${tag}`);
    at++;
    for (let i = 0; i < 4 && esds[at++] & 0x80; i++);
  };
  descriptor(0x03);
  const flags = esds[at + 2];
  at += 3;
  if (flags & 0xe0) throw new Mp4SpliceError('an ES descriptor with optional fields');
  descriptor(0x04);
  // objectTypeIndication, streamType, bufferSizeDB (3 bytes), then the two rates.
  return at + 5;
}

function readEsdsAverageBitRate(esds: Buffer): number {
  return esds.readUInt32BE(esdsBitRatesAt(esds) + 4);
}

/** The DecoderConfigDescriptor's maximum and average bit rates, written in place in an esds box. */
export function writeEsdsBitRates(esds: Buffer, maxBitRate: number, averageBitRate: number): void {
  const at = esdsBitRatesAt(esds);
  esds.writeUInt32BE(maxBitRate, at);
  esds.writeUInt32BE(averageBitRate, at + 4);
}
