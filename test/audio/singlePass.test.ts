/**
 * One pass per chapter: the levels metered while segments arrive predict the render's gain, and the measurements the
 * render pass takes on its own stream describe the master and every encoding written from it, as a full decode of
 * each finished file shows (which production never does).
 */
import path from 'node:path';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { createFfmpegToolchain, measureLoudness } from '../../adapters/audio';
import { meterWavFile } from '../../adapters/audio/levelTap';
import { LoudnessMeter, combineMeasurements } from '../../core/audio/loudnessMeter';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { MasteredChapter } from '../../core/ports/audio';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { makeTempDir, speak } from './helpers';

const audio = createFfmpegToolchain();

describe('single-pass mastering', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let segmentFiles: { path: string; pauseAfterMs: number }[];
  let mastered: MasteredChapter;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('single-pass'));
    const synthesizer = new EspeakSynthesizer();
    const lines: [string, string][] = [
      ['en-GB-EspeakMale1', 'Chapter Four.'],
      [
        'en-GB-EspeakMale1',
        'When Jane and Elizabeth were alone, the former, who had been cautious in her praise before, expressed to her ' +
          'sister just how very much she admired him.',
      ],
      [
        'en-GB-EspeakFemale1',
        '"He is just what a young man ought to be," said she, "sensible, good-humoured, lively."',
      ],
      ['en-GB-EspeakMale2', '"He is also handsome," replied Elizabeth, "which a young man ought likewise to be."'],
    ];
    segmentFiles = [];
    try {
      for (const [index, [voice, text]] of lines.entries()) {
        const file = path.join(dir, `segment-${index}.wav`);
        await synthesizer.synthesize(
          { ssml: speak(voice, text, 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
          file,
        );
        segmentFiles.push({ path: file, pauseAfterMs: index === 0 ? 1500 : 600 });
      }
    } finally {
      await synthesizer.close();
    }
    mastered = await audio.masterChapter(
      {
        segmentFiles,
        headRoomToneMs: 750,
        tailRoomToneMs: 2500,
        target: DEFAULT_MASTERING_TARGET,
        encodings: {
          mp3: { file: path.join(dir, 'chapter.mp3'), bitrateKbps: 192 },
          aac: { file: path.join(dir, 'chapter.m4a'), bitrateKbps: 64 },
        },
        workDir: dir,
      },
      path.join(dir, 'master.flac'),
    );
  }, 120_000);
  afterAll(() => cleanup());

  it('the meter agrees with ffmpeg’s EBU R128 and RMS on the same audio', async () => {
    const meter = new LoudnessMeter();
    const listed: string[] = [];
    for (const [index, segment] of segmentFiles.entries()) {
      await meterWavFile(segment.path, meter);
      listed.push(`file '${path.basename(segment.path)}'`);
      if (index < segmentFiles.length - 1) {
        meter.pushSilence(segment.pauseAfterMs / 1000);
        const pause = path.join(dir, `pause-${index}.wav`);
        await runFfmpeg([
          '-y',
          '-f',
          'lavfi',
          '-i',
          'anullsrc=r=22050:cl=mono',
          '-t',
          String(segment.pauseAfterMs / 1000),
          '-c:a',
          'pcm_s16le',
          pause,
        ]);
        listed.push(`file '${path.basename(pause)}'`);
      }
    }
    const joined = path.join(dir, 'joined.wav');
    await import('node:fs/promises').then((fs) => fs.writeFile(path.join(dir, 'list.txt'), listed.join('\n')));
    await runFfmpeg(['-y', '-f', 'concat', '-safe', '1', '-i', path.join(dir, 'list.txt'), '-c', 'copy', joined]);
    const ours = meter.result();
    const ffmpeg = await measureLoudness(joined);
    expect(Math.abs(ours.integratedLufs! - ffmpeg.integratedLufs!)).toBeLessThan(0.3);
    expect(Math.abs(ours.rmsDb! - ffmpeg.rmsDb!)).toBeLessThan(0.1);
    expect(Math.abs(ours.peakDb - ffmpeg.peakDb!)).toBeLessThan(0.01);
    expect(ours.durationSec).toBeCloseTo(ffmpeg.durationSec, 1);
  });

  it('lands on the targets in one render (the gain is known before it)', () => {
    const { integratedLufs, rmsDb, truePeakDb } = mastered.measured;
    // Within the 1 dB a render is kept at (the limiter takes a little of the gain) of the loudness target, or up to
    // 2 LU over it where the pauses would pull RMS under its floor (−21.5 dB); well inside ACX's −23…−18 dB either way.
    expect(integratedLufs!).toBeGreaterThan(DEFAULT_MASTERING_TARGET.integratedLufs - 1);
    expect(integratedLufs!).toBeLessThan(DEFAULT_MASTERING_TARGET.integratedLufs + 2.5);
    expect(rmsDb!).toBeGreaterThan(-22.5);
    expect(rmsDb!).toBeLessThan(-18);
    expect(truePeakDb!).toBeLessThanOrEqual(DEFAULT_MASTERING_TARGET.truePeakDb);
  });

  it.each([
    ['master.flac', 0.05],
    ['chapter.mp3', 0.4],
    ['chapter.m4a', 0.5],
  ])('the pass’s measurements describe %s (checked here by decoding it)', async (name, tolerance) => {
    const decoded = await measureLoudness(path.join(dir, name));
    const pass = mastered.measured;
    expect(Math.abs(decoded.rmsDb! - pass.rmsDb!)).toBeLessThan(tolerance);
    expect(Math.abs(decoded.integratedLufs! - pass.integratedLufs!)).toBeLessThan(tolerance);
    expect(Math.abs(decoded.noiseFloorDb! - pass.noiseFloorDb!)).toBeLessThan(2);
    // The limiter's margin covers what the lossy encoders add to the true peak: still under ACX's −3 dB.
    expect(decoded.truePeakDb!).toBeLessThanOrEqual(-3);
    expect(Math.abs(decoded.headSilenceMs - pass.headSilenceMs)).toBeLessThan(80);
    expect(Math.abs(decoded.tailSilenceMs - pass.tailSilenceMs)).toBeLessThan(80);
    expect(decoded.durationSec).toBeCloseTo(mastered.durationSec, 0);
  });

  it('an M4B joined from chapters’ AAC by stream copy plays every chapter where its marker says', async () => {
    const out = path.join(dir, 'book.m4b');
    const chapters = ['One', 'Two', 'Three'].map((title) => ({ title, file: path.join(dir, 'chapter.m4a') }));
    const result = await audio.encodeM4b({ chapters, out, tags: { title: 'Joined' }, workDir: dir });
    expect(result.loudness).toBeUndefined();
    const probed = await audio.probe(out);
    expect(probed.audio).toMatchObject({ codecName: 'aac', sampleRateHz: 44100, channels: 1 });
    expect(probed.chapters.map((c) => c.title)).toEqual(['One', 'Two', 'Three']);
    // Each chapter's speech starts after its 0.75 s of room tone: just after the marker, never before it.
    for (const chapter of probed.chapters.slice(1)) {
      const before = await measureLoudness(out, { startSec: chapter.startSec - 0.6, durationSec: 0.5 });
      const after = await measureLoudness(out, { startSec: chapter.startSec + 0.1, durationSec: 0.5 });
      expect(before.peakDb!).toBeLessThan(-45);
      expect(after.peakDb!).toBeLessThan(-45);
      const speech = await measureLoudness(out, { startSec: chapter.startSec + 0.8, durationSec: 1 });
      expect(speech.peakDb!).toBeGreaterThan(-20);
    }
    const whole = await measureLoudness(out);
    const combined: LoudnessMeasurement = combineMeasurements([0, 1, 2].map(() => mastered.measured));
    expect(Math.abs(whole.rmsDb! - combined.rmsDb!)).toBeLessThan(0.5);
    expect(whole.durationSec).toBeCloseTo(result.durationSec, 0);
  });
});

describe('combined measurements of files played one after another', () => {
  const part = (overrides: Partial<LoudnessMeasurement>): LoudnessMeasurement => ({
    integratedLufs: -20,
    loudnessRangeLu: 4,
    truePeakDb: -4,
    rmsDb: -21,
    peakDb: -5,
    noiseFloorDb: -66,
    headSilenceMs: 750,
    tailSilenceMs: 2500,
    durationSec: 100,
    ...overrides,
  });

  it('averages energy by duration, keeps the highest peaks, the quietest floor and the outer room tone', () => {
    const combined = combineMeasurements([
      part({ rmsDb: -20, truePeakDb: -3.6, headSilenceMs: 600, durationSec: 300 }),
      part({ rmsDb: -23, peakDb: -4.2, noiseFloorDb: -70, tailSilenceMs: 1300, durationSec: 100 }),
    ]);
    expect(combined.rmsDb).toBeCloseTo(10 * Math.log10((3 * 10 ** -2 + 10 ** -2.3) / 4), 6);
    expect(combined).toMatchObject({
      truePeakDb: -3.6,
      peakDb: -4.2,
      noiseFloorDb: -70,
      headSilenceMs: 600,
      tailSilenceMs: 1300,
      durationSec: 400,
    });
  });
});
