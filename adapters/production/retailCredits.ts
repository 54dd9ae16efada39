/**
 * Spoken retail credits (opening: title, author, narrator; closing: "This has been …, The End."), read by the narrator,
 * synthesized and mastered like a one-line chapter, with their MP3 and AAC made in the mastering pass. A production
 * prepares them once, before its packages are built side by side, and every package reads what was stored: the
 * credits are paid for once per production however many platforms it packages, and not again while what decides
 * them (the book's metadata, the narrator's voice, the lexicon, room tone, target, encodings) is unchanged.
 *
 * Everything is stored under the hash of what decides it; the credits record (a small JSON blob naming the stored
 * files) is written create-only and last, so a record only ever names files already stored, and a retried activity
 * finds the speech, the master or the whole record and makes nothing twice.
 */
import path from 'node:path';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { LoudnessMeasurement } from '../../core/audio/measurements';
import type { SegmentRecord } from '../../core/book/records';
import { NARRATOR_ID } from '../../core/characters/character';
import {
  creditsScript,
  encodingsFor,
  RETAIL_ENCODINGS,
  type ChapterEncodingFormat,
  type EncodedSet,
  type PackageBookMetadata,
} from '../../core/packaging';
import { projectBlobPrefix } from '../../core/ports/blobs';
import { canonicalJson, segmentAudioBlobName, sha256Hex } from '../../core/production/contentAddress';
import type { PreparedCredits, PreparedCreditsSummary } from '../../core/production/bookPackaging';
import { sha256File } from '../packaging/fileHash';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { planSegments } from '../../core/production/chapterSpeechPlan';
import type { JobInput } from '../../core/jobs/job';
import type { ProductionContext } from './productionContextType';
import { withWorkspace } from './workspace';

/**
 * Credits are a few seconds of speech: the shortest room tone ACX accepts (0.5 s head, 1 s tail) keeps their RMS
 * within the retail range, which long room tone around so little speech would pull under it.
 */
const CREDITS_ROOM_TONE = { headMs: 500, tailMs: 1000 } as const;
/** A dB hotter than chapters: with so little speech, unweighted RMS otherwise sits at ACX's lower bound. */
const CREDITS_TARGET = { ...DEFAULT_MASTERING_TARGET, integratedLufs: DEFAULT_MASTERING_TARGET.integratedLufs + 1 };
/** Both encodings are made whatever the production's platforms, so one stored set serves every later package. */
const CREDITS_FORMATS = encodingsFor(['apple', 'acx']);

/** One credits file as a package uses it, on local disk: its master (or an encoding standing in for it) and encodings. */
export interface CreditsAudio {
  master: string;
  encoded: EncodedSet;
}

/** A prepared credits file's record: its stored master and encodings, with the levels its mastering pass measured. */
export interface StoredCredits {
  master: { blobName: string; sha256: string };
  encodings: { format: ChapterEncodingFormat; blobName: string; sha256: string }[];
  loudness: LoudnessMeasurement;
}

type CreditsPart = keyof PreparedCredits;

/**
 * Renders, masters and stores the book's opening and closing credits unless they are stored already, and returns
 * where their records are. The speech engine's bill is recorded where it is paid, keyed by the job and the speech's
 * content address: a retried activity records nothing twice, and a production that finds the credits stored renders
 * and records nothing.
 */
export async function prepareCredits(
  ctx: ProductionContext,
  job: JobInput,
  book: PackageBookMetadata,
): Promise<PreparedCreditsSummary> {
  const script = creditsScript(book);
  return withWorkspace('credits', async (dir) => {
    const [opening, closing] = await Promise.all(
      (['opening', 'closing'] as const).map((part) => prepareCreditsPart(ctx, job, part, script[part], dir)),
    );
    return {
      credits: { opening: opening.record, closing: closing.record },
      synthesisCalls: opening.synthesisCalls + closing.synthesisCalls,
      billableCharacters: opening.billableCharacters + closing.billableCharacters,
    };
  });
}

async function prepareCreditsPart(
  ctx: ProductionContext,
  job: JobInput,
  part: CreditsPart,
  text: string,
  dir: string,
): Promise<{ record: string; synthesisCalls: number; billableCharacters: number }> {
  const { tools } = ctx;
  const plan = await planSegments(ctx.speechPlan, job.tenantId, job.projectId, [
    creditsSegment(job, `credits-${part}`, text),
  ]);
  const item = plan.items[0];
  const key = sha256Hex(
    canonicalJson({
      speech: item.baseHash,
      roomTone: CREDITS_ROOM_TONE,
      target: CREDITS_TARGET,
      encodings: CREDITS_FORMATS.map((f) => RETAIL_ENCODINGS[f]),
    }),
  );
  const prefix = `${projectBlobPrefix(job.tenantId, job.projectId)}audio/credits/${key}`;
  const recordBlob = `${prefix}.json`;
  if (await tools.blobs.exists(recordBlob)) return { record: recordBlob, synthesisCalls: 0, billableCharacters: 0 };

  const local = path.join(dir, `credits-${part}`);
  const speechBlob = segmentAudioBlobName(job.tenantId, job.projectId, item.baseHash);
  const speechFile = `${local}.wav`;
  let synthesisCalls = 0;
  let billableCharacters = 0;
  if (await tools.blobs.exists(speechBlob)) await downloadBlob(tools.blobs, speechBlob, speechFile);
  else {
    const rendered = await ctx.synthesis.synthesizeToBlob(item.speech, plan, speechBlob, speechFile);
    synthesisCalls = 1;
    billableCharacters = rendered.billableCharacters;
    await ctx.synthesis.recordSpeechCost(job, rendered.billableCharacters, `${job.jobId}:${item.baseHash}:credits-tts`);
  }

  const masterFile = `${local}.flac`;
  const files = Object.fromEntries(
    CREDITS_FORMATS.map((f) => [
      f,
      { file: `${local}.${RETAIL_ENCODINGS[f].extension}`, bitrateKbps: RETAIL_ENCODINGS[f].kbps },
    ]),
  );
  const mastered = await tools.audio.masterChapter(
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
  await uploadFileIfAbsent(tools.blobs, record.master.blobName, masterFile, 'audio/flac');
  for (const f of CREDITS_FORMATS) {
    const blobName = `${prefix}.${RETAIL_ENCODINGS[f].extension}`;
    await uploadFileIfAbsent(tools.blobs, blobName, files[f].file, 'application/octet-stream');
    record.encodings.push({ format: f, blobName, sha256: await sha256File(files[f].file) });
  }
  await tools.blobs.putIfAbsent(recordBlob, Buffer.from(JSON.stringify(record)), 'application/json');
  return { record: recordBlob, synthesisCalls, billableCharacters };
}

/** The records of the prepared credits, read before a package build decides which of their files it fetches. */
export async function readPreparedCredits(
  ctx: ProductionContext,
  credits: PreparedCredits,
): Promise<Record<CreditsPart, StoredCredits>> {
  const [opening, closing] = await Promise.all([
    readStoredCredits(ctx, credits.opening),
    readStoredCredits(ctx, credits.closing),
  ]);
  return { opening, closing };
}

/** The opening and closing credits as one package build uses them. */
export interface PackageCredits {
  opening: CreditsAudio;
  closing: CreditsAudio;
  /** A credits file's master: the file above when that is its master, else fetched on first use. */
  masterOf(part: CreditsPart): Promise<string>;
}

/**
 * Fetches what one package build reads of the prepared credits: with a `format`, each file's encoding in it (a local
 * copy of which stands in for the master, fetched by `masterOf` only if the build needs it after all); without one, or
 * where that encoding is not stored, its master.
 */
export async function downloadPreparedCredits(
  ctx: ProductionContext,
  stored: Record<CreditsPart, StoredCredits>,
  dir: string,
  format: ChapterEncodingFormat | undefined,
): Promise<PackageCredits> {
  const [opening, closing] = await Promise.all(
    (['opening', 'closing'] as const).map(async (part) => {
      const local = path.join(dir, `credits-${part}`);
      const record = stored[part];
      const master = once(async () => {
        await downloadBlob(ctx.tools.blobs, record.master.blobName, `${local}.flac`);
        return `${local}.flac`;
      });
      const encoding = record.encodings.find((e) => e.format === format);
      if (!format || !encoding) return { audio: { master: await master(), encoded: {} }, master };
      const file = `${local}.${RETAIL_ENCODINGS[format].extension}`;
      await downloadBlob(ctx.tools.blobs, encoding.blobName, file);
      const encoded: EncodedSet = { [format]: { file, sha256: encoding.sha256, loudness: record.loudness } };
      return { audio: { master: file, encoded }, master };
    }),
  );
  return {
    opening: opening.audio,
    closing: closing.audio,
    masterOf: (part) => (part === 'opening' ? opening.master() : closing.master()),
  };
}

function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () => (made ??= make());
}

async function readStoredCredits(ctx: ProductionContext, name: string): Promise<StoredCredits> {
  const blob = await ctx.tools.blobs.openRead(name);
  // Prepared credits are never deleted while a job that names them runs; a missing record is a fault, not a retry.
  if (!blob) throw new Error(`The prepared credits ${path.basename(name)} are not stored`);
  const chunks: Buffer[] = [];
  for await (const chunk of blob.stream) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as StoredCredits;
}

function creditsSegment(job: JobInput, id: string, text: string): SegmentRecord {
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
