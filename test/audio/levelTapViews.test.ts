/**
 * The level tap meters each chunk of a download in place: the samples it hands the meter are a view of the chunk's
 * own bytes, not a copy (a copy per chunk doubled the memory every segment download allocated). Chunks that start on
 * an odd byte or split a sample still meter exactly what one push of the whole audio does. Files on disk are read
 * into one buffer their caller reuses, metered in place too.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { meterReadBuffer, meterWavFile, WavLevelTap } from '../../adapters/audio/levelTap';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import { pcmWav } from '../support/wav';

const RATE = 22_050;

class RecordingMeter extends LoudnessMeter {
  readonly pushed: Int16Array[] = [];
  override push(pcm: Int16Array, rate: number): void {
    this.pushed.push(pcm);
    super.push(pcm, rate);
  }
}

/** A 16-bit mono PCM WAV of a tone with a little variety in level. */
function toneWav(seconds: number): { wav: Buffer; samples: Int16Array } {
  const samples = new Int16Array(Math.round(seconds * RATE));
  for (let i = 0; i < samples.length; i++)
    samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / RATE) * (1 + Math.sin(i / RATE)) * 0.5);
  return { wav: pcmWav(samples, RATE), samples };
}

/** Runs `chunks` through a tap into `meter`, discarding the bytes. */
async function tap(chunks: Buffer[], meter: LoudnessMeter): Promise<void> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(Readable.from(chunks), new WavLevelTap(meter), sink);
}

describe('the level tap', () => {
  it('meters each chunk after the header as a view of that chunk’s own bytes', async () => {
    const { wav } = toneWav(3);
    // As a socket delivers them: each chunk in a buffer of its own, starting at offset 0.
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < wav.length; offset += 64 * 1024)
      chunks.push(Buffer.from(wav.subarray(offset, offset + 64 * 1024)));
    const meter = new RecordingMeter();
    await tap(chunks, meter);
    expect(meter.pushed).toHaveLength(chunks.length);
    for (let i = 1; i < chunks.length; i++) {
      expect(meter.pushed[i]!.buffer).toBe(chunks[i]!.buffer);
      expect(meter.pushed[i]!.byteOffset).toBe(chunks[i]!.byteOffset);
    }
  });

  it('meters odd-sized chunks at odd offsets exactly as one push of the whole audio', async () => {
    const { wav, samples } = toneWav(2);
    // One pooled buffer, sliced into 1,001-byte chunks: every other chunk starts on an odd byte and splits a sample.
    const pooled = Buffer.concat([Buffer.alloc(1), wav]).subarray(1);
    const chunks: Buffer[] = [];
    for (let offset = 0; offset < pooled.length; offset += 1001) chunks.push(pooled.subarray(offset, offset + 1001));
    const tapped = new LoudnessMeter();
    await tap(chunks, tapped);
    const whole = new LoudnessMeter();
    whole.push(samples, RATE);
    const { durationSec, ...levels } = tapped.result();
    const { durationSec: wholeDurationSec, ...wholeLevels } = whole.result();
    expect(levels).toEqual(wholeLevels);
    // Durations add up chunk by chunk: equal but for the last bits of a sum of fractions.
    expect(durationSec).toBeCloseTo(wholeDurationSec, 9);
  });

  it('meters files one after another through one buffer, each exactly as one push of its audio', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'khipu-level-files-'));
    try {
      const buffer = meterReadBuffer();
      for (const seconds of [9, 2.5, 14]) {
        const { wav, samples } = toneWav(seconds);
        const file = path.join(dir, `${seconds}.wav`);
        await writeFile(file, wav);
        const metered = new RecordingMeter();
        await meterWavFile(file, metered, buffer);
        // Every read lands in the caller's buffer: no file's audio gets a buffer of its own.
        expect(metered.pushed.every((pcm) => pcm.buffer === buffer.buffer)).toBe(true);
        const whole = new LoudnessMeter();
        whole.push(samples, RATE);
        const { durationSec, ...levels } = metered.result();
        const { durationSec: wholeDurationSec, ...wholeLevels } = whole.result();
        expect(levels).toEqual(wholeLevels);
        expect(durationSec).toBeCloseTo(wholeDurationSec, 9);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
