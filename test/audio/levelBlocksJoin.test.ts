/**
 * The pure recombination of level blocks (core/audio/levelBlocks.ts): the gates and the range over known blocks, and
 * the joins it refuses because they would not line up (the caller then measures the whole chapter).
 */
import {
  joinLevelBlocks,
  LEVEL_LEAD_STEPS,
  LevelBlocksMismatchError,
  levelsOfBlocks,
  recombineLevels,
  type LevelBlocks,
} from '../../core/audio/levelBlocks';
import type { LoudnessMeasurement } from '../../core/audio/measurements';

/** `seconds` of blocks at one loudness, windows at one RMS, a true peak of −3 dBTP. */
function steady(seconds: number, lufs: number, rmsDb = lufs): LevelBlocks {
  const steps = Math.round(seconds * 10);
  const windows = Math.ceil(seconds * 2);
  return {
    durationSec: seconds,
    momentaryLufs: Array.from({ length: steps }, (_, k) => (k < 3 ? -120.691 : lufs)),
    shortTermLufs: Array.from({ length: steps }, (_, k) => (k < 29 ? -120.691 : lufs)),
    truePeakSoFarDb: Array.from({ length: steps }, () => -3),
    windowRmsDb: Array.from({ length: windows }, () => rmsDb),
    windowPeakDb: Array.from({ length: windows }, () => -4),
  };
}

const silenceAround = (head: number, tail: number, blocks: LevelBlocks): LoudnessMeasurement => ({
  ...levelsOfBlocks(blocks),
  headSilenceMs: head,
  tailSilenceMs: tail,
});

describe('level blocks', () => {
  it('gate blocks as BS.1770 does and take the range between the 10th and 95th percentiles', () => {
    const blocks = steady(10, -20);
    // A stretch 30 LU under the rest falls under the relative gate; silence under the absolute one.
    blocks.momentaryLufs.splice(40, 20, ...Array.from({ length: 20 }, () => -50));
    blocks.momentaryLufs.splice(60, 10, ...Array.from({ length: 10 }, () => -120));
    const levels = levelsOfBlocks(blocks);
    expect(levels.integratedLufs).toBeCloseTo(-20, 6);
    expect(levels.loudnessRangeLu).toBeCloseTo(0, 6);
    expect(levels.rmsDb).toBeCloseTo(-20, 6);
    expect(levels.truePeakDb).toBe(-3);
    expect(levels.peakDb).toBe(-4);
  });

  it('join a region measured from the lead before the join to the stored start', () => {
    const start = steady(20, -20);
    const region = steady(13, -16);
    region.truePeakSoFarDb = region.truePeakSoFarDb.map(() => -6);
    const joined = joinLevelBlocks(start, region, 10);
    expect(joined.durationSec).toBeCloseTo(20, 9);
    expect(joined.momentaryLufs).toHaveLength(200);
    expect(joined.momentaryLufs[99]).toBe(-20);
    expect(joined.momentaryLufs[100]).toBe(-16);
    expect(joined.windowRmsDb).toHaveLength(40);
    // The start's peak stays the highest so far after the join.
    expect(joined.truePeakSoFarDb[150]).toBe(-3);
    expect(levelsOfBlocks(joined).integratedLufs).toBeGreaterThan(-20);
  });

  it('refuse a join that does not line up', () => {
    const start = steady(20, -20);
    const region = steady(13, -16);
    expect(() => joinLevelBlocks(start, region, 10.1)).toThrow(LevelBlocksMismatchError);
    expect(() => joinLevelBlocks(start, region, (LEVEL_LEAD_STEPS - 5) / 10)).toThrow(LevelBlocksMismatchError);
    expect(() => joinLevelBlocks(steady(5, -20), region, 10)).toThrow(LevelBlocksMismatchError);
    expect(() => joinLevelBlocks(start, steady(2, -16), 10)).toThrow(LevelBlocksMismatchError);
    // Silence at the head or the tail that reaches the join.
    const measured = (blocks: LevelBlocks, head: number, tail: number) => ({
      blocks,
      measured: silenceAround(head, tail, blocks),
    });
    expect(() => recombineLevels(measured(start, 10_000, 0), measured(region, 0, 500), 10)).toThrow(
      LevelBlocksMismatchError,
    );
    expect(() => recombineLevels(measured(start, 500, 0), measured(region, 0, 10_000), 10)).toThrow(
      LevelBlocksMismatchError,
    );
    const recombined = recombineLevels(measured(start, 750, 0), measured(region, 0, 1000), 10);
    expect(recombined.measured.headSilenceMs).toBe(750);
    expect(recombined.measured.tailSilenceMs).toBe(1000);
  });
});
