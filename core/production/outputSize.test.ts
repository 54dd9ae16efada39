import { estimateProductionBytes } from './outputSize';

describe('estimateProductionBytes', () => {
  it('counts segment PCM, the mastered copy and each package at its bit rate', () => {
    // 48 000 B/s segments + 88 200 B/s masters + 8 000 B/s M4B (64 kbps) + 24 000 B/s ACX (192 kbps).
    expect(estimateProductionBytes(10, [])).toBe(10 * (48_000 + 88_200));
    expect(estimateProductionBytes(10, ['apple', 'acx'])).toBe(10 * (48_000 + 88_200 + 8_000 + 24_000));
  });
  it('refuses nonsense durations', () => {
    expect(() => estimateProductionBytes(-1, ['apple'])).toThrow(RangeError);
    expect(() => estimateProductionBytes(Number.NaN, ['apple'])).toThrow(RangeError);
  });
});
