/**
 * Measures 16-bit PCM WAV audio while it streams past (from blob storage to a temp file, say): the bytes go through
 * unchanged and feed a LoudnessMeter, so knowing a chapter's levels costs no extra read or decode of its audio.
 */
import { open } from 'node:fs/promises';
import { Transform, type TransformCallback } from 'node:stream';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import { parseWavHeader } from './wavHeader';

const MAX_HEADER_BYTES = 64 * 1024;
/** What `meterWavFile` reads at a time: a quarter of a megabyte is some 6 s of a segment. */
const READ_BYTES = 256 * 1024;

/**
 * The WAV parsing behind the meter, fed chunk by chunk. A chunk is read where it lies and not kept (only a header
 * split across chunks, or an odd byte, is copied), so a caller may hand it the same buffer again once `push` returns.
 */
export class WavLevels {
  private header: Buffer | undefined = Buffer.alloc(0);
  private rate = 0;
  private remainingData = 0;
  /** A byte left over from an odd-sized chunk: samples are two bytes. */
  private carry: Buffer | undefined;

  constructor(private readonly meter: LoudnessMeter) {}

  push(chunk: Buffer): void {
    if (this.header) {
      // Usually the first chunk holds the whole header and is read in place; a header split across chunks is copied.
      const buffered = this.header.length === 0 ? chunk : Buffer.concat([this.header, chunk]);
      let info;
      try {
        info = parseWavHeader(buffered, Number.MAX_SAFE_INTEGER);
      } catch (error) {
        if (buffered.length < MAX_HEADER_BYTES) {
          this.header = Buffer.from(buffered);
          return;
        }
        throw error;
      }
      if (info.audioFormat !== 1 || info.bitsPerSample !== 16 || info.channels !== 1)
        throw new Error('segment audio must be 16-bit mono PCM');
      this.header = undefined;
      this.rate = info.sampleRateHz;
      this.remainingData = info.dataBytes;
      this.feed(buffered.subarray(info.dataOffset));
      return;
    }
    this.feed(chunk);
  }

  /** Throws when the audio ended before its header did. */
  end(): void {
    if (this.header) throw new Error('the audio ended before its WAVE header did');
  }

  private feed(bytes: Buffer): void {
    let data = this.carry ? Buffer.concat([this.carry, bytes]) : bytes;
    this.carry = undefined;
    if (data.length > this.remainingData) data = data.subarray(0, this.remainingData);
    const even = data.length - (data.length % 2);
    if (even < data.length) this.carry = Buffer.from(data.subarray(even));
    if (even === 0) return;
    // The meter reads the chunk's own bytes where it can: a copy of every chunk would double the buffer memory each
    // download allocates (and the garbage collections that memory triggers). Int16Array needs an even byte offset, so
    // a chunk that starts on an odd one (rare: network chunks start at 0) is copied into an aligned buffer.
    let samples: Int16Array;
    if (data.byteOffset % 2 === 0) samples = new Int16Array(data.buffer, data.byteOffset, even / 2);
    else {
      samples = new Int16Array(even / 2);
      Buffer.from(samples.buffer).set(data.subarray(0, even));
    }
    this.meter.push(samples, this.rate);
    this.remainingData -= even;
  }
}

/** The meter as a stream stage: the bytes go through unchanged. */
export class WavLevelTap extends Transform {
  private readonly levels: WavLevels;

  constructor(meter: LoudnessMeter) {
    super();
    this.levels = new WavLevels(meter);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.levels.push(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.levels.end();
      callback(null);
    } catch (error) {
      callback(error as Error);
    }
  }
}

/** A buffer for `meterWavFile` to read into; one per caller that meters files one after another. */
export function meterReadBuffer(): Buffer {
  return Buffer.allocUnsafe(READ_BYTES);
}

/**
 * Meters a WAV file already on disk, read into `buffer` piece by piece: a caller metering many files hands the same
 * buffer to each, so no file's bytes are allocated anew.
 */
export async function meterWavFile(file: string, meter: LoudnessMeter, buffer = meterReadBuffer()): Promise<void> {
  const levels = new WavLevels(meter);
  const handle = await open(file, 'r');
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      levels.push(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  levels.end();
}
