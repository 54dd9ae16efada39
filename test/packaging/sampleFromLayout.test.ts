/**
 * The retail sample of a master that recorded its segment layout (where each segment's audio starts and ends) is
 * planned and trimmed from that layout: no silence scan of the master. Its window and speech bounds are the scan's,
 * within a pause's fraction, on a chapter of real synthesized speech; a master stored without the ends is scanned.
 */
import { chmod, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { createFfmpegToolchain, ffmpegPath } from '../../adapters/audio';
import { ffprobePath } from '../../adapters/audio/ffmpeg';
import { buildPackage } from '../../adapters/packaging';
import { planRetailSample } from '../../adapters/packaging/cutPlanning';
import { detectQuietRegions, quietRegionsOf, speechBounds } from '../../adapters/packaging/excerpt';
import { DEFAULT_MASTERING_TARGET } from '../../core/audio/masteringTarget';
import { segmentLayoutOf, type PackageRequest, type SegmentLayout } from '../../core/packaging';
import type { MasteredChapter } from '../../core/ports/audio';
import { speak } from '../audio/helpers';
import { BOOK, makeCover, makeMaster, makeTempDir } from './helpers';

const audio = createFfmpegToolchain();

const LINES: [string, string][] = [
  ['en-GB-EspeakMale1', 'Chapter Four.'],
  [
    'en-GB-EspeakMale1',
    'When Jane and Elizabeth were alone, the former, who had been cautious in her praise before, expressed to her ' +
      'sister just how very much she admired him.',
  ],
  ['en-GB-EspeakFemale1', '"He is just what a young man ought to be," said she, "sensible, good-humoured, lively."'],
  ['en-GB-EspeakMale2', '"He is also handsome," replied Elizabeth, "which a young man ought likewise to be."'],
  [
    'en-GB-EspeakMale1',
    'His character is thereby complete. Elizabeth listened in silence, but was not convinced; their behaviour at the ' +
      'assembly had not been calculated to please in general.',
  ],
];
/** Segments in the chapter: the lines over and over, long enough (over 270 s) for the sample to be cut in it. */
const SEGMENTS = 45;

/** A script standing in for `binary` that appends each run's arguments (one line) to `log`, then runs it. */
async function recordingBinary(dir: string, name: string, binary: string, log: string): Promise<string> {
  const script = path.join(dir, `recording-${name}`);
  await writeFile(script, `#!/bin/sh\necho "${name} $*" >> '${log}'\nexec '${binary}' "$@"\n`);
  await chmod(script, 0o755);
  return script;
}

describe('the retail sample of a master with a recorded segment layout', () => {
  let dir: string;
  let cleanup: () => Promise<void>;
  let master: MasteredChapter;
  let layout: SegmentLayout;
  let request: PackageRequest;

  beforeAll(async () => {
    ({ dir, cleanup } = await makeTempDir('sample-layout'));
    const synthesizer = new EspeakSynthesizer();
    const lineFiles: string[] = [];
    try {
      for (const [index, [voice, text]] of LINES.entries()) {
        const file = path.join(dir, `line-${index}.wav`);
        await synthesizer.synthesize(
          { ssml: speak(voice, text, 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
          file,
        );
        lineFiles.push(file);
      }
    } finally {
      await synthesizer.close();
    }
    master = await audio.masterChapter(
      {
        segmentFiles: Array.from({ length: SEGMENTS }, (_, index) => ({
          path: lineFiles[index % lineFiles.length],
          pauseAfterMs: index % lineFiles.length === 0 ? 1500 : 600 + (index % 3) * 150,
        })),
        headRoomToneMs: 750,
        tailRoomToneMs: 2500,
        target: DEFAULT_MASTERING_TARGET,
        workDir: dir,
      },
      path.join(dir, 'chapter.flac'),
    );
    layout = segmentLayoutOf(master.segmentStartsSec, master.segmentEndsSec)!;
    const opening = await makeMaster(audio, dir, 'opening', { segments: 1, segmentSec: 3, frequencyHz: 240 });
    const closing = await makeMaster(audio, dir, 'closing', { segments: 1, segmentSec: 2, frequencyHz: 280 });
    request = {
      platform: 'acx',
      book: BOOK,
      coverJpeg: await makeCover(dir),
      chapters: [
        {
          title: 'Chapter 4',
          masterFile: master.outFile,
          durationSec: master.durationSec,
          chapterType: 'chapter',
          segmentStartsSec: master.segmentStartsSec,
          segmentEndsSec: master.segmentEndsSec,
        },
      ],
      credits: { openingFile: opening.file, closingFile: closing.file },
      retailSample: 'auto',
    };
  }, 240_000);
  afterAll(() => cleanup());

  it('records where every segment ends, after its start and before the next', () => {
    expect(master.durationSec).toBeGreaterThan(270);
    expect(layout).toBeDefined();
    expect(layout.endsSec).toHaveLength(SEGMENTS);
    for (let index = 1; index < SEGMENTS; index++)
      expect(layout.endsSec[index - 1]).toBeLessThan(layout.startsSec[index]);
  });

  it('chooses the window the scan chooses, ending in a pause the scan finds', async () => {
    const fromLayout = await planRetailSample(request, {}, { masterFile: async () => master.outFile });
    const withoutEnds = { ...request, chapters: [{ ...request.chapters[0], segmentEndsSec: undefined }] };
    const scanned = await planRetailSample(withoutEnds, {}, { masterFile: async () => master.outFile });
    expect(fromLayout!.window.startSec).toBe(0);
    expect(fromLayout!.window.endSec).toBeCloseTo(scanned!.window.endSec, 0);
    const quiet = await detectQuietRegions(master.outFile, {}, {});
    const cut = fromLayout!.window.endSec;
    expect(quiet.some((r) => r.startSec + 0.1 < cut && cut < r.endSec - 0.1)).toBe(true);
  });

  it('trims the excerpt to the speech the scan finds, keeping all of it', async () => {
    for (const window of [
      { startSec: 0, endSec: 200 },
      { startSec: 33.3, endSec: 151.7 },
    ]) {
      const windowSec = window.endSec - window.startSec;
      const scan = speechBounds(await quietRegionsOf(master.outFile, window, {}, undefined), windowSec);
      const known = speechBounds(await quietRegionsOf(master.outFile, window, {}, layout), windowSec);
      expect(known.onsetSec).toBeLessThanOrEqual(scan.onsetSec + 0.02);
      expect(known.offsetSec).toBeGreaterThanOrEqual(scan.offsetSec - 0.02);
      // The layout counts a segment's own quiet edges (the synthesizer's, a few tenths of a second) as its audio.
      expect(scan.onsetSec - known.onsetSec).toBeLessThan(0.4);
      expect(known.offsetSec - scan.offsetSec).toBeLessThan(0.4);
    }
  });

  it('builds the ACX package without a silence scan, its sample passing every readiness rule', async () => {
    const scans = await silenceScansOfBuild('layout', request);
    expect(scans.count).toBe(0);
    expect(scans.failedRules).toEqual([]);
    // Each file is probed once: the sample's encode hands its probe to the package's measurement.
    expect(scans.probedFiles.length).toBeGreaterThan(0);
    expect(new Set(scans.probedFiles).size).toBe(scans.probedFiles.length);
  }, 240_000);

  it('scans a master stored without the segment ends', async () => {
    const old = { ...request, chapters: [{ ...request.chapters[0], segmentEndsSec: undefined }] };
    const scans = await silenceScansOfBuild('scan', old);
    // One scan chooses the window, one trims the excerpt.
    expect(scans.count).toBe(2);
    expect(scans.failedRules).toEqual([]);
  }, 240_000);

  async function silenceScansOfBuild(
    name: string,
    packageRequest: PackageRequest,
  ): Promise<{ count: number; failedRules: string[]; probedFiles: string[] }> {
    const log = path.join(dir, `${name}-processes.log`);
    await writeFile(log, '');
    const ffmpeg = await recordingBinary(dir, `${name}-ffmpeg`, ffmpegPath(), log);
    const ffprobe = await recordingBinary(dir, `${name}-ffprobe`, ffprobePath(), log);
    const recording = createFfmpegToolchain({ ffmpegPath: ffmpeg, ffprobePath: ffprobe });
    const workDir = path.join(dir, name);
    await import('node:fs/promises').then((fs) => fs.mkdir(workDir));
    const result = await buildPackage(packageRequest, { audio: recording, workDir, ffmpegPath: ffmpeg });
    expect(result.files.some((f) => f.name === 'Retail Sample.mp3')).toBe(true);
    const lines = (await readFile(log, 'utf8')).split('\n').filter(Boolean);
    return {
      // The measurement chain's silencedetect (head and tail room tone of every file) rides beside ebur128.
      count: lines.filter((line) => line.includes('silencedetect') && !line.includes('ebur128')).length,
      failedRules: result.readiness.rules.filter((r) => !r.passed).map((r) => r.id),
      probedFiles: lines.filter((line) => line.startsWith(`${name}-ffprobe `)).map((line) => line.split(' ').pop()!),
    };
  }
});
