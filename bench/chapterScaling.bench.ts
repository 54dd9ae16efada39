/**
 * How chapter detection grows with the size of the book: parse and detect (parseManuscript and detectBookChapters,
 * what an import runs in its analysis thread) on texts of 0.2 to 45 MB made of the development books with their
 * chapter headings renumbered (test/manuscript/fixtures/renumberedOmnibus.ts). Each size runs in a process of its
 * own, so one case's garbage and compiled code do not weigh on the next, and is stopped past the import's own limit
 * (10 minutes). Reported: seconds (parse, detect, both), seconds per MB, the peak of the JS heap (the most the heap
 * held before a garbage collection, read from V8's --trace-gc lines, or at the end if more, minus what it held
 * before the text was read)
 * and peak RSS, whether every generated chapter was found, the machine's load average when the case started, and
 * the growth exponent: the slope of log time against log size (1 is linear, 2 quadratic).
 *
 * CHAPTER_SCALING_MB=0.2,1,5 runs only those sizes; CHAPTER_SCALING_LIMIT_S changes the per-case limit.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseManuscript } from '../adapters/manuscript';
import { detectBookChapters } from '../core/manuscript/chapters';
import { renumberedOmnibus } from '../test/manuscript/fixtures/renumberedOmnibus';
import type { BenchModule, BenchRow } from './types';

const DEFAULT_SIZES_MB = [0.2, 1, 2, 5, 10, 20, 45];
const DEFAULT_LIMIT_S = 600;
const MB = 1_000_000;
const RESULT_PREFIX = 'chapterScaling result ';
const START_MARK = 'chapterScaling start';

interface CaseResult {
  parseSeconds: number;
  detectSeconds: number;
  chapters: number;
  chaptersAtGeneratedHeadings: number;
  heapBeforeMB: number;
  /** The heap once detection is done: its result and the text are still held, and no collection may follow. */
  heapAfterMB: number;
  maxRssMB: number;
}

/** The child's side: one case, the text and its generated chapter starts read from files the parent wrote. */
async function runCase(textFile: string): Promise<void> {
  const starts = new Set(JSON.parse(readFileSync(`${textFile}.json`, 'utf8')) as number[]);
  const heapBeforeMB = process.memoryUsage().heapUsed / MB;
  console.log(START_MARK);
  const bytes = readFileSync(textFile);
  const began = process.hrtime.bigint();
  const parsed = await parseManuscript(bytes, { fileName: 'omnibus.txt', limits: { maxBytes: bytes.length } });
  const parsedAt = process.hrtime.bigint();
  const detection = detectBookChapters(parsed, { language: 'en' });
  const detectedAt = process.hrtime.bigint();
  const chapters = detection.chapters.filter((chapter) => chapter.type === 'chapter');
  const result: CaseResult = {
    parseSeconds: Number(parsedAt - began) / 1e9,
    detectSeconds: Number(detectedAt - parsedAt) / 1e9,
    chapters: chapters.length,
    chaptersAtGeneratedHeadings: chapters.filter((chapter) => starts.has(chapter.startOffset)).length,
    heapBeforeMB,
    heapAfterMB: process.memoryUsage().heapUsed / MB,
    maxRssMB: (process.resourceUsage().maxRSS * 1024) / MB,
  };
  console.log(`${RESULT_PREFIX}${JSON.stringify(result)}`);
}

/** "Mark-Compact 812.3 (850.1) -> 640.0 (700.2) MB": the heap held before each collection, in MB. */
function heapBeforeCollections(output: string): number[] {
  const afterStart = output.slice(Math.max(0, output.indexOf(START_MARK)));
  return [...afterStart.matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep)[^\n]*?\s([\d.]+) \([\d.]+\) ->/g)].map((match) =>
    Number(match[1]),
  );
}

interface Outcome {
  measured?: { result: CaseResult; peakHeapMB: number };
  overLimit: boolean;
  failure?: string;
}

function runChild(textFile: string, limitSeconds: number): Promise<Outcome> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--trace-gc', __filename, textFile], {
      cwd: path.join(__dirname, '..'),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let overLimit = false;
    const timer = setTimeout(() => {
      overLimit = true;
      child.kill('SIGKILL');
    }, limitSeconds * 1000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (overLimit) return resolve({ overLimit });
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(RESULT_PREFIX));
      if (code !== 0 || !line) return resolve({ overLimit, failure: `exit ${code}: ${stderr.slice(-500)}` });
      const result = JSON.parse(line.slice(RESULT_PREFIX.length)) as CaseResult;
      const peakHeapMB = Math.max(result.heapAfterMB, ...heapBeforeCollections(stdout)) - result.heapBeforeMB;
      resolve({ overLimit, measured: { result, peakHeapMB } });
    });
  });
}

/** Least-squares slope of log y against log x. */
export function growthExponent(points: Array<{ x: number; y: number }>): number | undefined {
  if (points.length < 2) return undefined;
  const xs = points.map((p) => Math.log(p.x));
  const ys = points.map((p) => Math.log(p.y));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  const covariance = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i] - meanY), 0);
  const variance = xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  return variance === 0 ? undefined : covariance / variance;
}

const round = (value: number, digits = 3) => Math.round(value * 10 ** digits) / 10 ** digits;

const chapterScalingBench: BenchModule = {
  name: 'chapterScaling',
  description:
    'Parse + chapter detection on 0.2–45 MB books made of the corpus books with renumbered headings, one process per size: seconds, s/MB, peak JS heap over the heap before the text (from --trace-gc) and per text MB, peak RSS, chapters found at the generated headings, 1-minute load average; the last row fits the growth exponent of time (and heap) against size',
  async run(context) {
    const sizes = (context.env.CHAPTER_SCALING_MB ?? '').split(',').filter(Boolean).map(Number);
    const limitSeconds = Number(context.env.CHAPTER_SCALING_LIMIT_S ?? DEFAULT_LIMIT_S);
    const directory = mkdtempSync(path.join(os.tmpdir(), 'chapter-scaling-'));
    const rows: BenchRow[] = [];
    const timed: Array<{ x: number; y: number }> = [];
    const heaps: Array<{ x: number; y: number }> = [];
    try {
      for (const sizeMB of sizes.length > 0 ? sizes : DEFAULT_SIZES_MB) {
        const omnibus = renumberedOmnibus(sizeMB * MB);
        const textFile = path.join(directory, `omnibus-${sizeMB}.txt`);
        writeFileSync(textFile, omnibus.text);
        writeFileSync(`${textFile}.json`, JSON.stringify(omnibus.chapterStarts));
        const textMB = omnibus.bytes / MB;
        const load = os.loadavg()[0];
        context.log(`chapterScaling: ${round(textMB, 2)} MB, ${omnibus.chapterStarts.length} chapters…`);
        const outcome = await runChild(textFile, limitSeconds);
        rmSync(textFile);
        const name = `${sizeMB} MB`;
        const common = { 'text MB': round(textMB, 2), 'load avg 1m': round(load, 2) };
        if (outcome.overLimit || !outcome.measured) {
          rows.push({
            benchmark: 'chapterScaling',
            case: name,
            metrics: {
              ...common,
              seconds: outcome.overLimit ? `over ${round(limitSeconds / 60, 1)} min` : `failed: ${outcome.failure}`,
            },
          });
          continue;
        }
        const { result, peakHeapMB } = outcome.measured;
        const seconds = result.parseSeconds + result.detectSeconds;
        timed.push({ x: textMB, y: seconds });
        heaps.push({ x: textMB, y: peakHeapMB });
        rows.push({
          benchmark: 'chapterScaling',
          case: name,
          metrics: {
            ...common,
            seconds: round(seconds),
            'parse s': round(result.parseSeconds),
            'detect s': round(result.detectSeconds),
            's per MB': round(seconds / textMB),
            'peak heap MB': round(peakHeapMB, 1),
            'heap MB per text MB': round(peakHeapMB / textMB, 1),
            'peak RSS MB': round(result.maxRssMB, 1),
            chapters: `${result.chaptersAtGeneratedHeadings}/${omnibus.chapterStarts.length} (${result.chapters} found)`,
          },
        });
      }
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
    const fit = (points: Array<{ x: number; y: number }>) => {
      const exponent = growthExponent(points);
      return exponent === undefined ? 'n/a' : round(exponent, 2);
    };
    rows.push({
      benchmark: 'chapterScaling',
      case: 'growth exponent (log-log fit)',
      metrics: {
        'time exponent': fit(timed),
        'time exponent, 1 MB and up': fit(timed.filter((point) => point.x >= 1)),
        'heap exponent': fit(heaps),
      },
    });
    return rows;
  },
};

export default chapterScalingBench;

if (require.main === module) void runCase(process.argv[2]);
