/**
 * Chapter mastering (one activity): the chapter's segment audio with the plan's pauses, room tone at head and tail,
 * gained to the loudness target and peak-limited, stored under a name derived from everything that went into it,
 * together with the retail encodings the job's platforms need (MP3, AAC) written from the same stream in the same
 * ffmpeg pass, and the levels that pass measured. The segments' levels are metered while they download, so the gain
 * is known before that pass. An unchanged chapter whose master and encodings are already recorded is not mastered
 * again.
 */
import { createWriteStream } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { LoudnessMeter } from '../../core/audio/loudnessMeter';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { ChapterEncodingRecord, ChapterMasterRecord } from '../../core/book/records';
import { updateWithRetry } from '../../core/common/optimisticUpdate';
import { NotFoundError } from '../../core/errors';
import { RETAIL_ENCODINGS, type ChapterEncodingFormat } from '../../core/packaging';
import type { BlobStore } from '../../core/ports/blobs';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import {
  chapterEncodingBlobName,
  chapterMasterBlobName,
  chapterMasterHash,
} from '../../core/production/contentAddress';
import { WavLevelTap } from '../audio/levelTap';
import { describeFile } from '../packaging/fileHash';
import { segmentsOfChapter } from '../../core/production/productionBook';
import { uploadFileIfAbsent } from './blobFiles';
import { audioLocation, planSegments } from '../../core/production/chapterSpeechPlan';
import type { JobInput } from '../../core/jobs/job';
import type { ProductionContext } from './productionContextType';
import { withWorkspace } from './workspace';

export interface MasterChapterInput extends JobInput {
  chapterId: string;
  /** Retail encodings to write in the mastering pass (the job's platforms decide); none when absent. */
  formats?: ChapterEncodingFormat[];
}

export interface MasterSummary {
  chapterId: string;
  blobName: string;
  durationSec: number;
  /** True when the recorded master already matched the chapter's audio. */
  reused: boolean;
}

export const EVENT_SOURCE = '/khipu';

export async function masterChapterAudio(ctx: ProductionContext, input: MasterChapterInput): Promise<MasterSummary> {
  const { svc } = ctx;
  const { tenantId, projectId, chapterId } = input;
  const chapter = await svc.book.chapters.get(tenantId, projectId, chapterId);
  if (!chapter || chapter.type !== 'chapter') throw new NotFoundError('Chapter');
  const segments = await segmentsOfChapter(svc.book, tenantId, projectId, chapterId);
  if (segments.length === 0) throw new Error(`Chapter "${chapter.title}" has no segments to master`);
  const plan = await planSegments(ctx.speechPlan, tenantId, projectId, segments);
  // Preflight leaves such chapters out; this only meets one whose plan changed since.
  if (plan.items.length === 0) throw new Error(`Chapter "${chapter.title}" has nothing to speak`);
  const locations = plan.items.map((item) => audioLocation(item, tenantId, projectId));
  const target = DEFAULT_MASTERING_TARGET;
  const masterHash = chapterMasterHash({
    segmentHashes: locations.map((l) => l.hash),
    pausesAfterMs: plan.items.map((item) => item.speech.pauseAfterMs),
    headRoomToneMs: DEFAULT_ROOM_TONE.headMs,
    tailRoomToneMs: DEFAULT_ROOM_TONE.tailMs,
    target,
    format: 'flac',
  });
  const blobName = chapterMasterBlobName(tenantId, projectId, chapterId, masterHash, 'flac');

  let master = chapter.master;
  const wanted = input.formats ?? [];
  const reused = master?.blobName === blobName && (await isComplete(svc.blobs, master, wanted));
  if (!reused) {
    // A master already made for these inputs keeps its other encodings: the new pass writes them all again.
    const kept = master?.blobName === blobName ? (master.encodings ?? []).map((e) => e.format) : [];
    const formats = [...new Set([...wanted, ...kept])].sort();
    master = await withWorkspace('master', async (dir) => {
      const meter = new LoudnessMeter();
      const segmentFiles = [];
      for (const [index, location] of locations.entries()) {
        const file = path.join(dir, `segment-${String(index).padStart(5, '0')}.wav`);
        const pauseAfterMs = plan.items[index].speech.pauseAfterMs;
        await downloadMetered(svc.blobs, location.blobName, file, meter);
        if (index < locations.length - 1) meter.pushSilence(Math.min(pauseAfterMs, MAX_PAUSE_MS) / 1000);
        segmentFiles.push({ path: file, pauseAfterMs });
      }
      const outFile = path.join(dir, 'master.flac');
      const encodingFiles = Object.fromEntries(
        formats.map((format) => [
          format,
          {
            file: path.join(dir, `encoded.${RETAIL_ENCODINGS[format].extension}`),
            bitrateKbps: RETAIL_ENCODINGS[format].kbps,
          },
        ]),
      );
      const mastered = await svc.audio.masterChapter(
        {
          segmentFiles,
          headRoomToneMs: DEFAULT_ROOM_TONE.headMs,
          tailRoomToneMs: DEFAULT_ROOM_TONE.tailMs,
          target,
          roomToneLevelDb: DEFAULT_ROOM_TONE.levelDb,
          levels: meter.result(),
          encodings: encodingFiles,
          workDir: dir,
        },
        outFile,
      );
      const { sha256 } = await describeFile(outFile);
      await uploadFileIfAbsent(svc.blobs, blobName, outFile, 'audio/flac');
      const encodings: ChapterEncodingRecord[] = [];
      for (const format of formats) {
        const file = encodingFiles[format].file;
        const encodedBlob = chapterEncodingBlobName(
          tenantId,
          projectId,
          chapterId,
          masterHash,
          RETAIL_ENCODINGS[format],
        );
        await uploadFileIfAbsent(svc.blobs, encodedBlob, file, format === 'mp3' ? 'audio/mpeg' : 'audio/mp4');
        encodings.push({ format, blobName: encodedBlob, ...(await describeFile(file)) });
      }
      const m = mastered.measured;
      const record: ChapterMasterRecord = {
        blobName,
        sha256,
        durationSec: mastered.durationSec,
        segmentStartsSec: mastered.segmentStartsSec,
        integratedLufs: m.integratedLufs ?? -70,
        truePeakDb: m.truePeakDb ?? -70,
        rmsDb: m.rmsDb ?? -70,
        peakDb: m.peakDb ?? -70,
        noiseFloorDb: m.noiseFloorDb === null || !Number.isFinite(m.noiseFloorDb) ? -120 : m.noiseFloorDb,
        masteredAt: svc.clock.now().toISOString(),
        jobId: input.jobId,
        measured: finiteMeasurement(m),
        encodings,
      };
      return record;
    });
    await updateWithRetry(
      'Chapter',
      () => svc.book.chapters.get(tenantId, projectId, chapterId),
      (doc, etag) => svc.book.chapters.replace(doc, etag),
      (doc) => ({ ...doc, master: master! }),
    );
  }
  // Progress shown while the window runs (the job's total is set again, exactly, before packaging; a rerun of this
  // activity after a crash may count its chapter twice until then).
  await ctx.job.addProgress(input, { chaptersDone: 1 });
  await svc.events.publish([
    createDomainEvent({
      type: EventTypes.chapterCompleted,
      source: EVENT_SOURCE,
      subject: jobSubject(tenantId, projectId, input.jobId),
      time: svc.clock.now().toISOString(),
      data: {
        tenantId,
        projectId,
        jobId: input.jobId,
        chapterId,
        title: chapter.title,
        durationSec: master!.durationSec,
      },
      discriminator: chapterId,
    }),
  ]);
  return { chapterId, blobName, durationSec: master!.durationSec, reused };
}

/** Longest pause mastering renders (as adapters/audio/master.ts caps it). */
const MAX_PAUSE_MS = 20_000;

/** A recorded master serves this job when its file, its measurements and every encoding the job needs are stored. */
async function isComplete(
  blobs: BlobStore,
  master: ChapterMasterRecord,
  formats: ChapterEncodingFormat[],
): Promise<boolean> {
  if (formats.length > 0 && !master.measured) return false;
  const encodings = formats.map((format) => master.encodings?.find((e) => e.format === format));
  if (encodings.some((e) => !e)) return false;
  const names = [master.blobName, ...encodings.map((e) => e!.blobName)];
  return (await Promise.all(names.map((name) => blobs.exists(name)))).every(Boolean);
}

/** Downloads a segment's audio to `file`, metering its levels on the way (no second read). */
async function downloadMetered(blobs: BlobStore, name: string, file: string, meter: LoudnessMeter): Promise<void> {
  const blob = await blobs.openRead(name);
  if (!blob) throw new NotFoundError(`Audio ${name.split('/').pop()}`);
  await pipeline(blob.stream, new WavLevelTap(meter), createWriteStream(file, { flags: 'wx' }));
}

/** Cosmos stores JSON: −Infinity (digital silence) becomes a very low finite level. */
function finiteMeasurement(m: ChapterMasterRecord['measured'] & object): NonNullable<ChapterMasterRecord['measured']> {
  const finite = (value: number | null, floor: number) =>
    value === null ? null : Number.isFinite(value) ? value : floor;
  return {
    ...m,
    truePeakDb: finite(m.truePeakDb, -120),
    rmsDb: finite(m.rmsDb, -120),
    peakDb: finite(m.peakDb, -120),
    noiseFloorDb: finite(m.noiseFloorDb, -120),
  };
}
