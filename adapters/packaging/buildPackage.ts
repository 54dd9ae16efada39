/**
 * Builds one retail package from chapter masters: takes each chapter's retail encoding made when it was mastered
 * (MP3s retagged by stream copy, the M4B joined from the chapters' AAC by stream copy), encodes only what has none
 * (split parts, the retail sample, older masters; an M4B whose chapters do not all have their AAC is encoded whole)
 * from the masters, never from an encoding (masterSources.ts), measuring in that same pass, reuses the previous
 * build's files, evaluates the platform's readiness rules on those measurements, writes the manifest and, except for
 * Apple's M4B, a zip. No finished file is decoded again to be measured. All output goes to a fresh server-named directory under
 * `deps.workDir`; names inside the package are sanitized.
 */
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { combineMeasurements } from '../../core/audio/loudnessMeter';
import type { LoudnessMeasurement, ProbeResult } from '../../core/audio/measurements';
import type { AudioFileFacts } from '../../core/audio/readinessReport';
import { evaluateReadiness } from '../../core/audio/readiness';
import {
  buildManifest,
  deliverableFileName,
  planM4bChapters,
  planMp3Files,
  segmentLayoutOf,
  tagsFor,
  validatePackageRequest,
  RETAIL_ENCODINGS,
  type EncodedSet,
  type ManifestFileEntry,
  type PackageFile,
  type PackageRequest,
  type PackageResult,
  type PlannedAudioFile,
  type SegmentLayout,
  type TimeWindow,
} from '../../core/packaging';
import type { AudioToolchain, EncodedAudio, WrittenFile } from '../../core/ports/audio';
import { withTempDir } from '../audio/tempFiles';
import { renderExcerpt } from './excerpt';
import { describeFile } from './fileHash';
import { contentKey } from '../../core/production/contentAddress';
import { mapLimit } from './mapLimit';
import { MasterSources, type MasterLookup, type MasterRef } from './masterSources';
import { measureDeliverable, type AudioToMeasure } from './measureDeliverable';
import { EncodingReuse } from './reuse';
import { SourceFiles } from './sourceFiles';
import { planCutWindows, planRetailSample } from './cutPlanning';
import { writeZip } from './zip';

export interface PackageDeps extends MasterLookup {
  audio: AudioToolchain;
  /** Directory the package directory is created in (temp disk of the activity). */
  workDir: string;
  /** FFMPEG_PATH from config, for the excerpt cuts this module runs itself. */
  ffmpegPath?: string;
  signal?: AbortSignal;
  /**
   * Stores a zip deliverable while it is written (its bytes as a stream, under its download name), which is then not
   * written to `workDir` (its `path` is empty); when absent the zip is written there and the caller stores it.
   */
  storeDeliverable?: (name: string, body: Readable) => Promise<unknown>;
  /**
   * Retail sample windows chosen by earlier builds, by the sha256 of the master they were chosen in: such a master is
   * neither probed nor scanned for its sample again.
   */
  knownSampleWindows?: ReadonlyMap<string, TimeWindow>;
  /**
   * Audio files earlier builds probed, by the sha256 of their bytes: a retagged chapter whose bytes are among them is
   * neither probed nor read to find its bitrate mode.
   */
  knownFileFacts?: ReadonlyMap<string, AudioFileFacts>;
}

/** Where this build's retail sample was cut, so a later build can take the window instead of finding it again. */
export interface SampleCut {
  masterSha256: string;
  window: TimeWindow;
  /** The key of the sample's encoding among `encodings`. */
  encodingKey: string;
}

export interface BuiltPackage extends PackageResult {
  sampleCut?: SampleCut;
  /** Each audio file's probed facts, by the sha256 of its bytes, for later builds (`knownFileFacts`). */
  fileFacts: (AudioFileFacts & { sha256: string })[];
}

/** Encoding parameters are part of every reuse key: changing them re-encodes everything. */
const MP3_ENCODING = RETAIL_ENCODINGS.mp3;
const M4B_ENCODING = RETAIL_ENCODINGS.aac;
/** MP3 files of a zip package made at once (the machine's cores; each is one ffmpeg process). */
const FILE_CONCURRENCY = 2;
/** Masters the caller is asked for at once, for an M4B encoded from them (each may be a fetch). */
const MASTER_CONCURRENCY = 4;

interface ProducedAudio extends AudioToMeasure {
  title: string;
  chapterIndex?: number;
  part?: number;
  key: string;
  /**
   * Made from the masters' own encodings (retagged, joined): rebuilding it costs no more than fetching it, so it is
   * not offered to the next build for reuse.
   */
  fromMasterEncodings?: boolean;
  /** Its size and sha256 when taken as it was written (a retagged MP3): the file is not read again to hash it. */
  written?: WrittenFile;
}

/** The encodings made with a planned file's source, when it is a whole chapter or credits (not a window of one). */
function encodedSource(request: PackageRequest, file: PlannedAudioFile): EncodedSet | undefined {
  if (file.window) return undefined;
  if (file.role === 'opening-credits') return request.credits?.openingEncoded;
  if (file.role === 'closing-credits') return request.credits?.closingEncoded;
  return file.chapterIndex === undefined ? undefined : request.chapters[file.chapterIndex]?.encoded;
}

export async function buildPackage(request: PackageRequest, deps: PackageDeps): Promise<BuiltPackage> {
  validatePackageRequest(request);
  const outputDir = await mkdtemp(path.join(path.resolve(deps.workDir), 'package-'));
  try {
    return await build(request, deps, outputDir);
  } catch (error) {
    await rm(outputDir, { recursive: true, force: true });
    throw error;
  }
}

async function build(request: PackageRequest, deps: PackageDeps, outputDir: string): Promise<BuiltPackage> {
  const sources = new SourceFiles(deps.signal);
  const masters = new MasterSources(request, deps, sources);
  const coverSource = request.coverJpeg ?? undefined;
  if (coverSource) await sources.requireFile(coverSource, 'coverJpeg');
  const reuse = new EncodingReuse(request.previous);

  let sampleCut: SampleCut | undefined;
  const produced =
    request.platform === 'apple'
      ? [await encodeBook(request, deps, outputDir, { sources, masters, reuse }, coverSource)]
      : await encodeFiles(request, deps, outputDir, { sources, masters, reuse }, (cut) => (sampleCut = cut));

  let coverFile: string | undefined;
  if (coverSource && request.platform !== 'apple') {
    coverFile = path.join(outputDir, 'cover.jpg');
    await copyFile(coverSource, coverFile);
  }
  const measured = await measureDeliverable(deps.audio, request.book, produced, {
    coverFile: coverFile ?? coverSource,
    m4b: request.platform === 'apple' ? produced[0].path : undefined,
    m4bHolds: request.platform === 'apple' ? m4bHolds(request) : undefined,
  });
  const readiness = evaluateReadiness(request.platform, measured);

  const files: PackageFile[] = [];
  for (const [index, audio] of produced.entries()) {
    files.push({
      path: audio.path,
      role: audio.role,
      name: audio.name,
      ...(audio.written ?? (await describeFile(audio.path, deps.signal))),
      durationSec: measured.files[index].durationSec,
      chapterIndex: audio.chapterIndex,
      part: audio.part,
      encodingKey: audio.key,
    });
  }
  if (coverFile) files.push({ path: coverFile, role: 'cover', name: 'Cover.jpg', ...(await describeFile(coverFile)) });

  const titles = new Map(produced.map((p) => [p.name, p.title]));
  const manifest = buildManifest(
    request,
    files.map((f) => manifestEntry(f, titles.get(f.name))),
    readiness,
  );
  const manifestFile = path.join(outputDir, 'manifest.json');
  await writeFile(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
  files.push({ path: manifestFile, role: 'manifest', name: 'manifest.json', ...(await describeFile(manifestFile)) });

  let deliverable: PackageFile;
  if (request.platform === 'apple') {
    deliverable = files[0];
  } else {
    // A zip the store takes while it is written is not kept on the activity's disk: nothing reads it again.
    const store = deps.storeDeliverable;
    const zipFile = store ? undefined : path.join(outputDir, 'package.zip');
    const name = deliverableFileName(request.book.title, request.platform);
    const written = await writeZip(
      files.map((f) => ({ path: f.path, name: f.name, compress: f.role === 'manifest' })),
      zipFile,
      { signal: deps.signal, copyTo: store && ((body) => store(name, body)) },
    );
    deliverable = { path: zipFile ?? '', role: 'zip', name, ...written };
    files.push(deliverable);
  }

  return {
    platform: request.platform,
    outputDir,
    files,
    deliverable,
    readiness,
    manifest,
    encodings: files
      .filter((f) => f.encodingKey !== undefined && !produced.find((p) => p.path === f.path)?.fromMasterEncodings)
      .map((f) => ({
        key: f.encodingKey!,
        path: f.path,
        sha256: f.sha256,
        loudness: produced.find((p) => p.path === f.path)?.loudness,
      })),
    stats: { encoded: reuse.encoded, reused: reuse.reused },
    sampleCut,
    fileFacts: measured.files.map(({ name: _name, role: _role, loudness: _loudness, ...facts }, index) => ({
      sha256: files[index].sha256,
      ...facts,
    })),
  };
}

/** The build's inputs: the caller's files, the masters behind them and the previous build's encodings. */
interface BuildInputs {
  sources: SourceFiles;
  masters: MasterSources;
  reuse: EncodingReuse;
}

/** The segment layout of the chapter master a file is cut from, when that master recorded one. */
function layoutOf(request: PackageRequest, file: PlannedAudioFile): SegmentLayout | undefined {
  const ref = masterRefOf(file);
  if (!('chapterIndex' in ref)) return undefined;
  const chapter = request.chapters[ref.chapterIndex];
  return segmentLayoutOf(chapter.segmentStartsSec, chapter.segmentEndsSec);
}

/** Whose master a planned MP3 file is made from. */
function masterRefOf(file: PlannedAudioFile): MasterRef {
  if (file.role === 'opening-credits') return { credits: 'opening' };
  if (file.role === 'closing-credits') return { credits: 'closing' };
  return { chapterIndex: file.chapterIndex! };
}

async function encodeFiles(
  request: PackageRequest,
  deps: PackageDeps,
  outputDir: string,
  { sources, masters, reuse }: BuildInputs,
  onSampleCut: (cut: SampleCut) => void,
): Promise<ProducedAudio[]> {
  const tools = { ffmpegPath: deps.ffmpegPath, signal: deps.signal };
  const masterOf = (chapterIndex: number) => masters.file({ chapterIndex });
  const masterSha256 = (chapterIndex: number) => masters.sha256({ chapterIndex });
  for (const [index, chapter] of request.chapters.entries())
    await sources.requireFile(chapter.masterFile, `chapters.${index}.masterFile`);
  for (const field of ['openingFile', 'closingFile'] as const) {
    const file = request.credits?.[field];
    if (file) await sources.requireFile(file, `credits.${field}`);
  }

  const windows = await planCutWindows(request, tools, masterOf);
  const known = deps.knownSampleWindows;
  const sample = await planRetailSample(request, tools, {
    masterFile: masterOf,
    knownWindow: known && (async (chapterIndex) => known.get(await masterSha256(chapterIndex))),
  });
  const planned = planMp3Files(request, windows, sample);

  // Two files at a time: a retag is mostly waiting on the disk and the process start, and an encode of a cut (the
  // retail sample, a part) runs beside them instead of holding every retag up.
  return mapLimit(planned, FILE_CONCURRENCY, async (file, index): Promise<ProducedAudio> => {
    const out = path.join(outputDir, `audio-${String(index + 1).padStart(4, '0')}.mp3`);
    const encoded = encodedSource(request, file)?.mp3;
    let key: string;
    let loudness: LoudnessMeasurement | undefined;
    let probed: ProbeResult | undefined;
    let written: WrittenFile | undefined;
    let facts: AudioFileFacts | undefined;
    if (encoded) {
      // Encoded with the master: only the tags are new (stream copy), the levels are the mastering pass's.
      key = contentKey({ encoding: MP3_ENCODING, encoded: encoded.sha256, tags: file.tags });
      written = await deps.audio.retagMp3(encoded.file, out, file.tags);
      facts = deps.knownFileFacts?.get(written.sha256);
      loudness = encoded.loudness;
    } else {
      const master = masterRefOf(file);
      key = contentKey({
        encoding: MP3_ENCODING,
        source: await masters.sha256(master),
        window: file.window && { start: round6(file.window.startSec), end: round6(file.window.endSec) },
        tags: file.tags,
      });
      // The master itself is read, which the caller may fetch only now: a reused file never needs it.
      loudness = await reuse.produce(
        key,
        out,
        async () => {
          const source = await masters.file(master);
          const made = await encodeMp3({ ...file, source }, out, deps, outputDir, layoutOf(request, file));
          probed = made.probed;
          return made.loudness;
        },
        deps.signal,
      );
      if (file.role === 'retail-sample' && sample)
        onSampleCut({ masterSha256: await masterSha256(sample.chapterIndex), window: sample.window, encodingKey: key });
    }
    return {
      path: out,
      name: file.name,
      role: file.role,
      title: file.title,
      chapterIndex: file.chapterIndex,
      part: file.part,
      key,
      loudness,
      probed,
      fromMasterEncodings: encoded !== undefined,
      written,
      facts,
    };
  });
}

async function encodeMp3(
  file: PlannedAudioFile,
  out: string,
  deps: PackageDeps,
  outputDir: string,
  layout: SegmentLayout | undefined,
): Promise<EncodedAudio> {
  const options = {
    bitrateKbps: MP3_ENCODING.kbps,
    sampleRate: MP3_ENCODING.sampleRateHz,
    channels: MP3_ENCODING.channels,
    tags: file.tags,
  };
  const window = file.window;
  if (!window) return deps.audio.encodeMp3Cbr(file.source, out, options);
  return withTempDir(outputDir, 'excerpt', async (dir) => {
    const wav = path.join(dir, 'excerpt.wav');
    await renderExcerpt(file.source, window, wav, { ffmpegPath: deps.ffmpegPath, signal: deps.signal }, layout);
    return deps.audio.encodeMp3Cbr(wav, out, options);
  });
}

async function encodeBook(
  request: PackageRequest,
  deps: PackageDeps,
  outputDir: string,
  { sources, masters, reuse }: BuildInputs,
  coverJpeg: string | undefined,
): Promise<ProducedAudio> {
  const chapters = planM4bChapters(request).map((chapter, index) => {
    const master: MasterRef =
      chapter.chapterIndex !== undefined
        ? { chapterIndex: chapter.chapterIndex }
        : { credits: index === 0 && request.credits?.openingFile ? 'opening' : 'closing' };
    const encoded =
      'credits' in master
        ? request.credits?.[`${master.credits}Encoded`]
        : request.chapters[master.chapterIndex].encoded;
    return { title: chapter.title, master, aac: encoded?.aac };
  });
  const aac = chapters.map((c) => c.aac);
  const joined = aac.every((file) => file !== undefined);
  // Not joined, the book is encoded from every chapter's and credits file's master, never from an AAC given for some
  // of them: that would be a second lossy generation for those chapters, in a book mixing generations.
  const masterFiles = joined ? [] : await mapLimit(chapters, MASTER_CONCURRENCY, (c) => masters.file(c.master));
  for (const file of masterFiles) await sources.requireFile(file, 'chapters');
  const tags = tagsFor(request.book, { title: request.book.title });
  const out = path.join(outputDir, 'book.m4b');
  const key = contentKey({
    encoding: M4B_ENCODING,
    // `master`, not the `source` earlier builds wrote: they keyed an encode that read some chapters' AAC by those
    // chapters' master hashes, and such a file must not be taken for one encoded from the masters.
    chapters: await Promise.all(
      chapters.map(async (c, i) =>
        joined ? { title: c.title, aac: aac[i]!.sha256 } : { title: c.title, master: await masters.sha256(c.master) },
      ),
    ),
    cover: coverJpeg ? await sources.sha256(coverJpeg) : null,
    tags,
  });
  let written: WrittenFile | undefined;
  const loudness = await reuse.produce(
    key,
    out,
    async () => {
      const result = await deps.audio.encodeM4b({
        chapters: chapters.map((c, i) => ({ title: c.title, file: joined ? aac[i]!.file : masterFiles[i] })),
        out,
        tags,
        coverJpeg,
        bitrateKbps: M4B_ENCODING.kbps,
        workDir: outputDir,
        signal: deps.signal,
      });
      written = result.written;
      // Joined by stream copy, the book's levels are its chapters' own, measured when each was encoded.
      return joined ? combineMeasurements(aac.map((file) => file!.loudness)) : result.loudness;
    },
    deps.signal,
  );
  return {
    path: out,
    name: deliverableFileName(request.book.title, 'apple'),
    role: 'book',
    title: request.book.title,
    key,
    loudness,
    fromMasterEncodings: joined,
    written,
  };
}

/** The book's chapters and credits files the M4B is joined from, each a chapter mark of its own. */
function m4bHolds(request: PackageRequest): { chapters: number; credits: number } {
  const planned = planM4bChapters(request);
  const chapters = planned.filter((c) => c.chapterIndex !== undefined).length;
  return { chapters, credits: planned.length - chapters };
}

function manifestEntry(file: PackageFile, title: string | undefined): ManifestFileEntry {
  return {
    name: file.name,
    role: file.role,
    bytes: file.bytes,
    sha256: file.sha256,
    durationSec: file.durationSec,
    chapterIndex: file.chapterIndex,
    part: file.part,
    title,
  };
}

function round6(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
