/** Server-generated temp directories, concat-list syntax, and zero-filled WAV writing with flat memory. */
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { once } from 'node:events';

/** Creates a private directory under `workDir`, runs `work`, and always removes it. */
export async function withTempDir<T>(workDir: string, prefix: string, work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(path.join(path.resolve(workDir), `${prefix.replace(/[^a-z0-9-]/gi, '')}-`));
  try {
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes a concat-demuxer list of files that all live in `dir` under portable names, as `-safe 1` requires.
 * Each source is linked in as `<stem>-<n>.<ext>`, so caller paths never reach ffmpeg's list parser.
 */
export async function linkIntoDir(dir: string, sources: string[], stem: string): Promise<string[]> {
  const names = sources.map((source, index) => {
    const ext =
      path
        .extname(source)
        .toLowerCase()
        .replace(/[^a-z0-9.]/g, '') || '.bin';
    return `${stem}-${String(index).padStart(5, '0')}${ext}`;
  });
  // Side by side: a chapter links in every segment, each link a file-system call of its own. All are settled before
  // a failure is reported, so none is still being made while the caller removes the folder.
  const linked = await Promise.allSettled(
    sources.map((source, index) => symlink(path.resolve(source), path.join(dir, names[index]))),
  );
  const failed = linked.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return names;
}

/** Concat demuxer syntax: single-quoted, a quote written as '\'' (ffmpeg's quoting rules). */
export function concatListLine(
  fileName: string,
  extra: { inpoint?: number; outpoint?: number; duration?: number } = {},
): string {
  if (/[\r\n\0]/.test(fileName)) throw new Error('file names in a concat list cannot contain line breaks');
  let line = `file '${fileName.replace(/'/g, "'\\''")}'\n`;
  if (extra.inpoint !== undefined) line += `inpoint ${extra.inpoint.toFixed(6)}\n`;
  if (extra.outpoint !== undefined) line += `outpoint ${extra.outpoint.toFixed(6)}\n`;
  if (extra.duration !== undefined) line += `duration ${extra.duration.toFixed(6)}\n`;
  return line;
}

export function concatList(fileNames: string[], durations?: number[]): string {
  return (
    'ffconcat version 1.0\n' + fileNames.map((name, i) => concatListLine(name, { duration: durations?.[i] })).join('')
  );
}

/** A 16-bit PCM WAV of digital silence, written in 64 KiB blocks. */
export async function writeSilenceWav(
  file: string,
  sampleRateHz: number,
  channels: number,
  frames: number,
): Promise<void> {
  const dataBytes = frames * channels * 2;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(36 + dataBytes, 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(channels, 22);
  header.writeUInt32LE(sampleRateHz, 24);
  header.writeUInt32LE(sampleRateHz * channels * 2, 28);
  header.writeUInt16LE(channels * 2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  const stream = createWriteStream(file);
  const block = Buffer.alloc(64 * 1024);
  stream.write(header);
  let remaining = dataBytes;
  while (remaining > 0) {
    const size = Math.min(block.length, remaining);
    if (!stream.write(size === block.length ? block : block.subarray(0, size))) await once(stream, 'drain');
    remaining -= size;
  }
  stream.end();
  await once(stream, 'close');
}
