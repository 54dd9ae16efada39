/**
 * The chapter render hands its MP3 branch to an encoder process of its own (so LAME runs beside the render instead of
 * after it in the render's one thread): exactly two ffmpeg processes per render, the MP3 is the retail encoding of
 * the master's samples, and an encoder that fails fails the render instead of leaving it blocked on a full pipe.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, ffmpegPath, measureLoudness } from '../../adapters/audio';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { runFfmpeg } from '../../adapters/audio/ffmpeg';
import { makeTempDir } from './helpers';

describe('MP3 encoded beside the chapter render', () => {
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

  const request = (mp3File: string) => ({
    segmentFiles,
    headRoomToneMs: 750,
    tailRoomToneMs: 1000,
    target: DEFAULT_MASTERING_TARGET,
    encodings: {
      mp3: { file: mp3File, bitrateKbps: 192 },
      aac: { file: path.join(dir, 'chapter.m4a'), bitrateKbps: 64 },
    },
    workDir: dir,
  });

  it('runs one render and one MP3 encoder, and the MP3 carries the master’s audio', async () => {
    await writeFile(log, '');
    const mastered = await audio.masterChapter(request(path.join(dir, 'chapter.mp3')), path.join(dir, 'master.flac'));
    const invocations = (await readFile(log, 'utf8')).trim().split('\n');
    expect(invocations).toHaveLength(2);
    const encoder = invocations.find((line) => line.includes('libmp3lame'));
    const render = invocations.find((line) => !line.includes('libmp3lame'));
    expect(encoder).toContain('pipe:0');
    expect(render).not.toContain('libmp3lame');
    expect(render).toContain('pipe:1');

    const probed = await audio.probe(path.join(dir, 'chapter.mp3'));
    expect(probed.audio).toMatchObject({ codecName: 'mp3', sampleRateHz: 44100, channels: 1 });
    expect(probed.durationSec).toBeCloseTo(mastered.durationSec, 0);
    const decoded = await measureLoudness(path.join(dir, 'chapter.mp3'));
    expect(Math.abs(decoded.rmsDb! - mastered.measured.rmsDb!)).toBeLessThan(0.4);
  }, 60_000);

  it('an encoder that cannot write its file fails the render', async () => {
    const unwritable = path.join(dir, 'no-such-folder', 'chapter.mp3');
    await expect(audio.masterChapter(request(unwritable), path.join(dir, 'master-2.flac'))).rejects.toThrow(/ffmpeg/);
  }, 60_000);
});
