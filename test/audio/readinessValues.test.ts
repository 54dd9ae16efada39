import { evaluateReadiness, type MeasuredDeliverable, type ReadinessRule } from '../../core/audio/readiness';
import { readinessValueCodes } from '../../core/audio/readinessValues';
import type { RetailPlatform } from '../../core/audio/retailSpecs';
import { goodLevels as levels, mp3 } from './readinessFixtures';

function deliverable(over: Partial<MeasuredDeliverable> = {}): MeasuredDeliverable {
  return {
    files: [
      mp3('opening.mp3', 'opening-credits', { durationSec: 20 }),
      mp3('ch01.mp3', 'chapter'),
      mp3('closing.mp3', 'closing-credits', { durationSec: 10 }),
      mp3('sample.mp3', 'retail-sample', { durationSec: 180 }),
    ],
    chapterMarkers: { count: 4, titled: 3 },
    cover: { width: 3000, height: 3000, colorSpace: 'rgb', format: 'jpeg' },
    metadata: { isbn: '978-0-306-40615-7', description: 'A novel, narrated by a digital voice.' },
    aiNarrated: true,
    ...over,
  };
}

const rule = (rules: ReadinessRule[], id: string) => {
  const found = rules.find((r) => r.id === id);
  if (!found) throw new Error(`no ${id} rule`);
  return found;
};

describe('readiness values a client can say in its own language', () => {
  it.each<RetailPlatform>(['acx', 'apple', 'google', 'spotify', 'kobo'])(
    'gives every %s rule a measured and an expected value with a known code',
    (platform) => {
      for (const r of evaluateReadiness(platform, deliverable()).rules) {
        expect(r.measuredValues?.length).toBeGreaterThan(0);
        expect(r.expectedValue).toBeDefined();
        for (const v of [...(r.measuredValues ?? []), r.expectedValue]) {
          expect(readinessValueCodes).toContain(v?.code);
        }
      }
    },
  );

  it('says levels, lengths and limits as numbers with units, rounded as the English text rounds them', () => {
    const quiet = { ...levels, rmsDb: -28.14, truePeakDb: -1.06 };
    const files = [
      mp3('ch01.mp3', 'chapter', { loudness: quiet }),
      mp3('ch02.mp3', 'chapter', { loudness: quiet }),
      mp3('sample.mp3', 'retail-sample', { durationSec: 30 }),
    ];
    const { rules } = evaluateReadiness('acx', deliverable({ files, metadata: { description: 'A novel.' } }));

    const rms = rule(rules, 'rms');
    expect(rms.measured).toBe('ch01.mp3: -28.1 dB (+1 more files)');
    expect(rms.measuredValues).toEqual([{ code: 'quantity', params: { value: -28.1, unit: 'dB', decimals: 1 } }]);
    expect(rms.failingFile).toEqual({ name: 'ch01.mp3', otherFailingFiles: 1 });
    expect(rms.expectedValue).toEqual({ code: 'range', params: { min: -23, max: -18, unit: 'dB' } });

    const peak = rule(rules, 'peak');
    expect(peak.expected).toBe('≤ -3 dB');
    expect(peak.expectedValue).toEqual({ code: 'at_most', params: { value: -3, unit: 'dB' } });

    const sample = rule(rules, 'retail-sample');
    expect(sample.measuredValues).toEqual([{ code: 'quantity', params: { value: 0.5, unit: 'min', decimals: 1 } }]);
    expect(sample.expectedValue).toEqual({ code: 'range', params: { min: 1, max: 5, unit: 'min' } });

    expect(rule(rules, 'credits').measuredValues).toEqual([{ code: 'missing', params: {} }]);
    expect(rule(rules, 'disclosure').measuredValues).toEqual([{ code: 'missing', params: {} }]);
    expect(rule(rules, 'disclosure').expectedValue).toEqual({ code: 'digital_voice_statement', params: {} });
    expect(rule(rules, 'channels').measuredValues).toEqual([{ code: 'channel_layout', params: { channels: 1 } }]);
    expect(rule(rules, 'channels').expectedValue).toEqual({ code: 'one_layout', params: {} });
    expect(rule(rules, 'bitrate').expectedValue).toEqual({ code: 'format_minimum', params: {} });
    // Every file passed: the distinct values seen, without a failing file.
    const rate = rule(rules, 'sample-rate');
    expect(rate.measuredValues).toEqual([{ code: 'quantity', params: { value: 44100, unit: 'Hz' } }]);
    expect(rate.failingFile).toBeUndefined();
  });

  it('says the single file, its length, markers and cover of an Apple Books delivery', () => {
    const files = [mp3('book.m4b', 'book', { durationSec: 2052 }), mp3('extra.m4b', 'chapter', { durationSec: 0 })];
    const { rules } = evaluateReadiness(
      'apple',
      deliverable({ files, cover: { width: 1400, height: 1400, colorSpace: 'cmyk', format: 'png' } }),
    );
    const total = rule(rules, 'total-length');
    // Under an hour, in minutes (in hours it read "0.57 h"); an hour or more stays in hours.
    expect(total.measured).toBe('34.2 min');
    expect(total.measuredValues).toEqual([{ code: 'quantity', params: { value: 34.2, unit: 'min', decimals: 1 } }]);
    expect(total.expectedValue).toEqual({ code: 'less_than', params: { value: 23, unit: 'h' } });
    expect(rule(rules, 'single-file').measuredValues).toEqual([{ code: 'file_count', params: { count: 2 } }]);
    expect(rule(rules, 'single-file').expectedValue).toEqual({ code: 'file_count', params: { count: 1 } });
    expect(rule(rules, 'chapter-markers').measuredValues).toEqual([
      { code: 'markers', params: { count: 4, titled: 3 } },
    ]);
    expect(rule(rules, 'chapter-markers').expectedValue).toEqual({ code: 'all_markers_titled', params: { min: 1 } });
    expect(rule(rules, 'cover').measuredValues).toEqual([
      { code: 'cover_measured', params: { width: 1400, height: 1400, colorSpace: 'CMYK', format: 'PNG' } },
    ]);
    expect(rule(rules, 'cover').expectedValue?.code).toBe('cover_expected');
  });

  it('says an Apple Books delivery of an hour or more in hours', () => {
    const files = [mp3('book.m4b', 'book', { durationSec: 5 * 3600 + 18 * 60 })];
    const total = rule(evaluateReadiness('apple', deliverable({ files })).rules, 'total-length');
    expect(total.measured).toBe('5.30 h');
    expect(total.measuredValues).toEqual([{ code: 'quantity', params: { value: 5.3, unit: 'h', decimals: 2 } }]);
  });

  it('says what could not be measured or is absent', () => {
    const silent = { ...levels, truePeakDb: -Infinity, noiseFloorDb: null };
    const files = [mp3('ch01.mp3', 'chapter', { loudness: silent, sampleRateHz: undefined, bitRateKbps: NaN })];
    const { rules } = evaluateReadiness('acx', deliverable({ files, cover: undefined }));
    expect(rule(rules, 'peak').measuredValues).toEqual([{ code: 'silence', params: {} }]);
    expect(rule(rules, 'noise-floor').measuredValues).toEqual([{ code: 'unmeasured', params: {} }]);
    expect(rule(rules, 'sample-rate').measuredValues).toEqual([{ code: 'unmeasured', params: {} }]);
    // A number JSON cannot carry is stored as no measurement, never as null.
    expect(rule(rules, 'bitrate').measuredValues).toEqual([{ code: 'unmeasured', params: {} }]);
    expect(rule(rules, 'cover').measuredValues).toEqual([{ code: 'missing', params: {} }]);
    const empty = evaluateReadiness('acx', deliverable({ files: [] })).rules;
    expect(rule(empty, 'format').measuredValues).toEqual([{ code: 'no_audio_files', params: {} }]);
    expect(rule(empty, 'channels').measuredValues).toEqual([{ code: 'none', params: {} }]);
  });
});
