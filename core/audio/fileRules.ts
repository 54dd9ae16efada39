/**
 * Readiness rules about each audio file: its format, sample rate, bit rate and channels, and its levels (RMS, peak,
 * noise floor, room tone at the head and tail).
 */
import { atMost, literal, quantity, rangeSaid, readinessValue as value, type Said } from './readinessValues';
import { inRange, perFile, type MeasuredAudioFile, type ReadinessRule } from './readinessReport';
import type { AcceptedFormat, RetailSpec } from './retailSpecs';

function formatOf(file: MeasuredAudioFile, spec: RetailSpec): AcceptedFormat | undefined {
  return spec.formats.find((f) => containerMatches(file.formatName, f.container) && f.codecs.includes(file.codec));
}

function containerMatches(formatName: string, container: AcceptedFormat['container']): boolean {
  const names = formatName.toLowerCase().split(',');
  return container === 'mp4' ? names.some((n) => ['mp4', 'mov', 'm4a', 'ipod'].includes(n)) : names.includes(container);
}

export function formatRules(spec: RetailSpec, files: MeasuredAudioFile[]): ReadinessRule[] {
  const accepted = spec.formats.map((f) => `${f.container}/${f.codecs.join('|')}`).join(', ');
  const rules = [
    perFile('format', 'Audio format accepted by the retailer', files, [accepted, value.literal(accepted)], (f) => ({
      ok: !!formatOf(f, spec),
      said: literal(`${f.formatName}/${f.codec}`),
    })),
    perFile(
      'sample-rate',
      'Sample rate',
      files,
      spec.exactSampleRateHz
        ? quantity(spec.exactSampleRateHz, 'Hz')
        : [`≥ ${spec.minSampleRateHz} Hz`, value.atLeast(spec.minSampleRateHz, 'Hz')],
      (f) => ({
        ok:
          f.sampleRateHz !== undefined &&
          (spec.exactSampleRateHz ? f.sampleRateHz === spec.exactSampleRateHz : f.sampleRateHz >= spec.minSampleRateHz),
        said: f.sampleRateHz === undefined ? ['? Hz', value.state('unmeasured')] : quantity(f.sampleRateHz, 'Hz'),
      }),
    ),
    perFile('bitrate', 'Bit rate', files, ['at least the format minimum', value.state('format_minimum')], (f) => {
      const format = formatOf(f, spec);
      const minimum = (f.channels ?? 1) > 1 ? format?.minStereoKbps : format?.minMonoKbps;
      const bitsOk = format?.minBitsPerSample === undefined || (f.bitsPerSample ?? 0) >= format.minBitsPerSample;
      return {
        ok: !!format && bitsOk && (minimum === undefined || (f.bitRateKbps ?? 0) >= minimum - 1),
        said: f.bitRateKbps === undefined ? ['? kbps', value.state('unmeasured')] : quantity(f.bitRateKbps, 'kbps'),
      };
    }),
  ];
  if (spec.formats.some((f) => f.cbrRequired)) {
    rules.push(
      perFile('cbr', 'Constant bit rate', files, literal('CBR'), (f) => ({
        ok: !formatOf(f, spec)?.cbrRequired || f.bitrateMode === 'cbr',
        said: literal(f.bitrateMode.toUpperCase()),
      })),
    );
  }
  const channelCounts = [...new Set(files.map((f) => f.channels ?? 0))];
  rules.push({
    id: 'channels',
    description:
      spec.channels === 'mono' ? 'All files mono' : 'All files share one channel layout (all mono or all stereo)',
    passed: channelCounts.length === 1 && channelCounts[0] > 0 && (spec.channels !== 'mono' || channelCounts[0] === 1),
    measured: channelCounts.map((c) => (c === 1 ? 'mono' : c === 2 ? 'stereo' : `${c} ch`)).join(', ') || 'none',
    expected: spec.channels === 'mono' ? 'mono' : 'one layout',
    measuredValues: channelCounts.length > 0 ? channelCounts.map((c) => value.channelLayout(c)) : [value.state('none')],
    expectedValue: spec.channels === 'mono' ? value.channelLayout(1) : value.state('one_layout'),
  });
  return rules;
}

export function levelRules(spec: RetailSpec, files: MeasuredAudioFile[]): ReadinessRule[] {
  const rules: ReadinessRule[] = [];
  const db = (level: number | null): Said =>
    level === null
      ? ['unmeasured', value.state('unmeasured')]
      : level === -Infinity
        ? ['-inf dB', value.state('silence')]
        : quantity(level, 'dB', 1);
  if (spec.rmsDb) {
    const range = spec.rmsDb;
    rules.push(
      perFile('rms', 'RMS level', files, rangeSaid(range, 'dB'), (f) => ({
        ok: inRange(f.loudness.rmsDb, range),
        said: db(f.loudness.rmsDb),
      })),
    );
  }
  if (spec.maxPeakDb !== undefined) {
    const max = spec.maxPeakDb;
    rules.push(
      perFile('peak', 'Peak level (true peak where measured)', files, atMost(max, 'dB'), (f) => {
        const peak = f.loudness.truePeakDb ?? f.loudness.peakDb;
        return { ok: peak !== null && peak <= max, said: db(peak) };
      }),
    );
  }
  if (spec.maxNoiseFloorDb !== undefined) {
    const max = spec.maxNoiseFloorDb;
    rules.push(
      perFile('noise-floor', 'Noise floor (quietest 0.5 s)', files, atMost(max, 'dB'), (f) => ({
        ok: f.loudness.noiseFloorDb !== null && f.loudness.noiseFloorDb <= max,
        said: db(f.loudness.noiseFloorDb),
      })),
    );
  }
  if (spec.headRoomToneMs) {
    const range = spec.headRoomToneMs;
    rules.push(
      perFile('room-tone-head', 'Room tone at the head', files, rangeSaid(range, 'ms'), (f) => ({
        ok: inRange(f.loudness.headSilenceMs, range),
        said: quantity(f.loudness.headSilenceMs, 'ms'),
      })),
    );
  }
  if (spec.tailRoomToneMs) {
    const range = spec.tailRoomToneMs;
    rules.push(
      perFile('room-tone-tail', 'Room tone at the tail', files, rangeSaid(range, 'ms'), (f) => ({
        ok: inRange(f.loudness.tailSilenceMs, range),
        said: quantity(f.loudness.tailSilenceMs, 'ms'),
      })),
    );
  }
  return rules;
}
