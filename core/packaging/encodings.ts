/**
 * The retail encodings, one definition each: chapters are encoded in these formats when they are mastered (from the
 * same stream, in the same pass), and packages take them from there, re-encoding nothing that did not change.
 */
import type { PackagePlatform } from './types';

export type ChapterEncodingFormat = 'mp3' | 'aac';

/** Parameters that decide an encoding's bytes; they are part of every name and reuse key derived from it. */
export const RETAIL_ENCODINGS = {
  /**
   * ACX, Spotify, Kobo and Google take constant-bit-rate MP3 at 192 kbps (ACX's minimum, the strictest). Version 2:
   * encoded without LAME's bit reservoir (adapters/audio/mp3Encoding.ts), so every frame stands on its own bytes.
   */
  mp3: { codec: 'mp3', mode: 'cbr', kbps: 192, sampleRateHz: 44100, channels: 1, version: 2, extension: 'mp3' },
  /** Apple Books' M4B: AAC-LC at 64 kbps mono, joined from the chapters' files by stream copy. */
  aac: { codec: 'aac-lc', kbps: 64, sampleRateHz: 44100, channels: 1, version: 1, extension: 'm4a' },
} as const;

/** The chapter encodings a set of platforms needs. */
export function encodingsFor(platforms: readonly PackagePlatform[]): ChapterEncodingFormat[] {
  const formats = new Set<ChapterEncodingFormat>();
  for (const platform of platforms) formats.add(platform === 'apple' ? 'aac' : 'mp3');
  return [...formats].sort();
}
