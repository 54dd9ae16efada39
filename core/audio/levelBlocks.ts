/**
 * What a chapter's levels are made of, kept on the master's own time grid so that the levels of a chapter whose end
 * was rendered again are recombined from the stored start's blocks and the new region's, without measuring the whole
 * chapter again:
 *
 * - every 100 ms, the loudness of the 400 ms block ending there (K-weighted, the blocks BS.1770 gates for the
 *   integrated loudness), of the 3 s window ending there (the short-term values EBU Tech 3342 takes the loudness range
 *   from), and the highest true peak so far;
 * - every 500 ms window from the start (the last one may be shorter): its unweighted RMS (the noise floor is the
 *   quietest, the RMS the energy mean) and its sample peak.
 *
 * Values are those the render pass's meter gives (ffmpeg's ebur128 and astats); a 400 ms block or 3 s window the
 * meter had not yet filled reads under every gate.
 */
import type { LoudnessMeasurement } from './measurements';

export const LEVEL_STEP_SEC = 0.1;
export const LEVEL_WINDOW_SEC = 0.5;
/** Steps a region's measurement must start before the point it is joined at: one full short-term window. */
export const LEVEL_LEAD_STEPS = 30;
/** The region's measurement starts this long before the join (a whole number of 500 ms windows). */
export const LEVEL_LEAD_SEC = LEVEL_LEAD_STEPS * LEVEL_STEP_SEC;

const ABSOLUTE_GATE_LUFS = -70;
const INTEGRATED_RELATIVE_GATE_LU = -10;
const RANGE_RELATIVE_GATE_LU = -20;
const RANGE_LOW_PERCENTILE = 0.1;
const RANGE_HIGH_PERCENTILE = 0.95;

export interface LevelBlocks {
  /** Length of the measured audio (seconds). */
  durationSec: number;
  /** Index k: loudness (LUFS) of the 400 ms block ending at (k + 1) × 100 ms; null when nothing was there to weigh. */
  momentaryLufs: (number | null)[];
  /** Index k: loudness (LUFS) of the 3 s window ending at (k + 1) × 100 ms. */
  shortTermLufs: (number | null)[];
  /** Index k: the highest true peak (dBTP) from the start to (k + 1) × 100 ms; null for silence. */
  truePeakSoFarDb: (number | null)[];
  /** Index w: unweighted RMS (dBFS) of the 500 ms window starting at w × 500 ms; null for digital silence. */
  windowRmsDb: (number | null)[];
  /** Index w: sample peak (dBFS) of the same window; null for digital silence. */
  windowPeakDb: (number | null)[];
}

/** The levels a set of blocks amounts to; silence at head and tail is not in the blocks and is left to the caller. */
export type BlockLevels = Pick<
  LoudnessMeasurement,
  'integratedLufs' | 'loudnessRangeLu' | 'truePeakDb' | 'rmsDb' | 'peakDb' | 'noiseFloorDb' | 'durationSec'
>;

export class LevelBlocksMismatchError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LevelBlocksMismatchError';
  }
}

const energyOf = (lufs: number) => 10 ** ((lufs + 0.691) / 10);
const lufsOfEnergy = (energy: number) => -0.691 + 10 * Math.log10(energy);
const meanLufs = (values: number[]) => lufsOfEnergy(values.reduce((sum, v) => sum + energyOf(v), 0) / values.length);

/** BS.1770 integrated loudness: the blocks over −70 LUFS, then those over 10 LU under their energy mean. */
function integratedOf(momentary: (number | null)[]): number | null {
  const absolute = momentary.filter((v): v is number => v !== null && v >= ABSOLUTE_GATE_LUFS);
  if (absolute.length === 0) return null;
  const relativeGate = meanLufs(absolute) + INTEGRATED_RELATIVE_GATE_LU;
  return meanLufs(absolute.filter((v) => v >= relativeGate));
}

/**
 * EBU Tech 3342 loudness range: the short-term values over −70 LUFS, then those over 20 LU under their energy mean;
 * the spread from the 10th to the 95th percentile, each taken as ffmpeg's ebur128 takes it (the value at the rounded
 * rank).
 */
function rangeOf(shortTerm: (number | null)[]): number | null {
  const absolute = shortTerm.filter((v): v is number => v !== null && v >= ABSOLUTE_GATE_LUFS);
  if (absolute.length === 0) return null;
  const relativeGate = meanLufs(absolute) + RANGE_RELATIVE_GATE_LU;
  const gated = absolute.filter((v) => v >= relativeGate).sort((a, b) => a - b);
  const at = (fraction: number) => gated[Math.max(0, Math.round(gated.length * fraction) - 1)];
  return at(RANGE_HIGH_PERCENTILE) - at(RANGE_LOW_PERCENTILE);
}

/** What the blocks of a whole file amount to. */
export function levelsOfBlocks(blocks: LevelBlocks): BlockLevels {
  const windows = blocks.windowRmsDb.length;
  // Each window's share of the samples: all are 500 ms but the last, which holds what remains.
  const lastWindowSec = Math.max(0, blocks.durationSec - (windows - 1) * LEVEL_WINDOW_SEC);
  let energy = 0;
  for (const [index, rms] of blocks.windowRmsDb.entries()) {
    if (rms === null) continue;
    energy += 10 ** (rms / 10) * (index === windows - 1 ? lastWindowSec : LEVEL_WINDOW_SEC);
  }
  const peaks = blocks.windowPeakDb.filter((v): v is number => v !== null);
  // The last window may be a short remainder: it counts for the floor only when it is the only one.
  const floorWindows = windows > 1 ? blocks.windowRmsDb.slice(0, -1) : blocks.windowRmsDb;
  const truePeak = blocks.truePeakSoFarDb.reduce<number | null>(
    (highest, v) => (v === null ? highest : highest === null ? v : Math.max(highest, v)),
    null,
  );
  return {
    integratedLufs: integratedOf(blocks.momentaryLufs),
    loudnessRangeLu: rangeOf(blocks.shortTermLufs),
    truePeakDb: truePeak,
    rmsDb: windows > 0 && blocks.durationSec > 0 ? 10 * Math.log10(energy / blocks.durationSec) : null,
    peakDb: peaks.length > 0 ? Math.max(...peaks) : null,
    noiseFloorDb: windows === 0 ? null : Math.min(...floorWindows.map((v) => (v === null ? -Infinity : v))),
    durationSec: blocks.durationSec,
  };
}

/**
 * The blocks of a file made of `start`'s audio up to `joinSec` and then of a region's, where the region's measurement
 * started LEVEL_LEAD_SEC before the join (its first LEVEL_LEAD_STEPS steps and their windows, already in `start`, are
 * dropped). The join must lie on the 500 ms grid, so both files' windows and steps line up; anything that does not
 * line up is refused (the caller measures the whole file instead).
 */
export function joinLevelBlocks(start: LevelBlocks, region: LevelBlocks, joinSec: number): LevelBlocks {
  const joinWindow = Math.round(joinSec / LEVEL_WINDOW_SEC);
  if (joinWindow < 1 || Math.abs(joinWindow * LEVEL_WINDOW_SEC - joinSec) > 1e-9)
    throw new LevelBlocksMismatchError(`the join (${joinSec} s) is not on the ${LEVEL_WINDOW_SEC} s grid`);
  const joinStep = Math.round(joinSec / LEVEL_STEP_SEC);
  if (joinStep < LEVEL_LEAD_STEPS) throw new LevelBlocksMismatchError('the join is closer to the start than the lead');
  if (start.momentaryLufs.length < joinStep || start.windowRmsDb.length < joinWindow)
    throw new LevelBlocksMismatchError('the stored blocks end before the join');
  const leadWindows = LEVEL_LEAD_SEC / LEVEL_WINDOW_SEC;
  if (region.momentaryLufs.length <= LEVEL_LEAD_STEPS || region.windowRmsDb.length <= leadWindows)
    throw new LevelBlocksMismatchError('the region ends before the join');
  const startPeak = start.truePeakSoFarDb[joinStep - 1];
  const joinedPeak = (v: number | null) => (v === null ? startPeak : startPeak === null ? v : Math.max(v, startPeak));
  return {
    durationSec: joinSec + region.durationSec - LEVEL_LEAD_SEC,
    momentaryLufs: [...start.momentaryLufs.slice(0, joinStep), ...region.momentaryLufs.slice(LEVEL_LEAD_STEPS)],
    shortTermLufs: [...start.shortTermLufs.slice(0, joinStep), ...region.shortTermLufs.slice(LEVEL_LEAD_STEPS)],
    truePeakSoFarDb: [
      ...start.truePeakSoFarDb.slice(0, joinStep),
      ...region.truePeakSoFarDb.slice(LEVEL_LEAD_STEPS).map(joinedPeak),
    ],
    windowRmsDb: [...start.windowRmsDb.slice(0, joinWindow), ...region.windowRmsDb.slice(leadWindows)],
    windowPeakDb: [...start.windowPeakDb.slice(0, joinWindow), ...region.windowPeakDb.slice(leadWindows)],
  };
}

/** A file's levels: its measurement and the blocks it was made of. */
export interface MeasuredLevels {
  measured: LoudnessMeasurement;
  blocks: LevelBlocks;
}

/**
 * The levels of a file made of `start` up to `joinSec` and then of `region` (measured from LEVEL_LEAD_SEC before the
 * join, see joinLevelBlocks): the figures from the joined blocks, the head's silence from the start and the tail's from
 * the region. Refused when either silence reaches the join (the joined file's would then span both).
 */
export function recombineLevels(start: MeasuredLevels, region: MeasuredLevels, joinSec: number): MeasuredLevels {
  if (start.measured.headSilenceMs >= joinSec * 1000)
    throw new LevelBlocksMismatchError('the head silence reaches the join');
  if (region.measured.tailSilenceMs >= (region.blocks.durationSec - LEVEL_LEAD_SEC) * 1000)
    throw new LevelBlocksMismatchError('the tail silence reaches the join');
  const blocks = joinLevelBlocks(start.blocks, region.blocks, joinSec);
  return {
    blocks,
    measured: {
      ...levelsOfBlocks(blocks),
      headSilenceMs: start.measured.headSilenceMs,
      tailSilenceMs: region.measured.tailSilenceMs,
    },
  };
}
