/**
 * Joining two MP3s of one chapter frame by frame, without a process: the stored file's frames up to a cut, then the
 * frames of a region encoded again from a frame boundary before the cut (its first frames, the encoder's start-up,
 * thrown away). That is exact only for MP3s whose every frame holds its own data (encoded without LAME's bit
 * reservoir, `main_data_begin` 0): a frame that points back into the bytes of the frame before it would be decoded
 * from the other encode's bytes. The joined file's Info frame (the stored file's) is written again as ffmpeg's muxer
 * writes it for a whole encode: frame and byte counts, seek table, the encoder's delay and the region's end padding,
 * music length and CRCs; packaging then copies it unchanged behind the package's tags (mp3Retag.ts).
 */

const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
const MPEG1_RATES_HZ = [44100, 48000, 32000];
/** Where the Xing/Info tag starts in an MPEG-1 mono frame: the 4-byte header and 17 bytes of side info. */
const INFO_OFFSET_MONO = 21;
/** ffmpeg's Xing tag (Info, flags, frames, bytes, seek table, quality, LAME extension) is this long. */
const INFO_TAG_BYTES = 156;
const TOC_BYTES = 100;
/** The LAME extension's encoder delay and end padding (12 bits each), from the tag's start. */
const DELAY_PADDING_AT = 141;
/** ffmpeg's muxer keeps this many byte positions for the seek table, halving them as the file grows. */
const SEEK_BAGS = 400;
/** The tag's own CRC covers the frame's first 190 bytes. */
const TAG_CRC_SPAN = 190;

export class Mp3SpliceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Mp3SpliceError';
  }
}

/** Byte offsets of an MPEG-1 Layer III file's frames (no ID3 tag: the mastering pass writes none), Info frame first. */
function mp3FrameOffsets(data: Buffer): number[] {
  const offsets: number[] = [];
  let at = 0;
  while (at + 4 <= data.length) {
    if (data[at] !== 0xff || (data[at + 1] & 0xfe) !== 0xfa)
      throw new Mp3SpliceError(`no MPEG-1 Layer III frame at byte ${at}`);
    const kbps = MPEG1_LAYER3_KBPS[data[at + 2] >> 4];
    const rate = MPEG1_RATES_HZ[(data[at + 2] >> 2) & 3];
    if (!kbps || !rate) throw new Mp3SpliceError(`a frame of another bit rate or sample rate at byte ${at}`);
    offsets.push(at);
    at += Math.floor((144_000 * kbps) / rate) + ((data[at + 2] >> 1) & 1);
  }
  if (at !== data.length) throw new Mp3SpliceError('the file ends inside a frame');
  return offsets;
}

/** Whether every frame holds its own data (no bit reservoir): the first frame, the Info frame, is not audio. */
function framesStandAlone(data: Buffer, offsets: number[]): boolean {
  return offsets.slice(1).every((at) => {
    const sideInfo = at + 4 + ((data[at + 1] & 1) === 0 ? 2 : 0);
    return ((data[sideInfo] << 1) | (data[sideInfo + 1] >> 7)) === 0;
  });
}

/**
 * The stored MP3's Info frame and audio frames 0 … keepFrames − 1, then the region's audio frames from skipFrames on.
 * Both files must be mono MPEG-1 Layer III with an Info frame and frames that stand alone.
 */
export function spliceMp3(stored: Buffer, keepFrames: number, region: Buffer, skipFrames: number): Buffer {
  const storedFrames = mp3FrameOffsets(stored);
  const regionFrames = mp3FrameOffsets(region);
  for (const [data, frames] of [
    [stored, storedFrames],
    [region, regionFrames],
  ] as const) {
    if (!hasInfoTag(data)) throw new Mp3SpliceError('an MP3 without an Info frame');
    if (!framesStandAlone(data, frames)) throw new Mp3SpliceError('an MP3 encoded with the bit reservoir');
  }
  const header = (data: Buffer, at: number) => data.readUInt32BE(at) & 0xfffffdff;
  if (header(stored, storedFrames[1] ?? 0) !== header(region, regionFrames[1] ?? 0))
    throw new Mp3SpliceError('the MP3s differ in bit rate, sample rate or mode');
  if (keepFrames < 1 || keepFrames + 1 > storedFrames.length)
    throw new Mp3SpliceError('the cut is past the stored MP3');
  if (skipFrames < 1 || skipFrames + 1 >= regionFrames.length)
    throw new Mp3SpliceError('the region has no frames to keep');
  const joined = Buffer.concat([
    stored.subarray(0, storedFrames[1 + keepFrames]),
    region.subarray(regionFrames[1 + skipFrames]),
  ]);
  const info = INFO_OFFSET_MONO;
  // The encoder's delay is the stored file's (both encodes start alike); the end padding is the region's, whose end
  // is the joined file's.
  const delay = stored.readUIntBE(info + DELAY_PADDING_AT, 3) >> 12;
  const padding = region.readUIntBE(info + DELAY_PADDING_AT, 3) & 0xfff;
  writeInfoTag(joined, delay, padding);
  return joined;
}

function hasInfoTag(data: Buffer): boolean {
  return data[3] >> 6 === 3 && data.toString('latin1', INFO_OFFSET_MONO, INFO_OFFSET_MONO + 4) === 'Info';
}

/** Writes the Info frame's counts, seek table, delay and padding, music length and CRCs as ffmpeg's muxer does. */
function writeInfoTag(data: Buffer, delay: number, padding: number): void {
  const offsets = mp3FrameOffsets(data);
  const info = INFO_OFFSET_MONO;
  const audioFrames = offsets.length - 1;
  data.writeUInt32BE(audioFrames, info + 8);
  data.writeUInt32BE(data.length, info + 12);
  const bags = seekBags(offsets, data.length);
  const toc = info + 16;
  data[toc] = 0;
  for (let i = 1; i < TOC_BYTES; i++) {
    const position = bags.positions[Math.floor((i * bags.filled) / TOC_BYTES)];
    data[toc + i] = Math.min(255, Math.floor((256 * position) / data.length));
  }
  data.writeUIntBE((delay << 12) + padding, info + DELAY_PADDING_AT, 3);
  data.writeUInt32BE(data.length, info + INFO_TAG_BYTES - 8);
  data.writeUInt16BE(crc16(data.subarray(offsets[1] ?? data.length)), info + INFO_TAG_BYTES - 4);
  // The muxer takes the tag's CRC before it writes it: over the frame with those two bytes still zero.
  data.writeUInt16BE(0, info + INFO_TAG_BYTES - 2);
  data.writeUInt16BE(crc16(data.subarray(0, TAG_CRC_SPAN)), info + INFO_TAG_BYTES - 2);
}

/** The byte positions ffmpeg's muxer keeps for the seek table (mp3_xing_add_frame): every `want`-th frame's end. */
function seekBags(offsets: number[], length: number): { positions: number[]; filled: number } {
  const positions: number[] = [];
  let want = 1;
  let seen = 0;
  let filled = 0;
  for (let frame = 1; frame < offsets.length; frame++) {
    seen++;
    if (seen !== want) continue;
    positions[filled] = frame + 1 < offsets.length ? offsets[frame + 1] : length;
    if (++filled === SEEK_BAGS) {
      for (let i = 1; i < SEEK_BAGS; i += 2) positions[i >> 1] = positions[i];
      want *= 2;
      filled = SEEK_BAGS / 2;
    }
    seen = 0;
  }
  return { positions, filled };
}

/** CRC-16 (polynomial 0x8005, reflected, initial 0): ffmpeg's AV_CRC_16_ANSI_LE. */
function crc16(bytes: Buffer): number {
  let crc = 0;
  for (const byte of bytes) {
    crc ^= byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ 0xa001 : crc >>> 1;
  }
  return crc;
}
