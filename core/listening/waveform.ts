/**
 * A chapter's waveform as the player draws it: the loudest sample of each short stretch of the master, measured once
 * on the server. The browser then draws bars instead of downloading and decoding a whole chapter (a 40-minute
 * chapter is hundreds of megabytes of PCM once decoded) just to show its shape.
 */

/** Enough bars for a wide screen; the player scales them to its width. */
export const MAX_WAVEFORM_BUCKETS = 1600;
/** Short chapters get a bar per 50 ms rather than stretching a few samples over 1,600 bars. */
export const BUCKETS_PER_SECOND = 20;
/** The rate the master is read at to measure peaks: plenty for a picture of speech, cheap to decode. */
export const WAVEFORM_SAMPLE_RATE = 8000;

export interface Waveform {
  durationSec: number;
  /** Peak amplitude of each equal stretch of the chapter, in order, 0 (silence) to 1 (full scale). */
  peaks: number[];
}

export function waveformBuckets(durationSec: number): number {
  if (!Number.isFinite(durationSec) || durationSec <= 0) return 1;
  return Math.max(1, Math.min(MAX_WAVEFORM_BUCKETS, Math.ceil(durationSec * BUCKETS_PER_SECOND)));
}

/** Samples per bucket at the measuring rate, so the chapter divides into at most `waveformBuckets` stretches. */
export function samplesPerBucket(durationSec: number): number {
  const total = Math.max(1, Math.round(durationSec * WAVEFORM_SAMPLE_RATE));
  return Math.max(1, Math.ceil(total / waveformBuckets(durationSec)));
}

/**
 * A peak level in dBFS as an amplitude 0..1, kept to three decimals (the picture needs no more, and the JSON stays
 * small). Digital silence is reported as minus infinity or not at all.
 */
export function peakAmplitude(peakDbfs: number | null): number {
  if (peakDbfs === null || Number.isNaN(peakDbfs) || peakDbfs === -Infinity) return 0;
  const amplitude = Math.min(1, Math.pow(10, peakDbfs / 20));
  return Math.round(amplitude * 1000) / 1000;
}
