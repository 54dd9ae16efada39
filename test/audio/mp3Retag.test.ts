/**
 * A packaged MP3 is the mastering pass's MP3 with the package's tags: a new ID3v2.3 tag written in the process, then
 * the source's audio bytes unchanged (its Info/LAME header included). No ffmpeg process is started for it, the old
 * tags (ID3v2 at the head, ID3v1 at the tail) are gone, every tag reads back with ffprobe, and the audio decodes to
 * the same samples as the source's.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runFfmpeg, probe } from '../../adapters/audio';
import { retagMp3, NotAnMp3Error } from '../../adapters/audio/mp3Retag';
import { detectMp3BitrateMode } from '../../adapters/audio/mp3Info';
import { lameCbrArgs } from '../../adapters/audio/mp3Encoding';
import type { AudioTags } from '../../core/ports/audio';
import { makeTempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const file = (name: string) => path.join(dir, name);

const TAGS: AudioTags = {
  title: 'Chapter 3: “Über” the Moor',
  album: 'A Book of Moors',
  artist: 'A. Author',
  albumArtist: 'A. Author',
  narrator: 'Digital voice',
  genre: 'Audiobook',
  year: 2026,
  track: '3/12',
  copyright: '© 2026 A. Author',
  publisher: 'Khipu Press',
  comment: 'Produced with synthetic speech',
};

/** Four seconds of a tone encoded as the mastering pass encodes a chapter, with the extra ffmpeg arguments given. */
async function mp3(name: string, extra: string[]): Promise<string> {
  await runFfmpeg([
    ...['-y', '-f', 'lavfi', '-i', 'sine=frequency=330:sample_rate=44100:duration=4', '-af', 'volume=0.25'],
    ...['-ac', '1', '-ar', '44100', ...lameCbrArgs(192), '-write_xing', '1', ...extra, '-f', 'mp3', file(name)],
  ]);
  return file(name);
}

async function decoded(source: string): Promise<Buffer> {
  const out = `${source}.s16`;
  await runFfmpeg(['-y', '-i', source, '-f', 's16le', '-ac', '1', '-ar', '44100', out]);
  return readFile(out);
}

async function tagsOf(source: string): Promise<Record<string, string>> {
  const { stdout } = await runFfmpeg(['-i', source, '-f', 'ffmetadata', '-']);
  return Object.fromEntries(
    stdout
      .split('\n')
      .filter((line) => line.includes('=') && !line.startsWith(';'))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

beforeAll(async () => {
  ({ dir, cleanup } = await makeTempDir('mp3-retag'));
  // As the mastering pass leaves it: no tag at all.
  await mp3('untagged.mp3', ['-map_metadata', '-1', '-id3v2_version', '0']);
  // An MP3 that has tags of its own, at the head and the tail.
  await mp3('tagged.mp3', [
    ...['-id3v2_version', '3', '-write_id3v1', '1'],
    ...['-metadata', 'title=Old title', '-metadata', 'album=Old album', '-metadata', 'artist=Old artist'],
  ]);
}, 60_000);
afterAll(() => cleanup());

describe('retagging an MP3', () => {
  it('writes the new tag and then the source audio bytes unchanged, without starting a process', async () => {
    const childProcess = jest.requireActual<typeof import('node:child_process')>('node:child_process');
    const spawn = jest.spyOn(childProcess, 'spawn');
    let written;
    try {
      written = await retagMp3(file('untagged.mp3'), file('retagged.mp3'), TAGS);
      expect(spawn).not.toHaveBeenCalled();
    } finally {
      spawn.mockRestore();
    }
    const source = await readFile(file('untagged.mp3'));
    const out = await readFile(file('retagged.mp3'));
    // Its size and sha256, taken while it was written: no caller reads the file back to hash it.
    expect(written).toEqual({ bytes: out.length, sha256: createHash('sha256').update(out).digest('hex') });
    expect(out.toString('latin1', 0, 3)).toBe('ID3');
    expect(out[3]).toBe(3); // ID3v2.3
    // The whole source, its Info/LAME header frame included, follows the tag byte for byte.
    expect(out.subarray(out.length - source.length).equals(source)).toBe(true);
    expect(await decoded(file('retagged.mp3'))).toEqual(await decoded(file('untagged.mp3')));
    expect(await detectMp3BitrateMode(file('retagged.mp3'))).toBe('cbr');
    expect((await probe(file('retagged.mp3'))).durationSec).toBeCloseTo(
      (await probe(file('untagged.mp3'))).durationSec,
      3,
    );
  }, 60_000);

  it('every tag reads back as an ffmpeg mux of the same tags writes it', async () => {
    await retagMp3(file('untagged.mp3'), file('retagged-tags.mp3'), TAGS);
    expect(await tagsOf(file('retagged-tags.mp3'))).toMatchObject({
      title: TAGS.title,
      album: TAGS.album,
      artist: TAGS.artist,
      album_artist: TAGS.albumArtist,
      composer: TAGS.narrator,
      narrator: TAGS.narrator,
      genre: TAGS.genre,
      date: '2026',
      track: TAGS.track,
      copyright: TAGS.copyright,
      publisher: TAGS.publisher,
      comment: TAGS.comment,
    });
  }, 60_000);

  it("drops the source's own ID3v2 and ID3v1 tags and keeps its frames", async () => {
    const source = await readFile(file('tagged.mp3'));
    expect(source.toString('latin1', source.length - 128, source.length - 125)).toBe('TAG');
    await retagMp3(file('tagged.mp3'), file('retagged-old.mp3'), { title: 'New title' });
    const out = await readFile(file('retagged-old.mp3'));
    expect(out.toString('latin1', out.length - 128, out.length - 125)).not.toBe('TAG');
    const tags = await tagsOf(file('retagged-old.mp3'));
    expect(tags.title).toBe('New title');
    expect(tags).not.toHaveProperty('album');
    expect(tags).not.toHaveProperty('artist');
    expect(await decoded(file('retagged-old.mp3'))).toEqual(await decoded(file('tagged.mp3')));
  }, 60_000);

  it('refuses a file that is not an MP3 and writes nothing', async () => {
    await runFfmpeg(['-y', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=mono', '-t', '1', file('silence.wav')]);
    await expect(retagMp3(file('silence.wav'), file('not-written.mp3'), TAGS)).rejects.toBeInstanceOf(NotAnMp3Error);
    await expect(readFile(file('not-written.mp3'))).rejects.toMatchObject({ code: 'ENOENT' });
  }, 60_000);

  it('an output that cannot be written rejects the call and leaves no error event unheard', async () => {
    const source = await mp3('for-unwritable.mp3', []);
    const unheard: unknown[] = [];
    const listen = (error: unknown) => unheard.push(error);
    const earlier = process.listeners('uncaughtException');
    process.removeAllListeners('uncaughtException');
    process.on('uncaughtException', listen);
    try {
      await expect(retagMp3(source, file(path.join('no-such-folder', 'out.mp3')), TAGS)).rejects.toMatchObject({
        code: 'ENOENT',
      });
      await new Promise((resolve) => setTimeout(resolve, 100));
    } finally {
      process.removeListener('uncaughtException', listen);
      for (const listener of earlier) process.on('uncaughtException', listener);
    }
    expect(unheard).toEqual([]);
  }, 60_000);
});
