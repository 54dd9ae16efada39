/**
 * Every MP3 the platform writes uses LAME quality level 7 without the bit reservoir (docs/audio-pipeline.md, "MP3
 * encoder quality level"): the chapter render's encoder process and the packaging encode both pass
 * `-compression_level 7 -reservoir 0`, and on speech the
 * level-7 file stays as close to its master as one at LAME's default level (the objective criterion the level was
 * chosen by: the difference signal against the master, and the energy above 10 kHz).
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, ffmpegPath, runFfmpeg } from '../../adapters/audio';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { makeTempDir, speak } from './helpers';

const TEXT =
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a ' +
  'wife. However little known the feelings or views of such a man may be on his first entering a neighbourhood, ' +
  'this truth is so well fixed in the minds of the surrounding families, that he is considered the rightful ' +
  'property of some one or other of their daughters.';

/** RMS level (dB) of the first stream minus the second, sample by sample (both decoded to 44.1 kHz mono). */
async function differenceRmsDb(a: string, b: string): Promise<number> {
  const mono = 'aformat=sample_fmts=dbl:sample_rates=44100:channel_layouts=mono';
  const { stderr } = await runFfmpeg([
    '-i',
    a,
    '-i',
    b,
    '-filter_complex',
    `[0:a]${mono}[a];[1:a]${mono}[b];[a][b]amerge=inputs=2,aformat=channel_layouts=stereo,pan=mono|c0=c0-c1,astats=metadata=0[d]`,
    '-map',
    '[d]',
    '-f',
    'null',
    '-',
  ]);
  return rmsOf(stderr);
}

/** RMS level (dB) of what is above 10 kHz (three second-order high-passes). */
async function above10kHzRmsDb(file: string): Promise<number> {
  const { stderr } = await runFfmpeg([
    '-i',
    file,
    '-af',
    'highpass=f=10000,highpass=f=10000,highpass=f=10000,astats=metadata=0',
    '-f',
    'null',
    '-',
  ]);
  return rmsOf(stderr);
}

function rmsOf(log: string): number {
  const match = /RMS level dB: (-?[\d.]+)/.exec(log);
  if (!match) throw new Error(`no RMS level in: ${log.slice(-500)}`);
  return Number(match[1]);
}

describe('MP3 encoder quality level', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let log: string;
  let audio: ReturnType<typeof createFfmpegToolchain>;
  let speech: string;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('mp3-quality'));
    log = path.join(dir, 'invocations.log');
    // Records each invocation's argv (one line each), then runs the real ffmpeg with it.
    const wrapper = path.join(dir, 'ffmpeg-logged');
    await writeFile(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${ffmpegPath()}' "$@"\n`);
    await chmod(wrapper, 0o755);
    audio = createFfmpegToolchain({ ffmpegPath: wrapper });
    const synthesizer = new EspeakSynthesizer();
    speech = path.join(dir, 'speech.wav');
    try {
      await synthesizer.synthesize(
        { ssml: speak('en-GB-EspeakMale1', TEXT, 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
        speech,
      );
    } finally {
      await synthesizer.close();
    }
  }, 60_000);
  afterAll(() => cleanup());

  const encoderLines = async () =>
    (await readFile(log, 'utf8'))
      .trim()
      .split('\n')
      .filter((line) => line.includes('libmp3lame'));

  it('the chapter render’s MP3 encoder runs at quality level 7', async () => {
    await writeFile(log, '');
    await audio.masterChapter(
      {
        segmentFiles: [{ path: speech, pauseAfterMs: 0 }],
        headRoomToneMs: 750,
        tailRoomToneMs: 1000,
        target: DEFAULT_MASTERING_TARGET,
        encodings: { mp3: { file: path.join(dir, 'chapter.mp3'), bitrateKbps: 192 } },
        workDir: dir,
      },
      path.join(dir, 'master.wav'),
    );
    const encoders = await encoderLines();
    expect(encoders).toHaveLength(1);
    expect(encoders[0]).toMatch(/-b:a 192k -compression_level 7 -reservoir 0 /);
  }, 60_000);

  it('the packaging encode runs at quality level 7', async () => {
    await writeFile(log, '');
    await audio.encodeMp3Cbr(speech, path.join(dir, 'packaged.mp3'), { bitrateKbps: 192 });
    const encoders = await encoderLines();
    expect(encoders).toHaveLength(1);
    expect(encoders[0]).toMatch(/-b:a 192k -compression_level 7 -reservoir 0 /);
  }, 60_000);

  it('on speech, level 7 without the reservoir is as close to the master as LAME’s default level', async () => {
    const master = path.join(dir, 'speech-44k.wav');
    await runFfmpeg(['-y', '-i', speech, '-af', 'aresample=44100', '-c:a', 'pcm_s16le', master]);
    const encode = async (name: string, level: string[]) => {
      const file = path.join(dir, name);
      const args = ['-y', '-i', master, '-c:a', 'libmp3lame', '-b:a', '192k', ...level, '-write_xing', '1', file];
      await runFfmpeg(args);
      return file;
    };
    const byDefault = await encode('default.mp3', []);
    const level7 = await encode('level7.mp3', ['-compression_level', '7', '-reservoir', '0']);

    const signal = rmsOf((await runFfmpeg(['-i', master, '-af', 'astats=metadata=0', '-f', 'null', '-'])).stderr);
    const errorDefault = (await differenceRmsDb(master, byDefault)) - signal;
    const error7 = (await differenceRmsDb(master, level7)) - signal;
    // Decoded in step with the master (an offset of even one sample would put the error near 0 dB).
    expect(errorDefault).toBeLessThan(-20);
    expect(error7 - errorDefault).toBeLessThan(0.5);
    expect(Math.abs((await above10kHzRmsDb(level7)) - (await above10kHzRmsDb(byDefault)))).toBeLessThan(0.5);
  }, 60_000);
});
