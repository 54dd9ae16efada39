/**
 * Building a package and storing its files: each chapter's retail encoding made when it was mastered (or its master,
 * where the package must encode from it: a chapter over the per-file limit, a chapter without the encoding, the
 * retail sample unless the previous build's sample of the same master is reused, and every chapter and credits file
 * of an M4B that cannot be joined from AAC alone), the encoding of the spoken credits the job prepared before
 * packaging (or their masters, for that M4B; read here, never rendered), the retail cover and the previous package's
 * encodings go into `buildPackage`; the deliverable, its encoded files (content-addressed, for reuse by the next build, with their levels and, for the
 * retail sample, the window it was cut in) and its previews are stored. Nothing is fetched that the build does not
 * read, and nothing is uploaded that is stored under the same content-addressed name already (encodings and previews are
 * named by the sha256 of their bytes and looked for before they are sent).
 */
import { mkdir } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import path from 'node:path';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { AudioFileFacts } from '../../core/audio/readinessReport';
import type { ChapterRecord } from '../../core/book/records';
import {
  maxFileSeconds,
  RETAIL_ENCODINGS,
  type ChapterEncodingFormat,
  type EncodedSet,
  type PackageChapterInput,
  type PackagePlatform,
  type TimeWindow,
} from '../../core/packaging';
import { projectBlobPrefix } from '../../core/ports/blobs';
import type { ProjectRecord } from '../../core/projects/project';
import {
  bookMetadata,
  type CoverSource,
  type PackageContents,
  type PackageJob,
  type PreparedCredits,
} from '../../core/production/bookPackaging';
import { packageBlobPrefix } from '../../core/production/contentAddress';
import {
  contentTypeOfDeliverable,
  PACKAGE_BUILD_REVISION,
  packageDocumentId,
  type PackageEncodingRecord,
  type PackageRecord,
  type SampleCutRecord,
} from '../../core/production/packageRecord';
import { buildPackage, type PreviousEncodings, type SampleCut } from '../packaging';
import { mapLimit } from '../packaging/mapLimit';
import { sha256File } from '../packaging/fileHash';
import { storePackagePreviews } from '../listening/packagePreviews';
import { downloadBlob, uploadFileUnlessStored } from './blobFiles';
import type { ProductionContext } from './productionContextType';
import { downloadPreparedCredits, readPreparedCredits } from './retailCredits';
import { withWorkspace } from './workspace';

/** Blobs fetched at once per package build: enough to hide each request's latency, few enough to spare the store. */
const FETCH_CONCURRENCY = 4;

export async function buildAndStoreFiles(
  ctx: ProductionContext,
  input: PackageJob & { credits: PreparedCredits },
  project: ProjectRecord,
  chapters: ChapterRecord[],
  last: PackageRecord | undefined,
  coverSource: CoverSource,
): Promise<Omit<PackageContents, 'inputKey'> & { coverBlobName: string | null }> {
  const { tools } = ctx;
  const { tenantId, projectId } = input;
  const packageId = packageDocumentId(input.jobId, input.platform);
  const format: ChapterEncodingFormat = input.platform === 'apple' ? 'aac' : 'mp3';
  return withWorkspace('package', async (dir) => {
    const split = chaptersOverFileLimit(input.platform, chapters, format);
    // A master is fetched once, when first needed: eagerly for a chapter the package encodes from it, lazily for the
    // retail sample's chapter (a reused sample needs none).
    const masters = new Map<number, Promise<string>>();
    const masterOf = (index: number) => {
      let file = masters.get(index);
      if (!file) {
        const local = path.join(dir, `master-${String(index).padStart(4, '0')}.flac`);
        file = downloadBlob(tools.blobs, chapters[index].master!.blobName, local).then(() => local);
        masters.set(index, file);
      }
      return file;
    };
    // What is stored decides what is fetched: an M4B is joined by stream copy only when every chapter and both credits
    // have their AAC; otherwise it is encoded whole from masters, and no AAC is fetched (none is read).
    const [stored, storedCredits] = await Promise.all([
      mapLimit(chapters, FETCH_CONCURRENCY, (chapter, index) =>
        storedEncoding(
          ctx,
          chapter.master!,
          format,
          `${path.join(dir, `chapter-${index}`)}.${RETAIL_ENCODINGS[format].extension}`,
        ),
      ),
      readPreparedCredits(ctx, input.credits),
    ]);
    const usesEncodings =
      format === 'mp3' ||
      (stored.every((encoding) => encoding !== undefined) &&
        Object.values(storedCredits).every((credits) => credits.encodings.some((e) => e.format === format)));
    // Every input is fetched at once, a few files at a time: the package waits for the slowest fetch, not their sum.
    const [inputs, credits, cover, previous] = await Promise.all([
      mapLimit(chapters, FETCH_CONCURRENCY, async (chapter, index): Promise<PackageChapterInput> => {
        const encoding = stored[index];
        if (!encoding || !usesEncodings || split.has(chapter.id)) return chapterInput(chapter, await masterOf(index));
        const { file } = encoding;
        if (!encoding.local) await downloadBlob(tools.blobs, encoding.blobName, file);
        // A local copy of the encoding stands in for the master, which `masterOf` fetches if the build must encode.
        const encoded: EncodedSet = { [format]: { file, sha256: encoding.sha256, loudness: encoding.loudness } };
        return { ...chapterInput(chapter, file), encoded };
      }),
      downloadPreparedCredits(ctx, storedCredits, dir, usesEncodings ? format : undefined),
      retailCover(ctx, coverSource, dir),
      previousEncodings(ctx, last, dir),
    ]);
    const prefix = packageBlobPrefix(tenantId, projectId, packageId);
    const deliverableBlobOf = (name: string) => `${prefix}${safeName(name)}`;
    // The previous build of the platform shares every byte but the changed chapters': its parts are taken from it
    // inside the store, and only the changed parts are sent.
    const storeDeliverable = (name: string, body: Readable | { filePath: string }) =>
      tools.blobs.putSharingParts(
        deliverableBlobOf(name),
        body,
        contentTypeOfDeliverable(name),
        last?.deliverable.blobName,
      );
    let streamed = false;
    const result = await buildPackage(
      {
        platform: input.platform,
        book: bookMetadata(project),
        coverJpeg: cover.file,
        chapters: inputs,
        credits: {
          openingFile: credits.opening.master,
          closingFile: credits.closing.master,
          openingEncoded: credits.opening.encoded,
          closingEncoded: credits.closing.encoded,
        },
        previous: { encodings: previous.encodings },
      },
      {
        audio: tools.audio,
        workDir: dir,
        ffmpegPath: tools.ffmpegPath,
        masterOf,
        creditsMasterOf: credits.masterOf,
        knownSampleWindows: previous.sampleWindows,
        knownFileFacts: knownFileFacts(last),
        // A zip goes to the store as it is written; the M4B, written by ffmpeg, is stored once finished.
        storeDeliverable: (name, body) => {
          streamed = true;
          return storeDeliverable(name, body);
        },
      },
    );

    const deliverableBlob = deliverableBlobOf(result.deliverable.name);
    if (!streamed) await storeDeliverable(result.deliverable.name, { filePath: result.deliverable.path });
    const encodings: PackageEncodingRecord[] = [];
    for (const encoding of result.encodings) {
      const file = result.files.find((f) => f.path === encoding.path);
      const name = safeName(file?.name ?? path.basename(encoding.path));
      // Named by the sha256 of its bytes: the same file, whichever build or platform made it, is stored once, and a
      // blob found under the name holds exactly these bytes, so nothing is sent for it.
      const blobName = `${projectBlobPrefix(tenantId, projectId)}packages/encodings/${encoding.sha256}-${name}`;
      // The previous build's file, fetched and verified under this very name, needs not even the HEAD.
      if (!previous.verifiedBlobs.has(blobName))
        await uploadFileUnlessStored(tools.blobs, blobName, encoding.path, 'application/octet-stream');
      const cut = result.sampleCut?.encodingKey === encoding.key ? result.sampleCut : undefined;
      encodings.push({
        key: encoding.key,
        blobName,
        sha256: encoding.sha256,
        name,
        loudness: encoding.loudness,
        ...(cut && { sampleCut: sampleCutRecord(cut) }),
      });
    }
    const previews = await storePackagePreviews(
      tools.blobs,
      `${projectBlobPrefix(tenantId, projectId)}packages/previews/`,
      result.files,
    );

    return {
      deliverable: {
        blobName: deliverableBlob,
        name: result.deliverable.name,
        bytes: result.deliverable.bytes,
        sha256: result.deliverable.sha256,
        contentType: contentTypeOfDeliverable(result.deliverable.name),
      },
      readiness: result.readiness,
      chapterIds: chapters.map((c) => c.id),
      encodings,
      fileFacts: result.fileFacts.map((facts) => ({ ...facts, revision: PACKAGE_BUILD_REVISION })),
      previews,
      totalDurationSec: result.manifest.totalDurationSec,
      stats: result.stats,
      coverBlobName: cover.blobName,
    };
  });
}

function chapterInput(chapter: ChapterRecord, file: string) {
  return {
    title: chapter.title,
    masterFile: file,
    durationSec: chapter.master!.durationSec,
    masterSha256: chapter.master!.sha256,
    chapterType: chapter.chapterType,
    segmentStartsSec: chapter.master!.segmentStartsSec,
    segmentEndsSec: chapter.master!.segmentEndsSec,
  };
}

/**
 * The chapter's stored encoding in `format`, when the master has one whose levels its mastering pass measured, and
 * where its bytes go (`file`). When this machine kept a whole copy, it is placed there at once (`local`): no request
 * is made for it; otherwise the blob is looked for, and downloaded later.
 */
async function storedEncoding(
  ctx: ProductionContext,
  master: NonNullable<ChapterRecord['master']>,
  format: ChapterEncodingFormat,
  file: string,
): Promise<
  { blobName: string; sha256: string; loudness: LoudnessMeasurement; file: string; local: boolean } | undefined
> {
  const encoding = master.encodings?.find((e) => e.format === format);
  if (!encoding || !master.measured) return undefined;
  const found = { blobName: encoding.blobName, sha256: encoding.sha256, loudness: master.measured, file };
  if (await ctx.tools.localCopies?.take(encoding.blobName, file, encoding.bytes)) return { ...found, local: true };
  if (!(await ctx.tools.blobs.exists(encoding.blobName))) return undefined;
  return { ...found, local: false };
}

/** Chapters the package splits into parts under the per-file limit: each part is cut from the master. */
function chaptersOverFileLimit(
  platform: PackagePlatform,
  chapters: ChapterRecord[],
  format: ChapterEncodingFormat,
): Set<string> {
  const needed = new Set<string>();
  if (format === 'aac') return needed;
  const limitSec = maxFileSeconds(platform);
  for (const chapter of chapters)
    if (limitSec !== undefined && chapter.master!.durationSec > limitSec * 0.95) needed.add(chapter.id);
  return needed;
}

function sampleCutRecord(cut: SampleCut): SampleCutRecord {
  return {
    masterSha256: cut.masterSha256,
    startSec: cut.window.startSec,
    endSec: cut.window.endSec,
    revision: PACKAGE_BUILD_REVISION,
  };
}

/** Covers replaced one after another while the build reads one: each re-read finds a newer cover, up to this many. */
const MAX_COVER_READS = 5;

/**
 * The retail cover, fetched whole: when the cover the build began with was deleted (an upload replaced it), the one the
 * project points to now, so the package holds one uploaded cover and says which.
 */
async function retailCover(
  ctx: ProductionContext,
  source: CoverSource,
  dir: string,
): Promise<{ file: string | null; blobName: string | null }> {
  let blobName = source.blobName;
  for (let attempt = 1; blobName !== null; attempt++) {
    const file = path.join(dir, `cover-${attempt}.jpg`);
    try {
      await downloadBlob(ctx.tools.blobs, blobName, file);
      return { file, blobName };
    } catch (error) {
      if (attempt >= MAX_COVER_READS || (await ctx.tools.blobs.exists(blobName))) throw error;
      blobName = await source.current();
    }
  }
  return { file: null, blobName: null };
}

/**
 * The previous build's encodings, fetched and verified (with the blob names they were verified under), and the sample
 * windows it chose, by master.
 */
async function previousEncodings(
  ctx: ProductionContext,
  last: PackageRecord | undefined,
  dir: string,
): Promise<PreviousEncodings & { sampleWindows: Map<string, TimeWindow>; verifiedBlobs: Set<string> }> {
  const sampleWindows = new Map<string, TimeWindow>();
  for (const { sampleCut: cut } of last?.encodings ?? [])
    if (cut?.revision === PACKAGE_BUILD_REVISION)
      sampleWindows.set(cut.masterSha256, { startSec: cut.startSec, endSec: cut.endSec });
  if (!last) return { encodings: [], sampleWindows, verifiedBlobs: new Set() };
  const reuseDir = path.join(dir, 'previous');
  await mkdir(reuseDir);
  const fetched = await mapLimit(last.encodings, FETCH_CONCURRENCY, async (encoding, index) => {
    const file = path.join(reuseDir, `${index}-${encoding.name}`);
    try {
      await downloadBlob(ctx.tools.blobs, encoding.blobName, file);
    } catch {
      return undefined; // A missing earlier encoding only means that file is encoded again.
    }
    if ((await sha256File(file)) !== encoding.sha256) return undefined;
    return {
      reusable: { key: encoding.key, path: file, sha256: encoding.sha256, loudness: encoding.loudness },
      blobName: encoding.blobName,
    };
  });
  const verified = fetched.filter((encoding) => encoding !== undefined);
  return {
    encodings: verified.map((encoding) => encoding.reusable),
    sampleWindows,
    verifiedBlobs: new Set(verified.map((encoding) => encoding.blobName)),
  };
}

/** The previous build's audio files as it probed them, when built the way this build builds. */
function knownFileFacts(last: PackageRecord | undefined): Map<string, AudioFileFacts> {
  const known = new Map<string, AudioFileFacts>();
  for (const { sha256, revision, ...facts } of last?.fileFacts ?? [])
    if (revision === PACKAGE_BUILD_REVISION) known.set(sha256, facts);
  return known;
}

/** Blob-name-safe form of a sanitized package file name. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned || 'file';
}
