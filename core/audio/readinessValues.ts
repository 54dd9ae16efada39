/**
 * The values of a readiness rule (what was measured, what the retailer expects) as a stable code with the params
 * its words need, so a client can say them in its reader's language with its own number format; each rule keeps the
 * same value in English text for API clients. The codes are listed in docs/studio-production.md.
 */
import type { Range } from './retailSpecs';

export const readinessValueCodes = [
  /** A number with its unit: params `value`, `unit` and, when rounded, `decimals` (digits after the separator). */
  'quantity',
  /** Params `value`, `unit`: no more than, at least, strictly less than. */
  'at_most',
  'at_least',
  'less_than',
  /** Params `min`, `max`, `unit`: both limits included. */
  'range',
  /** A level so low it has no number (digital silence). */
  'silence',
  /** No measurement could be taken. */
  'unmeasured',
  'present',
  'missing',
  'none',
  'no_audio_files',
  /** Params `count`. */
  'file_count',
  /** Params `channels`: 1 is mono, 2 stereo. */
  'channel_layout',
  /** Every file with the same layout, whichever it is. */
  'one_layout',
  /** A bit rate at least the minimum of the file's format and channel count. */
  'format_minimum',
  /** Params `count`, `titled`. */
  'markers',
  /** Params `min`: at least that many markers, every one titled. */
  'all_markers_titled',
  /**
   * The markers of a book that has one per chapter and credits file it holds: params `chapters` (its chapters),
   * `credits` (its credits files), `count` (the markers, their sum) and `titled`.
   */
  'chapter_markers',
  /** Params `chapters`, `credits` and `count` (their sum): one titled marker for each. */
  'marker_per_chapter',
  'opening_and_closing_credits',
  'valid_isbn',
  'digital_voice_statement',
  /** Params `width`, `height`, `colorSpace`, `format`. */
  'cover_measured',
  /** Params `minPx`, `maxPx` (0: no maximum), `square` and `rgb` (1 or 0), `formats` (e.g. `JPEG/PNG`). */
  'cover_expected',
  /** Technical text said the same in every language (an ISBN, `mp3/mp3`, `CBR`): params `text`. */
  'literal',
] as const;
export type ReadinessValueCode = (typeof readinessValueCodes)[number];

export const readinessUnits = ['dB', 'h', 'min', 'ms', 'Hz', 'kbps', 'MB'] as const;
export type ReadinessUnit = (typeof readinessUnits)[number];

export interface ReadinessValue {
  code: ReadinessValueCode;
  params: Record<string, string | number>;
}

export const readinessValue = {
  /** Without `decimals` the value is as measured, and a client shows its digits as they come. */
  quantity: (value: number, unit: ReadinessUnit, decimals?: number): ReadinessValue => ({
    code: 'quantity',
    params: decimals === undefined ? { value, unit } : { value: round(value, decimals), unit, decimals },
  }),
  atMost: (value: number, unit: ReadinessUnit): ReadinessValue => ({ code: 'at_most', params: { value, unit } }),
  atLeast: (value: number, unit: ReadinessUnit): ReadinessValue => ({ code: 'at_least', params: { value, unit } }),
  lessThan: (value: number, unit: ReadinessUnit): ReadinessValue => ({ code: 'less_than', params: { value, unit } }),
  range: (min: number, max: number, unit: ReadinessUnit): ReadinessValue => ({
    code: 'range',
    params: { min, max, unit },
  }),
  state: (
    code:
      | 'silence'
      | 'unmeasured'
      | 'present'
      | 'missing'
      | 'none'
      | 'no_audio_files'
      | 'one_layout'
      | 'format_minimum'
      | 'opening_and_closing_credits'
      | 'valid_isbn'
      | 'digital_voice_statement',
  ): ReadinessValue => ({ code, params: {} }),
  fileCount: (count: number): ReadinessValue => ({ code: 'file_count', params: { count } }),
  channelLayout: (channels: number): ReadinessValue => ({ code: 'channel_layout', params: { channels } }),
  markers: (count: number, titled: number): ReadinessValue => ({ code: 'markers', params: { count, titled } }),
  allMarkersTitled: (min: number): ReadinessValue => ({ code: 'all_markers_titled', params: { min } }),
  chapterMarkers: (chapters: number, credits: number, titled: number): ReadinessValue => ({
    code: 'chapter_markers',
    params: { chapters, credits, count: chapters + credits, titled },
  }),
  markerPerChapter: (chapters: number, credits: number): ReadinessValue => ({
    code: 'marker_per_chapter',
    params: { chapters, credits, count: chapters + credits },
  }),
  literal: (text: string): ReadinessValue => ({ code: 'literal', params: { text } }),
};

/**
 * A value in English words (a rule's `measured`/`expected`) and as a code with params, built by one call so the two
 * never disagree.
 */
export type Said = [text: string, structured: ReadinessValue];

/** With `decimals`, rounded to that many digits; without, the number as measured. */
export function quantity(amount: number, unit: ReadinessUnit, decimals?: number): Said {
  const text = decimals === undefined ? String(amount) : amount.toFixed(decimals);
  // A number JSON cannot carry (NaN from a failed probe) is no measurement.
  if (!Number.isFinite(amount)) return [`${text} ${unit}`, readinessValue.state('unmeasured')];
  return [`${text} ${unit}`, readinessValue.quantity(amount, unit, decimals)];
}

export function rangeSaid(range: Range, unit: ReadinessUnit): Said {
  if (range.min !== undefined && range.max !== undefined) {
    return [`${range.min}..${range.max} ${unit}`, readinessValue.range(range.min, range.max, unit)];
  }
  if (range.min !== undefined) return [`≥ ${range.min} ${unit}`, readinessValue.atLeast(range.min, unit)];
  return [`≤ ${range.max} ${unit}`, readinessValue.atMost(range.max ?? 0, unit)];
}

export function atMost(max: number, unit: ReadinessUnit): Said {
  return [`≤ ${max} ${unit}`, readinessValue.atMost(max, unit)];
}

export function literal(text: string): Said {
  return [text, readinessValue.literal(text)];
}

/** Rounded the way the English text shows it, so both say the same number. */
function round(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}
