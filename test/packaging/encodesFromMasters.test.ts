/**
 * An encoding given for a chapter or credits file may stand in for its master only to be stream-copied or retagged.
 * Whatever the build encodes (an M4B that cannot be joined from AAC alone, an MP3 of a file that has no MP3) is
 * encoded from the masters the caller gives through `masterOf` / `creditsMasterOf`, each asked for once, never from a
 * stand-in decoded and encoded a second time.
 */
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { buildPackage } from '../../adapters/packaging';
import { sha256File } from '../../adapters/packaging/fileHash';
import type { EncodedSet, PackageChapterInput, PackageRequest } from '../../core/packaging';
import type { AudioToolchain } from '../../core/ports/audio';
import { BOOK, makeCover, makeMaster, makeTempDir } from './helpers';

const audio = createFfmpegToolchain();

/** The md5 of a file's decoded audio (ffmpeg's md5 muxer): files with the same samples have the same. */
const decodedAudio = async (file: string) =>
  (await runFfmpeg(['-i', file, '-map', '0:a:0', '-f', 'md5', '-'])).stdout.trim();

/** The toolchain, recording the files each encode reads. */
function recordingToolchain(): { audio: AudioToolchain; m4bInputs: string[][]; mp3Inputs: string[] } {
  const m4bInputs: string[][] = [];
  const mp3Inputs: string[] = [];
  return {
    m4bInputs,
    mp3Inputs,
    audio: {
      ...audio,
      encodeM4b: (request) => {
        m4bInputs.push(request.chapters.map((c) => c.file));
        return audio.encodeM4b(request);
      },
      encodeMp3Cbr: (source, ...rest) => {
        mp3Inputs.push(source);
        return audio.encodeMp3Cbr(source, ...rest);
      },
    },
  };
}

describe('a package encodes from masters, never from an encoding standing in for one', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let cover: string;
  const masters: Record<string, { file: string; durationSec: number }> = {};
  /** The AAC each master's mastering pass would have written, as a package build gets it. */
  const aac: Record<string, EncodedSet> = {};
  const names = ['opening', 'chapter-0', 'chapter-1', 'chapter-2', 'closing'];

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('package-from-masters'));
    cover = await makeCover(dir);
    for (const [index, name] of names.entries()) {
      masters[name] = await makeMaster(audio, dir, name, {
        segments: 2,
        segmentSec: 1.5,
        frequencyHz: 200 + index * 30,
      });
      const file = path.join(dir, `${name}.m4a`);
      await runFfmpeg([
        '-y',
        '-i',
        masters[name].file,
        ...['-c:a', 'aac', '-b:a', '64k', '-ar', '44100', '-ac', '1'],
        file,
      ]);
      aac[name] = { aac: { file, sha256: await sha256File(file), loudness: await audio.measureLoudness(file) } };
    }
  }, 120_000);
  afterAll(() => cleanup());

  /** Chapters 0 and 2 given as their AAC standing in for the master, chapter 1 as its master with no encoding. */
  const chapter = (index: number): PackageChapterInput => {
    const name = `chapter-${index}`;
    const standIn = index !== 1;
    return {
      title: `Chapter ${index + 1}`,
      masterFile: standIn ? aac[name].aac!.file : masters[name].file,
      durationSec: masters[name].durationSec,
      ...(standIn && { encoded: aac[name] }),
    };
  };
  const request = (platform: 'apple' | 'acx'): PackageRequest => ({
    platform,
    book: BOOK,
    coverJpeg: cover,
    chapters: [0, 1, 2].map(chapter),
    credits: {
      openingFile: aac.opening.aac!.file,
      openingEncoded: aac.opening,
      closingFile: masters.closing.file,
    },
    retailSample: 'none',
  });
  const asked: string[] = [];
  const lookup = {
    masterOf: async (index: number) => {
      asked.push(`chapter-${index}`);
      return masters[`chapter-${index}`].file;
    },
    creditsMasterOf: async (part: 'opening' | 'closing') => {
      asked.push(part);
      return masters[part].file;
    },
  };

  it('encodes an M4B not joined from AAC from every master: the audio of one encode of the masters', async () => {
    const recording = recordingToolchain();
    asked.length = 0;
    const result = await buildPackage(request('apple'), { audio: recording.audio, workDir: dir, ...lookup });
    expect(recording.m4bInputs).toEqual([names.map((name) => masters[name].file)]);
    expect(asked.sort()).toEqual(['chapter-0', 'chapter-1', 'chapter-2', 'closing', 'opening']);
    const probed = await audio.probe(result.deliverable.path);
    expect(probed.chapters.map((c) => c.title)).toEqual([
      'Opening Credits',
      'Chapter 1',
      'Chapter 2',
      'Chapter 3',
      'Closing Credits',
    ]);
    // Chapter markers are written in milliseconds: each chapter spans its master's length to within that rounding.
    for (const [index, name] of names.entries()) {
      const { startSec, endSec } = probed.chapters[index];
      expect(Math.abs(endSec - startSec - masters[name].durationSec)).toBeLessThanOrEqual(0.0015);
    }
    // Its audio is the one generation an encode of the masters themselves gives, sample for sample.
    const reference = path.join(dir, 'reference.m4b');
    await audio.encodeM4b({
      chapters: names.map((name) => ({ title: name, file: masters[name].file })),
      out: reference,
      tags: { title: 'Reference' },
      bitrateKbps: 64,
      workDir: dir,
    });
    expect(await decodedAudio(result.deliverable.path)).toBe(await decodedAudio(reference));
    expect(result.readiness.rules.filter((r) => !r.passed)).toEqual([]);
  }, 120_000);

  it('encodes an MP3 for a file that has none from its master, not from its AAC', async () => {
    const recording = recordingToolchain();
    asked.length = 0;
    await buildPackage(request('acx'), { audio: recording.audio, workDir: dir, ...lookup });
    expect([...recording.mp3Inputs].sort()).toEqual(names.map((name) => masters[name].file).sort());
    expect(recording.mp3Inputs.filter((file) => file.endsWith('.m4a'))).toEqual([]);
  }, 120_000);
});
