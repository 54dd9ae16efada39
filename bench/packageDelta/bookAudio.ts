/**
 * A book's chapter encodings for the package benchmark, made once into a cache under the temp directory: speech-like
 * noise (pink noise whose level swings three times a second) per chapter, a seed of its own each so no two chapters
 * share bytes, as retail MP3 (192 kbps CBR mono) and AAC (64 kbps mono), the formats a package is made from.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio';
import { mapLimit } from '../../adapters/packaging/mapLimit';

export const CACHE_DIR = path.join(os.tmpdir(), 'khipu-bench-package-delta', 'cache');

const CODECS = {
  mp3: ['-c:a', 'libmp3lame', '-b:a', '192k', '-compression_level', '9'],
  m4a: ['-c:a', 'aac', '-b:a', '64k'],
} as const;

export type ChapterFormat = keyof typeof CODECS;

/** The chapter of `seed`, `seconds` long, in `format`: made on first use. */
export async function chapterFile(seed: number, seconds: number, format: ChapterFormat): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const file = path.join(CACHE_DIR, `seed-${seed}-${seconds}.${format}`);
  if (existsSync(file)) return file;
  const partial = `${file}.tmp.${format}`;
  await runFfmpeg([
    ...['-v', 'error', '-y', '-f', 'lavfi'],
    ...['-i', `anoisesrc=seed=${seed}:color=pink:amplitude=0.3:sample_rate=44100:duration=${seconds}`],
    ...['-af', "volume='0.5+0.5*sin(2*PI*3*t)':eval=frame", '-ac', '1', ...CODECS[format], partial],
  ]);
  renameSync(partial, file);
  return file;
}

/** Chapters 1..count, two encoded at a time (the machine's cores). */
export function bookChapters(count: number, seconds: number, format: ChapterFormat): Promise<string[]> {
  const seeds = Array.from({ length: count }, (_, i) => i + 1);
  return mapLimit(seeds, 2, (seed) => chapterFile(seed, seconds, format));
}
