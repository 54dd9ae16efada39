/**
 * A FLAC file's stream facts (sample rate, channels, bit depth, samples, duration) from its STREAMINFO block, read
 * without starting ffprobe: every chapter master is a FLAC, and its duration was asked of an ffprobe process each time
 * a package cut a sample or a part from it. Only the plain case is read (the file starts with `fLaC` and states its
 * sample count); anything else returns undefined and is left to ffprobe.
 */
import { open } from 'node:fs/promises';

export interface FlacInfo {
  sampleRateHz: number;
  channels: number;
  bitsPerSample: number;
  totalSamples: number;
  durationSec: number;
}

/** The `fLaC` marker, one metadata block header and the 34 bytes of STREAMINFO. */
const HEAD_BYTES = 4 + 4 + 34;
const STREAMINFO = 0;

export async function readFlacInfo(file: string): Promise<FlacInfo | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, HEAD_BYTES, 0);
    return parseFlacHead(head.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

export function parseFlacHead(head: Buffer): FlacInfo | undefined {
  if (head.length < HEAD_BYTES || head.toString('latin1', 0, 4) !== 'fLaC') return undefined;
  if ((head[4] & 0x7f) !== STREAMINFO || head.readUIntBE(5, 3) !== 34) return undefined;
  // STREAMINFO after its block sizes and frame sizes (10 bytes): rate 20 bits, channels − 1 3 bits, bits − 1 5 bits,
  // samples 36 bits.
  const at = 8 + 10;
  const sampleRateHz = (head[at] << 12) | (head[at + 1] << 4) | (head[at + 2] >> 4);
  const channels = ((head[at + 2] >> 1) & 0x07) + 1;
  const bitsPerSample = (((head[at + 2] & 0x01) << 4) | (head[at + 3] >> 4)) + 1;
  const totalSamples = (head[at + 3] & 0x0f) * 2 ** 32 + head.readUInt32BE(at + 4);
  // A writer that could not seek back (a FLAC written to a pipe) leaves the count at 0: ffprobe estimates that one.
  if (sampleRateHz === 0 || totalSamples === 0) return undefined;
  return { sampleRateHz, channels, bitsPerSample, totalSamples, durationSec: totalSamples / sampleRateHz };
}
