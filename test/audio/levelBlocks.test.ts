/**
 * The chapter render keeps what its levels are made of (core/audio/levelBlocks.ts): the 400 ms blocks and 3 s windows
 * every 100 ms, the true peak so far, and every 500 ms window's RMS and peak, read from the one measurement pass. The
 * levels recombined from a chapter's first half and its second half, each measured on its own, are the levels of the
 * chapter measured whole; and the blocks give the figures the pass reports.
 */
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { levelBlocksBytes, LevelBlocksFormatError, readLevelBlocks } from '../../adapters/audio/levelBlocksFile';
import { measureLevels } from '../../adapters/audio/measure';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import {
  LEVEL_LEAD_SEC,
  LEVEL_WINDOW_SEC,
  levelsOfBlocks,
  recombineLevels,
  type BlockLevels,
} from '../../core/audio/levelBlocks';
import { DEFAULT_MASTERING_TARGET, MASTER_SAMPLE_RATE_HZ } from '../../core/audio/masteringTarget';
import type { MasteredChapter } from '../../core/ports/audio';
import { makeTempDir, speak } from './helpers';

// Lines of different loudness and length, so the gates and the range have something to do.
const LINES = [
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.',
  '<prosody volume="-12dB">However little known the feelings or views of such a man may be</prosody>',
  'on his first entering a neighbourhood, this truth is so well fixed in the minds of the surrounding families,',
  '<prosody volume="+6dB">that he is considered the rightful property</prosody> of some one or other of their daughters.',
  '“My dear Mr. Bennet,” said his lady to him one day, “have you heard that Netherfield Park is let at last?”',
];

/** Within 0.05 LU / 0.05 dB: the recombination must measure what the whole file measures. */
const TOLERANCE = 0.05;

function expectClose(actual: BlockLevels, expected: BlockLevels, tolerance: number): void {
  for (const key of ['integratedLufs', 'loudnessRangeLu', 'truePeakDb', 'rmsDb', 'peakDb', 'noiseFloorDb'] as const) {
    const [a, e] = [actual[key], expected[key]];
    expect({ key, known: a !== null }).toEqual({ key, known: e !== null });
    expect({ key, within: Math.abs(a! - e!) <= tolerance }).toEqual({ key, within: true });
  }
  expect(Math.abs(actual.durationSec - expected.durationSec)).toBeLessThan(1e-6);
}

describe('level blocks of a chapter render', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let master: string;
  let mastered: MasteredChapter;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('level-blocks'));
    const synthesizer = new EspeakSynthesizer();
    const segmentFiles: { path: string; pauseAfterMs: number }[] = [];
    try {
      for (const [index, line] of LINES.entries()) {
        const file = path.join(dir, `segment-${index}.wav`);
        await synthesizer.synthesize(
          { ssml: speak('en-GB-EspeakFemale1', line, 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
          file,
        );
        segmentFiles.push({ path: file, pauseAfterMs: 700 });
      }
    } finally {
      await synthesizer.close();
    }
    master = path.join(dir, 'master.wav');
    mastered = await createFfmpegToolchain().masterChapter(
      {
        segmentFiles,
        headRoomToneMs: 750,
        tailRoomToneMs: 1000,
        target: DEFAULT_MASTERING_TARGET,
        workDir: dir,
      },
      master,
    );
  }, 120_000);
  afterAll(() => cleanup());

  it('the render’s blocks give the figures its pass reports', () => {
    const { levels, measured } = mastered;
    expect(levels.momentaryLufs.length).toBe(Math.floor(measured.durationSec * 10));
    expect(levels.shortTermLufs.length).toBe(levels.momentaryLufs.length);
    expect(levels.truePeakSoFarDb.length).toBe(levels.momentaryLufs.length);
    expect(levels.windowRmsDb.length).toBe(Math.ceil(measured.durationSec / LEVEL_WINDOW_SEC));
    expect(levels.windowPeakDb.length).toBe(levels.windowRmsDb.length);
    const fromBlocks = levelsOfBlocks(levels);
    // ebur128 prints its summary (integrated, range, true peak) to a tenth and its true peak per block to a thousandth
    // of full scale; astats's figures in full.
    expectClose(fromBlocks, measured, 0.07);
    for (const key of ['rmsDb', 'peakDb', 'noiseFloorDb'] as const)
      expect(Math.abs(fromBlocks[key]! - measured[key]!)).toBeLessThan(1e-5);
  });

  it('recombining the two halves of a rendered chapter equals measuring it whole', async () => {
    const whole = await measureLevels(master, { blocksDir: dir });
    // The whole file measured again gives the render's own blocks.
    expect({ ...whole.blocks, durationSec: 0 }).toEqual({ ...mastered.levels, durationSec: 0 });

    for (const fraction of [0.3, 0.5, 0.8]) {
      const joinSec = Math.round((mastered.durationSec * fraction) / LEVEL_WINDOW_SEC) * LEVEL_WINDOW_SEC;
      const start = path.join(dir, `start-${fraction}.wav`);
      const region = path.join(dir, `region-${fraction}.wav`);
      const samplesAt = (sec: number) => Math.round(sec * MASTER_SAMPLE_RATE_HZ);
      await runFfmpeg(['-y', '-i', master, '-af', `atrim=end_sample=${samplesAt(joinSec)}`, start]);
      await runFfmpeg(['-y', '-i', master, '-af', `atrim=start_sample=${samplesAt(joinSec - LEVEL_LEAD_SEC)}`, region]);
      const recombined = recombineLevels(
        await measureLevels(start, { blocksDir: dir }),
        await measureLevels(region, { blocksDir: dir }),
        joinSec,
      );

      expectClose(recombined.measured, levelsOfBlocks(whole.blocks), TOLERANCE);
      expect(recombined.measured.headSilenceMs).toBe(whole.measured.headSilenceMs);
      expect(Math.abs(recombined.measured.tailSilenceMs - whole.measured.tailSilenceMs)).toBeLessThanOrEqual(1);
      // Block for block the whole file's, so a later region joins these as it would the whole file's.
      expect(recombined.blocks.momentaryLufs).toEqual(whole.blocks.momentaryLufs);
      expect(recombined.blocks.windowRmsDb).toEqual(whole.blocks.windowRmsDb);
    }
  }, 120_000);

  it('the stored form reads back as the blocks, and anything else is refused', () => {
    const stored = levelBlocksBytes(mastered.levels);
    const read = readLevelBlocks(stored);
    expect(read.durationSec).toBe(mastered.levels.durationSec);
    expect(levelsOfBlocks(read).integratedLufs).toBeCloseTo(levelsOfBlocks(mastered.levels).integratedLufs!, 3);
    expect(read.windowRmsDb).toEqual(
      mastered.levels.windowRmsDb.map((v) => (v === null ? null : Math.round(v * 1000) / 1000)),
    );
    // Some 70 bytes a second of audio.
    expect(stored.length).toBeLessThan(mastered.durationSec * 100);
    expect(() => readLevelBlocks(Buffer.from('{"format":"khipu.levelBlocks.v1"}'))).toThrow(LevelBlocksFormatError);
  });
});
