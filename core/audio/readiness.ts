/**
 * Readiness: pure evaluation of a measured deliverable against a platform's spec. Every rule reports what was
 * measured and what was expected, so the report explains itself. Measurements come from the encoded files.
 */
import { isValidIsbn } from '../projects/isbn';
import type { BitrateMode, LoudnessMeasurement } from './measurements';
import { atMost, literal, quantity, rangeSaid, readinessValue as value, type Said } from './readinessValues';
import type { ReadinessValue } from './readinessValues';
import { RETAIL_SPECS, type AcceptedFormat, type Range, type RetailPlatform, type RetailSpec } from './retailSpecs';

export type { ReadinessValue } from './readinessValues';

export type AudioFileRole = 'chapter' | 'opening-credits' | 'closing-credits' | 'retail-sample' | 'book';

export interface MeasuredAudioFile {
  name: string;
  role: AudioFileRole;
  /** ffprobe format name, e.g. `mp3`, `mov,mp4,m4a,3gp,3g2,mj2`, `flac`, `wav`. */
  formatName: string;
  codec: string;
  bitrateMode: BitrateMode;
  bitRateKbps?: number;
  sampleRateHz?: number;
  channels?: number;
  bitsPerSample?: number;
  durationSec: number;
  sizeBytes: number;
  loudness: LoudnessMeasurement;
}

export interface MeasuredCover {
  width: number;
  height: number;
  colorSpace: 'rgb' | 'cmyk' | 'gray' | 'other';
  format: 'jpeg' | 'png' | 'other';
}

export interface MeasuredDeliverable {
  files: MeasuredAudioFile[];
  chapterMarkers?: { count: number; titled: number };
  cover?: MeasuredCover;
  metadata: { isbn?: string; description?: string };
  aiNarrated: boolean;
}

export interface ReadinessRule {
  id: string;
  description: string;
  passed: boolean;
  measured: string;
  expected: string;
  /**
   * `measured` and `expected` as codes with params, for a client to say in its reader's language. Reports stored
   * before these existed have only the English text. `measuredValues` holds one value, or for a per-file rule every
   * file passed, the distinct values seen (up to three); `failingFile` names the first file that failed such a rule.
   */
  measuredValues?: ReadinessValue[];
  failingFile?: { name: string; otherFailingFiles: number };
  expectedValue?: ReadinessValue;
}

export interface ReadinessReport {
  platform: RetailPlatform;
  passed: boolean;
  rules: ReadinessRule[];
}

export function evaluateReadiness(platform: RetailPlatform, deliverable: MeasuredDeliverable): ReadinessReport {
  const spec = RETAIL_SPECS[platform];
  const rules: ReadinessRule[] = [
    ...formatRules(spec, deliverable.files),
    ...levelRules(spec, deliverable.files),
    ...lengthRules(spec, deliverable),
    ...contentRules(spec, deliverable),
  ];
  return { platform, passed: rules.every((r) => r.passed), rules };
}

/** One rule over all files: passes when each does; `measured` names the worst offender (or the range seen). */
function perFile(
  id: string,
  description: string,
  files: MeasuredAudioFile[],
  [expected, expectedValue]: Said,
  check: (file: MeasuredAudioFile) => { ok: boolean; said: Said },
): ReadinessRule {
  if (files.length === 0) {
    return {
      id,
      description,
      passed: false,
      measured: 'no audio files',
      expected,
      measuredValues: [value.state('no_audio_files')],
      expectedValue,
    };
  }
  const results = files.map((file) => ({ file, ...check(file) }));
  const failed = results.filter((r) => !r.ok);
  if (failed.length > 0) {
    const [text, structured] = failed[0].said;
    const others = failed.length - 1;
    return {
      id,
      description,
      passed: false,
      measured: `${failed[0].file.name}: ${text}${others > 0 ? ` (+${others} more files)` : ''}`,
      expected,
      measuredValues: [structured],
      failingFile: { name: failed[0].file.name, otherFailingFiles: others },
      expectedValue,
    };
  }
  const distinct = new Map(results.map((r) => [r.said[0], r.said[1]]));
  const seen = [...distinct.entries()].slice(0, 3);
  return {
    id,
    description,
    passed: true,
    measured: seen.map(([text]) => text).join(', '),
    expected,
    measuredValues: seen.map(([, structured]) => structured),
    expectedValue,
  };
}

function formatOf(file: MeasuredAudioFile, spec: RetailSpec): AcceptedFormat | undefined {
  return spec.formats.find((f) => containerMatches(file.formatName, f.container) && f.codecs.includes(file.codec));
}

function containerMatches(formatName: string, container: AcceptedFormat['container']): boolean {
  const names = formatName.toLowerCase().split(',');
  return container === 'mp4' ? names.some((n) => ['mp4', 'mov', 'm4a', 'ipod'].includes(n)) : names.includes(container);
}

function formatRules(spec: RetailSpec, files: MeasuredAudioFile[]): ReadinessRule[] {
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

function levelRules(spec: RetailSpec, files: MeasuredAudioFile[]): ReadinessRule[] {
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

function lengthRules(spec: RetailSpec, deliverable: MeasuredDeliverable): ReadinessRule[] {
  const { files } = deliverable;
  const rules: ReadinessRule[] = [];
  const minutes = (sec: number): Said => quantity(sec / 60, 'min', 1);
  if (spec.maxFileMinutes !== undefined) {
    const max = spec.maxFileMinutes;
    rules.push(
      perFile('file-length', 'Length of each file', files, atMost(max, 'min'), (f) => ({
        ok: f.durationSec <= max * 60,
        said: minutes(f.durationSec),
      })),
    );
  }
  if (spec.maxFileBytes !== undefined) {
    const max = spec.maxFileBytes;
    rules.push(
      perFile('file-size', 'Size of each file', files, atMost(Math.round(max / 1048576), 'MB'), (f) => ({
        ok: f.sizeBytes <= max,
        said: quantity(f.sizeBytes / 1048576, 'MB', 1),
      })),
    );
  }
  const total = files.filter((f) => f.role !== 'retail-sample').reduce((sum, f) => sum + f.durationSec, 0);
  if (spec.maxTotalHours !== undefined) {
    rules.push({
      id: 'total-length',
      description: 'Single track length',
      passed: total < spec.maxTotalHours * 3600,
      measured: `${(total / 3600).toFixed(2)} h`,
      expected: `< ${spec.maxTotalHours} h`,
      measuredValues: [value.quantity(total / 3600, 'h', 2)],
      expectedValue: value.lessThan(spec.maxTotalHours, 'h'),
    });
  }
  if (spec.minTotalMinutes !== undefined) {
    rules.push({
      id: 'total-length',
      description: 'Total running time',
      passed: total >= spec.minTotalMinutes * 60,
      measured: minutes(total)[0],
      expected: `≥ ${spec.minTotalMinutes} min`,
      measuredValues: [minutes(total)[1]],
      expectedValue: value.atLeast(spec.minTotalMinutes, 'min'),
    });
  }
  if (spec.packaging === 'single-m4b') {
    rules.push({
      id: 'single-file',
      description: 'One audio file for the whole book',
      passed: files.length === 1,
      measured: `${files.length} files`,
      expected: '1 file',
      measuredValues: [value.fileCount(files.length)],
      expectedValue: value.fileCount(1),
    });
  }
  if (spec.retailSampleMinutes) {
    const range = spec.retailSampleMinutes;
    const sample = files.find((f) => f.role === 'retail-sample');
    rules.push({
      id: 'retail-sample',
      description: 'Retail sample',
      passed: !!sample && inRange(sample.durationSec / 60, range),
      measured: sample ? minutes(sample.durationSec)[0] : 'missing',
      expected: rangeSaid(range, 'min')[0],
      measuredValues: [sample ? minutes(sample.durationSec)[1] : value.state('missing')],
      expectedValue: rangeSaid(range, 'min')[1],
    });
  }
  return rules;
}

function contentRules(spec: RetailSpec, deliverable: MeasuredDeliverable): ReadinessRule[] {
  const rules: ReadinessRule[] = [];
  if (spec.needsChapterMarkers) {
    const markers = deliverable.chapterMarkers;
    rules.push({
      id: 'chapter-markers',
      description: 'Chapter markers with titles',
      passed: !!markers && markers.count > 0 && markers.titled === markers.count,
      measured: markers ? `${markers.count} markers, ${markers.titled} titled` : 'none',
      expected: '≥ 1, all titled',
      measuredValues: [markers ? value.markers(markers.count, markers.titled) : value.state('none')],
      expectedValue: value.allMarkersTitled(1),
    });
  }
  if (spec.needsCredits) {
    const roles = new Set(deliverable.files.map((f) => f.role));
    const both = roles.has('opening-credits') && roles.has('closing-credits');
    rules.push({
      id: 'credits',
      description: 'Opening and closing credits',
      passed: both,
      measured: both ? 'present' : 'missing',
      expected: 'opening and closing credits files',
      measuredValues: [value.state(both ? 'present' : 'missing')],
      expectedValue: value.state('opening_and_closing_credits'),
    });
  }
  rules.push(coverRule(spec, deliverable.cover));
  if (spec.isbnRequired) {
    const isbn = deliverable.metadata.isbn;
    rules.push({
      id: 'isbn',
      description: 'ISBN present and valid',
      passed: !!isbn && isValidIsbn(isbn),
      measured: isbn ?? 'missing',
      expected: 'valid ISBN-10 or ISBN-13',
      measuredValues: [isbn ? value.literal(isbn) : value.state('missing')],
      expectedValue: value.state('valid_isbn'),
    });
  }
  if (spec.disclosureRequired && deliverable.aiNarrated) {
    const disclosed = hasDigitalVoiceDisclosure(deliverable.metadata.description ?? '');
    rules.push({
      id: 'disclosure',
      description: 'Digital-voice narration disclosed in the description',
      passed: disclosed,
      measured: disclosed ? 'present' : 'missing',
      expected: '"narrated by a digital voice" or equivalent',
      measuredValues: [value.state(disclosed ? 'present' : 'missing')],
      expectedValue: value.state('digital_voice_statement'),
    });
  }
  return rules;
}

function coverRule(spec: RetailSpec, cover: MeasuredCover | undefined): ReadinessRule {
  const c = spec.cover;
  const expected = `${c.square ? 'square ' : ''}≥ ${c.minPx} px${c.maxPx ? ` and ≤ ${c.maxPx} px` : ''}, ${c.rgb ? 'RGB ' : ''}${c.formats.join('/').toUpperCase()}`;
  const expectedValue: ReadinessValue = {
    code: 'cover_expected',
    params: {
      minPx: c.minPx,
      maxPx: c.maxPx ?? 0,
      square: c.square ? 1 : 0,
      rgb: c.rgb ? 1 : 0,
      formats: c.formats.join('/').toUpperCase(),
    },
  };
  if (!cover) {
    return {
      id: 'cover',
      description: 'Cover art',
      passed: false,
      measured: 'missing',
      expected,
      measuredValues: [value.state('missing')],
      expectedValue,
    };
  }
  const passed =
    Math.min(cover.width, cover.height) >= c.minPx &&
    (c.maxPx === undefined || Math.max(cover.width, cover.height) <= c.maxPx) &&
    (!c.square || cover.width === cover.height) &&
    (!c.rgb || cover.colorSpace === 'rgb') &&
    (c.formats as string[]).includes(cover.format);
  return {
    id: 'cover',
    description: 'Cover art',
    passed,
    measured: `${cover.width}×${cover.height} ${cover.colorSpace.toUpperCase()} ${cover.format.toUpperCase()}`,
    expected,
    measuredValues: [
      {
        code: 'cover_measured',
        params: {
          width: cover.width,
          height: cover.height,
          colorSpace: cover.colorSpace.toUpperCase(),
          format: cover.format.toUpperCase(),
        },
      },
    ],
    expectedValue,
  };
}

const DISCLOSURE =
  /(digital|synthetic|synthesi[sz]ed|computer[- ]generated|ai[- ]generated|artificial)\s+(voice|narrat)|narrat\w*\s+by\s+(a|an)\s+(digital|synthetic|ai|virtual)|\bvoz\s+(digital|sintética|sintetica|artificial)|\bnarra(do|da|ción|cao|ção)\s+(por|com)\s+(una?|um)\s+voz\s+(digital|sintética|sintetica)/i;

export function hasDigitalVoiceDisclosure(description: string): boolean {
  return DISCLOSURE.test(description);
}

function inRange(value: number | null, range: Range): boolean {
  if (value === null || Number.isNaN(value)) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
