import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain } from '../../adapters/audio';
import { buildPackage } from '../../adapters/packaging';
import { ValidationError } from '../../core/errors';
import type { PackageRequest } from '../../core/packaging';
import { BOOK, listZip, makeLoudMaster, makeMaster, makeTempDir } from './helpers';

const audio = createFfmpegToolchain();

describe('packages that are not retail-ready', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let good: { file: string; durationSec: number };

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('package-failing'));
    good = await makeMaster(audio, dir, 'good', { segments: 2, segmentSec: 2, frequencyHz: 220 });
  });
  afterAll(() => cleanup());

  it('reports a too-loud master, a missing cover and missing credits with the measured values', async () => {
    const loud = await makeLoudMaster(dir, 'loud', 4);
    const result = await buildPackage(
      {
        platform: 'acx',
        book: BOOK,
        chapters: [
          { title: 'Chapter 1', masterFile: good.file, durationSec: good.durationSec },
          { title: 'Chapter 2', masterFile: loud, durationSec: 4 },
        ],
      },
      { audio, workDir: dir },
    );
    const rule = (id: string) => result.readiness.rules.find((r) => r.id === id)!;
    expect(result.readiness.passed).toBe(false);
    expect(rule('rms')).toMatchObject({ passed: false, expected: '-23..-18 dB' });
    expect(rule('rms').measured).toMatch(/^02 - Chapter 2\.mp3: -\d+(\.\d)? dB$/);
    expect(Number(rule('rms').measured.match(/(-[\d.]+) dB/)![1])).toBeGreaterThan(-18);
    expect(rule('peak')).toMatchObject({ passed: false });
    expect(rule('cover')).toMatchObject({ passed: false, measured: 'missing' });
    expect(rule('credits')).toMatchObject({ passed: false, measured: 'missing' });
    // The short book still gets a (too short) automatic sample, reported rather than thrown.
    expect(rule('retail-sample')).toMatchObject({ passed: false });
    expect(result.manifest.readiness.failedRules).toEqual(
      expect.arrayContaining(['rms', 'peak', 'cover', 'credits', 'retail-sample']),
    );
    expect((await listZip(result.deliverable.path)).map((e) => e.name)).not.toContain('Cover.jpg');
  });

  it('Spotify needs an ISBN and the disclosure; Google and Kobo build zips of MP3s', async () => {
    const chapters = [{ title: 'Chapter 1', masterFile: good.file, durationSec: good.durationSec }];
    const spotify = await buildPackage(
      { platform: 'spotify', book: { ...BOOK, isbn: null }, chapters },
      { audio, workDir: dir },
    );
    expect(spotify.readiness.rules.find((r) => r.id === 'isbn')).toMatchObject({ passed: false, measured: 'missing' });
    expect(spotify.readiness.rules.find((r) => r.id === 'disclosure')).toMatchObject({ passed: true });
    expect(spotify.files.some((f) => f.role === 'retail-sample')).toBe(false);
    for (const platform of ['google', 'kobo'] as const) {
      const result = await buildPackage({ platform, book: BOOK, chapters }, { audio, workDir: dir });
      expect(result.deliverable.name).toMatch(/^The Quiet Harbor - .+\.zip$/);
      expect((await listZip(result.deliverable.path)).map((e) => e.name)).toEqual([
        '01 - Chapter 1.mp3',
        'manifest.json',
      ]);
    }
  });

  it('re-encodes a previous file that changed on disk instead of copying it', async () => {
    const request: PackageRequest = {
      platform: 'google',
      book: BOOK,
      chapters: [{ title: 'Chapter 1', masterFile: good.file, durationSec: good.durationSec }],
    };
    const first = await buildPackage(request, { audio, workDir: dir });
    const mp3 = first.files.find((f) => f.role === 'chapter')!;
    await writeFile(mp3.path, 'not the encoded audio any more');
    const second = await buildPackage({ ...request, previous: first }, { audio, workDir: dir });
    expect(second.stats).toEqual({ encoded: 1, reused: 0 });
    expect(second.files.find((f) => f.role === 'chapter')!.sha256).toBe(mp3.sha256);
  });

  it('refuses invalid requests before doing any work, and leaves nothing behind on failure', async () => {
    const base: PackageRequest = {
      platform: 'acx',
      book: BOOK,
      chapters: [{ title: 'Chapter 1', masterFile: good.file, durationSec: good.durationSec }],
    };
    const before = (await readdir(dir)).filter((n) => n.startsWith('package-'));
    await expect(
      buildPackage(
        { ...base, retailSample: { fromChapterIndex: 3, startSec: 0, durationSec: 20 } },
        { audio, workDir: dir },
      ),
    ).rejects.toMatchObject({
      code: 'validation_failed',
      fields: expect.arrayContaining([
        expect.objectContaining({ field: 'retailSample.fromChapterIndex' }),
        expect.objectContaining({ field: 'retailSample.durationSec' }),
      ]),
    });
    await expect(
      buildPackage({ ...base, platform: 'napster' as never, chapters: [] }, { audio, workDir: dir }),
    ).rejects.toBeInstanceOf(ValidationError);
    const missing = buildPackage(
      { ...base, chapters: [{ ...base.chapters[0], masterFile: path.join(dir, 'nope.wav') }] },
      { audio, workDir: dir },
    );
    await expect(missing).rejects.toMatchObject({
      fields: [{ field: 'chapters.0.masterFile', message: 'file not found' }],
    });
    expect((await readdir(dir)).filter((n) => n.startsWith('package-'))).toEqual(before);
  });
});
