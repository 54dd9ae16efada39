/**
 * Every MP3 the platform writes is encoded without LAME's bit reservoir (docs/audio-pipeline.md, "Re-rendering only
 * the region that changed"), so frames of another encode of the same samples can follow a stored file's frames: each
 * frame holds all of its own data (`main_data_begin` 0), and a region encoded from a frame boundary, its first frames
 * thrown away, splices into the chapter's MP3 without a click. With the reservoir the first frame kept from the region
 * is decoded from bytes of the other encode.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { lameCbrArgs } from '../../adapters/audio/mp3Encoding';
import { Mp3SpliceError, spliceMp3 } from '../../adapters/audio/mp3Splice';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { makeTempDir, speak } from './helpers';

const LINES = [
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.',
  'However little known the feelings or views of such a man may be on his first entering a neighbourhood,',
  'this truth is so well fixed in the minds of the surrounding families,',
  'that he is considered the rightful property of some one or other of their daughters.',
];

const SAMPLES_PER_FRAME = 1152;
const RATE = 44100;
/** Frames the region's encode starts before the cut and that are thrown away (the encoder's own start-up). */
const PRE_ROLL_FRAMES = 4;
/** Around a splice means within 50 ms of it. */
const AROUND_SAMPLES = Math.round(RATE * 0.05);
/**
 * The doc's threshold for a clean splice: the difference from the whole render peaks under the room tone's peak
 * (−54.5 dBFS) and its RMS stays 6 dB under the room tone's RMS (−65.5 dBFS).
 */
const MAX_PEAK_DBFS = -54.5;
const MAX_RMS_DBFS = -71.5;

const MPEG1_LAYER3_KBPS = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];

/** Byte offsets of the MPEG-1 Layer III frames of a file that starts with one (no ID3 tag), its Info frame first. */
function frameOffsets(data: Buffer): number[] {
  const offsets: number[] = [];
  let at = 0;
  while (at + 4 <= data.length && data[at] === 0xff && (data[at + 1] & 0xfe) === 0xfa) {
    offsets.push(at);
    const kbps = MPEG1_LAYER3_KBPS[data[at + 2] >> 4];
    const sampleRate = [44100, 48000, 32000][(data[at + 2] >> 2) & 3];
    at += Math.floor((144_000 * kbps) / sampleRate) + ((data[at + 2] >> 1) & 1);
  }
  expect(at).toBe(data.length);
  return offsets;
}

/** Each frame's `main_data_begin`: how many bytes of its data sit in the frames before it. */
function mainDataBegins(data: Buffer): number[] {
  return frameOffsets(data).map((at) => {
    const sideInfo = at + 4 + ((data[at + 1] & 1) === 0 ? 2 : 0);
    return (data[sideInfo] << 1) | (data[sideInfo + 1] >> 7);
  });
}

async function decode(file: string): Promise<Int16Array> {
  const raw = `${file}.raw`;
  await runFfmpeg(['-y', '-i', file, '-f', 's16le', '-ac', '1', '-ar', String(RATE), raw]);
  const bytes = await readFile(raw);
  return new Int16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

const dbfs = (amplitude: number) => 20 * Math.log10(amplitude / 32768);

describe('MP3 without the bit reservoir', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let master: string;
  let wholeMp3: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mp3-splice'));
    const synthesizer = new EspeakSynthesizer();
    const segmentFiles: { path: string; pauseAfterMs: number }[] = [];
    try {
      for (const [index, line] of LINES.entries()) {
        const file = path.join(dir, `segment-${index}.wav`);
        await synthesizer.synthesize(
          { ssml: speak('en-GB-EspeakMale1', line, 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
          file,
        );
        segmentFiles.push({ path: file, pauseAfterMs: 500 });
      }
    } finally {
      await synthesizer.close();
    }
    master = path.join(dir, 'master.wav');
    wholeMp3 = path.join(dir, 'whole.mp3');
    await createFfmpegToolchain().masterChapter(
      {
        segmentFiles,
        headRoomToneMs: 750,
        tailRoomToneMs: 1000,
        target: DEFAULT_MASTERING_TARGET,
        encodings: { mp3: { file: wholeMp3, bitrateKbps: 192 } },
        workDir: dir,
      },
      master,
    );
  }, 120_000);
  afterAll(() => cleanup());

  it('every frame of the chapter render’s MP3 and of a packaging encode holds its own data', async () => {
    const packaged = path.join(dir, 'packaged.mp3');
    await createFfmpegToolchain().encodeMp3Cbr(master, packaged, { bitrateKbps: 192 });
    const packagedBytes = await readFile(packaged);
    // The packaging encode writes an ID3v2 tag first; its frames start after it.
    const tagSize =
      packagedBytes.toString('latin1', 0, 3) === 'ID3'
        ? 10 + ((packagedBytes[6] << 21) | (packagedBytes[7] << 14) | (packagedBytes[8] << 7) | packagedBytes[9])
        : 0;
    for (const bytes of [await readFile(wholeMp3), packagedBytes.subarray(tagSize)]) {
      const begins = mainDataBegins(bytes);
      expect(begins.length).toBeGreaterThan(700);
      expect(begins.filter((begin) => begin !== 0).length).toBe(0);
    }
  }, 60_000);

  it('a region encoded from a frame boundary splices into the chapter’s MP3 without a click', async () => {
    const whole = await readFile(wholeMp3);
    const wholeFrames = frameOffsets(whole);
    const decodedWhole = await decode(wholeMp3);
    // Cuts in the middle of speech (the hardest place: a pause's room tone would hide a wrong frame).
    for (const cutFrame of [300, 500, 700]) {
      const startSample = (cutFrame - PRE_ROLL_FRAMES) * SAMPLES_PER_FRAME;
      const regionMp3 = path.join(dir, `region-${cutFrame}.mp3`);
      await runFfmpeg([
        '-y',
        '-i',
        master,
        '-af',
        `atrim=start_sample=${startSample}`,
        ...lameCbrArgs(192),
        '-write_xing',
        '1',
        '-id3v2_version',
        '0',
        '-map_metadata',
        '-1',
        '-f',
        'mp3',
        regionMp3,
      ]);
      const region = await readFile(regionMp3);
      const regionFrames = frameOffsets(region);
      // Frame 0 of each file is its Info frame: audio frame n is frames[n + 1].
      const spliced = Buffer.concat([
        whole.subarray(0, wholeFrames[1 + cutFrame]),
        region.subarray(regionFrames[1 + PRE_ROLL_FRAMES]),
      ]);
      const splicedMp3 = path.join(dir, `spliced-${cutFrame}.mp3`);
      await writeFile(splicedMp3, spliced);
      const decodedSpliced = await decode(splicedMp3);
      expect(decodedSpliced.length).toBe(decodedWhole.length);

      // The decoded audio lags the frames by the encoder's delay (1,105 samples), which the Info frame trims.
      const splicedAt = cutFrame * SAMPLES_PER_FRAME - 1105;
      let peak = 0;
      let sumSquares = 0;
      for (let i = splicedAt - AROUND_SAMPLES; i < splicedAt + AROUND_SAMPLES; i++) {
        const difference = Math.abs(decodedSpliced[i] - decodedWhole[i]);
        peak = Math.max(peak, difference);
        sumSquares += difference * difference;
      }
      expect({ cutFrame, peakUnder: dbfs(peak) < MAX_PEAK_DBFS }).toEqual({ cutFrame, peakUnder: true });
      const rms = Math.sqrt(sumSquares / (2 * AROUND_SAMPLES));
      expect({ cutFrame, rmsUnder: dbfs(rms) < MAX_RMS_DBFS }).toEqual({ cutFrame, rmsUnder: true });
    }
  }, 120_000);

  it('a file joined to itself comes out byte for byte: the Info frame is written as the muxer writes it', async () => {
    const whole = await readFile(wholeMp3);
    for (const cutFrame of [1, 300, 700]) expect(spliceMp3(whole, cutFrame, whole, cutFrame).equals(whole)).toBe(true);
  });

  it('refuses an MP3 whose frames use the bit reservoir', async () => {
    const withReservoir = path.join(dir, 'reservoir.mp3');
    await runFfmpeg([
      ...['-y', '-i', master, '-c:a', 'libmp3lame', '-b:a', '192k', '-compression_level', '7'],
      ...['-write_xing', '1', '-id3v2_version', '0', '-map_metadata', '-1', '-f', 'mp3', withReservoir],
    ]);
    const whole = await readFile(wholeMp3);
    expect(() => spliceMp3(whole, 300, readFileSync(withReservoir), 4)).toThrow(Mp3SpliceError);
  }, 60_000);
});
