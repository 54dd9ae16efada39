/**
 * The one mastering target that satisfies every retailer in SPEC.md §8: speech at about −20 LUFS (≈ RMS −20 dB
 * for mono speech), true peak ≤ −3.5 dBTP on the encoded file, generated room tone well under −60 dB.
 */
export interface MasteringTarget {
  integratedLufs: number;
  truePeakDb: number;
  /**
   * ACX measures unweighted RMS over the whole file, pauses included: a chapter with many pauses can sit at
   * −20 LUFS and still fall under −23 dB RMS. Mastering lifts such chapters to this floor (default −21.5 dB).
   */
  minRmsDb?: number;
}

export interface RoomToneSpec {
  /** RMS level of the generated room tone in dBFS; must stay under the −60 dB noise-floor limit with margin. */
  levelDb: number;
  headMs: number;
  tailMs: number;
}

export const DEFAULT_MASTERING_TARGET: MasteringTarget = { integratedLufs: -20, truePeakDb: -3.5 };

export const DEFAULT_ROOM_TONE: RoomToneSpec = { levelDb: -66, headMs: 750, tailMs: 2500 };

/** Master files: 44.1 kHz mono 16-bit, the common denominator of the retail formats. */
export const MASTER_SAMPLE_RATE_HZ = 44100;
export const MASTER_CHANNELS = 1;

/** Loudness gain (dB) that moves a measured integrated loudness onto the target, bounded to a sane range. */
export function loudnessGainDb(measuredLufs: number, target: MasteringTarget, maxGainDb = 30): number {
  const gain = target.integratedLufs - measuredLufs;
  return Math.max(-maxGainDb, Math.min(maxGainDb, gain));
}

/** Correction after a full render: the limiter and pauses move loudness; returns extra gain (0 when close enough). */
export function correctionGainDb(
  measured: { integratedLufs: number | null; rmsDb: number | null },
  target: MasteringTarget,
  toleranceDb = 0.4,
): number {
  if (measured.integratedLufs === null) return 0;
  let gain = target.integratedLufs - measured.integratedLufs;
  const minRms = target.minRmsDb ?? -21.5;
  if (measured.rmsDb !== null && Number.isFinite(measured.rmsDb) && measured.rmsDb + gain < minRms) {
    // Never push speech more than 2 LU above the loudness target to satisfy the RMS floor.
    gain = Math.min(minRms - measured.rmsDb, target.integratedLufs + 2 - measured.integratedLufs);
  }
  return Math.abs(gain) < toleranceDb ? 0 : gain;
}
