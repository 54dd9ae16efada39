import { createFfmpegToolchain } from '../../adapters/audio';
import { buildPackage } from '../../adapters/packaging';
import type { PackageRequest, PackageResult } from '../../core/packaging';
import { BOOK, countingToolchain, makeCover, makeMaster, makeTempDir, readWithMusicMetadata } from './helpers';

const audio = createFfmpegToolchain();

describe('Apple Books M4B package', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let request: PackageRequest;
  let result: PackageResult;
  const titles = ['Prologue', 'Chapter 1; "Arrival" = #1', 'Capítulo 2 — La carta'];

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('package-m4b'));
    const masters: { file: string; durationSec: number }[] = [];
    for (const [index] of titles.entries())
      masters.push(
        await makeMaster(audio, dir, `ch${index}`, { segments: 2, segmentSec: 2, frequencyHz: 200 + index * 40 }),
      );
    const opening = await makeMaster(audio, dir, 'opening', { segments: 1, segmentSec: 2, frequencyHz: 240 });
    request = {
      platform: 'apple',
      book: { ...BOOK, narrators: [] },
      coverJpeg: await makeCover(dir),
      chapters: titles.map((title, i) => ({ title, masterFile: masters[i].file, durationSec: masters[i].durationSec })),
      credits: { openingFile: opening.file },
    };
    result = await buildPackage(request, { audio, workDir: dir });
  });
  afterAll(() => cleanup());

  it('is one AAC-LC track with a titled chapter marker per chapter (credits included)', async () => {
    expect(result.deliverable).toMatchObject({ role: 'book', name: 'The Quiet Harbor.m4b' });
    expect(result.files.map((f) => f.role)).toEqual(['book', 'manifest']);
    const probed = await audio.probe(result.deliverable.path);
    expect(probed.audio).toMatchObject({ codecName: 'aac', profile: 'LC', channels: 1, sampleRateHz: 44100 });
    expect(probed.chapters.map((c) => c.title)).toEqual(['Opening Credits', ...titles]);
    for (let i = 1; i < probed.chapters.length; i++)
      expect(probed.chapters[i].startSec).toBeCloseTo(probed.chapters[i - 1].endSec, 2);
    expect(probed.coverArt).toMatchObject({ width: 3000, height: 3000, attachedPicture: true });
  });

  it('carries the book tags and the cover (read back with music-metadata)', async () => {
    const probed = await audio.probe(result.deliverable.path);
    expect(probed.tags).toMatchObject({ date: '2025', genre: 'Fiction' });
    expect(probed.tags.description).toMatch(/lighthouse keeper.*\n\nThis audiobook is narrated by a digital voice\./s);
    const metadata = await readWithMusicMetadata(result.deliverable.path);
    expect(metadata).toMatchObject({
      title: 'The Quiet Harbor',
      album: 'The Quiet Harbor',
      artist: 'Ana Quispe',
      albumartist: 'Ana Quispe',
      composer: ['A digital voice'],
      genre: ['Fiction'],
      pictureFormats: ['image/jpeg'],
      codec: expect.stringMatching(/AAC/i),
    });
  });

  it('passes the Apple Books readiness rules measured on the M4B', () => {
    expect(result.readiness.rules.filter((r) => !r.passed)).toEqual([]);
    // The marks are the package's own three chapters and its opening credits, not a count of four to puzzle over.
    expect(result.readiness.rules.find((r) => r.id === 'chapter-markers')).toMatchObject({
      measured: '3 chapters and the credits (4 markers), 4 titled',
      expected: 'one per chapter and credits file (4), all titled',
      measuredValues: [{ code: 'chapter_markers', params: { chapters: 3, credits: 1, count: 4, titled: 4 } }],
      expectedValue: { code: 'marker_per_chapter', params: { chapters: 3, credits: 1, count: 4 } },
    });
    expect(result.readiness.rules.find((r) => r.id === 'cover')).toMatchObject({ measured: '3000×3000 RGB JPEG' });
  });

  it('reuses the M4B when nothing changed and re-encodes it when a title changes', async () => {
    const counted = countingToolchain(audio);
    const same = await buildPackage({ ...request, previous: result }, { audio: counted.audio, workDir: dir });
    expect(counted.calls.m4b).toBe(0);
    expect(same.deliverable.sha256).toBe(result.deliverable.sha256);
    const renamed = await buildPackage(
      {
        ...request,
        chapters: request.chapters.map((c, i) => (i === 0 ? { ...c, title: 'Prólogo' } : c)),
        previous: result,
      },
      { audio: counted.audio, workDir: dir },
    );
    expect(counted.calls.m4b).toBe(1);
    expect((await audio.probe(renamed.deliverable.path)).chapters[1].title).toBe('Prólogo');
  });
});
