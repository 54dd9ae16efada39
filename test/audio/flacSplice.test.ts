/**
 * A chapter's FLAC joined frame by frame (docs/audio-pipeline.md, "Re-rendering only the region that changed"): the
 * stored master's frames before a frame boundary, then a FLAC of the new samples encoded from that boundary, its
 * frames renumbered. FLAC frames are coded from their own samples, so the joined file is the whole encode's, byte for
 * byte, and decodes to the same samples.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg } from '../../adapters/audio';
import { FlacSpliceError, flacKeepFrames, spliceFlac } from '../../adapters/audio/flacSplice';
import { makeTempDir } from './helpers';

const RATE = 22050;
/** ffmpeg's FLAC block at 22.05 kHz. */
const BLOCK = 2304;
/** Longer than 2,048 blocks, so frame numbers take one, two and three bytes. */
const SECONDS = 230;
/** The mastering pass's FLAC arguments (master.ts). */
const FLAC_ARGS = ['-ac', '1', '-ar', String(RATE), '-sample_fmt', 's16', '-c:a', 'flac', '-map_metadata', '-1'];

describe('FLAC splice', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let chapter: string;
  let whole: Buffer;
  let edited: string;
  let editedWhole: Buffer;

  /** A voice-like signal (a tone that comes and goes over noise), the same one each time for `seed`. */
  const signal = (seed: number) =>
    `sine=f=${180 + seed * 40}:d=${SECONDS}:r=${RATE},volume='0.4*gt(sin(t*${2 + seed}),0)':eval=frame[tone];` +
    `anoisesrc=d=${SECONDS}:r=${RATE}:a=0.01:seed=${seed + 1}[noise];[tone][noise]amix=2`;

  async function encode(input: string, out: string, fromSample = 0): Promise<Buffer> {
    const trim = fromSample > 0 ? ['-af', `atrim=start_sample=${fromSample},asetpts=PTS-STARTPTS`] : [];
    await runFfmpeg(['-y', '-i', input, ...trim, ...FLAC_ARGS, '-bitexact', out]);
    return readFile(out);
  }

  async function md5Of(file: string): Promise<Buffer> {
    const out = path.join(dir, `${path.basename(file)}.md5`);
    await runFfmpeg(['-y', '-i', file, '-c:a', 'pcm_s16le', '-f', 'md5', out]);
    return Buffer.from((await readFile(out, 'utf8')).trim().replace(/^MD5=/, ''), 'hex');
  }

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('flac-splice'));
    chapter = path.join(dir, 'chapter.wav');
    await runFfmpeg(['-y', '-filter_complex', signal(0), ...FLAC_ARGS.slice(0, 6), '-c:a', 'pcm_s16le', chapter]);
    whole = await encode(chapter, path.join(dir, 'whole.flac'));
    // The same chapter up to 100 s, another signal after it: what a region render gives after a change.
    const tail = path.join(dir, 'tail.wav');
    await runFfmpeg(['-y', '-filter_complex', signal(1), ...FLAC_ARGS.slice(0, 6), '-c:a', 'pcm_s16le', tail]);
    edited = path.join(dir, 'edited.wav');
    await runFfmpeg([
      ...['-y', '-i', chapter, '-i', tail, '-filter_complex'],
      `[0:a]atrim=end_sample=${100 * RATE}[a];[1:a]atrim=start_sample=${100 * RATE},asetpts=PTS-STARTPTS[b];` +
        '[a][b]concat=n=2:v=0:a=1',
      ...FLAC_ARGS.slice(0, 6),
      ...['-c:a', 'pcm_s16le', edited],
    ]);
    editedWhole = await encode(edited, path.join(dir, 'edited-whole.flac'));
  }, 120_000);

  afterAll(async () => cleanup());

  it.each([
    ['no frame kept', 0],
    ['one-byte frame numbers kept, renumbered into two bytes', 100],
    ['two-byte numbers kept, renumbered across three bytes', 2040],
    ['all but the last frame kept', Math.floor((SECONDS * RATE) / BLOCK)],
  ])(
    'a FLAC spliced with itself is the same bytes (%s)',
    async (_case, keepFrames) => {
      const region = await encode(chapter, path.join(dir, `self-${keepFrames}.flac`), keepFrames * BLOCK);
      const md5 = await md5Of(chapter);
      expect(spliceFlac(whole, keepFrames, region, md5).equals(whole)).toBe(true);
    },
    60_000,
  );

  it('a region spliced in after a change is the whole encode of the new samples, and decodes to them', async () => {
    const cutSample = 95 * RATE + 777;
    const { keepFrames, blockSize } = flacKeepFrames(whole, cutSample);
    expect(blockSize).toBe(BLOCK);
    expect(keepFrames).toBe(Math.floor(cutSample / BLOCK));
    const region = await encode(edited, path.join(dir, 'region.flac'), keepFrames * BLOCK);
    const spliced = spliceFlac(whole, keepFrames, region, await md5Of(edited));
    expect(spliced.equals(editedWhole)).toBe(true);
    // ffmpeg reads it whole, with no error, to the same samples (MD5) as the edited chapter.
    const splicedFile = path.join(dir, 'spliced.flac');
    await writeFile(splicedFile, spliced);
    const errors: string[] = [];
    await runFfmpeg(['-v', 'error', '-i', splicedFile, '-f', 'null', '-'], { onStderrLine: (l) => errors.push(l) });
    expect(errors).toEqual([]);
    expect((await md5Of(splicedFile)).equals(await md5Of(edited))).toBe(true);
  }, 60_000);

  it('refuses a region of another block size, a damaged frame and a stored file with too few frames', async () => {
    const md5 = Buffer.alloc(16);
    const otherRate = path.join(dir, 'other-rate.flac');
    await runFfmpeg(['-y', '-i', chapter, '-t', '5', '-ar', '44100', '-c:a', 'flac', '-bitexact', otherRate]);
    expect(() => spliceFlac(whole, 10, readFileSync(otherRate), md5)).toThrow(FlacSpliceError);

    const region = await encode(chapter, path.join(dir, 'damaged.flac'), 10 * BLOCK);
    const damaged = Buffer.from(region);
    damaged[damaged.length - 5000] ^= 0x10;
    expect(() => spliceFlac(whole, 10, damaged, md5)).toThrow(FlacSpliceError);
    expect(() => spliceFlac(region.subarray(0, 20_000), 10, region, md5)).toThrow(FlacSpliceError);
    expect(() => spliceFlac(whole, 10, region, Buffer.alloc(8))).toThrow(FlacSpliceError);
  }, 60_000);
});
