/**
 * The facts a stream copy of AAC needs (profile, sample rate, channels, frame count, duration), read from an MP4's
 * `moov` box without starting ffprobe: a book's join reads one per chapter, and each ffprobe process costs a start and
 * a demux of the header on a machine where the join waits for all of them. Only the plain case is read here: an MP4
 * whose one audio track is MPEG-4 AAC-LC with its channels in the AudioSpecificConfig. Anything else returns
 * undefined and is left to ffprobe. music-metadata, which the project has, gives the container's duration (priming
 * included) and the sample entry's channel count (2 for a mono AAC written by ffmpeg), but neither the frame count nor
 * the AAC profile, so it cannot answer what a stream copy needs.
 */
import { open, type FileHandle } from 'node:fs/promises';

export interface Mp4AacInfo {
  profile: 'LC';
  sampleRateHz: number;
  channels: number;
  /** Samples of the track (AAC frames of 1,024 samples each): `stsz`'s count, which ffprobe reports as nb_frames. */
  frames: number;
  /** The track's duration as played (its edit list), ffprobe's format duration. */
  durationSec: number;
}

interface Box {
  type: string;
  /** Where the box's content starts, after its header. */
  start: number;
  end: number;
}

/** ISO 14496-3 sampling frequency index → Hz. */
const SAMPLING_FREQUENCIES = [96000, 88200, 64000, 48000, 44100, 32000, 24000, 22050, 16000, 12000, 11025, 8000, 7350];
const AAC_LC = 2;
/** ISO 14496-1 objectTypeIndication of MPEG-4 Audio. */
const MPEG4_AUDIO = 0x40;
/** A `moov` larger than this is not a chapter's AAC (a 23 h track's tables are under 4 MB). */
const MAX_MOOV_BYTES = 16 * 1024 * 1024;

export async function readMp4AacInfo(file: string): Promise<Mp4AacInfo | undefined> {
  const handle = await open(file, 'r');
  try {
    const size = (await handle.stat()).size;
    const head = await readAt(handle, 0, 8);
    if (head.length < 8 || head.toString('latin1', 4, 8) !== 'ftyp') return undefined;
    const moov = await findTopLevelBox(handle, size, 'moov');
    if (!moov || moov.end - moov.start > MAX_MOOV_BYTES) return undefined;
    return parseMoov(await readAt(handle, moov.start, moov.end - moov.start));
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

/** Walks the file's top-level boxes by their headers only (the `mdat` before a `moov` is skipped, not read). */
async function findTopLevelBox(handle: FileHandle, size: number, type: string): Promise<Box | undefined> {
  let position = 0;
  while (position + 8 <= size) {
    const header = await readAt(handle, position, 16);
    const box = boxAt(header, 0, size - position);
    if (!box) return undefined;
    if (box.type === type) return { type, start: position + box.start, end: position + box.end };
    position += box.end;
  }
  return undefined;
}

/** The box whose header is at `offset` of `data`, its bounds relative to `data`; `limit` is where its parent ends. */
function boxAt(data: Buffer, offset: number, limit: number): Box | undefined {
  if (offset + 8 > data.length) return undefined;
  let length = data.readUInt32BE(offset);
  let headerLength = 8;
  if (length === 1) {
    if (offset + 16 > data.length) return undefined;
    length = Number(data.readBigUInt64BE(offset + 8));
    headerLength = 16;
  } else if (length === 0) length = limit - offset;
  if (length < headerLength || offset + length > limit) return undefined;
  return { type: data.toString('latin1', offset + 4, offset + 8), start: offset + headerLength, end: offset + length };
}

function children(data: Buffer, parent: Box, skip = 0): Box[] {
  const boxes: Box[] = [];
  let offset = parent.start + skip;
  while (offset + 8 <= parent.end) {
    const box = boxAt(data, offset, parent.end);
    if (!box) break;
    boxes.push(box);
    offset = box.end;
  }
  return boxes;
}

function child(data: Buffer, parent: Box | undefined, type: string, skip = 0): Box | undefined {
  return parent && children(data, parent, skip).find((box) => box.type === type);
}

function parseMoov(moov: Buffer): Mp4AacInfo | undefined {
  const root: Box = { type: 'moov', start: 0, end: moov.length };
  const mvhd = child(moov, root, 'mvhd');
  const movieTimescale = mvhd && moov.readUInt32BE(mvhd.start + (moov[mvhd.start] === 1 ? 20 : 12));
  const soundTracks = children(moov, root)
    .filter((box) => box.type === 'trak')
    .filter((trak) => {
      const hdlr = child(moov, child(moov, trak, 'mdia'), 'hdlr');
      return hdlr !== undefined && moov.toString('latin1', hdlr.start + 8, hdlr.start + 12) === 'soun';
    });
  if (soundTracks.length !== 1 || !movieTimescale) return undefined;
  const durationSec = presentedDuration(moov, soundTracks[0], movieTimescale);
  if (durationSec === undefined) return undefined;
  const stbl = child(moov, child(moov, child(moov, soundTracks[0], 'mdia'), 'minf'), 'stbl');
  const stsd = child(moov, stbl, 'stsd');
  const stsz = child(moov, stbl, 'stsz');
  if (!stsd || !stsz || moov.readUInt32BE(stsd.start + 4) !== 1) return undefined;
  // stsd: version and flags, entry count, then the one sample entry.
  const mp4a = boxAt(moov, stsd.start + 8, stsd.end);
  if (mp4a?.type !== 'mp4a' || moov.readUInt16BE(mp4a.start + 8) !== 0) return undefined;
  // A version 0 AudioSampleEntry: 28 bytes of fields before its own boxes.
  const config = audioSpecificConfig(moov, child(moov, mp4a, 'esds', 28));
  if (!config || config.objectType !== AAC_LC) return undefined;
  const frames = moov.readUInt32BE(stsz.start + 8);
  if (frames === 0) return undefined;
  return {
    profile: 'LC',
    sampleRateHz: config.sampleRateHz,
    channels: config.channels,
    frames,
    durationSec,
  };
}

/**
 * The track's duration as played, ffprobe's format duration: its edit list's segments (the encoder's priming is
 * skipped by an edit, so the media's own duration is longer), or the media duration when it has none.
 */
function presentedDuration(data: Buffer, trak: Box, movieTimescale: number): number | undefined {
  const elst = child(data, child(data, trak, 'edts'), 'elst');
  if (elst) {
    const version = data[elst.start];
    const entrySize = version === 1 ? 20 : 12;
    let total = 0;
    for (let i = 0, offset = elst.start + 8; i < data.readUInt32BE(elst.start + 4); i++, offset += entrySize) {
      const segment = version === 1 ? Number(data.readBigUInt64BE(offset)) : data.readUInt32BE(offset);
      const mediaTime = version === 1 ? Number(data.readBigInt64BE(offset + 8)) : data.readInt32BE(offset + 4);
      if (mediaTime !== -1) total += segment; // -1 is an empty edit (a delay), not the track's audio
    }
    return total / movieTimescale;
  }
  const mdhd = child(data, child(data, trak, 'mdia'), 'mdhd');
  if (!mdhd) return undefined;
  const version = data[mdhd.start];
  const timescale = data.readUInt32BE(mdhd.start + (version === 1 ? 20 : 12));
  const duration = version === 1 ? Number(data.readBigUInt64BE(mdhd.start + 24)) : data.readUInt32BE(mdhd.start + 16);
  return timescale > 0 ? duration / timescale : undefined;
}

/** The esds box's DecoderSpecificInfo read as an AudioSpecificConfig, when it describes MPEG-4 Audio. */
function audioSpecificConfig(
  data: Buffer,
  esds: Box | undefined,
): { objectType: number; sampleRateHz: number; channels: number } | undefined {
  if (!esds) return undefined;
  let offset = esds.start + 4; // version and flags
  const descriptor = (expected: number): number | undefined => {
    if (data[offset] !== expected) return undefined;
    offset += 1;
    let length = 0;
    for (let i = 0; i < 4; i++) {
      const byte = data[offset++];
      length = (length << 7) | (byte & 0x7f);
      if (!(byte & 0x80)) break;
    }
    return length;
  };
  if (descriptor(0x03) === undefined) return undefined; // ES_Descriptor
  const esFlags = data[offset + 2];
  offset += 3;
  if (esFlags & 0x80) offset += 2; // dependsOn_ES_ID
  if (esFlags & 0x40) offset += 1 + data[offset]; // URL
  if (esFlags & 0x20) offset += 2; // OCR_ES_ID
  if (descriptor(0x04) === undefined || data[offset] !== MPEG4_AUDIO) return undefined; // DecoderConfigDescriptor
  offset += 13;
  const length = descriptor(0x05); // DecoderSpecificInfo
  if (length === undefined || length < 2 || offset + length > esds.end) return undefined;
  const bits = data.readUInt16BE(offset);
  const objectType = bits >> 11;
  const frequencyIndex = (bits >> 7) & 0x0f;
  const channels = (bits >> 3) & 0x0f;
  const sampleRateHz = SAMPLING_FREQUENCIES[frequencyIndex];
  // An escaped frequency (index 15) or channels in a program config element (0) are left to ffprobe.
  if (sampleRateHz === undefined || channels === 0 || channels > 7) return undefined;
  return { objectType, sampleRateHz, channels: channels === 7 ? 8 : channels };
}
