/**
 * The floor: the least work that turns a planned selection of chapters into the same deliverables, with the same
 * engine and the same ffmpeg, and nothing else (no storage, no orchestration, no credits, no retail sample):
 *
 * 1. synthesis: every SSML request the product would send, through espeak-ng (the same WASM build) on 2 worker
 *    threads, each keeping one engine for all its requests; PCM is appended to one raw file per chapter;
 * 2. one ffmpeg pass per chapter: resample, loudness gain (from the chapter's RMS, computed while the PCM arrived),
 *    limiter, MP3 192 kbps CBR, and a 44.1 kHz WAV for the M4B (two chapters at a time, one per core);
 * 3. one AAC encode of the whole book into an M4B with chapter markers;
 * 4. one measurement pass per output (EBU R128 with true peak, astats), two at a time.
 *
 * What it leaves out that the product's packages carry (the spoken credits, the retail sample) is made after its
 * phases by floorSameFiles.ts, and counted apart.
 */
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { lameCbrArgs } from '../../adapters/audio/mp3Encoding';
import { translateSsml, type EspeakRun } from '../../adapters/tts/espeak/ssmlToEspeak';

export interface FloorChapter {
  title: string;
  /** The chapter's SSML requests in reading order (what GET …/chapters/{c}/ssml returns). */
  ssml: string[];
}

export interface FloorTimes {
  /** Milliseconds since the run started at which each phase ended. */
  synthesisEndMs: number;
  encodeEndMs: number;
  measureEndMs: number;
  audioSec: number;
}

const WORKERS = 2;
export const TARGET_RMS_DB = -20;
export const LIMIT_DB = -5;

const FLOOR_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');
(async () => {
  const factory = (await import(pathToFileURL(workerData.modulePath).href)).default;
  const module = await factory();
  const engine = new module.eSpeakNGWorker();
  parentPort.on('message', (message) => {
    const chunks = [];
    for (const run of message.runs) {
      engine.set_voice(run.voice);
      engine.set_rate(175);
      engine.set_pitch(50);
      engine.set_range(50);
      engine.set_volume(100);
      engine.synthesize(run.ssml, (chunk) => {
        if (chunk && chunk.length > 0) chunks.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength));
        return false;
      });
    }
    const pcm = Buffer.concat(chunks);
    parentPort.postMessage({ id: message.id, pcm }, [pcm.buffer]);
  });
  parentPort.postMessage({ ready: true });
})();
`;

export class FloorEngines {
  private readonly workers: Worker[] = [];
  private readonly ready: Promise<void>[] = [];

  constructor() {
    for (let i = 0; i < WORKERS; i++) {
      const worker = new Worker(FLOOR_WORKER_SOURCE, {
        eval: true,
        workerData: { modulePath: require.resolve('@echogarden/espeak-ng-emscripten') },
      });
      this.workers.push(worker);
      this.ready.push(
        new Promise((resolve) => worker.once('message', (m: { ready?: boolean }) => m.ready && resolve())),
      );
    }
  }

  /** Synthesizes every job, `WORKERS` at a time, handing each result to `done` in completion order. */
  async synthesizeAll(jobs: EspeakRun[][], done: (index: number, pcm: Buffer) => void): Promise<void> {
    await Promise.all(this.ready);
    let next = 0;
    await Promise.all(
      this.workers.map(async (worker) => {
        while (next < jobs.length) {
          const id = next++;
          const pcm = await new Promise<Buffer>((resolve) => {
            const onMessage = (m: { id: number; pcm: Uint8Array }) => {
              if (m.id !== id) return;
              worker.off('message', onMessage);
              resolve(Buffer.from(m.pcm.buffer, m.pcm.byteOffset, m.pcm.byteLength));
            };
            worker.on('message', onMessage);
            worker.postMessage({ id, runs: jobs[id] });
          });
          done(id, pcm);
        }
      }),
    );
  }

  close(): Promise<number[]> {
    return Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/** What the floor's run hands to work done after it, before its engines stop and its files are deleted. */
export interface FloorLeftovers {
  engines: FloorEngines;
  dir: string;
  /** Each chapter's 44.1 kHz WAV, the floor's master. */
  masters: string[];
  mastersSec: number[];
}

/**
 * Runs the floor on `chapters`; `mark` is called at each phase end (the benchmark samples CPU there). `after`, when
 * given, runs once the floor's phases are over, on its engines and files (the floor's figures end before it).
 */
export async function runFloor(
  chapters: FloorChapter[],
  mark: (phase: string) => void,
  after?: (leftovers: FloorLeftovers) => Promise<void>,
): Promise<FloorTimes> {
  const started = performance.now();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'khipu-floor-'));
  const engines = new FloorEngines();
  try {
    const jobs: { chapter: number; runs: EspeakRun[] }[] = chapters.flatMap((chapter, index) =>
      chapter.ssml.map((ssml) => ({ chapter: index, runs: translateSsml(ssml, { voiceFallback: 'locale' }) })),
    );
    // PCM arrives out of order across the two workers; each chapter's requests are written in reading order.
    const pending = new Map<number, Buffer>();
    let written = 0;
    const raws = chapters.map((_, index) => path.join(dir, `chapter-${index}.raw`));
    const streams: WriteStream[] = raws.map((file) => createWriteStream(file));
    const energy = chapters.map(() => ({ sumSquares: 0, samples: 0 }));
    await engines.synthesizeAll(
      jobs.map((job) => job.runs),
      (index, pcm) => {
        pending.set(index, pcm);
        while (pending.has(written)) {
          const chunk = pending.get(written)!;
          pending.delete(written);
          const job = jobs[written];
          streams[job.chapter].write(chunk);
          const stats = energy[job.chapter];
          for (let i = 0; i + 1 < chunk.length; i += 2) {
            const sample = chunk.readInt16LE(i) / 32768;
            stats.sumSquares += sample * sample;
          }
          stats.samples += chunk.length / 2;
          written++;
        }
      },
    );
    await Promise.all(streams.map((s) => new Promise((resolve) => s.end(resolve))));
    const synthesisEndMs = performance.now() - started;
    mark('synthesis');

    const mp3s = chapters.map((_, index) => path.join(dir, `chapter-${index}.mp3`));
    const wavs = chapters.map((_, index) => path.join(dir, `chapter-${index}.wav`));
    await inPairs(chapters, async (_chapter, index) => {
      const { sumSquares, samples } = energy[index];
      const rmsDb = 10 * Math.log10(sumSquares / Math.max(1, samples));
      const gainDb = TARGET_RMS_DB - rmsDb;
      await runFfmpeg([
        '-y',
        '-f',
        's16le',
        '-ar',
        '22050',
        '-ac',
        '1',
        '-i',
        raws[index],
        '-filter_complex',
        `[0:a]aresample=44100,volume=${gainDb.toFixed(2)}dB,alimiter=limit=${(10 ** (LIMIT_DB / 20)).toFixed(4)}:level=disabled,asplit=2[mp3][wav]`,
        '-map',
        '[mp3]',
        // The same LAME settings as the product's: the floor does the same work, never less or more.
        ...lameCbrArgs(192),
        mp3s[index],
        '-map',
        '[wav]',
        '-c:a',
        'pcm_s16le',
        wavs[index],
      ]);
    });
    const list = path.join(dir, 'list.ffconcat');
    await writeFile(list, `ffconcat version 1.0\n${wavs.map((w) => `file '${path.basename(w)}'\n`).join('')}`);
    const m4b = path.join(dir, 'book.m4b');
    await runFfmpeg(['-y', '-f', 'concat', '-safe', '1', '-i', list, '-c:a', 'aac', '-b:a', '64k', '-f', 'mp4', m4b]);
    const encodeEndMs = performance.now() - started;
    mark('encode');

    await inPairs([...mp3s, m4b], measureOutput);
    const audioSec = energy.reduce((sum, stats) => sum + stats.samples / 22050, 0);
    const measureEndMs = performance.now() - started;
    mark('measure');
    await after?.({ engines, dir, masters: wavs, mastersSec: energy.map((stats) => stats.samples / 22050) });
    return { synthesisEndMs, encodeEndMs, measureEndMs, audioSec };
  } finally {
    await engines.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export async function inPairs<T>(items: T[], work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: WORKERS }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index], index);
      }
    }),
  );
}

/** The measurement pass every floor output gets: EBU R128 with true peak, and astats. */
export async function measureOutput(file: string): Promise<void> {
  await runFfmpeg(['-i', file, '-af', 'astats=metadata=0,ebur128=peak=true:framelog=verbose', '-f', 'null', '-']);
}
