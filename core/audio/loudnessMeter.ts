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

/** Slots of LoudnessMeter's running figures: the filters' delay lines (X1…Z2), then the sums and the peak. */
const [X1, X2, Y1, Y2, U1, U2, Z1, Z2, SUB_BLOCK_SUM, SUM_SQUARES, PEAK, RUNNING_FIGURES] = [
  0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
];

function lufsOf(meanSquare: number): number {
  return -0.691 + 10 * Math.log10(meanSquare);
}

export class LoudnessMeter {
  private rate = 0;
  private filters: [Biquad, Biquad] = kWeightingFilters(48000);
  /**
   * The running figures the sample loop carries: the two filters' delay lines, the sub-block's sum, the unweighted
   * sum of squares and the peak. The loop works on local copies and stores them back once per push. When the loop
   * wrote them to fields and closed sub-blocks from inside it, V8's optimized code boxed its numbers: some 50 bytes
   * of garbage per sample, over 3 GB per production, most of the platform process's garbage collection.
   */
  private readonly running = new Float64Array(RUNNING_FIGURES);
  private subBlockLength = 0;
  private subBlockFill = 0;
  /** Mean squares of the finished 100 ms sub-blocks (K-weighted). */
  private readonly subBlocks: number[] = [];
  private samples = 0;
  private durationSec = 0;

  /** Pushes 16-bit samples at `rate` Hz; a change of rate restarts the filters (only ever at a segment boundary). */
  push(pcm: Int16Array, rate: number): void {
    if (rate !== this.rate) this.setRate(rate);
    const [shelf, highPass] = this.filters;
    const { b0: sb0, b1: sb1, b2: sb2, a1: sa1, a2: sa2 } = shelf;
    const { b0: hb0, b1: hb1, b2: hb2, a1: ha1, a2: ha2 } = highPass;
    const running = this.running;
    const subBlocks = this.subBlocks;
    let x1 = running[X1];
    let x2 = running[X2];
    let y1 = running[Y1];
    let y2 = running[Y2];
    let u1 = running[U1];
    let u2 = running[U2];
    let z1 = running[Z1];
    let z2 = running[Z2];
    let subBlockSum = running[SUB_BLOCK_SUM];
    let sumSquares = running[SUM_SQUARES];
    let peak = running[PEAK];
    let subBlockFill = this.subBlockFill;
    const subBlockLength = this.subBlockLength;
    // The inner loop runs to the end of the chunk or of the sub-block, whichever comes first, and does arithmetic only
    // (see `running` for why the sub-block's bookkeeping stays out of it).
    for (let start = 0; start < pcm.length;) {
      const end = Math.min(pcm.length, start + subBlockLength - subBlockFill);
      for (let i = start; i < end; i++) {
        const x = pcm[i] / 32768;
        const abs = x < 0 ? -x : x;
        if (abs > peak) peak = abs;
        sumSquares += x * x;
        const y = sb0 * x + sb1 * x1 + sb2 * x2 - sa1 * y1 - sa2 * y2;
        x2 = x1;
        x1 = x;
        y2 = y1;
        y1 = y;
        const z = hb0 * y + hb1 * u1 + hb2 * u2 - ha1 * z1 - ha2 * z2;
        u2 = u1;
        u1 = y;
        z2 = z1;
        z1 = z;
        subBlockSum += z * z;
      }
      subBlockFill += end - start;
      start = end;
      if (subBlockFill === subBlockLength) {
        subBlocks.push(subBlockSum / subBlockFill);
        subBlockSum = 0;
        subBlockFill = 0;
      }
    }
    running.set([x1, x2, y1, y2, u1, u2, z1, z2, subBlockSum, sumSquares, peak]);
    this.subBlockFill = subBlockFill;
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
      rmsDb: this.samples > 0 ? 10 * Math.log10(this.running[SUM_SQUARES] / this.samples) : null,
      peakDb: 20 * Math.log10(this.running[PEAK]),
      durationSec: this.durationSec,
    };
  }

  private setRate(rate: number): void {
    if (!(rate > 0)) throw new RangeError('sample rate must be positive');
    this.rate = rate;
    this.filters = kWeightingFilters(rate);
    this.running.fill(0, X1, Z2 + 1);
    this.subBlockLength = Math.max(1, Math.round(rate * SUB_BLOCK_SEC));
    // A partial sub-block at the old rate is kept as it is: its mean square is still a fair sample of the audio.
    if (this.subBlockFill > 0) this.closeSubBlock();
  }

  private closeSubBlock(): void {
    this.subBlocks.push(this.running[SUB_BLOCK_SUM] / this.subBlockFill);
    this.running[SUB_BLOCK_SUM] = 0;
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
