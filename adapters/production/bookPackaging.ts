/**
 * Packaging (one activity per platform): each chapter's retail encoding made when it was mastered (or its master,
 * where the package must cut it: the retail sample, a chapter over the per-file limit), the spoken credits the job
 * prepared before packaging (retailCredits.ts: read here, never rendered) and the retail cover go into
 * `buildPackage`; the deliverable, its encoded files (for reuse by the next build, with their levels) and a
 * PackageRecord with the readiness report and the chapters it holds are stored. The package id derives from the job
 * and platform, so a retried activity rewrites the same package instead of adding one.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { ChapterRecord } from '../../core/book/records';
import { NotFoundError } from '../../core/errors';
import {
  maxFileSeconds,
  pickSampleChapter,
  RETAIL_ENCODINGS,
  wantsRetailSample,
  type ChapterEncodingFormat,
  type EncodedSet,
  type PackageBookMetadata,
  type PackageChapterInput,
  type PackagePlatform,
} from '../../core/packaging';
import { projectBlobPrefix, type BlobStore } from '../../core/ports/blobs';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import type { ProjectRecord } from '../../core/projects/project';
import { packageBlobPrefix } from '../../core/production/contentAddress';
import {
  contentTypeOfDeliverable,
  packageDocumentId,
  packageExpiresAt,
  packageInputKey,
  type PackageEncodingRecord,
  type PackageRecord,
} from '../../core/production/packageRecord';
import { buildPackage, type PreviousEncodings } from '../packaging';
import { sha256File } from '../packaging/fileHash';
import { storePackagePreviews } from '../listening/packagePreviews';
import { chaptersOf } from './bookDocuments';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { EVENT_SOURCE } from './chapterMastering';
import type { JobInput } from '../../core/jobs/job';
import type { ProductionContext } from './productionContext';
import {
  downloadPreparedCredits,
  prepareCredits,
  type PreparedCredits,
  type PreparedCreditsSummary,
} from './retailCredits';
import { withWorkspace } from './workspace';

export interface PackageInput extends JobInput {
  platform: PackagePlatform;
  /**
   * Chapters to include (reading order is the project's). When absent (a regeneration), what was produced: the
   * chapters of the platform's latest package, else every live chapter that has a master.
   */
  chapterIds?: string[] | null;
  /** The credits the job prepared for its packages (prepareCredits). */
  credits: PreparedCredits;
}

export interface PackageSummary {
  packageId: string;
  platform: PackagePlatform;
  version: number;
  passed: boolean;
  failedRules: string[];
  encoded: number;
  reused: number;
  /** True when an earlier package built from the same inputs became this job's package as it was. */
  reusedWhole: boolean;
}

/**
 * The production's spoken credits, rendered and stored unless they are stored already: run once per job before its
 * packages are built side by side, so the credits are paid for once, not once per platform.
 */
export async function preparePackageCredits(ctx: ProductionContext, job: JobInput): Promise<PreparedCreditsSummary> {
  const project = await ctx.svc.projects.find(job.tenantId, job.projectId);
  if (!project) throw new NotFoundError('Project');
  return prepareCredits(ctx, job, bookMetadata(project));
}

export async function packageBook(ctx: ProductionContext, input: PackageInput): Promise<PackageSummary> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const project = await svc.projects.find(tenantId, projectId);
  if (!project) throw new NotFoundError('Project');
  const live = (await chaptersOf(svc, tenantId, projectId)).filter((c) => !c.deleted);
  const chapters = await chaptersToPackage(ctx, input, live);
  const missing = chapters.filter((c) => !c.master);
  if (missing.length > 0) throw new Error(`Chapter "${missing[0].title}" has no master yet`);
  if (chapters.length === 0) throw new Error('No chapter has been produced yet');
  const book = bookMetadata(project);
  const inputKey = packageInputKey({
    platform: input.platform,
    book,
    chapters: chapters.map((c) => ({
      id: c.id,
      title: c.title,
      chapterType: c.chapterType,
      master: { ...c.master!, masteredAt: undefined, jobId: undefined },
    })),
    credits: input.credits,
    coverBlobName: project.cover?.blobs.retail ?? null,
  });
  const last = await latestPackage(ctx, input, 'createdAt');
  if (last && (await isReusableWhole(svc.blobs, last, inputKey))) {
    const contents = pick(last, [
      'deliverable',
      'readiness',
      'chapterIds',
      'encodings',
      'previews',
      'totalDurationSec',
    ]);
    // A retried activity finds the package it stored itself: recorded again as it was.
    if (last.id === packageDocumentId(input.jobId, input.platform))
      return storePackage(ctx, input, { ...contents, stats: last.stats, inputKey, reusedFrom: last.reusedFrom });
    // Nothing that decides its bytes changed: the earlier package is this job's package, nothing is fetched or built.
    return storePackage(ctx, input, {
      ...contents,
      stats: { encoded: 0, reused: last.stats.encoded + last.stats.reused },
      inputKey,
      reusedFrom: last.reusedFrom ?? last.id,
    });
  }
  const built = await buildAndStoreFiles(ctx, input, project, chapters, last);
  return storePackage(ctx, input, { ...built, inputKey });
}

/** The fields of a package record that describe its contents (the rest is who, when and which version). */
type PackageContents = Pick<
  PackageRecord,
  'deliverable' | 'readiness' | 'chapterIds' | 'encodings' | 'previews' | 'totalDurationSec' | 'stats' | 'inputKey'
> & { reusedFrom?: string };

function pick<T extends object, K extends keyof T>(value: T, keys: K[]): Pick<T, K> {
  return Object.fromEntries(keys.map((key) => [key, value[key]])) as Pick<T, K>;
}

/** An earlier package built from the same inputs, whose deliverable and previews are all still stored. */
async function isReusableWhole(blobs: BlobStore, last: PackageRecord, inputKey: string): Promise<boolean> {
  if (last.inputKey !== inputKey) return false;
  const names = [last.deliverable.blobName, ...(last.previews ?? []).map((p) => p.blobName)];
  return (await Promise.all(names.map((name) => blobs.exists(name)))).every(Boolean);
}

async function buildAndStoreFiles(
  ctx: ProductionContext,
  input: PackageInput,
  project: ProjectRecord,
  chapters: ChapterRecord[],
  last: PackageRecord | undefined,
): Promise<Omit<PackageContents, 'inputKey'>> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const packageId = packageDocumentId(input.jobId, input.platform);
  const format: ChapterEncodingFormat = input.platform === 'apple' ? 'aac' : 'mp3';
  return withWorkspace('package', async (dir) => {
    const needMaster = chaptersNeedingMaster(input.platform, chapters, format);
    const inputs: PackageChapterInput[] = [];
    for (const [index, chapter] of chapters.entries()) {
      const master = chapter.master!;
      const encoded = await downloadEncoded(ctx, master, format, path.join(dir, `chapter-${index}`));
      let masterFile = encoded?.[format]?.file;
      if (!masterFile || needMaster.has(chapter.id)) {
        masterFile = path.join(dir, `master-${String(index).padStart(4, '0')}.flac`);
        await downloadBlob(svc.blobs, master.blobName, masterFile);
      }
      inputs.push({ ...chapterInput(chapter, masterFile), encoded });
    }
    const credits = await downloadPreparedCredits(ctx, input.credits, dir);
    let coverJpeg: string | null = null;
    if (project.cover?.blobs.retail) {
      coverJpeg = path.join(dir, 'cover.jpg');
      await downloadBlob(svc.blobs, project.cover.blobs.retail, coverJpeg);
    }
    const previous = await previousEncodings(ctx, last, dir);
    const result = await buildPackage(
      {
        platform: input.platform,
        book: bookMetadata(project),
        coverJpeg,
        chapters: inputs,
        credits: {
          openingFile: credits.opening.master,
          closingFile: credits.closing.master,
          openingEncoded: credits.opening.encoded,
          closingEncoded: credits.closing.encoded,
        },
        previous,
      },
      { audio: svc.audio, workDir: dir, ffmpegPath: svc.config.FFMPEG_PATH },
    );

    const prefix = packageBlobPrefix(tenantId, projectId, packageId);
    const deliverableBlob = `${prefix}${safeName(result.deliverable.name)}`;
    await svc.blobs.put(
      deliverableBlob,
      createReadStream(result.deliverable.path),
      contentTypeOfDeliverable(result.deliverable.name),
    );
    const encodings: PackageEncodingRecord[] = [];
    for (const encoding of result.encodings) {
      const file = result.files.find((f) => f.path === encoding.path);
      const name = safeName(file?.name ?? path.basename(encoding.path));
      // Encodings are content-addressed by their key, so unchanged files are stored once across versions.
      const blobName = `${projectBlobPrefix(tenantId, projectId)}packages/encodings/${encoding.key.slice(0, 64)}-${name}`;
      await uploadFileIfAbsent(svc.blobs, blobName, encoding.path, 'application/octet-stream');
      encodings.push({ key: encoding.key, blobName, sha256: encoding.sha256, name, loudness: encoding.loudness });
    }
    const previews = await storePackagePreviews(svc.blobs, prefix, result.files);

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
      previews,
      totalDurationSec: result.manifest.totalDurationSec,
      stats: result.stats,
    };
  });
}

/** Stores the job's package record (a retried activity rewrites its own) and announces it. */
async function storePackage(
  ctx: ProductionContext,
  input: PackageInput,
  contents: PackageContents,
): Promise<PackageSummary> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const packageId = packageDocumentId(input.jobId, input.platform);
  const existing = await ctx.packages.get(tenantId, projectId, packageId);
  const version = existing?.version ?? (await latestVersion(ctx, input)) + 1;
  const tenant = await svc.tenants.assertActive(tenantId);
  const now = svc.clock.now();
  const record: PackageRecord = {
    id: packageId,
    type: 'package',
    tenantId,
    projectId,
    platform: input.platform,
    version,
    jobId: input.jobId,
    ...contents,
    expiresAt: existing?.expiresAt ?? packageExpiresAt(now, tenant.plan),
    createdAt: existing?.createdAt ?? now.toISOString(),
    createdBy: input.userId,
  };
  await ctx.packages.upsert(record);
  await svc.events.publish([
    createDomainEvent({
      type: EventTypes.packageReady,
      source: EVENT_SOURCE,
      subject: jobSubject(tenantId, projectId, input.jobId),
      time: now.toISOString(),
      data: {
        tenantId,
        projectId,
        jobId: input.jobId,
        packageId,
        platform: input.platform,
        version,
        passed: record.readiness.passed,
      },
      discriminator: input.platform,
    }),
  ]);
  return {
    packageId,
    platform: input.platform,
    version,
    passed: record.readiness.passed,
    failedRules: record.readiness.rules.filter((r) => !r.passed).map((r) => r.id),
    encoded: record.stats.encoded,
    reused: record.stats.reused,
    reusedWhole: contents.reusedFrom !== undefined,
  };
}

function chapterInput(chapter: ChapterRecord, file: string) {
  return {
    title: chapter.title,
    masterFile: file,
    durationSec: chapter.master!.durationSec,
    masterSha256: chapter.master!.sha256,
    chapterType: chapter.chapterType,
    segmentStartsSec: chapter.master!.segmentStartsSec,
  };
}

export function bookMetadata(project: ProjectRecord): PackageBookMetadata {
  const m = project.metadata;
  return {
    title: m.title,
    subtitle: m.subtitle,
    authors: m.authors,
    narrators: m.narrators,
    aiNarrated: true,
    digitalVoiceDisclosure: m.digitalVoiceDisclosure,
    publisher: m.publisher,
    year: m.publicationDate ? String(m.publicationDate).slice(0, 4) : null,
    language: m.language,
    genre: m.categories[0] ?? null,
    description: m.description,
    isbn: m.isbn,
    copyright: m.rights,
  };
}

/** The chapter's encoding in `format` with the levels its mastering pass measured, when the master has one. */
async function downloadEncoded(
  ctx: ProductionContext,
  master: NonNullable<ChapterRecord['master']>,
  format: ChapterEncodingFormat,
  local: string,
): Promise<EncodedSet | undefined> {
  const encoding = master.encodings?.find((e) => e.format === format);
  if (!encoding || !master.measured || !(await ctx.svc.blobs.exists(encoding.blobName))) return undefined;
  const file = `${local}.${RETAIL_ENCODINGS[format].extension}`;
  await downloadBlob(ctx.svc.blobs, encoding.blobName, file);
  return { [format]: { file, sha256: encoding.sha256, loudness: master.measured } };
}

/** Chapters the package cuts (the retail sample's source, parts of a chapter over the per-file limit). */
function chaptersNeedingMaster(
  platform: PackagePlatform,
  chapters: ChapterRecord[],
  format: ChapterEncodingFormat,
): Set<string> {
  const needed = new Set<string>();
  if (format === 'aac') return needed;
  const limitSec = maxFileSeconds(platform);
  for (const chapter of chapters)
    if (limitSec !== undefined && chapter.master!.durationSec > limitSec * 0.95) needed.add(chapter.id);
  if (wantsRetailSample({ platform })) {
    const index = pickSampleChapter(
      chapters.map((c) => ({ chapterType: c.chapterType, durationSec: c.master!.durationSec })),
    );
    if (chapters[index]) needed.add(chapters[index].id);
  }
  return needed;
}

/** What the package holds: the chapters asked for, or (a regeneration) what was produced before. */
async function chaptersToPackage(
  ctx: ProductionContext,
  input: PackageInput,
  live: ChapterRecord[],
): Promise<ChapterRecord[]> {
  if (input.chapterIds) return live.filter((c) => input.chapterIds!.includes(c.id));
  const last = await latestPackage(ctx, input, 'createdAt');
  if (last?.chapterIds) {
    const chosen = live.filter((c) => last.chapterIds!.includes(c.id));
    if (chosen.length > 0) return chosen;
  }
  return live.filter((c) => c.master !== null);
}

async function previousEncodings(
  ctx: ProductionContext,
  last: PackageRecord | undefined,
  dir: string,
): Promise<PreviousEncodings> {
  if (!last) return { encodings: [] };
  const reuseDir = path.join(dir, 'previous');
  await mkdir(reuseDir);
  const encodings = [];
  for (const [index, encoding] of last.encodings.entries()) {
    const file = path.join(reuseDir, `${index}-${encoding.name}`);
    try {
      await downloadBlob(ctx.svc.blobs, encoding.blobName, file);
    } catch {
      continue; // A missing earlier encoding only means that file is encoded again.
    }
    if ((await sha256File(file)) === encoding.sha256)
      encodings.push({ key: encoding.key, path: file, sha256: encoding.sha256, loudness: encoding.loudness });
  }
  return { encodings };
}

async function latestVersion(ctx: ProductionContext, input: PackageInput): Promise<number> {
  return (await latestPackage(ctx, input, 'version'))?.version ?? 0;
}

async function latestPackage(
  ctx: ProductionContext,
  input: PackageInput,
  by: 'version' | 'createdAt',
): Promise<PackageRecord | undefined> {
  const page = await ctx.packages.list(input.tenantId, input.projectId, {
    filter: {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'package' },
        { field: 'platform', op: 'eq', value: input.platform },
      ],
    },
    orderBy: { field: by, direction: 'DESC' },
    page: { pageSize: 1 },
  });
  return page.items[0];
}

/** Blob-name-safe form of a sanitized package file name. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned || 'file';
}
