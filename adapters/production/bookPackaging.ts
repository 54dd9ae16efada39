/**
 * Packaging (one activity per platform): each chapter's retail encoding made when it was mastered (or its master,
 * where the package must cut it: the retail sample, a chapter over the per-file limit), spoken credits (mastered and
 * encoded once, kept under a content address) and the retail cover go into `buildPackage`; the deliverable, its
 * encoded files (for reuse by the next build, with their levels) and a PackageRecord with the readiness report and
 * the chapters it holds are stored. The package id derives from the job and platform, so a retried activity rewrites
 * the same package instead of adding one.
 */
import { createReadStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { ChapterRecord, SegmentRecord } from '../../core/book/records';
import { NARRATOR_ID } from '../../core/characters/character';
import { NotFoundError } from '../../core/errors';
import {
  creditsScript,
  encodingsFor,
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
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import { projectBlobPrefix } from '../../core/ports/blobs';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import type { ProjectRecord } from '../../core/projects/project';
import {
  canonicalJson,
  packageBlobPrefix,
  segmentAudioBlobName,
  sha256Hex,
} from '../../core/production/contentAddress';
import {
  contentTypeOfDeliverable,
  packageDocumentId,
  packageExpiresAt,
  type PackageEncodingRecord,
  type PackageRecord,
} from '../../core/production/packageRecord';
import { buildPackage, type PreviousEncodings } from '../packaging';
import { sha256File } from '../packaging/fileHash';
import { storePackagePreviews } from '../listening/packagePreviews';
import { chaptersOf } from './bookDocuments';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { planSegments } from './chapterSpeech';
import { EVENT_SOURCE } from './chapterMastering';
import type { JobRef } from './jobProgress';
import type { ProductionContext } from './productionContext';
import { recordSpeechCost, synthesizeToBlob } from './segmentSynthesis';
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
  /**
   * Chapters to include (reading order is the project's). When absent (a regeneration), what was produced: the
   * chapters of the platform's latest package, else every live chapter that has a master.
   */
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
  const live = (await chaptersOf(svc, tenantId, projectId)).filter((c) => !c.deleted);
  const chapters = await chaptersToPackage(ctx, input, live);
  const missing = chapters.filter((c) => !c.master);
  if (missing.length > 0) throw new Error(`Chapter "${missing[0].title}" has no master yet`);
  if (chapters.length === 0) throw new Error('No chapter has been produced yet');
  const packageId = packageDocumentId(input.jobId, input.platform);
  const book = bookMetadata(project);
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
    const credits = await creditsFor(ctx, input, book, dir);
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
      chapterIds: chapters.map((c) => c.id),
      encodings,
      previews,
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

/** One credits file: its master and its retail encodings, made once and kept under a content address. */
interface CreditsAudio {
  master: string;
  encoded: EncodedSet;
}

interface StoredCredits {
  master: { blobName: string; sha256: string };
  encodings: { format: ChapterEncodingFormat; blobName: string; sha256: string }[];
  loudness: LoudnessMeasurement;
}

/**
 * Opening and closing credits read by the narrator, synthesized and mastered like a one-line chapter, with their MP3
 * and AAC made in the mastering pass. Everything is stored under the hash of what decides it (the speech's content
 * address, room tone, target, encodings), so every package and every later build takes them as they are.
 */
async function creditsFor(
  ctx: ProductionContext,
  job: PackageInput,
  book: PackageBookMetadata,
  dir: string,
): Promise<{ opening: CreditsAudio; closing: CreditsAudio; synthesisCalls: number }> {
  const script = creditsScript(book);
  let synthesisCalls = 0;
  const made: CreditsAudio[] = [];
  for (const [name, text] of [
    ['opening', script.opening],
    ['closing', script.closing],
  ] as const) {
    const plan = await planSegments(ctx, job.tenantId, job.projectId, [creditsSegment(job, `credits-${name}`, text)]);
    const item = plan.items[0];
    const speechBlob = segmentAudioBlobName(job.tenantId, job.projectId, item.baseHash);
    const formats = encodingsFor(['apple', 'acx']);
    const key = sha256Hex(
      canonicalJson({
        speech: item.baseHash,
        roomTone: CREDITS_ROOM_TONE,
        target: CREDITS_TARGET,
        encodings: formats.map((f) => RETAIL_ENCODINGS[f]),
      }),
    );
    const prefix = `${projectBlobPrefix(job.tenantId, job.projectId)}audio/credits/${key}`;
    const local = path.join(dir, `credits-${name}`);
    const stored = await readStoredCredits(ctx, `${prefix}.json`);
    if (stored) {
      made.push(await downloadCredits(ctx, stored, local));
      continue;
    }
    const speechFile = `${local}.wav`;
    if (await ctx.svc.blobs.exists(speechBlob)) await downloadBlob(ctx.svc.blobs, speechBlob, speechFile);
    else {
      const rendered = await synthesizeToBlob(ctx, item.speech, plan, speechBlob, speechFile);
      synthesisCalls++;
      // Recorded where it is billed: package activities running side by side may each render the credits before one
      // stores them. Keyed by this job's package and the speech's content address, so a retried activity adds
      // nothing, and a build that finds the credits stored renders nothing and records nothing.
      const key = `${job.jobId}:${job.platform}:${item.baseHash}:credits-tts`;
      await recordSpeechCost(ctx, job, rendered.billableCharacters, key);
    }
    const masterFile = `${local}.flac`;
    const files = Object.fromEntries(
      formats.map((f) => [
        f,
        { file: `${local}.${RETAIL_ENCODINGS[f].extension}`, bitrateKbps: RETAIL_ENCODINGS[f].kbps },
      ]),
    );
    const mastered = await ctx.svc.audio.masterChapter(
      {
        segmentFiles: [{ path: speechFile, pauseAfterMs: 0 }],
        headRoomToneMs: CREDITS_ROOM_TONE.headMs,
        tailRoomToneMs: CREDITS_ROOM_TONE.tailMs,
        target: CREDITS_TARGET,
        roomToneLevelDb: DEFAULT_ROOM_TONE.levelDb,
        encodings: files,
        workDir: dir,
      },
      masterFile,
    );
    const record: StoredCredits = {
      master: { blobName: `${prefix}.flac`, sha256: await sha256File(masterFile) },
      encodings: [],
      loudness: mastered.measured,
    };
    await uploadFileIfAbsent(ctx.svc.blobs, record.master.blobName, masterFile, 'audio/flac');
    const encoded: EncodedSet = {};
    for (const f of formats) {
      const blobName = `${prefix}.${RETAIL_ENCODINGS[f].extension}`;
      const sha256 = await sha256File(files[f].file);
      await uploadFileIfAbsent(ctx.svc.blobs, blobName, files[f].file, 'application/octet-stream');
      record.encodings.push({ format: f, blobName, sha256 });
      encoded[f] = { file: files[f].file, sha256, loudness: mastered.measured };
    }
    // Written last: a credits record names only files already stored.
    await ctx.svc.blobs.putIfAbsent(`${prefix}.json`, Buffer.from(JSON.stringify(record)), 'application/json');
    made.push({ master: masterFile, encoded });
  }
  return { opening: made[0], closing: made[1], synthesisCalls };
}

function creditsSegment(job: JobRef, id: string, text: string): SegmentRecord {
  const now = new Date(0).toISOString();
  return {
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
  };
}

async function readStoredCredits(ctx: ProductionContext, name: string): Promise<StoredCredits | undefined> {
  const blob = await ctx.svc.blobs.openRead(name);
  if (!blob) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as StoredCredits;
}

async function downloadCredits(ctx: ProductionContext, stored: StoredCredits, local: string): Promise<CreditsAudio> {
  const master = `${local}.flac`;
  await downloadBlob(ctx.svc.blobs, stored.master.blobName, master);
  const encoded: EncodedSet = {};
  for (const encoding of stored.encodings) {
    const file = `${local}.${RETAIL_ENCODINGS[encoding.format].extension}`;
    await downloadBlob(ctx.svc.blobs, encoding.blobName, file);
    encoded[encoding.format] = { file, sha256: encoding.sha256, loudness: stored.loudness };
  }
  return { master, encoded };
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

async function previousEncodings(ctx: ProductionContext, input: PackageInput, dir: string): Promise<PreviousEncodings> {
  const last = await latestPackage(ctx, input, 'createdAt');
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
