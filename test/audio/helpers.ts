import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export async function makeTempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), `khipu-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function speak(voice: string, body: string, lang = 'en-US'): string {
  return `<speak version="1.0" xmlns="http://www.w3.org/2001/10/synthesis" xmlns:mstts="https://www.w3.org/2001/mstts" xml:lang="${lang}"><voice name="${voice}">${body}</voice></speak>`;
}

export interface MusicMetadataSummary {
  title?: string;
  album?: string;
  artist?: string;
  albumartist?: string;
  composer?: string[];
  genre?: string[];
  pictureFormats: string[];
  chapterTitles: string[];
  container?: string;
  codec?: string;
}

/**
 * music-metadata v11 is ESM-only with `import`-only exports, which jest's CommonJS runtime cannot resolve;
 * run the real package in a plain Node child process instead.
 */
export async function readWithMusicMetadata(
  file: string,
  options: { chapters?: boolean } = {},
): Promise<MusicMetadataSummary> {
  const { execFile } = await import('node:child_process');
  const code = `
    const { parseFile } = await import('music-metadata');
    const m = await parseFile(process.argv[1], { includeChapters: process.argv[2] === 'chapters' });
    process.stdout.write(JSON.stringify({
      title: m.common.title, album: m.common.album, artist: m.common.artist, albumartist: m.common.albumartist,
      composer: m.common.composer, genre: m.common.genre,
      pictureFormats: (m.common.picture ?? []).map((p) => p.format),
      chapterTitles: (m.format.chapters ?? []).map((c) => c.title),
      container: m.format.container, codec: m.format.codec,
    }));`;
  const stdout = await new Promise<string>((resolve, reject) => {
    execFile(
      process.execPath,
      ['--input-type=module', '-e', code, file, options.chapters ? 'chapters' : 'no-chapters'],
      { cwd: path.resolve(__dirname, '../..'), timeout: 60_000 },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
  });
  return JSON.parse(stdout) as MusicMetadataSummary;
}
