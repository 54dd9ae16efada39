/**
 * Chapter mastering (one activity): the chapter's segment audio with the plan's pauses, room tone at head and tail,
 * gained to the loudness target and peak-limited, stored under a name derived from everything that went into it.
 * An unchanged chapter whose master is already recorded is not mastered again.
 */
import path from 'node:path';
import { DEFAULT_MASTERING_TARGET, DEFAULT_ROOM_TONE } from '../../core/audio/masteringTarget';
import type { ChapterMasterRecord } from '../../core/book/records';
import { updateWithRetry } from '../../core/common/optimisticUpdate';
import { NotFoundError } from '../../core/errors';
import { createDomainEvent, EventTypes, jobSubject } from '../../core/ports/events';
import { chapterMasterBlobName, chapterMasterHash } from '../../core/production/contentAddress';
import { sha256File } from '../packaging/fileHash';
import { segmentsOfChapter } from './bookDocuments';
import { downloadBlob, uploadFileIfAbsent } from './blobFiles';
import { audioLocation, planSegments } from './chapterSpeech';
import type { JobRef } from './jobProgress';
import type { ProductionContext } from './productionContext';
import { withWorkspace } from './workspace';

export interface MasterChapterInput extends JobRef {
  chapterId: string;
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
  const segments = await segmentsOfChapter(svc, tenantId, projectId, chapterId);
  if (segments.length === 0) throw new Error(`Chapter "${chapter.title}" has no segments to master`);
  const plan = await planSegments(ctx, tenantId, projectId, segments);
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
  const reused = master?.blobName === blobName && (await svc.blobs.exists(blobName));
  if (!reused) {
    master = await withWorkspace('master', async (dir) => {
      const segmentFiles = [];
      for (const [index, location] of locations.entries()) {
        const file = path.join(dir, `segment-${String(index).padStart(5, '0')}.wav`);
        await downloadBlob(svc.blobs, location.blobName, file);
        segmentFiles.push({ path: file, pauseAfterMs: plan.items[index].speech.pauseAfterMs });
      }
      const outFile = path.join(dir, 'master.flac');
      const mastered = await svc.audio.masterChapter(
        {
          segmentFiles,
          headRoomToneMs: DEFAULT_ROOM_TONE.headMs,
          tailRoomToneMs: DEFAULT_ROOM_TONE.tailMs,
          target,
          roomToneLevelDb: DEFAULT_ROOM_TONE.levelDb,
          workDir: dir,
        },
        outFile,
      );
      const sha256 = await sha256File(outFile);
      await uploadFileIfAbsent(svc.blobs, blobName, outFile, 'audio/flac');
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
