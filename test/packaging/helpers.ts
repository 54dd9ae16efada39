/** Test audio for packaging: speech-like tone bursts mastered by the real masterChapter, and a retail cover. */
import path from 'node:path';
import yauzl from 'yauzl';
import { runFfmpeg } from '../../adapters/audio';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import type { AudioToolchain } from '../../core/ports/audio';
import type { PackageBookMetadata } from '../../core/packaging';

export { makeTempDir, readWithMusicMetadata } from '../audio/helpers';

/**
 * A chapter master: `segments` bursts of a syllable-rate modulated tone with a little noise, separated by pauses,
 * mastered (loudness, limiter, room tone) by the production code.
 */
export async function makeMaster(
  audio: AudioToolchain,
  dir: string,
  name: string,
  options: { segments: number; segmentSec: number; frequencyHz: number; pauseMs?: number },
): Promise<{ file: string; durationSec: number; segmentStartsSec: number[]; segmentEndsSec: number[] }> {
  const segment = path.join(dir, `${name}-segment.wav`);
  await runFfmpeg([
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=${options.frequencyHz}:sample_rate=24000:duration=${options.segmentSec}`,
    '-f',
    'lavfi',
    '-i',
    `anoisesrc=c=pink:r=24000:a=0.02:seed=11:d=${options.segmentSec}`,
    '-filter_complex',
    '[0:a]tremolo=f=4:d=0.6[v];[v][1:a]amix=inputs=2:duration=first,volume=-6dB[out]',
    '-map',
    '[out]',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    segment,
  ]);
  const file = path.join(dir, `${name}.wav`);
  const mastered = await audio.masterChapter(
    {
      segmentFiles: Array.from({ length: options.segments }, () => ({
        path: segment,
        pauseAfterMs: options.pauseMs ?? 700,
      })),
      headRoomToneMs: 750,
      tailRoomToneMs: 2500,
      target: DEFAULT_MASTERING_TARGET,
      workDir: dir,
    },
    file,
  );
  const { durationSec, segmentStartsSec, segmentEndsSec } = mastered;
  return { file, durationSec, segmentStartsSec, segmentEndsSec };
}

/** A master far too loud for any retailer: a near-full-scale tone with no room tone. */
export async function makeLoudMaster(dir: string, name: string, seconds: number): Promise<string> {
  const file = path.join(dir, `${name}.wav`);
  await runFfmpeg([
    '-y',
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=330:sample_rate=44100:duration=${seconds}`,
    '-af',
    'volume=16dB',
    '-ac',
    '1',
    '-c:a',
    'pcm_s16le',
    file,
  ]);
  return file;
}

export async function makeCover(dir: string, size = 3000): Promise<string> {
  const sharp = (await import('sharp')).default;
  const file = path.join(dir, `cover-${size}.jpg`);
  await sharp({ create: { width: size, height: size, channels: 3, background: { r: 30, g: 60, b: 120 } } })
    .jpeg({ quality: 85 })
    .toFile(file);
  return file;
}

export const BOOK: PackageBookMetadata = {
  title: 'The Quiet Harbor',
  subtitle: 'A Novel',
  authors: ['Ana Quispe'],
  narrators: ['Camila'],
  aiNarrated: true,
  publisher: 'Andes Audio',
  year: 2025,
  language: 'en-US',
  genre: 'Fiction',
  description: 'A lighthouse keeper finds a letter.',
  isbn: '978-0-306-40615-7',
  copyright: '© 2025 Ana Quispe',
};

export interface ZipListing {
  name: string;
  compressed: boolean;
  size: number;
  dosDate: number;
  dosTime: number;
}

/** Entries of a zip in stored order (central directory). */
export function listZip(file: string): Promise<ZipListing[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      const entries: ZipListing[] = [];
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push({
          name: entry.fileName,
          compressed: entry.compressionMethod !== 0,
          size: entry.uncompressedSize,
          dosDate: entry.lastModFileDate,
          dosTime: entry.lastModFileTime,
        });
        zip.readEntry();
      });
      zip.on('end', () => resolve(entries));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** Reads one (small) entry of a zip as text. */
export function readZipText(file: string, entryName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('cannot open zip'));
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName !== entryName) return zip.readEntry();
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('cannot read entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            zip.close();
            resolve(Buffer.concat(chunks).toString('utf8'));
          });
          stream.on('error', reject);
        });
      });
      zip.on('end', () => reject(new Error(`${entryName} not in zip`)));
      zip.readEntry();
    });
  });
}

/** Wraps a toolchain and counts encoder calls (what "re-encode only what changed" is about). */
export function countingToolchain(audio: AudioToolchain): {
  audio: AudioToolchain;
  calls: { mp3: number; m4b: number };
} {
  const calls = { mp3: 0, m4b: 0 };
  return {
    calls,
    audio: {
      ...audio,
      encodeMp3Cbr: (...args) => {
        calls.mp3 += 1;
        return audio.encodeMp3Cbr(...args);
      },
      encodeM4b: (...args) => {
        calls.m4b += 1;
        return audio.encodeM4b(...args);
      },
    },
  };
}
