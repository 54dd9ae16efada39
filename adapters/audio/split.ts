/**
 * Splits a long master into parts of at most `maxMinutes`, cutting in a pause near the limit (silencedetect) or at
 * caller-given boundaries (e.g. segment starts from masterChapter). PCM cuts are sample-exact stream copies.
 */
import path from 'node:path';
import { runFfmpeg } from './ffmpeg';
import { probe } from './probe';

export interface SplitOptions {
  maxMinutes: number;
  outDir: string;
  /** Output name stem; parts are `<stem>-part01.<ext>`. Server-generated. */
  stem: string;
  /** Preferred cut points (seconds). When absent, pauses found by silencedetect are used. */
  boundariesSec?: number[];
  /** Cut no earlier than this fraction of the limit when looking for a pause (default 0.8). */
  searchFromFraction?: number;
  silenceThresholdDb?: number;
  minSilenceSec?: number;
  ffmpegPath?: string;
  ffprobePath?: string;
  signal?: AbortSignal;
}

export interface SplitPart {
  file: string;
  startSec: number;
  endSec: number;
}

export async function splitLongAudio(master: string, options: SplitOptions): Promise<SplitPart[]> {
  if (!/^[a-z0-9][a-z0-9_-]{0,80}$/i.test(options.stem)) throw new Error('stem must be a short portable name');
  if (!(options.maxMinutes > 0)) throw new RangeError('maxMinutes must be positive');
  const info = await probe(master, { binaryPath: options.ffprobePath, signal: options.signal });
  const total = info.durationSec;
  const limit = options.maxMinutes * 60;
  const ext = path.extname(master) || '.wav';
  if (total <= limit) return [{ file: master, startSec: 0, endSec: total }];

  const candidates = options.boundariesSec ?? (await findPauseMidpoints(master, options));
  const cuts = chooseCuts(total, limit, candidates, options.searchFromFraction ?? 0.8);
  const parts: SplitPart[] = [];
  const edges = [0, ...cuts, total];
  for (let i = 0; i < edges.length - 1; i++) {
    const file = path.join(options.outDir, `${options.stem}-part${String(i + 1).padStart(2, '0')}${ext}`);
    const args = [
      '-y',
      '-ss',
      edges[i].toFixed(6),
      '-i',
      master,
      '-t',
      (edges[i + 1] - edges[i]).toFixed(6),
      '-map',
      '0:a:0',
      '-c',
      'copy',
      file,
    ];
    await runFfmpeg(args, { binaryPath: options.ffmpegPath, signal: options.signal, timeoutMs: 30 * 60_000 });
    parts.push({ file, startSec: edges[i], endSec: edges[i + 1] });
  }
  return parts;
}

/** Pure: greedy cuts, each at the latest candidate inside [start + fraction·limit, start + limit], else at the limit. */
export function chooseCuts(totalSec: number, limitSec: number, candidatesSec: number[], fraction: number): number[] {
  const sorted = [...candidatesSec].filter((t) => t > 0 && t < totalSec).sort((a, b) => a - b);
  const cuts: number[] = [];
  let start = 0;
  while (totalSec - start > limitSec) {
    const latest = start + limitSec;
    const earliest = start + limitSec * fraction;
    const inWindow = sorted.filter((t) => t >= earliest && t <= latest);
    const cut = inWindow.length > 0 ? inWindow[inWindow.length - 1] : latest;
    cuts.push(cut);
    start = cut;
  }
  return cuts;
}

async function findPauseMidpoints(master: string, options: SplitOptions): Promise<number[]> {
  const midpoints: number[] = [];
  let pendingStart: number | undefined;
  const noise = options.silenceThresholdDb ?? -45;
  const minimum = options.minSilenceSec ?? 0.4;
  await runFfmpeg(
    ['-i', master, '-map', '0:a:0', '-af', `silencedetect=noise=${noise}dB:d=${minimum}`, '-f', 'null', '-'],
    {
      binaryPath: options.ffmpegPath,
      signal: options.signal,
      timeoutMs: 30 * 60_000,
      onStderrLine: (line) => {
        const start = line.match(/silence_start: (-?[\d.]+)/);
        if (start) pendingStart = Number(start[1]);
        const end = line.match(/silence_end: (-?[\d.]+)/);
        if (end && pendingStart !== undefined) {
          midpoints.push((pendingStart + Number(end[1])) / 2);
          pendingStart = undefined;
        }
      },
    },
  );
  return midpoints;
}
