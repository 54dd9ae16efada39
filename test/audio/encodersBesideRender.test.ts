/**
 * The chapter render hands each retail encoding to an encoder process of its own (so LAME and the AAC encoder run
 * beside the render instead of after it in the render's one thread): exactly three ffmpeg processes per render with
 * both encodings, the MP3 and the AAC are the retail encodings of the master's samples (the AAC byte for byte what
 * encoding the stored master gives), the samples go from the render to its encoders without passing through this
 * process, and an encoder that fails fails the render instead of leaving it blocked on a full pipe.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, ffmpegPath, measureLoudness } from '../../adapters/audio';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { makeTempDir } from './helpers';

describe('retail encodings made beside the chapter render', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let log: string;
  let audio: ReturnType<typeof createFfmpegToolchain>;
  let segmentFiles: { path: string; pauseAfterMs: number }[];

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mp3-beside'));
    log = path.join(dir, 'invocations.log');
    // Records each invocation's argv (one line each), then runs the real ffmpeg with it.
    const wrapper = path.join(dir, 'ffmpeg-logged');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${ffmpegPath()}' "$@"\n`);
    await chmod(wrapper, 0o755);
    audio = createFfmpegToolchain({ ffmpegPath: wrapper });
    segmentFiles = [];
    for (const [index, frequency] of [220, 330].entries()) {
      const file = path.join(dir, `segment-${index}.wav`);
      await runFfmpeg([
        '-y',
        '-f',
        'lavfi',
        '-i',
        `sine=frequency=${frequency}:sample_rate=22050:duration=4`,
        '-af',
        'volume=0.25',
        '-ac',
        '1',
        '-c:a',
        'pcm_s16le',
        file,
      ]);
      segmentFiles.push({ path: file, pauseAfterMs: 500 });
    }
  }, 60_000);
  afterAll(() => cleanup());

  const request = (mp3File: string, aacFile = path.join(dir, 'chapter.m4a')) => ({
    segmentFiles,
    headRoomToneMs: 750,
    tailRoomToneMs: 1000,
    target: DEFAULT_MASTERING_TARGET,
    encodings: {
      mp3: { file: mp3File, bitrateKbps: 192 },
      aac: { file: aacFile, bitrateKbps: 64 },
    },
    workDir: dir,
  });

  it('runs one render and one encoder per encoding, and the encodings carry the master’s audio', async () => {
    await writeFile(log, '');
    const master = path.join(dir, 'master.flac');
    const mastered = await audio.masterChapter(request(path.join(dir, 'chapter.mp3')), master);
    const invocations = (await readFile(log, 'utf8')).trim().split('\n');
    expect(invocations).toHaveLength(3);
    const mp3Encoder = invocations.find((line) => line.includes('libmp3lame'));
    const aacEncoder = invocations.find((line) => line.includes('-c:a aac'));
    const render = invocations.find((line) => line !== mp3Encoder && line !== aacEncoder)!;
    expect(mp3Encoder).toContain('pipe:0');
    expect(aacEncoder).toContain('pipe:0');
    expect(render).not.toContain('libmp3lame');
    expect(render).not.toContain('-c:a aac');
    expect(render).toContain('pipe:1');
    expect(render).toContain('pipe:3');

    const probed = await audio.probe(path.join(dir, 'chapter.mp3'));
    expect(probed.audio).toMatchObject({ codecName: 'mp3', sampleRateHz: 44100, channels: 1 });
    expect(probed.durationSec).toBeCloseTo(mastered.durationSec, 0);
    const decoded = await measureLoudness(path.join(dir, 'chapter.mp3'));
    expect(Math.abs(decoded.rmsDb! - mastered.measured.rmsDb!)).toBeLessThan(0.4);

    const aac = await audio.probe(path.join(dir, 'chapter.m4a'));
    expect(aac.audio).toMatchObject({ codecName: 'aac', sampleRateHz: 44100, channels: 1 });
    // The master's samples, encoded with the same settings in one process, give the same file byte for byte.
    const fromMaster = path.join(dir, 'from-master.m4a');
    const aacArgs = aacEncoder!.slice(aacEncoder!.indexOf('-c:a aac')).split(' ').slice(0, -1);
    await runFfmpeg(['-y', '-i', master, ...aacArgs, fromMaster]);
    expect((await readFile(path.join(dir, 'chapter.m4a'))).equals(await readFile(fromMaster))).toBe(true);
  }, 60_000);

  it('hands the samples from the render to its encoders process to process, not through this one', async () => {
    // Bytes this process's threads have read (files, pipes, sockets), as the kernel counts them; per thread, since the
    // process's own count also takes in what its reaped children read.
    const bytesRead = () =>
      readdirSync('/proc/self/task').reduce((sum, thread) => {
        const io = readFileSync(`/proc/self/task/${thread}/io`, 'utf8');
        return sum + Number(/^rchar: (\d+)$/m.exec(io)![1]);
      }, 0);
    const readDuring = async (work: () => Promise<unknown>) => {
      const before = bytesRead();
      await work();
      return bytesRead() - before;
    };
    const alone = () => audio.masterChapter({ ...request(''), encodings: undefined }, path.join(dir, 'alone.flac'));
    // The first render loads what the toolchain loads lazily: modules read from disk are not the render's own reads.
    await alone();
    const withoutEncoders = await readDuring(alone);
    const withEncoders = await readDuring(() =>
      audio.masterChapter(
        request(path.join(dir, 'direct.mp3'), path.join(dir, 'direct.m4a')),
        path.join(dir, 'direct.flac'),
      ),
    );
    // Each encoder reads the whole chapter as 16-bit mono samples at 44.1 kHz. Through this process, both encoders'
    // samples were read here as well (twice that); directly, the renders with and without encoders read the same.
    const { durationSec } = await audio.probe(path.join(dir, 'direct.flac'));
    const samplesPerEncoder = durationSec * 44100 * 2;
    expect(withEncoders - withoutEncoders).toBeLessThan(samplesPerEncoder / 4);
    expect((await audio.probe(path.join(dir, 'direct.mp3'))).durationSec).toBeCloseTo(durationSec, 0);
  }, 60_000);

  it('an encoder that cannot write its file fails the render', async () => {
    const unwritable = path.join(dir, 'no-such-folder', 'chapter.mp3');
    await expect(audio.masterChapter(request(unwritable), path.join(dir, 'master-2.flac'))).rejects.toThrow(/ffmpeg/);
    const aacUnwritable = path.join(dir, 'no-such-folder', 'chapter.m4a');
    await expect(
      audio.masterChapter(request(path.join(dir, 'chapter-3.mp3'), aacUnwritable), path.join(dir, 'master-3.flac')),
    ).rejects.toThrow(/ffmpeg/);
  }, 60_000);
});
