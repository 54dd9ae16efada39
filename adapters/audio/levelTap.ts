/**
 * Measures 16-bit PCM WAV audio while it streams past (from blob storage to a temp file, say): the bytes go through
 * unchanged and feed a LoudnessMeter, so knowing a chapter's levels costs no extra read or decode of its audio.
 */
import { createReadStream } from 'node:fs';
import { Transform, Writable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import { parseWavHeader } from './wavHeader';

const MAX_HEADER_BYTES = 64 * 1024;

export class WavLevelTap extends Transform {
  private header: Buffer | undefined = Buffer.alloc(0);
  private rate = 0;
  private remainingData = 0;
  /** A byte left over from an odd-sized chunk: samples are two bytes. */
  private carry: Buffer | undefined;

  constructor(private readonly meter: LoudnessMeter) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback(null, chunk);
    } catch (error) {
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    callback(this.header ? new Error('the audio ended before its WAVE header did') : null);
  }

  private consume(chunk: Buffer): void {
    if (this.header) {
      const buffered = Buffer.concat([this.header, chunk]);
      let info;
      try {
        info = parseWavHeader(buffered, Number.MAX_SAFE_INTEGER);
      } catch (error) {
        if (buffered.length < MAX_HEADER_BYTES) {
          this.header = buffered;
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

/** Meters a WAV file already on disk (a caller that did not measure while downloading). */
export async function meterWavFile(file: string, meter: LoudnessMeter): Promise<void> {
  // The tap meters; the bytes themselves are not needed here.
  const discard = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(createReadStream(file, { highWaterMark: 1 << 20 }), new WavLevelTap(meter), discard);
}
