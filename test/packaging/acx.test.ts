import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createFfmpegToolchain } from '../../adapters/audio';
import { buildPackage } from '../../adapters/packaging';
import type { PackageRequest, PackageResult } from '../../core/packaging';
import { BOOK, countingToolchain, listZip, makeCover, makeMaster, makeTempDir, readZipText } from './helpers';

const audio = createFfmpegToolchain();

describe('ACX package', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let request: PackageRequest;
  let result: PackageResult;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('package-acx'));
    // Chapter 1 is long enough for the 1–5 minute retail sample; the others are a few seconds.
    const one = await makeMaster(audio, dir, 'chapter-1', { segments: 12, segmentSec: 4.5, frequencyHz: 220 });
    const two = await makeMaster(audio, dir, 'chapter-2', { segments: 2, segmentSec: 2, frequencyHz: 260 });
    const three = await makeMaster(audio, dir, 'chapter-3', { segments: 2, segmentSec: 2, frequencyHz: 300 });
    const opening = await makeMaster(audio, dir, 'opening', { segments: 1, segmentSec: 3, frequencyHz: 240 });
    const closing = await makeMaster(audio, dir, 'closing', { segments: 1, segmentSec: 2, frequencyHz: 280 });
    request = {
      platform: 'acx',
      book: BOOK,
      coverJpeg: await makeCover(dir),
      chapters: [
        { title: 'Chapter 1: The Letter', masterFile: one.file, durationSec: one.durationSec, chapterType: 'chapter' },
        { title: 'Chapter 2 / ../../etc/passwd', masterFile: two.file, durationSec: two.durationSec },
        { title: 'Chapter 3', masterFile: three.file, durationSec: three.durationSec },
      ],
      credits: { openingFile: opening.file, closingFile: closing.file },
      retailSample: 'auto',
    };
    result = await buildPackage(request, { audio, workDir: dir });
  });
  afterAll(() => cleanup());

  it('zips credits, chapters, sample, cover and manifest in a fixed order under sanitized names', async () => {
    const entries = await listZip(result.deliverable.path);
    expect(entries.map((e) => e.name)).toEqual([
      '00 - Opening Credits.mp3',
      '01 - Chapter 1 The Letter.mp3',
      '02 - Chapter 2 . . etc passwd.mp3',
      '03 - Chapter 3.mp3',
      '04 - Closing Credits.mp3',
      'Retail Sample.mp3',
      'Cover.jpg',
      'manifest.json',
    ]);
    // One fixed timestamp for every entry; audio stored, the manifest deflated.
    expect(new Set(entries.map((e) => `${e.dosDate}/${e.dosTime}`)).size).toBe(1);
    expect(entries.filter((e) => e.compressed).map((e) => e.name)).toEqual(['manifest.json']);
    expect(result.deliverable).toMatchObject({ role: 'zip', name: 'The Quiet Harbor - ACX.zip' });
    expect(path.dirname(result.deliverable.path)).toBe(result.outputDir);
  });

  it('every MP3 is CBR 192 kbps, 44.1 kHz, mono, and tagged', async () => {
    const mp3s = result.files.filter((f) => f.name.endsWith('.mp3'));
    expect(mp3s).toHaveLength(6);
    for (const file of mp3s) {
      const measured = await audio.measureDeliverableFile(file.path, 'chapter', file.name);
      expect(measured).toMatchObject({ codec: 'mp3', bitrateMode: 'cbr', bitRateKbps: 192, sampleRateHz: 44100 });
      expect(measured.channels).toBe(1);
    }
    const chapter = await audio.probe(result.files.find((f) => f.name.startsWith('01 - '))!.path);
    expect(chapter.tags).toMatchObject({
      title: 'Chapter 1: The Letter',
      album: 'The Quiet Harbor',
      artist: 'Ana Quispe',
      composer: 'Camila (digital voice)',
      track: '2/5',
    });
  });

  it('passes every ACX readiness rule, measured on the encoded files', () => {
    const failed = result.readiness.rules.filter((r) => !r.passed);
    expect(failed).toEqual([]);
    const ids = result.readiness.rules.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining(['cbr', 'rms', 'peak', 'noise-floor', 'credits', 'retail-sample']));
    const sample = result.files.find((f) => f.role === 'retail-sample')!;
    expect(sample.durationSec!).toBeGreaterThanOrEqual(60);
    expect(sample.durationSec!).toBeLessThanOrEqual(300);
    expect(sample.chapterIndex).toBe(0);
  });

  it('writes the manifest into the zip, with the disclosure and the file list', async () => {
    const inZip = JSON.parse(await readZipText(result.deliverable.path, 'manifest.json'));
    expect(inZip).toEqual(JSON.parse(JSON.stringify(result.manifest)));
    expect(result.manifest.book.description).toMatch(/narrated by a digital voice/);
    expect(result.manifest.chapters.map((c) => c.files)).toEqual([
      ['01 - Chapter 1 The Letter.mp3'],
      ['02 - Chapter 2 . . etc passwd.mp3'],
      ['03 - Chapter 3.mp3'],
    ]);
    const cover = result.manifest.files.find((f) => f.role === 'cover')!;
    expect(cover.sha256).toBe(result.files.find((f) => f.role === 'cover')!.sha256);
    expect(result.readiness.passed).toBe(result.manifest.readiness.passed);
  });

  it('re-encodes only the changed chapter, and an unchanged rebuild is byte-identical', async () => {
    const counted = countingToolchain(audio);
    const changed = await makeMaster(audio, dir, 'chapter-2b', { segments: 2, segmentSec: 2.5, frequencyHz: 250 });
    const second = await buildPackage(
      {
        ...request,
        chapters: request.chapters.map((c, i) =>
          i === 1 ? { ...c, masterFile: changed.file, durationSec: changed.durationSec } : c,
        ),
        previous: result,
      },
      { audio: counted.audio, workDir: dir },
    );
    expect(counted.calls.mp3).toBe(1);
    expect(second.stats).toEqual({ encoded: 1, reused: 5 });
    const byName = (r: PackageResult, name: string) => r.files.find((f) => f.name.startsWith(name))!.sha256;
    expect(byName(second, '02 - ')).not.toBe(byName(result, '02 - '));
    expect(byName(second, '01 - ')).toBe(byName(result, '01 - '));

    counted.calls.mp3 = 0;
    const third = await buildPackage({ ...request, previous: result }, { audio: counted.audio, workDir: dir });
    expect(counted.calls.mp3).toBe(0);
    expect(third.deliverable.sha256).toBe(result.deliverable.sha256);
    expect(await readFile(third.deliverable.path)).toEqual(await readFile(result.deliverable.path));
  });

  it('splits a chapter longer than the per-file limit into parts that keep their room tone', async () => {
    const split = await buildPackage(
      { ...request, maxFileMinutes: 0.75, retailSample: 'none', credits: undefined },
      { audio, workDir: dir },
    );
    const parts = split.files.filter((f) => f.role === 'chapter' && f.chapterIndex === 0);
    expect(parts.length).toBeGreaterThanOrEqual(2);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
    expect(parts[0].name).toMatch(/^01 - Chapter 1 The Letter \(Part 1 of \d\)\.mp3$/);
    for (const part of parts) expect(part.durationSec!).toBeLessThanOrEqual(45);
    const total = parts.reduce((sum, p) => sum + p.durationSec!, 0);
    expect(total).toBeGreaterThan(request.chapters[0].durationSec - 1);
    const levelRules = ['rms', 'peak', 'noise-floor', 'room-tone-head', 'room-tone-tail'];
    for (const id of levelRules) expect(split.readiness.rules.find((r) => r.id === id)).toMatchObject({ passed: true });
  });
});
