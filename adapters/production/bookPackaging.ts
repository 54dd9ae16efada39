/**
 * Packaging (one activity per platform): chapter masters, spoken credits and the retail cover go into
 * `buildPackage`; the deliverable, its encoded files (for reuse by the next build) and a PackageRecord with the
 * readiness report are stored. The package id derives from the job and platform, so a retried activity rewrites the
 * same package instead of adding one.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { NARRATOR_ID } from '../../core/characters/character';
import { NotFoundError } from '../../core/errors';
import { creditsScript, type PackageBookMetadata, type PackagePlatform } from '../../core/packaging';
import { projectBlobPrefix } from '../../core/ports/blobs';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import type { ProjectRecord } from '../../core/projects/project';
import { packageBlobPrefix, segmentAudioBlobName } from '../../core/production/contentAddress';
import {
  contentTypeOfDeliverable,
  packageDocumentId,
  packageExpiresAt,
  type PackageEncodingRecord,
  type PackageRecord,
} from '../../core/production/packageRecord';
import { buildPackage, type PreviousEncodings } from '../packaging';
import { sha256File } from '../packaging/fileHash';
import { chaptersOf } from './bookDocuments';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { planSegments } from './chapterSpeech';
import { EVENT_SOURCE } from './chapterMastering';
import type { JobRef } from './jobProgress';
import type { ProductionContext } from './productionContext';
import { synthesizeToBlob } from './segmentSynthesis';
import { withWorkspace } from './workspace';

/**
 * Credits are a few seconds of speech: the shortest room tone ACX accepts (0.5 s head, 1 s tail) keeps their RMS
 * within the retail range, which long room tone around so little speech would pull under it.
 */
const CREDITS_ROOM_TONE = { headMs: 500, tailMs: 1000 } as const;
/** A dB hotter than chapters: with so little speech, unweighted RMS otherwise sits at ACX's lower bound. */
const CREDITS_TARGET = { ...DEFAULT_MASTERING_TARGET, integratedLufs: DEFAULT_MASTERING_TARGET.integratedLufs + 1 };

export interface PackageInput extends JobRef {
  platform: PackagePlatform;
  /** Chapters to include (reading order is the project's); all live chapters when absent. */
  chapterIds?: string[] | null;
}

export interface PackageSummary {
  packageId: string;
  platform: PackagePlatform;
  version: number;
  passed: boolean;
  failedRules: string[];
  encoded: number;
  reused: number;
  synthesisCalls: number;
}

export async function packageBook(ctx: ProductionContext, input: PackageInput): Promise<PackageSummary> {
  const { svc } = ctx;
  const { tenantId, projectId } = input;
  const project = await svc.projects.find(tenantId, projectId);
  if (!project) throw new NotFoundError('Project');
  const chapters = (await chaptersOf(svc, tenantId, projectId)).filter(
    (c) => !c.deleted && (!input.chapterIds || input.chapterIds.includes(c.id)),
  );
  const missing = chapters.filter((c) => !c.master);
  if (missing.length > 0) throw new Error(`Chapter "${missing[0].title}" has no master yet`);
  const packageId = packageDocumentId(input.jobId, input.platform);
  const book = bookMetadata(project);

  return withWorkspace('package', async (dir) => {
    const masters = [];
    for (const [index, chapter] of chapters.entries()) {
      const file = path.join(dir, `master-${String(index).padStart(4, '0')}.flac`);
      await downloadBlob(svc.blobs, chapter.master!.blobName, file);
      masters.push({ chapter, file });
    }
    const credits = await masterCredits(ctx, input, book, dir);
    let coverJpeg: string | null = null;
    if (project.cover?.blobs.retail) {
      coverJpeg = path.join(dir, 'cover.jpg');
      await downloadBlob(svc.blobs, project.cover.blobs.retail, coverJpeg);
    }
    const previous = await previousEncodings(ctx, input, dir);
    const result = await buildPackage(
      {
        platform: input.platform,
        book,
        coverJpeg,
        chapters: masters.map(({ chapter, file }) => chapterInput(chapter, file)),
        credits: { openingFile: credits.opening, closingFile: credits.closing },
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
      encodings.push({ key: encoding.key, blobName, sha256: encoding.sha256, name });
    }

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
      deliverable: {
        blobName: deliverableBlob,
        name: result.deliverable.name,
        bytes: result.deliverable.bytes,
        sha256: result.deliverable.sha256,
        contentType: contentTypeOfDeliverable(result.deliverable.name),
      },
      readiness: result.readiness,
      encodings,
      totalDurationSec: result.manifest.totalDurationSec,
      stats: result.stats,
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
          passed: result.readiness.passed,
        },
        discriminator: input.platform,
      }),
    ]);
    return {
      packageId,
      platform: input.platform,
      version,
      passed: result.readiness.passed,
      failedRules: result.readiness.rules.filter((r) => !r.passed).map((r) => r.id),
      encoded: result.stats.encoded,
      reused: result.stats.reused,
      synthesisCalls: credits.synthesisCalls,
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

/** Opening and closing credits read by the narrator, synthesized and mastered like a one-line chapter. */
async function masterCredits(
  ctx: ProductionContext,
  job: JobRef,
  book: PackageBookMetadata,
  dir: string,
): Promise<{ opening: string; closing: string; synthesisCalls: number }> {
  const script = creditsScript(book);
  const now = ctx.svc.clock.now().toISOString();
  const segment = (id: string, text: string): SegmentRecord => ({
    id,
    type: 'segment',
    tenantId: job.tenantId,
    projectId: job.projectId,
    chapterId: 'credits',
    index: 0,
    kind: 'narration',
    text,
    boundaryBefore: 'chapter_head',
    speakerId: NARRATOR_ID,
    speakerConfidence: 1,
    speakerSource: 'user',
    flagged: false,
    revisionNote: null,
    chapterTextVersion: 0,
    takes: [],
    currentTakeId: null,
    createdAt: now,
    updatedAt: now,
  });
  let synthesisCalls = 0;
  const files: string[] = [];
  for (const [name, text] of [
    ['opening', script.opening],
    ['closing', script.closing],
  ] as const) {
    const plan = await planSegments(ctx, job.tenantId, job.projectId, [segment(`credits-${name}`, text)]);
    const item = plan.items[0];
    const speechBlob = segmentAudioBlobName(job.tenantId, job.projectId, item.baseHash);
    const speechFile = path.join(dir, `credits-${name}.wav`);
    if (await ctx.svc.blobs.exists(speechBlob)) await downloadBlob(ctx.svc.blobs, speechBlob, speechFile);
    else {
      await synthesizeToBlob(ctx, item.speech, plan, speechBlob, speechFile);
      synthesisCalls++;
    }
    const masterFile = path.join(dir, `credits-${name}.flac`);
    await ctx.svc.audio.masterChapter(
      {
        segmentFiles: [{ path: speechFile, pauseAfterMs: 0 }],
        headRoomToneMs: CREDITS_ROOM_TONE.headMs,
        tailRoomToneMs: CREDITS_ROOM_TONE.tailMs,
        target: CREDITS_TARGET,
        roomToneLevelDb: DEFAULT_ROOM_TONE.levelDb,
        workDir: dir,
      },
      masterFile,
    );
    files.push(masterFile);
  }
  return { opening: files[0], closing: files[1], synthesisCalls };
}

async function previousEncodings(ctx: ProductionContext, input: PackageInput, dir: string): Promise<PreviousEncodings> {
  const page = await ctx.packages.list(input.tenantId, input.projectId, {
    filter: {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'package' },
        { field: 'platform', op: 'eq', value: input.platform },
      ],
    },
    orderBy: { field: 'createdAt', direction: 'DESC' },
    page: { pageSize: 1 },
  });
  const last = page.items[0];
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
      encodings.push({ key: encoding.key, path: file, sha256: encoding.sha256 });
  }
  return { encodings };
}

async function latestVersion(ctx: ProductionContext, input: PackageInput): Promise<number> {
  const page = await ctx.packages.list(input.tenantId, input.projectId, {
    filter: {
      op: 'and',
      filters: [
        { field: 'type', op: 'eq', value: 'package' },
        { field: 'platform', op: 'eq', value: input.platform },
      ],
    },
    orderBy: { field: 'version', direction: 'DESC' },
    page: { pageSize: 1 },
  });
  return page.items[0]?.version ?? 0;
}

/** Blob-name-safe form of a sanitized package file name. */
function safeName(name: string): string {
  const cleaned = name
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(0, 120);
  return cleaned || 'file';
}
