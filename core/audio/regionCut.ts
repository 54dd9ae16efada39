/**
 * Where a chapter whose end changed is rendered again from, and where the new part is joined to the stored one
 * (docs/audio-pipeline.md, "Re-rendering only the region that changed"). The render starts inside a pause, at an
 * input sample that falls on a whole master sample (so the resampler's phase is the whole render's) and long enough
 * after the speech before it for the limiter to have let go: from there its samples are, one for one, those a whole
 * render writes. Before the first changed segment, as late as the audio allows, lie the joins: the master's at the
 * render's start, the MP3's and the AAC's each on a frame boundary a few frames into the render (the frames before
 * are the encoder's start-up), the levels' on their 500 ms grid one short-term window (3 s) after the render's start.
 */
import { LEVEL_LEAD_SEC, LEVEL_WINDOW_SEC } from './levelBlocks';
import { MASTER_SAMPLE_RATE_HZ } from './masteringTarget';

export const MP3_FRAME_SAMPLES = 1152;
/** Frames of the region's MP3 thrown away: the encoder's start-up (its filters and first analysis windows). */
export const MP3_PRE_ROLL_FRAMES = 4;
export const AAC_FRAME_SAMPLES = 1024;
/**
 * Frames of the region's AAC thrown away after its priming packet: the encoder's start-up (its psychoacoustic model's
 * history and its rate control's bit budget).
 */
export const AAC_PRE_ROLL_FRAMES = 4;
/**
 * Kept clear before the first changed segment: the resampler's filter and the limiter's 5 ms look-ahead reach a little
 * before a segment's first sample, and an MP3 frame's analysis a granule past its own samples.
 */
const CHANGE_GUARD_SAMPLES = Math.round(MASTER_SAMPLE_RATE_HZ * 0.05);
/** The render starts at least this long after the speech before it: the limiter's release (60 ms) has ended there. */
const LIMITER_SETTLE_SEC = 0.1;

export interface StoredRenderLayout {
  /**
   * The stored master's segment starts and ends (seconds), as its record has them: the rendered layout, each a whole
   * number of input samples (a record that keeps `masterSamples`; older ones add nominal pauses and are not cut).
   */
  segmentStartsSec: number[];
  segmentEndsSec: number[];
  /** The segments' sample rate. */
  inputRateHz: number;
}

export interface RegionCut {
  /** The first segment rendered again (the render starts in the pause before it). */
  fromSegment: number;
  /** Input samples of that pause the render starts with... */
  leadSilenceSamples: number;
  /** ...and the input sample that segment starts at, in the stored layout. */
  fromSegmentStartSample: number;
  /** The master sample the render starts at: the stored master is kept before it. */
  startSample: number;
  /** The render's MP3 is encoded from this master sample (a frame boundary)... */
  mp3EncodeFromSample: number;
  /** ...and the stored MP3's first this many audio frames are kept, the render's after them. */
  mp3KeepFrames: number;
  /** The render's AAC is encoded from this master sample (a frame boundary)... */
  aacEncodeFromSample: number;
  /**
   * ...and the stored MP4's first this many packets are kept (its priming packet and the frames up to the cut), the
   * region's after them.
   */
  aacKeepPackets: number;
  /** Where the levels are joined (on the 500 ms grid); the render is measured from LEVEL_LEAD_SEC before it. */
  joinSec: number;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** Where each segment starts and ends in the render's input, in samples: the record's times are whole input samples. */
function inputPositions({ segmentStartsSec: starts, segmentEndsSec: ends, inputRateHz: rate }: StoredRenderLayout) {
  return { startsIn: starts.map((sec) => Math.round(sec * rate)), endsIn: ends.map((sec) => Math.round(sec * rate)) };
}

/**
 * The latest cut before `firstChanged` (the first segment whose audio or following pause differs from the stored
 * master's; the stored count when segments were only added), or null when the audio before it holds none.
 */
export function planRegionCut(layout: StoredRenderLayout, firstChanged: number): RegionCut | null {
  const { segmentStartsSec: starts, segmentEndsSec: ends, inputRateHz: rate } = layout;
  if (starts.length === 0 || ends.length !== starts.length || !(rate > 0) || !Number.isInteger(rate)) return null;
  const positions = inputPositions(layout);
  const changeIn = firstChanged < starts.length ? positions.startsIn[firstChanged] : positions.endsIn[ends.length - 1];
  const changeSample = Math.floor((changeIn * MASTER_SAMPLE_RATE_HZ) / rate) - CHANGE_GUARD_SAMPLES;
  const windowSamples = LEVEL_WINDOW_SEC * MASTER_SAMPLE_RATE_HZ;
  const joinSample = Math.floor(changeSample / windowSamples) * windowSamples;
  const mp3KeepFrames = Math.floor(changeSample / MP3_FRAME_SAMPLES) - 1;
  // Packet k (k ≥ 1) holds the frame whose window spans master samples (k − 1) × 1,024 to (k + 1) × 1,024, and the
  // encoder's window choice looks one frame further: the last packet kept ends its reach at the change.
  const aacKeepPackets = Math.floor(changeSample / AAC_FRAME_SAMPLES) - 1;
  // Input samples whose master position is a whole sample: a multiple of this.
  const step = rate / gcd(rate, MASTER_SAMPLE_RATE_HZ);
  for (let segment = Math.min(firstChanged, starts.length - 1); segment >= 1; segment--) {
    const pauseStartIn = positions.endsIn[segment - 1] + Math.ceil(LIMITER_SETTLE_SEC * rate);
    const segmentStartIn = positions.startsIn[segment];
    const startIn = Math.ceil(pauseStartIn / step) * step;
    if (startIn > segmentStartIn) continue;
    const startSample = (startIn * MASTER_SAMPLE_RATE_HZ) / rate;
    const mp3EncodeFrom = Math.ceil(startSample / MP3_FRAME_SAMPLES);
    const aacEncodeFrom = Math.ceil(startSample / AAC_FRAME_SAMPLES);
    const fits =
      joinSample - LEVEL_LEAD_SEC * MASTER_SAMPLE_RATE_HZ >= startSample &&
      mp3EncodeFrom + MP3_PRE_ROLL_FRAMES <= mp3KeepFrames &&
      // The region's packets before the cut: its priming packet and the start-up frames.
      aacEncodeFrom + 1 + AAC_PRE_ROLL_FRAMES <= aacKeepPackets;
    if (!fits) continue;
    return {
      fromSegment: segment,
      leadSilenceSamples: segmentStartIn - startIn,
      fromSegmentStartSample: segmentStartIn,
      startSample,
      mp3EncodeFromSample: mp3EncodeFrom * MP3_FRAME_SAMPLES,
      mp3KeepFrames,
      aacEncodeFromSample: aacEncodeFrom * AAC_FRAME_SAMPLES,
      aacKeepPackets,
      joinSec: joinSample / MASTER_SAMPLE_RATE_HZ,
    };
  }
  return null;
}
