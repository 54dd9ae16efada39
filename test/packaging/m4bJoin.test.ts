/**
 * An M4B joined from the chapters' AAC starts no process to join them (the M4B is written in the process,
 * adapters/audio/m4bJoin.ts) and ffprobe only on the finished book: the chapters' facts come from their MP4 headers.
 * When a chapter's MP4 is one the writer does not read, ffmpeg joins the book, reading the chapters through a queue
 * deep enough that its reader thread does not wait for the muxer at every packet (ffmpeg's default of 8 cost two
 * context switches per AAC frame, about half the join's CPU). The book's measurement and its chapter marks come from
 * one probe of it: each ffprobe process costs the platform's large process a fork.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, ffmpegPath, runFfmpeg } from '../../adapters/audio';
import { CHAPTER_QUEUE_PACKETS } from '../../adapters/audio/encode';
import { ffprobePath } from '../../adapters/audio/ffmpeg';
import { buildPackage } from '../../adapters/packaging';
import { sha256File } from '../../adapters/packaging/fileHash';
import type { EncodedSet, PackageRequest } from '../../core/packaging';
import { BOOK, makeCover, makeMaster, makeTempDir } from './helpers';

const audio = createFfmpegToolchain();
/** Separates a process's arguments and the processes in the log (tags may hold newlines). */
const ARG = '\u001f';
const PROCESS = '\u001e';

/** A script standing in for `binary` that logs each run's arguments to `log`, then runs it. */
async function recordingBinary(dir: string, name: string, binary: string, log: string): Promise<string> {
  const script = path.join(dir, name);
  await writeFile(
    script,
    `#!/bin/sh\n{ printf '%s' '${name}'; for a in "$@"; do printf '\\037%s' "$a"; done; printf '\\036'; } >> '${log}'\n` +
      `exec '${binary}' "$@"\n`,
  );
  await chmod(script, 0o755);
  return script;
}

describe('an M4B joined from AAC chapters', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let request: PackageRequest;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('m4b-join'));
    const aacOf = async (name: string, frequencyHz: number): Promise<EncodedSet> => {
      const master = await makeMaster(audio, dir, name, { segments: 2, segmentSec: 1.5, frequencyHz });
      const file = path.join(dir, `${name}.m4a`);
      await runFfmpeg(['-y', '-i', master.file, ...['-c:a', 'aac', '-b:a', '64k', '-ar', '44100', '-ac', '1'], file]);
      return { aac: { file, sha256: await sha256File(file), loudness: await audio.measureLoudness(file) } };
    };
    const chapters = await Promise.all([220, 260, 300].map((hz, i) => aacOf(`chapter-${i}`, hz)));
    request = {
      platform: 'apple',
      book: BOOK,
      coverJpeg: await makeCover(dir),
      chapters: chapters.map((encoded, i) => ({
        title: `Chapter ${i + 1}`,
        masterFile: encoded.aac!.file,
        durationSec: 4,
        encoded,
      })),
      credits: { openingEncoded: await aacOf('opening', 240), closingEncoded: await aacOf('closing', 280) },
    };
    request.credits!.openingFile = request.credits!.openingEncoded!.aac!.file;
    request.credits!.closingFile = request.credits!.closingEncoded!.aac!.file;
  }, 120_000);
  afterAll(() => cleanup());

  /** Builds the Apple package with recording binaries: each process's tool and arguments. */
  async function buildRecording(packageRequest: PackageRequest, name: string) {
    const log = path.join(dir, `${name}.log`);
    await writeFile(log, '');
    const recording = createFfmpegToolchain({
      ffmpegPath: await recordingBinary(dir, 'ffmpeg', ffmpegPath(), log),
      ffprobePath: await recordingBinary(dir, 'ffprobe', ffprobePath(), log),
    });
    const result = await buildPackage(packageRequest, { audio: recording, workDir: dir });
    const processes = (await readFile(log, 'utf8'))
      .split(PROCESS)
      .filter(Boolean)
      .map((line) => line.split(ARG));
    return { result, processes };
  }

  it('joins the book without a process and probes the finished book once', async () => {
    const { result, processes } = await buildRecording(request, 'in-process');
    expect(processes.filter(([tool]) => tool === 'ffmpeg')).toEqual([]);
    const probed = processes.filter(([tool]) => tool === 'ffprobe').map((args) => args[args.length - 1]);
    expect(probed).toEqual([result.deliverable.path]);
    // Hashed as it was written, not read again for it.
    expect(result.deliverable.sha256).toBe(await sha256File(result.deliverable.path));
    expect((await audio.probe(result.deliverable.path)).chapters).toHaveLength(5);
  }, 60_000);

  it('leaves chapters it cannot join to one ffmpeg join through a deep chapter queue', async () => {
    // A chapter whose moov comes first is not laid out as the writer reads it: ffmpeg joins the book.
    const moovFirst = path.join(dir, 'moov-first.m4a');
    const first = request.chapters[0].encoded!.aac!;
    await runFfmpeg(['-y', '-i', first.file, '-c', 'copy', '-movflags', '+faststart', moovFirst]);
    const chapters = [...request.chapters];
    chapters[0] = {
      ...chapters[0],
      encoded: { aac: { ...first, file: moovFirst, sha256: await sha256File(moovFirst) } },
    };
    const { result, processes } = await buildRecording({ ...request, chapters }, 'ffmpeg-join');
    const joins = processes.filter(([tool]) => tool === 'ffmpeg');
    expect(joins).toHaveLength(1);
    const probed = processes.filter(([tool]) => tool === 'ffprobe').map((args) => args[args.length - 1]);
    expect(probed).toEqual([result.deliverable.path]);

    const join = joins[0];
    const concat = join.findIndex((arg, i) => arg === '-f' && join[i + 1] === 'concat');
    expect(join.slice(concat - 2, concat)).toEqual(['-thread_queue_size', String(CHAPTER_QUEUE_PACKETS)]);
    expect(CHAPTER_QUEUE_PACKETS).toBeGreaterThanOrEqual(1024);
    expect((await audio.probe(result.deliverable.path)).chapters).toHaveLength(5);
  }, 60_000);
});
