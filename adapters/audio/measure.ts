/**
 * One ffmpeg pass measures what mastering and the readiness rules need: EBU R128 (integrated, range, true peak),
 * astats (RMS, peak), a noise floor (quietest 500 ms window, ACX's definition: windowed astats RMS parsed as a
 * stream so memory stays flat), and head/tail silence (silencedetect).
 */
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import { runFfmpeg, type RunOptions } from './ffmpeg';
import { probe } from './probe';

export interface MeasureOptions extends Pick<RunOptions, 'timeoutMs' | 'signal'> {
  ffmpegPath?: string;
  ffprobePath?: string;
  /** Measure only part of the file (seconds). */
  startSec?: number;
  durationSec?: number;
  /** Level under which audio counts as silence / room tone for head and tail detection (default −50 dB). */
  silenceThresholdDb?: number;
  /** Noise-floor window (default 0.5 s). */
  noiseWindowSec?: number;
}

const WINDOW_RMS_KEY = 'lavfi.astats.Overall.RMS_level';
const DEFAULT_SILENCE_THRESHOLD_DB = -50;

/**
 * The measurement chain (a filter chain for `-af`, or a branch of a bigger graph): whole-file astats, head/tail
 * silence, the RMS of each 0.5 s window (printed, parsed as a stream), EBU R128 with true peak. Its log lines are
 * what MeasurementParser reads, so an encode can measure the stream it encodes in the same pass.
 */
export function measurementFilters(
  sampleRateHz: number,
  options: { silenceThresholdDb?: number; noiseWindowSec?: number } = {},
): string {
  const windowSamples = Math.max(1, Math.round(sampleRateHz * (options.noiseWindowSec ?? 0.5)));
  return [
    'astats@overall=metadata=0',
    `silencedetect=noise=${options.silenceThresholdDb ?? DEFAULT_SILENCE_THRESHOLD_DB}dB:d=0.2`,
    `asetnsamples=n=${windowSamples}:p=0`,
    'astats@window=metadata=1:reset=1',
    `ametadata@window=mode=print:key=${WINDOW_RMS_KEY}`,
    'ebur128=peak=true:framelog=verbose',
  ].join(',');
}

export async function measureLoudness(file: string, options: MeasureOptions = {}): Promise<LoudnessMeasurement> {
  const probed = await probe(file, { binaryPath: options.ffprobePath, signal: options.signal });
  const sampleRate = probed.audio?.sampleRateHz ?? 44100;
  const windowSamples = Math.max(1, Math.round(sampleRate * (options.noiseWindowSec ?? 0.5)));
  const threshold = options.silenceThresholdDb ?? DEFAULT_SILENCE_THRESHOLD_DB;

  const input: string[] = [];
  if (options.startSec !== undefined) input.push('-ss', seconds(options.startSec));
  if (options.durationSec !== undefined) input.push('-t', seconds(options.durationSec));
  const filters = measurementFilters(sampleRate, {
    silenceThresholdDb: threshold,
    noiseWindowSec: windowSamples / sampleRate,
  });

  const parser = new MeasurementParser();
  await runFfmpeg([...input, '-i', file, '-map', '0:a:0', '-af', filters, '-f', 'null', '-'], {
    timeoutMs: options.timeoutMs ?? 30 * 60_000,
    signal: options.signal,
    binaryPath: options.ffmpegPath,
    onStderrLine: (line) => parser.line(line),
  });
  const durationSec =
    options.durationSec !== undefined
      ? Math.min(options.durationSec, Math.max(0, probed.durationSec - (options.startSec ?? 0)))
      : probed.durationSec;
  return parser.result(durationSec);
}

/** Streaming parser of the ffmpeg log; keeps a handful of numbers, never the log. */
export class MeasurementParser {
  private section: 'none' | 'integrated' | 'range' | 'peak' = 'none';
  private integrated: number | null = null;
  private range: number | null = null;
  private truePeak: number | null = null;
  private rms: number | null = null;
  private peak: number | null = null;
  private inOverall = false;
  private quietestWindow: number | null = null;
  private pendingWindow: number | null = null;
  private silences: { start: number; end?: number }[] = [];
  private lastSilenceEnd: number | null = null;

  line(line: string): void {
    if (line.includes('@window')) {
      const match = line.match(/lavfi\.astats\.Overall\.RMS_level=(\S+)/);
      if (match) {
        // Commit the previous window only when another follows: the last one may be a short remainder.
        if (this.pendingWindow !== null) this.quietestWindow = minOf(this.quietestWindow, this.pendingWindow);
        this.pendingWindow = dbValue(match[1]);
      }
      return;
    }
    if (line.includes('[astats@overall')) {
      if (/\] Overall\s*$/.test(line)) this.inOverall = true;
      if (!this.inOverall) return;
      const rms = line.match(/RMS level dB: (\S+)/);
      if (rms) this.rms = dbValue(rms[1]);
      const peak = line.match(/Peak level dB: (\S+)/);
      if (peak) this.peak = dbValue(peak[1]);
      return;
    }
    const start = line.match(/silence_start: (-?[\d.]+)/);
    if (start) {
      this.silences.push({ start: Number(start[1]) });
      return;
    }
    const end = line.match(/silence_end: (-?[\d.]+)/);
    if (end) {
      const last = this.silences[this.silences.length - 1];
      if (last && last.end === undefined) last.end = Number(end[1]);
      this.lastSilenceEnd = Number(end[1]);
      if (this.silences.length > 2) this.silences.splice(1, this.silences.length - 2);
      return;
    }
    this.ebur128(line);
  }

  private ebur128(line: string): void {
    const text = line.replace(/^\[[^\]]*\]\s*/, '').trim();
    if (text.startsWith('Integrated loudness:')) this.section = 'integrated';
    else if (text.startsWith('Loudness range:')) this.section = 'range';
    else if (text.startsWith('True peak:')) this.section = 'peak';
    const value = text.match(/^(I|LRA|Peak):\s+(\S+)/);
    if (!value) return;
    if (value[1] === 'I' && this.section === 'integrated') this.integrated = finiteOrNull(dbValue(value[2]));
    if (value[1] === 'LRA' && this.section === 'range') this.range = finiteOrNull(dbValue(value[2]));
    if (value[1] === 'Peak' && this.section === 'peak') this.truePeak = dbValue(value[2]);
  }

  result(durationSec: number): LoudnessMeasurement {
    const quietest = this.quietestWindow ?? this.pendingWindow;
    const first = this.silences[0];
    const last = this.silences[this.silences.length - 1];
    const headSilenceMs =
      first && first.start <= 0.05 ? ((first.end ?? durationSec) - Math.max(0, first.start)) * 1000 : 0;
    const lastEnd = last?.end ?? durationSec;
    const tailSilenceMs = last && lastEnd >= durationSec - 0.1 && last.start > 0.05 ? (lastEnd - last.start) * 1000 : 0;
    return {
      integratedLufs: this.integrated,
      loudnessRangeLu: this.range,
      truePeakDb: this.truePeak,
      rmsDb: this.rms,
      peakDb: this.peak,
      noiseFloorDb: quietest,
      headSilenceMs: Math.round(Math.max(0, headSilenceMs)),
      tailSilenceMs: Math.round(Math.max(0, tailSilenceMs)),
      durationSec,
    };
  }
}

function dbValue(text: string): number {
  if (/^-inf/i.test(text)) return -Infinity;
  if (/^inf/i.test(text)) return Infinity;
  const n = Number(text);
  return Number.isNaN(n) ? -Infinity : n;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

function minOf(a: number | null, b: number): number {
  return a === null ? b : Math.min(a, b);
}

function seconds(value: number): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError('seconds must be a finite, non-negative number');
  return value.toFixed(3);
}
