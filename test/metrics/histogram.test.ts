import fc from 'fast-check';
import {
  emptyHistogram,
  LATENCY_BOUNDS_MS,
  mergeHistograms,
  observe,
  quantile,
  summarize,
} from '../../core/metrics/histogram';

const observeAll = (values: number[]) => values.reduce(observe, emptyHistogram('latencyMs'));

/** The exact q-quantile (nearest rank) of a sample, for comparison with the bucket estimate. */
function exactQuantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)]!;
}

/** The bucket a value falls in, as [lower, upper]. */
function bucketAround(value: number): [number, number] {
  const index = LATENCY_BOUNDS_MS.findIndex((bound) => value <= bound);
  if (index === -1) return [LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1]!, Infinity];
  return [index === 0 ? 0 : LATENCY_BOUNDS_MS[index - 1]!, LATENCY_BOUNDS_MS[index]!];
}

describe('fixed-bucket histograms', () => {
  it('counts, sums and keeps the extremes; an empty one has no quantiles', () => {
    expect(summarize(emptyHistogram('latencyMs'))).toEqual({
      count: 0,
      mean: null,
      p50: null,
      p95: null,
      p99: null,
      max: null,
    });
    const h = observeAll([3, 40, 40, 900, 12_000]);
    expect(h).toMatchObject({ count: 5, sum: 12_983, min: 3, max: 12_000 });
    expect(h.counts.reduce((a, b) => a + b, 0)).toBe(5);
    expect(summarize(h).mean).toBeCloseTo(2596.6, 1);
  });

  it('ignores impossible observations instead of corrupting the sums', () => {
    const h = observeAll([10, -1, Number.NaN, Number.POSITIVE_INFINITY]);
    expect(h).toMatchObject({ count: 1, sum: 10 });
  });

  it('answers one value for every quantile when all observations are equal', () => {
    const h = observeAll(Array.from({ length: 50 }, () => 420));
    expect([quantile(h, 0.5), quantile(h, 0.95), quantile(h, 0.99)]).toEqual([420, 420, 420]);
  });

  it('puts every estimated percentile in the bucket of the exact one, within min and max', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 900_000, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.5, 0.95, 0.99),
        (values, q) => {
          const h = observeAll(values);
          const estimate = quantile(h, q)!;
          const exact = exactQuantile(values, q);
          const [lower, upper] = bucketAround(exact);
          expect(estimate).toBeGreaterThanOrEqual(Math.min(lower, exact));
          expect(estimate).toBeLessThanOrEqual(Math.max(upper === Infinity ? h.max! : upper, exact));
          expect(estimate).toBeGreaterThanOrEqual(h.min!);
          expect(estimate).toBeLessThanOrEqual(h.max!);
        },
      ),
    );
  });

  it('merges exactly: two halves merged equal the whole, in either order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 700_000, noNaN: true })),
        fc.array(fc.double({ min: 0, max: 700_000, noNaN: true })),
        (a, b) => {
          const whole = observeAll([...a, ...b]);
          for (const merged of [
            mergeHistograms(observeAll(a), observeAll(b)),
            mergeHistograms(observeAll(b), observeAll(a)),
          ]) {
            expect(merged.counts).toEqual(whole.counts);
            expect(merged.count).toBe(whole.count);
            expect(merged.sum).toBeCloseTo(whole.sum, 3);
            expect([merged.min, merged.max]).toEqual([whole.min, whole.max]);
          }
        },
      ),
    );
  });

  it('refuses to merge histograms of different units', () => {
    expect(() => mergeHistograms(emptyHistogram('latencyMs'), emptyHistogram('jobSeconds'))).toThrow(RangeError);
  });
});
