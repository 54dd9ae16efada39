/**
 * An encoder reads a lossless master, never an encoding: decoding an AAC or MP3 to encode it again would put a second
 * lossy generation in a deliverable, silently. So the M4B joins AAC chapters by stream copy only when all of them are
 * AAC it can copy (same profile, rate and channels) and encodes only lossless inputs; the MP3 encode and the excerpt
 * cut (the retail sample, a split part) refuse an encoded source. What the inputs are is read from the files' streams,
 * not their names.
 */
import { copyFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain, runFfmpeg } from '../../adapters/audio';
import { renderExcerpt } from '../../adapters/packaging/excerpt';
import { makeTempDir } from './helpers';

const audio = createFfmpegToolchain();
let dir: string;
let cleanup: () => Promise<void>;
const file = (name: string) => path.join(dir, name);

/** Three seconds of a tone, in the format the arguments give. */
async function tone(name: string, codecArgs: string[]): Promise<string> {
  await runFfmpeg([
    ...['-y', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=3'],
    ...['-af', 'volume=0.25', '-ac', '1', ...codecArgs, file(name)],
  ]);
  return file(name);
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('no-second-generation'));
  await tone('master.flac', ['-c:a', 'flac']);
  await tone('master.wav', ['-c:a', 'pcm_s16le']);
  await tone('chapter.m4a', ['-c:a', 'aac', '-b:a', '64k']);
  await tone('chapter-48k.m4a', ['-ar', '48000', '-c:a', 'aac', '-b:a', '64k']);
  await tone('chapter.mp3', ['-c:a', 'libmp3lame', '-b:a', '192k']);
  // An AAC file under a name that does not say so, and an MP3 inside a WAV container.
  await copyFile(file('chapter.m4a'), file('chapter-aac.flac'));
  await tone('mp3-in.wav', ['-c:a', 'libmp3lame', '-b:a', '192k', '-f', 'wav']);
}, 60_000);
afterAll(() => cleanup());

const m4b = (files: string[]) =>
  audio.encodeM4b({
    chapters: files.map((f, i) => ({ title: `Chapter ${i + 1}`, file: f })),
    out: file('book.m4b'),
    tags: { title: 'Book' },
    workDir: dir,
  });

describe('an M4B never encodes an encoding again', () => {
  it('refuses AAC chapters mixed with masters, naming the encoded ones', async () => {
    await expect(m4b([file('master.flac'), file('chapter.m4a'), file('master.wav')])).rejects.toThrow(
      /chapter\.m4a \(aac\).*second lossy generation/,
    );
  });

  it('refuses an MP3 among masters', async () => {
    await expect(m4b([file('master.flac'), file('chapter.mp3')])).rejects.toThrow(/chapter\.mp3 \(mp3\)/);
  });

  it('reads what a file holds, not its name: AAC named .flac, MP3 inside a WAV', async () => {
    await expect(m4b([file('master.flac'), file('chapter-aac.flac')])).rejects.toThrow(/chapter-aac\.flac \(aac\)/);
    await expect(m4b([file('master.wav'), file('mp3-in.wav')])).rejects.toThrow(/mp3-in\.wav \(mp3\)/);
  });

  it('refuses to join AAC chapters a stream copy cannot join (another sample rate) rather than encode them', async () => {
    await expect(m4b([file('chapter.m4a'), file('chapter-48k.m4a')])).rejects.toThrow(
      /cannot be joined by stream copy.*chapter-48k\.m4a.*48000 Hz/,
    );
  });

  it('still joins AAC chapters by stream copy and encodes masters once', async () => {
    const joined = await m4b([file('chapter.m4a'), file('chapter.m4a')]);
    expect(joined.loudness).toBeUndefined();
    const encoded = await m4b([file('master.flac'), file('master.flac')]);
    expect(encoded.loudness).toBeDefined();
    expect(encoded.chapterStartsSec).toHaveLength(2);
  }, 60_000);
});

describe('an MP3 is encoded from a master only', () => {
  const mp3 = (source: string) => audio.encodeMp3Cbr(source, file('out.mp3'), { bitrateKbps: 192 });

  it.each(['chapter.mp3', 'chapter.m4a', 'chapter-aac.flac', 'mp3-in.wav'])(
    'refuses %s as its source',
    async (name) => {
      await expect(mp3(file(name))).rejects.toThrow(/second lossy generation/);
    },
  );

  it('encodes a FLAC or PCM WAV master', async () => {
    await expect(mp3(file('master.flac'))).resolves.toHaveProperty('loudness');
    await expect(mp3(file('master.wav'))).resolves.toHaveProperty('loudness');
  }, 60_000);

  it('cuts an excerpt (a retail sample, a split part) from a master only', async () => {
    const window = { startSec: 0, endSec: 3.5 };
    await expect(renderExcerpt(file('chapter.mp3'), window, file('excerpt-1.wav'))).rejects.toThrow(
      /second lossy generation/,
    );
    await renderExcerpt(file('master.flac'), window, file('excerpt-2.wav'));
    await expect(mp3(file('excerpt-2.wav'))).resolves.toHaveProperty('loudness');
  }, 60_000);
});
