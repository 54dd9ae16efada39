/**
 * The one mastering target that satisfies every retailer (docs/retail-specs.md): speech at about −20 LUFS (≈ RMS −20 dB
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

/** A chapter (a title page, an epigraph) whose speech is under twice its room tone is mostly room tone. */
export function isMostlyRoomTone(speechSeconds: number, requested: { headMs: number; tailMs: number }): boolean {
  return speechSeconds < (2 * (requested.headMs + requested.tailMs)) / 1000;
}
/** ACX accepts 0.5–1 s at the head and 1–5 s at the tail; the margin covers what the MP3 encoder's padding moves. */
export const MIN_ROOM_TONE = { headMs: 600, tailMs: 1300 } as const;

/**
 * Room tone for a chapter with `speechSeconds` of speech and pauses. ACX measures RMS over the whole file, so in a
 * chapter of a few seconds the requested room tone alone would pull it under −23 dB; such chapters get the shortest
 * room tone retailers accept instead of louder speech.
 */
export function roomToneFor(speechSeconds: number, requested: { headMs: number; tailMs: number }) {
  if (!isMostlyRoomTone(speechSeconds, requested)) return { headMs: requested.headMs, tailMs: requested.tailMs };
  return {
    headMs: Math.min(requested.headMs, MIN_ROOM_TONE.headMs),
    tailMs: Math.min(requested.tailMs, MIN_ROOM_TONE.tailMs),
  };
}

/**
 * Correction after a full render: the limiter and pauses move loudness; returns extra gain (0 when close enough).
 * To meet the RMS floor, speech may go `maxRmsLiftLu` above the loudness target (2 LU; a short chapter, whose room
 * tone weighs more, may need 4).
 */
export function correctionGainDb(
  measured: { integratedLufs: number | null; rmsDb: number | null },
  target: MasteringTarget,
  options: { toleranceDb?: number; maxRmsLiftLu?: number } = {},
): number {
  if (measured.integratedLufs === null) return 0;
  let gain = target.integratedLufs - measured.integratedLufs;
  const minRms = target.minRmsDb ?? -21.5;
  if (measured.rmsDb !== null && Number.isFinite(measured.rmsDb) && measured.rmsDb + gain < minRms) {
    const maxLift = options.maxRmsLiftLu ?? 2;
    gain = Math.min(minRms - measured.rmsDb, target.integratedLufs + maxLift - measured.integratedLufs);
  }
  return Math.abs(gain) < (options.toleranceDb ?? 0.4) ? 0 : gain;
}

/** Gain is kept within ±30 dB: more means the input is broken, and the render's measurement will show it. */
const MAX_GAIN_DB = 30;
/** What the peak limiter takes back from the gain on speech (measured: 0.5–0.7 dB on espeak-ng and test tones). */
export const LIMITER_ALLOWANCE_DB = 0.5;

/**
 * The one gain of a chapter's render, from its levels measured before it (speech loudness, and RMS over the whole
 * chapter with its pauses and room tone): onto the loudness target, lifted further (within `maxRmsLiftLu`) when the
 * chapter's RMS would fall under the RMS floor, as `correctionGainDb` does after a render.
 */
export function chapterGainDb(
  levels: { integratedLufs: number | null; rmsDb: number | null },
  target: MasteringTarget,
  options: { maxRmsLiftLu?: number } = {},
): number {
  if (levels.integratedLufs === null) return 0;
  // Aim as if the levels were that much lower: the limiter then brings them back onto the targets.
  const afterLimiter = {
    integratedLufs: levels.integratedLufs - LIMITER_ALLOWANCE_DB,
    rmsDb: levels.rmsDb === null ? null : levels.rmsDb - LIMITER_ALLOWANCE_DB,
  };
  const gain = correctionGainDb(afterLimiter, target, { toleranceDb: 0, maxRmsLiftLu: options.maxRmsLiftLu });
  return Math.max(-MAX_GAIN_DB, Math.min(MAX_GAIN_DB, gain));
}
