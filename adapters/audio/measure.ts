/**
 * One ffmpeg pass measures what mastering and the readiness rules need: EBU R128 (integrated, range, true peak),
 * astats (RMS, peak), a noise floor (quietest 500 ms window, ACX's definition: windowed astats RMS parsed as a
 * stream so memory stays flat), and head/tail silence (silencedetect).
 */
import { LEVEL_STEP_SEC, type LevelBlocks, type MeasuredLevels } from '../../core/audio/levelBlocks';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
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
const WINDOW_PEAK_KEY = 'lavfi.astats.Overall.Peak_level';
const MOMENTARY_KEY = 'lavfi.r128.M';
const SHORT_TERM_KEY = 'lavfi.r128.S';
/** ebur128's true peak of the first channel (linear): the highest from the start, not the frame's own. */
const TRUE_PEAK_SO_FAR_KEY = 'lavfi.r128.true_peaks_ch0';
const DEFAULT_SILENCE_THRESHOLD_DB = -50;

/**
 * The measurement chain (a filter chain for `-af`, or a branch of a bigger graph): whole-file astats, head/tail
 * silence, the RMS of each 0.5 s window (printed, parsed as a stream), EBU R128 with true peak. Its log lines are
 * what MeasurementParser reads, so an encode can measure the stream it encodes in the same pass.
 */
export function measurementFilters(
  sampleRateHz: number,
  options: { silenceThresholdDb?: number; noiseWindowSec?: number; blocksDir?: string } = {},
): string {
  const windowSamples = Math.max(1, Math.round(sampleRateHz * (options.noiseWindowSec ?? 0.5)));
  const head = [
    'astats@overall=metadata=0',
    `silencedetect=noise=${options.silenceThresholdDb ?? DEFAULT_SILENCE_THRESHOLD_DB}dB:d=0.2`,
  ];
  const windows = [
    `asetnsamples=n=${windowSamples}:p=0`,
    'astats@window=metadata=1:reset=1',
    `ametadata@window=mode=print:key=${WINDOW_RMS_KEY}`,
  ];
  if (options.blocksDir === undefined) return [...head, ...windows, 'ebur128=peak=true:framelog=verbose'].join(',');
  // The level blocks (core/audio/levelBlocks.ts): each window's sample peak beside its RMS; then ebur128 fed 100 ms
  // frames, so that each frame's metadata is the 400 ms block, the 3 s window and the true peak so far ending on the
  // 100 ms grid, written to files (a few lines every 100 ms: through the log they cost the platform's process more
  // than the rest of the pass). ebur128 comes last: what it passes on is resampled to 48 kHz.
  const files = blockFiles(options.blocksDir);
  return [
    ...head,
    ...windows,
    `ametadata@peaks=mode=print:key=${WINDOW_PEAK_KEY}`,
    `asetnsamples=n=${Math.max(1, Math.round(sampleRateHz * LEVEL_STEP_SEC))}:p=0`,
    'ebur128=peak=true:framelog=verbose:metadata=1',
    `ametadata@momentary=mode=print:key=${MOMENTARY_KEY}:file=${files.momentary}`,
    `ametadata@shortterm=mode=print:key=${SHORT_TERM_KEY}:file=${files.shortTerm}`,
    `ametadata@truepeak=mode=print:key=${TRUE_PEAK_SO_FAR_KEY}:file=${files.truePeakSoFar}`,
  ].join(',');
}

/** Where a pass writes the level blocks' series, in a folder of the caller's (a server-made temp folder). */
function blockFiles(dir: string): Record<'momentary' | 'shortTerm' | 'truePeakSoFar', string> {
  // The path goes into a filter graph unquoted: only characters that mean nothing there.
  if (!/^[A-Za-z0-9_./-]+$/.test(dir)) throw new Error('the level blocks folder has characters a filter graph reads');
  return {
    momentary: path.join(dir, 'levels-momentary.txt'),
    shortTerm: path.join(dir, 'levels-short-term.txt'),
    truePeakSoFar: path.join(dir, 'levels-true-peak.txt'),
  };
}

/** The values of one key an `ametadata` print wrote to `file`, in frame order, read line by line. */
async function printedValues(file: string): Promise<string[]> {
  const values: string[] = [];
  const lines = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const line of lines) {
    if (line.startsWith('lavfi.')) values.push(line.slice(line.indexOf('=') + 1).trim());
  }
  return values;
}

/** The level blocks a pass with `blocksDir` measured: its files, and the windows the parser read from its log. */
export async function readMeasuredBlocks(
  blocksDir: string,
  parser: MeasurementParser,
  durationSec: number,
): Promise<LevelBlocks> {
  const files = blockFiles(blocksDir);
  const [momentary, shortTerm, truePeak] = await Promise.all(
    [files.momentary, files.shortTerm, files.truePeakSoFar].map(printedValues),
  );
  const lufs = (text: string) => finiteOrNull(dbValue(text));
  const windows = parser.windows();
  return {
    durationSec,
    momentaryLufs: momentary.map(lufs),
    shortTermLufs: shortTerm.map(lufs),
    truePeakSoFarDb: truePeak.map((text) => (Number(text) > 0 ? 20 * Math.log10(Number(text)) : null)),
    windowRmsDb: windows.rmsDb,
    windowPeakDb: windows.peakDb,
  };
}

export async function measureLoudness(file: string, options: MeasureOptions = {}): Promise<LoudnessMeasurement> {
  return (await measure(file, options)).measured;
}

/**
 * The measurement and the level blocks it is made of (core/audio/levelBlocks.ts), in the same one pass; the blocks'
 * files are written in `blocksDir`.
 */
export async function measureLevels(
  file: string,
  options: MeasureOptions & { blocksDir: string },
): Promise<MeasuredLevels> {
  const { measured, blocks } = await measure(file, options);
  return { measured, blocks: blocks! };
}

async function measure(
  file: string,
  options: MeasureOptions & { blocksDir?: string },
): Promise<{ measured: LoudnessMeasurement; blocks?: LevelBlocks }> {
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
    blocksDir: options.blocksDir,
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
  const measured = parser.result(durationSec);
  if (options.blocksDir === undefined) return { measured };
  return { measured, blocks: await readMeasuredBlocks(options.blocksDir, parser, durationSec) };
}

/**
 * Streaming parser of the ffmpeg log; keeps a handful of numbers, never the log (and two numbers per 500 ms window,
 * for the level blocks).
 */
export class MeasurementParser {
  private readonly windowRms: (number | null)[] = [];
  private readonly windowPeak: (number | null)[] = [];
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
        this.windowRms.push(finiteOrNull(this.pendingWindow));
      }
      return;
    }
    if (line.includes('@peaks')) {
      const match = line.match(/lavfi\.astats\.Overall\.Peak_level=(\S+)/);
      if (match) this.windowPeak.push(finiteOrNull(dbValue(match[1])));
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

  /** Each 500 ms window's RMS and (when the pass printed them) sample peak, in order. */
  windows(): { rmsDb: (number | null)[]; peakDb: (number | null)[] } {
    return { rmsDb: [...this.windowRms], peakDb: [...this.windowPeak] };
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
