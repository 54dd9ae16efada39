/**
 * Fixed-bucket histograms: mergeable by adding counts, so per-process deltas and per-day documents combine exactly,
 * and the same bucket bounds are given to the OpenTelemetry histograms (a backend that keeps buckets shows the same
 * resolution). Quantiles are estimated inside a bucket by linear interpolation, clamped to the observed min and max:
 * the error is at most the width of the bucket the quantile falls in (docs/operations.md).
 */

/** Milliseconds: HTTP requests, TTS requests, analysis calls. Roughly 1-2-5 steps from 5 ms to 10 minutes. */
export const LATENCY_BOUNDS_MS: readonly number[] = [
  5, 10, 25, 50, 75, 100, 150, 250, 400, 600, 800, 1000, 1500, 2000, 3000, 5000, 7500, 10_000, 20_000, 30_000, 60_000,
  120_000, 300_000, 600_000,
];

/** Seconds: whole jobs, from an import of a few seconds to a long book's production. */
export const JOB_DURATION_BOUNDS_S: readonly number[] = [
  1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 900, 1800, 2700, 3600, 5400, 7200, 10_800, 14_400, 21_600, 28_800, 43_200,
  86_400,
];

export type HistogramBounds = 'latencyMs' | 'jobSeconds';

const BOUNDS: Record<HistogramBounds, readonly number[]> = {
  latencyMs: LATENCY_BOUNDS_MS,
  jobSeconds: JOB_DURATION_BOUNDS_S,
};

export interface Histogram {
  bounds: HistogramBounds;
  /** `counts[i]` holds observations ≤ bounds[i] (and > bounds[i-1]); the last entry holds those above every bound. */
  counts: number[];
  count: number;
  sum: number;
  /** Null while empty. */
  min: number | null;
  max: number | null;
}

export function emptyHistogram(bounds: HistogramBounds): Histogram {
  return {
    bounds,
    counts: new Array<number>(BOUNDS[bounds].length + 1).fill(0),
    count: 0,
    sum: 0,
    min: null,
    max: null,
  };
}

function bucketOf(bounds: readonly number[], value: number): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value <= bounds[mid]!) high = mid;
    else low = mid + 1;
  }
  return low;
}

/** A new histogram with one more observation (negative and non-finite values are measurement errors: ignored). */
export function observe(histogram: Histogram, value: number): Histogram {
  if (!Number.isFinite(value) || value < 0) return histogram;
  const counts = [...histogram.counts];
  counts[bucketOf(BOUNDS[histogram.bounds], value)]! += 1;
  return {
    bounds: histogram.bounds,
    counts,
    count: histogram.count + 1,
    sum: histogram.sum + value,
    min: histogram.min === null ? value : Math.min(histogram.min, value),
    max: histogram.max === null ? value : Math.max(histogram.max, value),
  };
}

export function mergeHistograms(a: Histogram, b: Histogram): Histogram {
  if (a.bounds !== b.bounds) throw new RangeError(`cannot merge ${a.bounds} with ${b.bounds} histograms`);
  const length = Math.max(a.counts.length, b.counts.length);
  const counts = Array.from({ length }, (_, i) => (a.counts[i] ?? 0) + (b.counts[i] ?? 0));
  const extreme = (x: number | null, y: number | null, pick: (p: number, q: number) => number) =>
    x === null ? y : y === null ? x : pick(x, y);
  return {
    bounds: a.bounds,
    counts,
    count: a.count + b.count,
    sum: a.sum + b.sum,
    min: extreme(a.min, b.min, Math.min),
    max: extreme(a.max, b.max, Math.max),
  };
}

/** The q-quantile (0 < q ≤ 1) estimated from the buckets; null for an empty histogram. */
export function quantile(histogram: Histogram, q: number): number | null {
  if (histogram.count === 0 || histogram.min === null || histogram.max === null) return null;
  const bounds = BOUNDS[histogram.bounds];
  const rank = Math.min(Math.max(q, 0), 1) * histogram.count;
  let before = 0;
  for (let i = 0; i < histogram.counts.length; i++) {
    const inBucket = histogram.counts[i] ?? 0;
    if (inBucket === 0 || before + inBucket < rank) {
      before += inBucket;
      continue;
    }
    const lower = Math.max(i === 0 ? histogram.min : bounds[i - 1]!, histogram.min);
    const upper = Math.min(i < bounds.length ? bounds[i]! : histogram.max, histogram.max);
    const estimate = lower + ((rank - before) / inBucket) * (upper - lower);
    return Math.min(Math.max(estimate, histogram.min), histogram.max);
  }
  return histogram.max;
}

/** Estimated from fixed buckets: a percentile is exact to within its bucket (docs/operations.md). */
export interface LatencySummary {
  count: number;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
  max: number | null;
}

export function summarize(histogram: Histogram): LatencySummary {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);
  return {
    count: histogram.count,
    mean: histogram.count === 0 ? null : round(histogram.sum / histogram.count),
    p50: round(quantile(histogram, 0.5)),
    p95: round(quantile(histogram, 0.95)),
    p99: round(quantile(histogram, 0.99)),
    max: round(histogram.max),
  };
}
