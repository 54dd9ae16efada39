/**
 * Joining two FLACs of one chapter frame by frame, without a process: the stored master's frames before a frame
 * boundary, then the frames of the same stream encoded again from that boundary (the region's). A FLAC frame is coded
 * from its own samples only, so the region's frames are those a whole encode writes for the same samples, but for
 * the frame number in each header (the region's count from 0), which is written again with both CRCs. The stored
 * file's metadata is kept, its STREAMINFO stating the joined file's sample count, frame sizes and the MD5 of its
 * samples (which the caller gives: it needs every sample, and the join's process sees them all): a file joined to
 * itself comes out byte for byte, and a region's splice gives a whole encode's bytes.
 */

export class FlacSpliceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FlacSpliceError';
  }
}

interface FlacFrame {
  offset: number;
  bytes: number;
  samples: number;
}

interface FlacLayout {
  /** Where STREAMINFO's 34 bytes start. */
  streamInfoAt: number;
  /** Where the first frame starts (after the last metadata block). */
  framesAt: number;
  blockSize: number;
}

const STREAMINFO_BYTES = 34;
/** Fixed-blocksize frames start with these 15 bits and a 0 (a variable-blocksize stream, 0xfff9, is refused). */
const FIXED_SYNC = 0xfff8;

const CRC8_TABLE = crcTable(0x07, 8);
const CRC16_TABLE = crcTable(0x8005, 16);

function crcTable(polynomial: number, bits: number): Uint16Array {
  const top = 1 << (bits - 1);
  const mask = (1 << bits) - 1;
  const table = new Uint16Array(256);
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte << (bits - 8);
    for (let bit = 0; bit < 8; bit++) crc = crc & top ? ((crc << 1) ^ polynomial) & mask : (crc << 1) & mask;
    table[byte] = crc;
  }
  return table;
}

function crc8(data: Buffer, from: number, to: number): number {
  let crc = 0;
  for (let at = from; at < to; at++) crc = CRC8_TABLE[crc ^ data[at]];
  return crc;
}

function crc16(data: Buffer, from: number, to: number): number {
  let crc = 0;
  for (let at = from; at < to; at++) crc = ((crc << 8) & 0xffff) ^ CRC16_TABLE[(crc >> 8) ^ data[at]];
  return crc;
}

/** FLAC's frame number coding: UTF-8's, extended to 36 bits. */
function encodeFrameNumber(value: number): Buffer {
  if (value < 0x80) return Buffer.from([value]);
  // n continuation bytes of 6 bits each, and 6 − n bits in the lead byte after its n + 1 ones and a zero.
  let continuations = 1;
  while (value >= 2 ** (5 * continuations + 6)) continuations++;
  const bytes: number[] = [];
  let rest = value;
  for (let k = 0; k < continuations; k++) {
    bytes.unshift(0x80 | (rest & 0x3f));
    rest = Math.floor(rest / 64);
  }
  const lead = (0xff << (7 - continuations)) & 0xff;
  return Buffer.from([lead | rest, ...bytes]);
}

function decodeFrameNumber(data: Buffer, at: number): { value: number; bytes: number } | undefined {
  const first = data[at];
  if (first < 0x80) return { value: first, bytes: 1 };
  let length = 0;
  while (length < 7 && first & (0x80 >> length)) length++;
  if (length < 2 || length > 7 || at + length > data.length) return undefined;
  let value = first & (0xff >> (length + 1));
  for (let k = 1; k < length; k++) {
    if ((data[at + k] & 0xc0) !== 0x80) return undefined;
    value = value * 64 + (data[at + k] & 0x3f);
  }
  return { value, bytes: length };
}

interface FrameHeader {
  number: number;
  numberAt: number;
  numberBytes: number;
  /** The header's length without its CRC-8. */
  bytes: number;
  samples: number;
}

/** The fixed-blocksize frame header at `at`, checked by its CRC-8; undefined when there is none. */
function frameHeader(data: Buffer, at: number): FrameHeader | undefined {
  if (at + 6 > data.length || data.readUInt16BE(at) !== FIXED_SYNC) return undefined;
  const sizeCode = data[at + 2] >> 4;
  const rateCode = data[at + 2] & 0x0f;
  if (sizeCode === 0 || rateCode === 0x0f) return undefined;
  const number = decodeFrameNumber(data, at + 4);
  if (!number) return undefined;
  let end = at + 4 + number.bytes;
  let samples: number;
  if (sizeCode === 1) samples = 192;
  else if (sizeCode <= 5) samples = 576 << (sizeCode - 2);
  else if (sizeCode === 6) samples = data[end++] + 1;
  else if (sizeCode === 7) {
    samples = data.readUInt16BE(end) + 1;
    end += 2;
  } else samples = 256 << (sizeCode - 8);
  end += rateCode === 12 ? 1 : rateCode === 13 || rateCode === 14 ? 2 : 0;
  if (end >= data.length || crc8(data, at, end) !== data[end]) return undefined;
  return { number: number.value, numberAt: at + 4, numberBytes: number.bytes, bytes: end - at, samples };
}

function flacLayout(data: Buffer): FlacLayout {
  if (data.length < 8 + STREAMINFO_BYTES || data.toString('latin1', 0, 4) !== 'fLaC')
    throw new FlacSpliceError('not a FLAC file');
  if ((data[4] & 0x7f) !== 0 || data.readUIntBE(5, 3) !== STREAMINFO_BYTES)
    throw new FlacSpliceError('the FLAC does not start with its STREAMINFO');
  const streamInfoAt = 8;
  const minBlock = data.readUInt16BE(streamInfoAt);
  const blockSize = data.readUInt16BE(streamInfoAt + 2);
  if (minBlock !== blockSize) throw new FlacSpliceError('the FLAC’s blocks are not of one size');
  let at = 4;
  for (;;) {
    if (at + 4 > data.length) throw new FlacSpliceError('the FLAC’s metadata runs past its end');
    const last = (data[at] & 0x80) !== 0;
    at += 4 + data.readUIntBE(at + 1, 3);
    if (last) break;
  }
  return { streamInfoAt, framesAt: at, blockSize };
}

/**
 * The file's frames from its first, at most `limit` of them: each must follow the one before it (its number the
 * next, every frame but the last a whole block) and end where its CRC-16 says, the last at the file's end.
 */
function flacFrames(data: Buffer, layout: FlacLayout, limit = Infinity): FlacFrame[] {
  const frames: FlacFrame[] = [];
  let at = layout.framesAt;
  while (at < data.length && frames.length < limit) {
    const header = frameHeader(data, at);
    if (!header || header.number !== frames.length)
      throw new FlacSpliceError(`no frame ${frames.length} at byte ${at}`);
    if (frames.length > 0 && frames[frames.length - 1].samples !== layout.blockSize)
      throw new FlacSpliceError('a short frame before the FLAC’s last');
    // The frame ends at the next header whose frame is whole by its CRC-16 (a sync pattern inside a frame's data
    // fails one of the checks), or at the file's end.
    let end = at + header.bytes + 1;
    for (;;) {
      end = data.indexOf(0xff, end);
      if (end < 0) {
        end = data.length;
        if (crc16(data, at, end) !== 0) throw new FlacSpliceError(`frame ${frames.length} fails its CRC`);
        break;
      }
      const next = frameHeader(data, end);
      if (next && next.number === frames.length + 1 && crc16(data, at, end) === 0) break;
      end++;
    }
    frames.push({ offset: at, bytes: end - at, samples: header.samples });
    at = end;
  }
  return frames;
}

/** The frame at `frame` of `data`, numbered `number`: its header and footer written again when the number moves. */
function renumbered(data: Buffer, frame: FlacFrame, number: number): Buffer {
  const header = frameHeader(data, frame.offset);
  if (!header) throw new FlacSpliceError(`no frame header at byte ${frame.offset}`);
  const bytes = data.subarray(frame.offset, frame.offset + frame.bytes);
  if (header.number === number) return bytes;
  const numberStart = header.numberAt - frame.offset;
  const newNumber = encodeFrameNumber(number);
  const out = Buffer.concat([
    bytes.subarray(0, numberStart),
    newNumber,
    bytes.subarray(numberStart + header.numberBytes, bytes.length - 2),
    Buffer.alloc(2),
  ]);
  const headerEnd = header.bytes - header.numberBytes + newNumber.length;
  out[headerEnd] = crc8(out, 0, headerEnd);
  out.writeUInt16BE(crc16(out, 0, out.length - 2), out.length - 2);
  return out;
}

/**
 * The stored FLAC's first `keepFrames` frames, then every frame of `region` (a FLAC of the same stream encoded from
 * sample `keepFrames` × the block size on), with the stored file's metadata stating the joined stream: its sample
 * count, smallest and largest frame and `md5` (the MD5 of all its samples, as FLAC defines it).
 */
export function spliceFlac(stored: Buffer, keepFrames: number, region: Buffer, md5: Buffer): Buffer {
  if (md5.length !== 16) throw new FlacSpliceError('the MD5 is not 16 bytes');
  const storedLayout = flacLayout(stored);
  const regionLayout = flacLayout(region);
  // Rate, channels and bit depth (the sample count's top bits left out), and the block size.
  const format = (data: Buffer, layout: FlacLayout) =>
    `${data.readUIntBE(layout.streamInfoAt + 10, 3) & ~0x0f}/${layout.blockSize}`;
  if (format(stored, storedLayout) !== format(region, regionLayout))
    throw new FlacSpliceError('the region’s stream is not the stored one’s (rate, channels, bits or block size)');
  const kept = flacFrames(stored, storedLayout, keepFrames);
  if (kept.length < keepFrames || kept.some((frame) => frame.samples !== storedLayout.blockSize))
    throw new FlacSpliceError(`the stored FLAC has no ${keepFrames} whole frames to keep`);
  const regionFrames = flacFrames(region, regionLayout);
  if (regionFrames.length === 0) throw new FlacSpliceError('the region’s FLAC has no frames');
  const keptEnd = kept.length > 0 ? kept[kept.length - 1].offset + kept[kept.length - 1].bytes : storedLayout.framesAt;
  const added = regionFrames.map((frame, index) => renumbered(region, frame, keepFrames + index));
  const sizes = [...kept.map((frame) => frame.bytes), ...added.map((frame) => frame.length)];
  const samples = keepFrames * storedLayout.blockSize + regionFrames.reduce((total, frame) => total + frame.samples, 0);
  const out = Buffer.concat([stored.subarray(0, keptEnd), ...added]);
  const info = storedLayout.streamInfoAt;
  out.writeUIntBE(Math.min(...sizes), info + 4, 3);
  out.writeUIntBE(Math.max(...sizes), info + 7, 3);
  // The sample count: 36 bits, the top 4 in the low nibble of the byte before the last 32.
  out[info + 13] = (out[info + 13] & 0xf0) | Math.floor(samples / 2 ** 32);
  out.writeUInt32BE(samples % 2 ** 32, info + 14);
  md5.copy(out, info + 18);
  return out;
}

/** How many of the stored FLAC's frames lie wholly before master sample `sample`, and its block size. */
export function flacKeepFrames(stored: Buffer, sample: number): { keepFrames: number; blockSize: number } {
  const { blockSize } = flacLayout(stored);
  return { keepFrames: Math.floor(sample / blockSize), blockSize };
}
