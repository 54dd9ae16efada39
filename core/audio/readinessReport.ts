/**
 * What a readiness report is made of: the measured deliverable, the rules it is judged by and the report, plus the
 * helper that turns one check over every file into one rule.
 */
import type { BitrateMode, LoudnessMeasurement } from './measurements';
import { readinessValue as value, type ReadinessValue, type Said } from './readinessValues';
import type { Range, RetailPlatform } from './retailSpecs';

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

/** What a file's headers say about it (probed): everything measured of it but its name, role and levels. */
export type AudioFileFacts = Omit<MeasuredAudioFile, 'name' | 'role' | 'loudness'>;

export interface MeasuredCover {
  width: number;
  height: number;
  colorSpace: 'rgb' | 'cmyk' | 'gray' | 'other';
  format: 'jpeg' | 'png' | 'other';
}

/**
 * The M4B's chapter marks and, from the package's own plan, what they stand for: `chapters` of the book and `credits`
 * files (opening, closing). A report measured before the plan was kept has only the counts.
 */
export interface ChapterMarkers {
  count: number;
  titled: number;
  packaged?: { chapters: number; credits: number };
}

export interface MeasuredDeliverable {
  files: MeasuredAudioFile[];
  chapterMarkers?: ChapterMarkers;
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

/** One rule over all files: passes when each does; `measured` names the worst offender (or the range seen). */
export function perFile(
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

export function inRange(value: number | null, range: Range): boolean {
  if (value === null || Number.isNaN(value)) return false;
  return (range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max);
}
