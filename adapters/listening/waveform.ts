/**
 * Measures a chapter master's waveform with ffmpeg (the peak level of each stretch, core/listening/waveform.ts) and
 * keeps it beside the master as a small JSON blob. The master's blob name is content-addressed, so a re-mastered
 * chapter gets a new waveform and an unchanged one is measured once.
 */
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import {
  peakAmplitude,
  samplesPerBucket,
  WAVEFORM_SAMPLE_RATE,
  waveformBuckets,
  type Waveform,
} from '../../core/listening/waveform';
import type { BlobStore } from '../../core/ports/blobs';
import { runFfmpeg } from '../audio/ffmpeg';
import { withTempDir } from '../audio/tempFiles';
import { downloadBlob } from '../production/blobFiles';

/** Bumped when the measurement changes, so stored waveforms of the old kind are not read. */
const FORMAT = 'waveform-v1';
const MAX_STORED_BYTES = 256 * 1024;
const MEASURE_TIMEOUT_MS = 3 * 60_000;
const PEAK_LINE = /^lavfi\.astats\.Overall\.Peak_level=(\S+)$/;

const StoredWaveform = z.strictObject({
  format: z.literal(FORMAT),
  durationSec: z.number().nonnegative(),
  peaks: z.array(z.number().min(0).max(1)),
});

export interface MasterAudio {
  blobName: string;
  durationSec: number;
}

export interface WaveformDeps {
  blobs: BlobStore;
  ffmpegPath?: string;
  workDir?: string;
}

export function waveformBlobName(masterBlobName: string): string {
  return `${masterBlobName.replace(/\.[A-Za-z0-9]+$/, '')}.${FORMAT}.json`;
}

/** Several listeners opening a new chapter at once share one measurement. */
const inFlight = new Map<string, Promise<Waveform>>();

export async function chapterWaveform(deps: WaveformDeps, master: MasterAudio): Promise<Waveform> {
  const name = waveformBlobName(master.blobName);
  const stored = await deps.blobs.readBuffer(name, MAX_STORED_BYTES);
  if (stored) {
    const parsed = StoredWaveform.safeParse(JSON.parse(stored.toString('utf8')));
    if (parsed.success) return { durationSec: parsed.data.durationSec, peaks: parsed.data.peaks };
  }
  let pending = inFlight.get(name);
  if (!pending) {
    pending = measureAndStore(deps, master, name).finally(() => inFlight.delete(name));
    inFlight.set(name, pending);
  }
  return pending;
}

async function measureAndStore(deps: WaveformDeps, master: MasterAudio, name: string): Promise<Waveform> {
  const waveform = await measureWaveform(deps, master);
  const body: z.infer<typeof StoredWaveform> = { format: FORMAT, ...waveform };
  // Create-only: a racing measurement of the same master wrote the same numbers.
  await deps.blobs.putIfAbsent(name, Buffer.from(JSON.stringify(body)), 'application/json');
  return waveform;
}

export async function measureWaveform(deps: WaveformDeps, master: MasterAudio): Promise<Waveform> {
  return withTempDir(deps.workDir ?? os.tmpdir(), 'waveform', async (dir) => {
    const input = path.join(dir, `master${path.extname(master.blobName).replace(/[^.a-z0-9]/gi, '')}`);
    await downloadBlob(deps.blobs, master.blobName, input);
    const filter = [
      `aresample=${WAVEFORM_SAMPLE_RATE}`,
      'aformat=sample_fmts=flt:channel_layouts=mono',
      `asetnsamples=n=${samplesPerBucket(master.durationSec)}:p=0`,
      'astats=metadata=1:reset=1',
      'ametadata=mode=print:key=lavfi.astats.Overall.Peak_level:file=-',
    ].join(',');
    const { stdout } = await runFfmpeg(['-loglevel', 'error', '-i', input, '-af', filter, '-f', 'null', '-'], {
      binaryPath: deps.ffmpegPath,
      timeoutMs: MEASURE_TIMEOUT_MS,
      maxStdoutBytes: 1024 * 1024,
    });
    const peaks = parsePeakLines(stdout).slice(0, waveformBuckets(master.durationSec));
    return { durationSec: master.durationSec, peaks };
  });
}

/** ffmpeg prints `lavfi.astats.Overall.Peak_level=-12.3` (or `-inf` for silence) once per stretch. */
export function parsePeakLines(output: string): number[] {
  const peaks: number[] = [];
  for (const line of output.split(/\r?\n/)) {
    const match = PEAK_LINE.exec(line.trim());
    if (!match) continue;
    const value = match[1] === '-inf' ? -Infinity : Number(match[1]);
    peaks.push(peakAmplitude(Number.isNaN(value) ? null : value));
  }
  return peaks;
}
