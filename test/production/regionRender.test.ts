/**
 * A chapter whose end changed is mastered from its previous master (docs/audio-pipeline.md, "Re-rendering only the
 * region that changed"): only the segments from a pause before the first changed one are rendered, at the recorded
 * gain, and joined to the stored FLAC, MP3, AAC and level blocks. Compared with a whole render of the same segments at
 * the same gain: the FLAC is the same bytes (its frames before the cut the stored ones), the MP3 and the AAC the same samples before their cuts and within the
 * doc's splice threshold around them, the levels the same within 0.05 LU / 0.05 dB, the record the same in shape.
 * Whatever does not line up is rendered whole (or, for the AAC alone, encoded whole), each reason counted. Real
 * ffmpeg, ffprobe, espeak-ng and Azurite.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createFfmpegToolchain, ffmpegPath, runFfmpeg } from '../../adapters/audio';
import { runFfprobe } from '../../adapters/audio/ffmpeg';
import { readFlacInfo } from '../../adapters/audio/flacInfo';
import { readLevelBlocks } from '../../adapters/audio/levelBlocksFile';
import { readMp4AacInfo } from '../../adapters/audio/mp4AudioInfo';
import type { AzureBlobStore } from '../../adapters/blob/azureBlobStore';
import { createMasterFiles } from '../../adapters/production/masterFiles';
import { EspeakSynthesizer } from '../../adapters/tts/espeak';
import { levelsOfBlocks } from '../../core/audio/levelBlocks';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import { AAC_FRAME_SAMPLES, planRegionCut } from '../../core/audio/regionCut';
import { DEFAULT_PAUSE_POLICY } from '../../core/planning/pausePolicy';
import type { AacWholeReason, ChapterMasterRecord } from '../../core/book/records';
import { RETAIL_ENCODINGS } from '../../core/packaging';
import type { AudioToolchain } from '../../core/ports/audio';
import type { PreviousMaster, RegionFallback, RenderedMaster } from '../../core/production/chapterMastering';
import { chapterEncodingBlobName, chapterMasterBlobName } from '../../core/production/contentAddress';
import { speak } from '../audio/helpers';
import { startBlobWire, type BlobWire } from '../support/blobWire';
import { sentencesOfTheBook } from './bookSentences';
import { compareAacSplice, compareMp3Splice, decodeSamples, MAX_PEAK_DBFS, MAX_RMS_DBFS } from './regionCompare';

const LINES = [
  'It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want of a wife.',
  'However little known the feelings or views of such a man may be on his first entering a neighbourhood,',
  'this truth is so well fixed in the minds of the surrounding families,',
  'that he is considered the rightful property of some one or other of their daughters.',
  'My dear Mr. Bennet, said his lady to him one day, have you heard that Netherfield Park is let at last?',
  'Mr. Bennet replied that he had not.',
  'But it is, returned she; for Mrs. Long has just been here, and she told me all about it.',
  'Mr. Bennet made no answer.',
  'Do you not want to know who has taken it? cried his wife impatiently.',
  'You want to tell me, and I have no objection to hearing it.',
  'This was invitation enough.',
  'Why, my dear, you must know, Mrs. Long says that Netherfield is taken by a young man of large fortune.',
];
/** Retakes of line 8: one longer, one shorter. */
const LONGER =
  'Do you not want to know, after all this time and all my trouble, who has taken it? cried his wife impatiently.';
const SHORTER = 'Who has taken it? cried his wife.';
const PAUSE_MS = 700;
const RATE = 44100;
const PREFIX = 'tenants/t1/projects/p1/';

let wire: BlobWire;
let blobs: AzureBlobStore;
let work: string;
const audio = createFfmpegToolchain();
let renders = 0;

function segmentName(index: number): string {
  return `${PREFIX}audio/segments/line-${index}.wav`;
}

beforeAll(async () => {
  wire = await startBlobWire('region-render');
  blobs = (await wire.container('region')).blobs;
  work = path.join(wire.dir, 'work');
  fs.mkdirSync(work);
  await synthesize([...LINES, LONGER, SHORTER], 0);
}, 120_000);

/** Speaks each line with the offline engine and stores it as segment `first + index`. */
async function synthesize(lines: string[], first: number): Promise<void> {
  const synthesizer = new EspeakSynthesizer();
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  try {
    for (const [offset, line] of lines.entries()) {
      const index = first + offset;
      const file = path.join(work, `line-${index}.wav`);
      await synthesizer.synthesize(
        { ssml: speak('en-GB-EspeakMale1', escape(line), 'en-GB'), outputFormat: 'pcm-22050hz-16bit-mono' },
        file,
      );
      await blobs.putIfAbsent(segmentName(index), { filePath: file }, 'audio/wav');
    }
  } finally {
    await synthesizer.close();
  }
}

/** A chapter of the book's sentences, each with the pause the planner's default policy puts before the next one. */
function chapterOfTheBook(count: number): { lines: string[]; pauses: number[] } {
  const sentences = sentencesOfTheBook(count);
  return {
    lines: sentences.map((sentence) => sentence.text),
    pauses: sentences.map((_, index) => DEFAULT_PAUSE_POLICY[sentences[index + 1]?.boundaryBefore ?? 'paragraph']),
  };
}

afterAll(async () => {
  await wire?.stop();
});

/** Renders a chapter of the given lines under a master name of its own; a fixed gain renders whole at that gain. */
async function render(
  lines: number[],
  options: { previous?: PreviousMaster; gainDb?: number; toolchain?: AudioToolchain; pauses?: number[] } = {},
): Promise<{ rendered: RenderedMaster; record: ChapterMasterRecord }> {
  const pauseAfter = (index: number) => options.pauses?.[index] ?? PAUSE_MS;
  const hash = createHash('sha256').update(`render-${++renders}`).digest('hex');
  const masterBlobName = chapterMasterBlobName('t1', 'p1', 'c1', hash, 'flac');
  const toolchain: AudioToolchain =
    options.gainDb === undefined
      ? (options.toolchain ?? audio)
      : { ...audio, masterChapter: (request, out) => audio.masterChapter({ ...request, gainDb: options.gainDb }, out) };
  const rendered = await createMasterFiles(blobs, toolchain).render({
    segments: lines.map((line, index) => ({ blobName: segmentName(line), pauseAfterMs: pauseAfter(index) })),
    roomTone: DEFAULT_ROOM_TONE,
    target: DEFAULT_MASTERING_TARGET,
    masterBlobName,
    encodings: (['aac', 'mp3'] as const).map((format) => ({
      format,
      blobName: chapterEncodingBlobName('t1', 'p1', 'c1', hash, RETAIL_ENCODINGS[format]),
      bitrateKbps: RETAIL_ENCODINGS[format].kbps,
      extension: RETAIL_ENCODINGS[format].extension,
    })),
    ...(options.previous && { previous: options.previous }),
  });
  const m = rendered.measured;
  const record: ChapterMasterRecord = {
    blobName: masterBlobName,
    sha256: rendered.sha256,
    durationSec: rendered.durationSec,
    segmentStartsSec: rendered.segmentStartsSec,
    segmentEndsSec: rendered.segmentEndsSec,
    integratedLufs: m.integratedLufs!,
    truePeakDb: m.truePeakDb!,
    rmsDb: m.rmsDb!,
    peakDb: m.peakDb!,
    noiseFloorDb: m.noiseFloorDb!,
    masteredAt: '2026-12-07T00:00:00.000Z',
    jobId: 'job',
    measured: m,
    encodings: rendered.encodings,
    ...(rendered.levels && { levels: rendered.levels }),
    rendering: {
      gainDb: rendered.gainDb,
      inputRateHz: rendered.inputRateHz,
      settingsKey: 'settings',
      segmentKeys: lines.map((line, index) => `line-${line}:${pauseAfter(index)}`),
      ...(rendered.masterSamples !== undefined && { masterSamples: rendered.masterSamples }),
      path: rendered.path,
    },
  };
  return { rendered, record };
}

async function download(name: string, file: string): Promise<string> {
  const bytes = await blobs.readBuffer(name, 64 * 1024 * 1024);
  fs.writeFileSync(file, bytes!);
  return file;
}

async function decode(name: string, label: string): Promise<Int16Array> {
  return decodeSamples(await download(name, path.join(work, `${label}${path.extname(name)}`)));
}

const encoding = (rendered: RenderedMaster, format: 'mp3' | 'aac') =>
  rendered.encodings.find((e) => e.format === format)!;
const ORIGINAL = LINES.map((_, index) => index);

/**
 * The toolchain, noting how many packets (1,024 samples each, its priming first) each region's AAC encoder wrote, and
 * from which chapter sample and for how many samples its FLAC encoder wrote frames.
 */
function countingRegionAac(): {
  toolchain: AudioToolchain;
  packets: number[];
  flac: { fromSample: number; samples: number }[];
} {
  const packets: number[] = [];
  const flac: { fromSample: number; samples: number }[] = [];
  const toolchain: AudioToolchain = {
    ...audio,
    masterChapterRegion: async (request) => {
      const region = await audio.masterChapterRegion!(request);
      if (request.join.aac) packets.push((await readMp4AacInfo(request.join.aac.file))!.frames);
      const { fromSample, file } = request.join.master;
      flac.push({ fromSample, samples: (await readFlacInfo(file))!.totalSamples });
      return region;
    },
  };
  return { toolchain, packets, flac };
}

/** What ffprobe reads of an MP4: its frame count, its stream's length in samples, its duration as played. */
async function ffprobeAac(file: string): Promise<unknown> {
  const { stdout } = await runFfprobe([
    ...['-v', 'error', '-select_streams', 'a:0', '-show_entries'],
    ...['stream=codec_name,profile,sample_rate,channels,nb_frames,duration_ts:format=duration', '-of', 'json', file],
  ]);
  return JSON.parse(stdout);
}

/** An M4B of two chapters joined by stream copy: its duration, chapter starts and the chapters ffprobe reads. */
async function joinedBook(first: string, second: string, label: string): Promise<unknown> {
  const out = path.join(work, `${label}.m4b`);
  const joined = await audio.encodeM4b({
    chapters: [
      { title: 'One', file: first },
      { title: 'Two', file: second },
    ],
    out,
    tags: { title: 'Spliced' },
    workDir: work,
  });
  expect(joined.loudness).toBeUndefined(); // a stream copy, not an encode
  // Joined in the process, the book's size and hash are its bytes': a region's packets are another encode's.
  const { written, ...facts } = joined;
  expect(written?.bytes).toBeGreaterThan(0);
  const probed = await audio.probe(out);
  return { ...facts, durationSec: probed.durationSec, chapters: probed.chapters, format: probed.formatName };
}

/**
 * Masters `lines` again from `previous` (changed from `firstChanged` on) and as a whole at the recorded gain, and
 * checks the region path was taken and gives the whole render's files, times and levels.
 */
async function expectRegionEqualsWhole(
  previous: ChapterMasterRecord,
  lines: number[],
  firstChanged: number,
  label: string,
  pauses?: number[],
): Promise<ChapterMasterRecord> {
  const counting = countingRegionAac();
  const region = await render(lines, {
    previous: { record: previous, firstChangedSegment: firstChanged },
    pauses,
    toolchain: counting.toolchain,
  });
  const whole = await render(lines, { gainDb: previous.rendering!.gainDb, pauses });
  // Its AAC spliced too (no `aacWhole` saying why it was encoded whole).
  expect(region.rendered.path).toEqual({ kind: 'region', fromSegment: expect.any(Number) });
  expect(whole.rendered.path).toEqual({ kind: 'whole' });
  expect(region.rendered.durationSec).not.toBeCloseTo(previous.durationSec, 1);

  // The FLAC: the same bytes as the whole render's.
  expect(region.rendered.sha256).toBe(whole.rendered.sha256);
  // The times recorded, the gain, the rate: the same; the record the same in shape.
  expect(region.rendered.durationSec).toBe(whole.rendered.durationSec);
  expect(region.rendered.segmentStartsSec).toEqual(whole.rendered.segmentStartsSec);
  expect(region.rendered.segmentEndsSec).toEqual(whole.rendered.segmentEndsSec);
  expect(region.rendered.gainDb).toBe(whole.rendered.gainDb);
  // The length recorded is the length written, to the sample (the next region render checks the file against it).
  expect(region.rendered.masterSamples).toBe(whole.rendered.masterSamples);
  // (At 22.05 kHz a whole number of master samples; at 24 kHz the resampler's count, within one of it.)
  expect(Math.abs(whole.rendered.masterSamples! - whole.rendered.durationSec * RATE)).toBeLessThanOrEqual(1);
  expect(Object.keys(region.record).sort()).toEqual(Object.keys(whole.record).sort());
  expect(Object.keys(region.rendered.measured).sort()).toEqual(Object.keys(whole.rendered.measured).sort());

  // The levels: recombined, the whole measurement's within 0.05 LU / 0.05 dB.
  const recombined = region.rendered.measured;
  const measured = whole.rendered.measured;
  const wholeBlocks = levelsOfBlocks(
    readLevelBlocks((await blobs.readBuffer(whole.rendered.levels!.blobName, 1024 * 1024))!),
  );
  for (const key of ['integratedLufs', 'loudnessRangeLu', 'truePeakDb', 'rmsDb', 'peakDb', 'noiseFloorDb'] as const) {
    expect({ key, off: Math.abs(recombined[key]! - wholeBlocks[key]!) <= 0.05 }).toEqual({ key, off: true });
  }
  for (const key of ['rmsDb', 'peakDb', 'noiseFloorDb'] as const) {
    expect({ key, off: Math.abs(recombined[key]! - measured[key]!) <= 0.05 }).toEqual({ key, off: true });
  }
  // The whole pass's summary gives its integrated loudness to a tenth (from ebur128's own histogram).
  expect(Math.abs(recombined.integratedLufs! - measured.integratedLufs!)).toBeLessThanOrEqual(0.1);
  expect(recombined.headSilenceMs).toBe(measured.headSilenceMs);
  // silencedetect prints its times to six significant digits (a millisecond past 100 s): the region's tail, timed
  // from the region's measurement start, and the whole's round to whole milliseconds a step apart at most.
  expect(Math.abs(recombined.tailSilenceMs - measured.tailSilenceMs)).toBeLessThanOrEqual(1);
  expect(recombined.durationSec).toBeCloseTo(measured.durationSec, 6);

  // The MP3: the stored frames before the cut decode to the same samples; around the cut within the threshold.
  const cut = planRegionCut(
    {
      segmentStartsSec: previous.segmentStartsSec,
      segmentEndsSec: previous.segmentEndsSec!,
      inputRateHz: previous.rendering!.inputRateHz,
    },
    firstChanged,
  )!;
  const mp3 = compareMp3Splice(
    await decode(encoding(region.rendered, 'mp3').blobName, `region-${label}`),
    await decode(encoding(whole.rendered, 'mp3').blobName, `whole-${label}`),
    cut.mp3KeepFrames,
  );
  expect(mp3.regionSamples).toBe(mp3.wholeSamples);
  expect(mp3.firstDifferenceAfterFrameBeforeCut).toBeGreaterThan(0);
  expect(mp3.peakDbfs).toBeLessThan(MAX_PEAK_DBFS);
  expect(mp3.rmsDbfs).toBeLessThan(MAX_RMS_DBFS);

  // The AAC: the stored packets before the cut decode to the same samples; around the cut within the threshold; the
  // same length.
  const regionAac = await download(encoding(region.rendered, 'aac').blobName, path.join(work, `region-${label}.m4a`));
  const wholeAac = await download(encoding(whole.rendered, 'aac').blobName, path.join(work, `whole-${label}.m4a`));
  const aac = compareAacSplice(await decodeSamples(regionAac), await decodeSamples(wholeAac), cut.aacKeepPackets);
  expect(aac.regionSamples).toBe(aac.wholeSamples);
  expect(aac.firstDifferenceAfterFrameBeforeCut).toBeGreaterThan(0);
  expect(aac.peakDbfs).toBeLessThan(MAX_PEAK_DBFS);
  expect(aac.rmsDbfs).toBeLessThan(MAX_RMS_DBFS);
  // ffprobe and the header reader read the spliced MP4 as the whole render's: its frames, its length in samples and,
  // through the priming edit, its duration.
  expect(await ffprobeAac(regionAac)).toEqual(await ffprobeAac(wholeAac));
  expect(await readMp4AacInfo(regionAac)).toEqual(await readMp4AacInfo(wholeAac));
  // (The edit list counts milliseconds.)
  expect(Math.abs((await readMp4AacInfo(regionAac))!.durationSec - whole.rendered.durationSec)).toBeLessThan(0.001);
  // A book joined from it has the chapters and duration of one joined from the whole render's.
  const previousAac = await download(
    previous.encodings!.find((e) => e.format === 'aac')!.blobName,
    path.join(work, `previous-${label}.m4a`),
  );
  expect(await joinedBook(previousAac, regionAac, `region-${label}`)).toEqual(
    await joinedBook(previousAac, wholeAac, `whole-${label}`),
  );
  // The AAC encoder read the region's samples from its frame boundary only: its priming packet and the frames from
  // there to the chapter's end, where the whole render's read every sample.
  const fromFrame = cut.aacEncodeFromSample / AAC_FRAME_SAMPLES;
  const wholePackets = (await readMp4AacInfo(wholeAac))!.frames;
  expect(counting.packets).toEqual([wholePackets - fromFrame]);
  expect(fromFrame).toBeGreaterThan(0);
  // The FLAC encoder wrote frames from the stored master's frame boundary before the cut on only; the stored frames
  // before it were spliced in unchanged (the whole file is the whole render's bytes, above).
  const [flac] = counting.flac;
  expect(flac.fromSample).toBeGreaterThan(0);
  expect(flac.fromSample).toBeLessThanOrEqual(cut.startSample);
  expect(flac.samples).toBe(whole.rendered.masterSamples! - flac.fromSample);
  return region.record;
}

describe('a chapter mastered again from its changed segment on', () => {
  let previous: ChapterMasterRecord;

  beforeAll(async () => {
    ({ record: previous } = await render(ORIGINAL));
  }, 120_000);

  it.each([
    ['longer', LINES.length],
    ['shorter', LINES.length + 1],
  ])(
    'with a %s retake, equals a whole render at the recorded gain',
    async (label, retake) => {
      const lines = ORIGINAL.map((line) => (line === 8 ? retake : line));
      await expectRegionEqualsWhole(previous, lines, 8, label);
    },
    240_000,
  );

  it('hands the region to the join and its AAC encoder through a pipe, beside the render: no region file', async () => {
    // Logs each ffmpeg's argv (one line each), then runs the real ffmpeg with it.
    const log = path.join(work, 'region-invocations.log');
    const wrapper = path.join(work, 'ffmpeg-logged');
    fs.writeFileSync(wrapper, `#!/bin/sh\necho "$*" >> '${log}'\nexec '${ffmpegPath()}' "$@"\n`, { mode: 0o755 });
    const lines = ORIGINAL.map((line) => (line === 8 ? LINES.length : line));
    const { rendered } = await render(lines, {
      previous: { record: previous, firstChangedSegment: 8 },
      toolchain: createFfmpegToolchain({ ffmpegPath: wrapper }),
    });
    expect(rendered.path).toEqual({ kind: 'region', fromSegment: expect.any(Number) });
    const invocations = fs.readFileSync(log, 'utf8').trim().split('\n');
    // The region pass, LAME beside it, and the join: nothing after them re-reads the region's samples from a file.
    expect(invocations).toHaveLength(3);
    expect(invocations.filter((argv) => /\.wav(\s|$)/.test(argv.replace(/-i \S+\.ffconcat/, '')))).toEqual([]);
    const join = invocations.filter((argv) => argv.includes('previous.flac'));
    expect(join).toHaveLength(1);
    expect(join[0]).toMatch(/-i pipe:0 .*-i \S*previous\.flac/);
    expect(join[0]).toMatch(/-c:a aac/);
  }, 240_000);

  it('encodes the whole AAC when the stored MP4 cannot take the region’s packets, and says why', async () => {
    const lines = ORIGINAL.map((line) => (line === 8 ? LINES.length : line));
    const whole = await render(lines, { gainDb: previous.rendering!.gainDb });
    const storedAac = previous.encodings!.find((e) => e.format === 'aac')!;
    const otherAac = (blobName: string) => ({
      ...previous,
      encodings: previous.encodings!.map((e) => (e.format === 'aac' ? { ...e, blobName } : e)),
    });
    // The same MP4 under the name of another encoding version.
    const otherVersion = storedAac.blobName.replace(/-v1\.m4a$/, '-v9.m4a');
    expect(otherVersion).not.toBe(storedAac.blobName);
    await blobs.putIfAbsent(otherVersion, (await blobs.readBuffer(storedAac.blobName, 64 * 1024 * 1024))!, 'audio/mp4');
    // An MP4 of another chapter's length under the stored one's kind of name.
    const otherLength = storedAac.blobName.replace(/[0-9a-f]{64}/, 'e'.repeat(64));
    const wholeAac = encoding(whole.rendered, 'aac');
    await blobs.putIfAbsent(otherLength, (await blobs.readBuffer(wholeAac.blobName, 64 * 1024 * 1024))!, 'audio/mp4');
    const cases: [AacWholeReason, ChapterMasterRecord][] = [
      ['no-stored-aac', { ...previous, encodings: previous.encodings!.filter((e) => e.format !== 'aac') }],
      ['aac-version', otherAac(otherVersion)],
      ['stored-file-missing', otherAac(storedAac.blobName.replace(/[0-9a-f]{64}/, 'f'.repeat(64)))],
      ['mismatch', otherAac(otherLength)],
    ];
    const wholePackets = (await readMp4AacInfo(await download(wholeAac.blobName, path.join(work, 'whole-aac.m4a'))))!
      .frames;
    const taken: Partial<Record<AacWholeReason, number>> = {};
    for (const [reason, record] of cases) {
      const counting = countingRegionAac();
      const { rendered } = await render(lines, {
        previous: { record, firstChangedSegment: 8 },
        toolchain: counting.toolchain,
      });
      const aacWhole = rendered.path.kind === 'region' ? rendered.path.aacWhole : undefined;
      if (aacWhole) taken[aacWhole] = (taken[aacWhole] ?? 0) + 1;
      // Still a region render, its master the whole render's; its AAC encoded whole from the joined samples: the
      // whole render's bytes, every packet encoded.
      expect({ reason, path: rendered.path }).toEqual({
        reason,
        path: { kind: 'region', fromSegment: expect.any(Number), aacWhole: reason },
      });
      expect({ reason, sha256: rendered.sha256 }).toEqual({ reason, sha256: whole.rendered.sha256 });
      expect({ reason, aac: encoding(rendered, 'aac').sha256 }).toEqual({ reason, aac: wholeAac.sha256 });
      expect({ reason, packets: counting.packets }).toEqual({ reason, packets: [wholePackets] });
    }
    expect(taken).toEqual(Object.fromEntries(cases.map(([reason]) => [reason, 1])));
  }, 300_000);

  it('renders the whole chapter when anything does not line up, and says why', async () => {
    const lines = ORIGINAL.map((line) => (line === 8 ? LINES.length : line));
    const plain = await render(lines);
    const changedAt8 = (record: ChapterMasterRecord): PreviousMaster => ({ record, firstChangedSegment: 8 });
    const otherName = (name: string, hash: string) => name.replace(/[0-9a-f]{64}/, hash);

    // An MP3 encoded with the bit reservoir (as before MP3 encoding version 2), under the name of a version-2 one.
    const previousMaster = await download(previous.blobName, path.join(work, 'previous.flac'));
    const reservoirMp3 = path.join(work, 'reservoir.mp3');
    await runFfmpeg([
      ...['-y', '-i', previousMaster, '-c:a', 'libmp3lame', '-b:a', '192k', '-compression_level', '7'],
      ...['-map_metadata', '-1', '-id3v2_version', '0', '-write_xing', '1', '-f', 'mp3', reservoirMp3],
    ]);
    const reservoirName = otherName(encoding(plain.rendered, 'mp3').blobName, 'b'.repeat(64));
    await blobs.putIfAbsent(reservoirName, { filePath: reservoirMp3 }, 'audio/mpeg');
    const withReservoir = (previous.encodings ?? []).map((e) =>
      e.format === 'mp3' ? { ...e, blobName: reservoirName } : e,
    );
    // Level blocks that are not what they should be.
    const brokenLevels = otherName(previous.levels!.blobName, 'c'.repeat(64));
    await blobs.putIfAbsent(brokenLevels, Buffer.from('not gzipped JSON'), 'application/gzip');
    const failing: AudioToolchain = {
      ...audio,
      masterChapterRegion: () => Promise.reject(new Error('the region render failed')),
    };

    const cases: [RegionFallback, PreviousMaster, AudioToolchain?][] = [
      ['no-render-record', changedAt8({ ...previous, rendering: undefined })],
      // Recorded before the record gave the rendered layout (its times nominal): never cut on them.
      [
        'no-render-record',
        changedAt8({ ...previous, rendering: { ...previous.rendering!, masterSamples: undefined } }),
      ],
      ['no-level-blocks', changedAt8({ ...previous, levels: undefined })],
      ['mp3-version-1', changedAt8({ ...previous, encodings: withReservoir })],
      // The first segment changed: no pause before it far enough from the chapter's start.
      ['no-pause', { record: previous, firstChangedSegment: 1 }],
      // A gain 12 dB off the one recorded: the recombined loudness leaves the target’s tolerance.
      [
        'loudness',
        changedAt8({ ...previous, rendering: { ...previous.rendering!, gainDb: previous.rendering!.gainDb + 12 } }),
      ],
      ['stored-file-missing', changedAt8({ ...previous, blobName: otherName(previous.blobName, 'd'.repeat(64)) })],
      ['mismatch', changedAt8({ ...previous, levels: { ...previous.levels!, blobName: brokenLevels } })],
      ['error', changedAt8(previous), failing],
    ];
    const taken: Partial<Record<RegionFallback, number>> = {};
    for (const [reason, previousMaster, toolchain] of cases) {
      const { rendered } = await render(lines, { previous: previousMaster, toolchain });
      const path = rendered.path;
      const fallback = path.kind === 'whole' ? path.fallback : undefined;
      if (fallback) taken[fallback] = (taken[fallback] ?? 0) + 1;
      expect({ reason, path }).toEqual({ reason, path: { kind: 'whole', fallback: reason } });
      // Today's whole render: the same master.
      expect({ reason, sha256: rendered.sha256 }).toEqual({ reason, sha256: plain.rendered.sha256 });
    }
    expect(taken).toEqual({ ...Object.fromEntries(cases.map(([reason]) => [reason, 1])), 'no-render-record': 2 });
  }, 300_000);
});

describe('a chapter as long as a real one, with the planner’s pauses', () => {
  const LONG_FIRST = 100;
  const COUNT = 46;
  const RETAKE = LONG_FIRST + COUNT;
  const chapter = chapterOfTheBook(COUNT);
  const original = chapter.lines.map((_, index) => LONG_FIRST + index);

  beforeAll(async () => {
    await synthesize(
      [...chapter.lines, 'Mr. Bennet said nothing at all, and went on reading his newspaper.'],
      LONG_FIRST,
    );
  }, 300_000);

  it('mastered again from its middle line, equals a whole render at the recorded gain', async () => {
    // Pauses of an odd number of 10 ms (350, 450 ms) are half an input sample off a whole one at 22.05 kHz.
    expect(chapter.lines).toHaveLength(COUNT);
    expect(new Set(chapter.pauses)).toEqual(new Set([350, 450, 800]));
    const { record: previous } = await render(original, { pauses: chapter.pauses });
    expect(previous.durationSec).toBeGreaterThan(180);
    const middle = Math.floor(COUNT / 2);
    const lines = original.map((line, index) => (index === middle ? RETAKE : line));
    const spliced = await expectRegionEqualsWhole(previous, lines, middle, 'long', chapter.pauses);

    // Again on top of the spliced files, a line further on (retaken with the chapter's first sentence): the spliced MP4
    // is read as a whole render's, and its packets before the new cut (the first region's among them) are kept.
    const later = middle + 12;
    const again = lines.map((line, index) => (index === later ? LONG_FIRST : line));
    const { rendered } = await render(again, {
      previous: { record: spliced, firstChangedSegment: later },
      pauses: chapter.pauses,
    });
    expect(rendered.path).toEqual({ kind: 'region', fromSegment: expect.any(Number) });
    const cut = planRegionCut(
      { segmentStartsSec: spliced.segmentStartsSec, segmentEndsSec: spliced.segmentEndsSec!, inputRateHz: 22050 },
      later,
    )!;
    const firstCut = planRegionCut(
      { segmentStartsSec: previous.segmentStartsSec, segmentEndsSec: previous.segmentEndsSec!, inputRateHz: 22050 },
      middle,
    )!;
    expect(cut.aacEncodeFromSample).toBeGreaterThan(firstCut.aacKeepPackets * AAC_FRAME_SAMPLES);
    const storedAac = await download(
      spliced.encodings!.find((e) => e.format === 'aac')!.blobName,
      path.join(work, 'spliced-once.m4a'),
    );
    const twiceAac = await download(encoding(rendered, 'aac').blobName, path.join(work, 'spliced-twice.m4a'));
    const twice = compareAacSplice(await decodeSamples(twiceAac), await decodeSamples(storedAac), cut.aacKeepPackets);
    expect(twice.firstDifferenceAfterFrameBeforeCut).toBeGreaterThan(0);
    const info = (await readMp4AacInfo(twiceAac))!;
    expect(info.frames).toBe(1 + Math.ceil(rendered.masterSamples! / AAC_FRAME_SAMPLES));
    expect(Math.abs(info.durationSec - rendered.durationSec)).toBeLessThan(0.001);
  }, 900_000);
});

describe('a chapter of segments at 24 kHz (the rate of the Azure voices)', () => {
  const FIRST = 300;

  beforeAll(async () => {
    // The offline engine's lines, resampled once: every millisecond of pause is a whole 24 samples at this rate.
    for (const index of [...ORIGINAL, LINES.length]) {
      const file = path.join(work, `line-${FIRST + index}.wav`);
      await runFfmpeg(['-y', '-i', path.join(work, `line-${index}.wav`), '-ar', '24000', '-c:a', 'pcm_s16le', file]);
      await blobs.putIfAbsent(segmentName(FIRST + index), { filePath: file }, 'audio/wav');
    }
  }, 120_000);

  it('mastered again with a longer retake, equals a whole render at the recorded gain', async () => {
    const original = ORIGINAL.map((line) => FIRST + line);
    const { record: previous } = await render(original);
    expect(previous.rendering!.inputRateHz).toBe(24000);
    const lines = original.map((line, index) => (index === 8 ? FIRST + LINES.length : line));
    await expectRegionEqualsWhole(previous, lines, 8, '24k');
  }, 300_000);
});
