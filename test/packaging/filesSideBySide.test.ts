/**
 * A zip package makes its MP3 files two at a time (one ffmpeg process per core), whether it retags the masters' own
 * encodings or encodes a cut, and keeps them in the package's order with the same bytes as one at a time. The zip is
 * hashed and handed to its copy (the upload) while it is written, and then not written to the local disk at all.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain } from '../../adapters/audio';
import { buildPackage } from '../../adapters/packaging';
import { writeZip } from '../../adapters/packaging/zip';
import type { EncodedSet, PackageRequest } from '../../core/packaging';
import type { AudioToolchain, WrittenFile } from '../../core/ports/audio';
import { sha256File } from '../../adapters/packaging/fileHash';
import { BOOK, listZip, makeCover, makeMaster, makeTempDir } from './helpers';

const audio = createFfmpegToolchain();

/** The toolchain, counting the MP3 files being made at each moment and the most ever at once. */
function watchedToolchain(): { audio: AudioToolchain; most: () => number } {
  let inFlight = 0;
  let most = 0;
  const watch =
    <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      try {
        return await work(...args);
      } finally {
        inFlight -= 1;
      }
    };
  return {
    audio: { ...audio, retagMp3: watch(audio.retagMp3), encodeMp3Cbr: watch(audio.encodeMp3Cbr) },
    most: () => most,
  };
}

describe('MP3 files of a zip package', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let request: PackageRequest;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('package-side-by-side'));
    const masters = [];
    for (const [index, frequencyHz] of [220, 260, 300, 340].entries())
      masters.push(await makeMaster(audio, dir, `chapter-${index}`, { segments: 2, segmentSec: 2, frequencyHz }));
    const opening = await makeMaster(audio, dir, 'opening', { segments: 1, segmentSec: 2, frequencyHz: 240 });
    const closing = await makeMaster(audio, dir, 'closing', { segments: 1, segmentSec: 2, frequencyHz: 280 });
    // The chapters' own MP3s, as the mastering pass leaves them (untagged, with the levels measured).
    const encodedOf = async (master: string, name: string): Promise<EncodedSet> => {
      const file = path.join(dir, `${name}.mp3`);
      const encoded = await audio.encodeMp3Cbr(master, file, { bitrateKbps: 192, sampleRate: 44100, channels: 1 });
      return { mp3: { file, sha256: await sha256File(file), loudness: encoded.loudness } };
    };
    request = {
      platform: 'acx',
      book: BOOK,
      coverJpeg: await makeCover(dir),
      chapters: await Promise.all(
        masters.map(async (master, index) => ({
          title: `Chapter ${index + 1}`,
          masterFile: master.file,
          durationSec: master.durationSec,
          encoded: index < 3 ? await encodedOf(master.file, `encoded-${index}`) : undefined,
        })),
      ),
      credits: { openingFile: opening.file, closingFile: closing.file },
      retailSample: 'auto',
    };
  }, 120_000);
  afterAll(() => cleanup());

  it('are made two at a time, in the package order, with the bytes made one at a time', async () => {
    const watched = watchedToolchain();
    const result = await buildPackage(request, { audio: watched.audio, workDir: dir });
    expect(watched.most()).toBe(2);
    const entries = await listZip(result.deliverable.path);
    expect(entries.map((e) => e.name).filter((name) => name.endsWith('.mp3'))).toEqual([
      '00 - Opening Credits.mp3',
      '01 - Chapter 1.mp3',
      '02 - Chapter 2.mp3',
      '03 - Chapter 3.mp3',
      '04 - Chapter 4.mp3',
      '05 - Closing Credits.mp3',
      'Retail Sample.mp3',
    ]);

    // The same package built with one file at a time (each call waits for the previous one) holds the same files.
    let queue: Promise<unknown> = Promise.resolve();
    const oneAtATime =
      <A extends unknown[], R>(work: (...args: A) => Promise<R>) =>
      (...args: A): Promise<R> => {
        const next = queue.then(() => work(...args));
        queue = next.catch(() => undefined);
        return next;
      };
    const serial = await buildPackage(request, {
      audio: { ...audio, retagMp3: oneAtATime(audio.retagMp3), encodeMp3Cbr: oneAtATime(audio.encodeMp3Cbr) },
      workDir: dir,
    });
    const hashes = (files: typeof result.files) =>
      files.filter((f) => f.name.endsWith('.mp3')).map((f) => [f.name, f.sha256]);
    expect(hashes(result.files)).toEqual(hashes(serial.files));
    expect(result.deliverable.sha256).toBe(serial.deliverable.sha256);
    expect(result.readiness).toEqual(serial.readiness);
  }, 120_000);

  it('takes the retagged chapter files’ size and sha256 from their writing, never reading one back to hash it', async () => {
    const retagged = new Map<string, WrittenFile>();
    const result = await buildPackage(request, {
      audio: {
        ...audio,
        // What the retag reports is marked, so a hash taken again from the file would show.
        retagMp3: async (source, out, tags) => {
          const written = await audio.retagMp3(source, out, tags);
          expect(written).toEqual({ bytes: (await readFile(out)).length, sha256: await sha256File(out) });
          const reported = { bytes: written.bytes, sha256: 'f'.repeat(64) };
          retagged.set(out, reported);
          return reported;
        },
      },
      workDir: dir,
    });
    // The three chapters with the mastering pass's MP3 (the fourth and the credits are encoded from their masters).
    expect(retagged.size).toBe(3);
    for (const file of result.files.filter((f) => retagged.has(f.path)))
      expect({ bytes: file.bytes, sha256: file.sha256 }).toEqual(retagged.get(file.path));
  }, 120_000);

  it('handed to the store while it is written, is not written to the local disk, with the same bytes', async () => {
    const onDisk = await buildPackage(request, { audio, workDir: dir });
    const stored: Buffer[] = [];
    const streamed = await buildPackage(request, {
      audio,
      workDir: dir,
      storeDeliverable: async (name, body) => {
        expect(name).toBe(onDisk.deliverable.name);
        for await (const chunk of body) stored.push(chunk as Buffer);
      },
    });
    expect(Buffer.concat(stored).equals(await readFile(onDisk.deliverable.path))).toBe(true);
    expect(streamed.deliverable).toMatchObject({ path: '', sha256: onDisk.deliverable.sha256 });
    expect((await readdir(streamed.outputDir)).filter((name) => name.endsWith('.zip'))).toEqual([]);
  }, 120_000);
});

describe('a zip copied while it is written', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let entries: { path: string; name: string; compress: boolean }[];

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('zip-copy'));
    entries = [];
    for (const [index, size] of [300_000, 2_000_000, 10].entries()) {
      const file = path.join(dir, `entry-${index}.bin`);
      await writeFile(file, Buffer.alloc(size, index + 1));
      entries.push({ path: file, name: `Entry ${index}.bin`, compress: index === 2 });
    }
  });
  afterAll(() => cleanup());

  it('gives the copy the file’s bytes, and returns their size and hash', async () => {
    const chunks: Buffer[] = [];
    const out = path.join(dir, 'copied.zip');
    const written = await writeZip(entries, out, {
      copyTo: async (body) => {
        for await (const chunk of body) chunks.push(chunk as Buffer);
      },
    });
    const file = await readFile(out);
    expect(Buffer.concat(chunks).equals(file)).toBe(true);
    expect(written).toEqual({ bytes: file.length, sha256: await sha256File(out) });
    expect((await listZip(out)).map((e) => e.name)).toEqual(['Entry 0.bin', 'Entry 1.bin', 'Entry 2.bin']);
  });

  it('gives the copy alone the same bytes when no file is asked for', async () => {
    const chunks: Buffer[] = [];
    const written = await writeZip(entries, undefined, {
      copyTo: async (body) => {
        for await (const chunk of body) chunks.push(chunk as Buffer);
      },
    });
    const file = await readFile(path.join(dir, 'copied.zip'));
    expect(Buffer.concat(chunks).equals(file)).toBe(true);
    expect(written).toEqual({ bytes: file.length, sha256: await sha256File(path.join(dir, 'copied.zip')) });
  });

  it.each([true, false])('fails when its copy fails (a file written beside it: %s)', async (toFile) => {
    await expect(
      writeZip(entries, toFile ? path.join(dir, 'failed.zip') : undefined, {
        copyTo: async (body) => {
          for await (const _chunk of body) throw new Error('the store refused the upload');
        },
      }),
    ).rejects.toThrow('the store refused the upload');
  });
});
