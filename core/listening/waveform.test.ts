import {
  MAX_WAVEFORM_BUCKETS,
  peakAmplitude,
  samplesPerBucket,
  WAVEFORM_SAMPLE_RATE,
  waveformBuckets,
} from './waveform';

describe('waveformBuckets', () => {
  it('gives short chapters a bar per 50 ms and caps long ones', () => {
    expect(waveformBuckets(10)).toBe(200);
    expect(waveformBuckets(0.01)).toBe(1);
    expect(waveformBuckets(40 * 60)).toBe(MAX_WAVEFORM_BUCKETS);
  });
  it('treats a missing or broken duration as one bar', () => {
    expect(waveformBuckets(0)).toBe(1);
    expect(waveformBuckets(Number.NaN)).toBe(1);
  });
});

describe('samplesPerBucket', () => {
  it('divides the chapter into no more stretches than it has bars', () => {
    for (const seconds of [0.3, 7.25, 61, 40 * 60, 11 * 3600]) {
      const perBucket = samplesPerBucket(seconds);
      const total = Math.round(seconds * WAVEFORM_SAMPLE_RATE);
      expect(Math.ceil(total / perBucket)).toBeLessThanOrEqual(waveformBuckets(seconds));
      expect(perBucket).toBeGreaterThanOrEqual(1);
    }
  });
});

describe('peakAmplitude', () => {
  it('turns dBFS into an amplitude with three decimals', () => {
    expect(peakAmplitude(0)).toBe(1);
    expect(peakAmplitude(-6.0206)).toBe(0.5);
    expect(peakAmplitude(-20)).toBe(0.1);
  });
  it('reads silence and clipping safely', () => {
    expect(peakAmplitude(-Infinity)).toBe(0);
    expect(peakAmplitude(null)).toBe(0);
    expect(peakAmplitude(Number.NaN)).toBe(0);
    expect(peakAmplitude(3)).toBe(1);
  });
});
