/**
 * A streaming level meter over 16-bit PCM: EBU R128 integrated loudness (ITU-R BS.1770: K-weighting, 400 ms blocks
 * every 100 ms, absolute gate at −70 LUFS, relative gate 10 LU under the absolute-gated mean), unweighted RMS and
 * sample peak. Mastering feeds it each segment's audio as it arrives from storage (and silence for the pauses and
 * room tone), so the chapter's gain is known before the one ffmpeg pass that renders it.
 *
 * The K-weighting filters are derived for any sample rate from their analogue prototypes, as libebur128 (the library
 * behind ffmpeg's ebur128) does, so segments at the engines' own rates need no resampling to be measured.
 */
import type { LoudnessMeasurement } from './measurements';

export interface MeteredLevels {
  /** Gated integrated loudness (LUFS); null when nothing passes the gates (silence, or under 400 ms). */
  integratedLufs: number | null;
  /** Unweighted RMS over everything pushed, silence included (dBFS); null when empty. */
  rmsDb: number | null;
  /** Highest absolute sample (dBFS); −Infinity for digital silence. */
  peakDb: number;
  durationSec: number;
}

interface Biquad {
  b0: number;
  b1: number;
  b2: number;
  a1: number;
  a2: number;
}

/** BS.1770 stage 1 (head-related high shelf) and stage 2 (RLB high-pass) at `rate`. */
export function kWeightingFilters(rate: number): [Biquad, Biquad] {
  let f0 = 1681.974450955533;
  const gainDb = 3.999843853973347;
  let q = 0.7071752369554196;
  let k = Math.tan((Math.PI * f0) / rate);
  const vh = 10 ** (gainDb / 20);
  const vb = vh ** 0.4996667741545416;
  let a0 = 1 + k / q + k * k;
  const shelf: Biquad = {
    b0: (vh + (vb * k) / q + k * k) / a0,
    b1: (2 * (k * k - vh)) / a0,
    b2: (vh - (vb * k) / q + k * k) / a0,
    a1: (2 * (k * k - 1)) / a0,
    a2: (1 - k / q + k * k) / a0,
  };
  f0 = 38.13547087602444;
  q = 0.5003270373238773;
  k = Math.tan((Math.PI * f0) / rate);
  a0 = 1 + k / q + k * k;
  const highPass: Biquad = { b0: 1, b1: -2, b2: 1, a1: (2 * (k * k - 1)) / a0, a2: (1 - k / q + k * k) / a0 };
  return [shelf, highPass];
}

const ABSOLUTE_GATE_LUFS = -70;
const RELATIVE_GATE_LU = -10;
const SUB_BLOCK_SEC = 0.1;
const SUB_BLOCKS_PER_BLOCK = 4;

function lufsOf(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

export class LoudnessMeter {
  private rate = 0;
  private filters: [Biquad, Biquad] = kWeightingFilters(48000);
  private state = [0, 0, 0, 0, 0, 0, 0, 0];
  private subBlockLength = 0;
  private subBlockFill = 0;
  private subBlockSum = 0;
  /** Mean squares of the finished 100 ms sub-blocks (K-weighted). */
  private readonly subBlocks: number[] = [];
  private sumSquares = 0;
  private samples = 0;
  private durationSec = 0;
  private peak = 0;

  /** Pushes 16-bit samples at `rate` Hz; a change of rate restarts the filters (only ever at a segment boundary). */
  push(pcm: Int16Array, rate: number): void {
    if (rate !== this.rate) this.setRate(rate);
    const [s1, s2] = this.filters;
    let [x1, x2, y1, y2, u1, u2, z1, z2] = this.state;
    for (let i = 0; i < pcm.length; i++) {
      const x = pcm[i] / 32768;
      const abs = x < 0 ? -x : x;
      if (abs > this.peak) this.peak = abs;
      this.sumSquares += x * x;
      const y = s1.b0 * x + s1.b1 * x1 + s1.b2 * x2 - s1.a1 * y1 - s1.a2 * y2;
      x2 = x1;
      x1 = x;
      y2 = y1;
      y1 = y;
      const z = s2.b0 * y + s2.b1 * u1 + s2.b2 * u2 - s2.a1 * z1 - s2.a2 * z2;
      u2 = u1;
      u1 = y;
      z2 = z1;
      z1 = z;
      this.subBlockSum += z * z;
      if (++this.subBlockFill === this.subBlockLength) this.closeSubBlock();
    }
    this.state = [x1, x2, y1, y2, u1, u2, z1, z2];
    this.samples += pcm.length;
    this.durationSec += pcm.length / rate;
  }

  /** Digital silence of `seconds` (a pause, or room tone far under every gate). */
  pushSilence(seconds: number, rate = this.rate || 48000): void {
    let remaining = Math.round(seconds * rate);
    const block = new Int16Array(Math.min(remaining, rate));
    while (remaining > 0) {
      const length = Math.min(remaining, block.length);
      this.push(length === block.length ? block : block.subarray(0, length), rate);
      remaining -= length;
    }
  }

  result(): MeteredLevels {
    const blocks: number[] = [];
    for (let i = 0; i + SUB_BLOCKS_PER_BLOCK <= this.subBlocks.length; i++) {
      let sum = 0;
      for (let j = 0; j < SUB_BLOCKS_PER_BLOCK; j++) sum += this.subBlocks[i + j];
      blocks.push(sum / SUB_BLOCKS_PER_BLOCK);
    }
    const gated = (threshold: number) => blocks.filter((meanSquare) => lufsOf(meanSquare) > threshold);
    const absolute = gated(ABSOLUTE_GATE_LUFS);
    let integratedLufs: number | null = null;
    if (absolute.length > 0) {
      const relativeGate = lufsOf(absolute.reduce((a, b) => a + b, 0) / absolute.length) + RELATIVE_GATE_LU;
      const relative = absolute.filter((meanSquare) => lufsOf(meanSquare) > relativeGate);
      integratedLufs = lufsOf(relative.reduce((a, b) => a + b, 0) / relative.length);
    }
    return {
      integratedLufs,
      rmsDb: this.samples > 0 ? 10 * Math.log10(this.sumSquares / this.samples) : null,
      peakDb: 20 * Math.log10(this.peak),
      durationSec: this.durationSec,
    };
  }

  private setRate(rate: number): void {
    if (!(rate > 0)) throw new RangeError('sample rate must be positive');
    this.rate = rate;
    this.filters = kWeightingFilters(rate);
    this.state = [0, 0, 0, 0, 0, 0, 0, 0];
    this.subBlockLength = Math.round(rate * SUB_BLOCK_SEC);
    // A partial sub-block at the old rate is kept as it is: its mean square is still a fair sample of the audio.
    if (this.subBlockFill > 0) this.closeSubBlock();
  }

  private closeSubBlock(): void {
    this.subBlocks.push(this.subBlockSum / this.subBlockFill);
    this.subBlockSum = 0;
    this.subBlockFill = 0;
  }
}

/**
 * Levels of files played one after another (a book's chapters in one M4B) from each file's own measurement: RMS
 * and integrated loudness are energy averages weighted by duration (exact for RMS; for loudness, each file's gated
 * value stands for its speech, which is what the mastering target holds), peaks the highest, the noise floor the
 * quietest window of any file, head and tail room tone those of the first and last file.
 */
export function combineMeasurements(parts: LoudnessMeasurement[]): LoudnessMeasurement {
  if (parts.length === 0) throw new Error('nothing to combine');
  const total = parts.reduce((sum, p) => sum + p.durationSec, 0);
  const energyAverage = (pick: (p: LoudnessMeasurement) => number | null): number | null => {
    const known = parts.filter((p) => pick(p) !== null && Number.isFinite(pick(p)!));
    const seconds = known.reduce((sum, p) => sum + p.durationSec, 0);
    if (known.length === 0 || seconds <= 0) return null;
    return 10 * Math.log10(known.reduce((sum, p) => sum + 10 ** (pick(p)! / 10) * p.durationSec, 0) / seconds);
  };
  const extreme = (pick: (p: LoudnessMeasurement) => number | null, choose: (a: number, b: number) => number) => {
    const values = parts.map(pick).filter((v): v is number => v !== null);
    return values.length > 0 ? values.reduce((a, b) => choose(a, b)) : null;
  };
  return {
    integratedLufs: energyAverage((p) => p.integratedLufs),
    loudnessRangeLu: extreme((p) => p.loudnessRangeLu, Math.max),
    truePeakDb: extreme((p) => p.truePeakDb, Math.max),
    rmsDb: energyAverage((p) => p.rmsDb),
    peakDb: extreme((p) => p.peakDb, Math.max),
    noiseFloorDb: extreme((p) => p.noiseFloorDb, Math.min),
    headSilenceMs: parts[0].headSilenceMs,
    tailSilenceMs: parts[parts.length - 1].tailSilenceMs,
    durationSec: total,
  };
}
