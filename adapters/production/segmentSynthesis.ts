/**
 * Synthesis of a batch of segments (one activity): each segment whose audio is not in blob storage yet is rendered
 * through the shared rate limiter to a temp file and stored create-only under its content address; its take is then
 * recorded on the segment. Safe to run again after a crash: finished segments are found, not re-rendered.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { updateWithRetry } from '../../core/common/optimisticUpdate';
import type { SegmentRecord, SegmentTake } from '../../core/book/records';
import { priceUsage } from '../../core/costs/costEntry';
import { isSpeechPermanent } from '../../core/ports/speech';
import { segmentAudioBlobName, segmentAudioHash } from '../../core/production/contentAddress';
import type { SegmentSpeechInput } from '../../core/production/speechPlan';
import { buildSsml } from '../../core/ssml/ssmlBuilder';
import {
  baseTakeId,
  currentTake,
  OUTPUT_FORMAT,
  planSegments,
  type ChapterSpeechPlan,
  type PlannedSegment,
} from './chapterSpeech';
import { addJobProgress, isJobCancelled, type JobRef } from './jobProgress';
import type { ProductionContext } from './productionContext';
import { withWorkspace } from './workspace';

export interface SynthesizeSegmentsInput extends JobRef {
  chapterId: string;
  segmentIds: string[];
  /** Regeneration: render a new take of these segments even though audio for their inputs exists. */
  newTakes?: { segmentId: string; takeId: string }[];
}

export interface SynthesisSummary {
  cancelled: boolean;
  segments: number;
  synthesisCalls: number;
  cacheHits: number;
  /** Create-only writes that found the blob already there (another writer got there first). */
  duplicateWrites: number;
  billableCharacters: number;
}

export const MAX_SEGMENTS_PER_BATCH = 50;
const MAX_TAKES_KEPT = 20;

/** A TTS failure retrying cannot fix; the chapter and the job fail with this message. */
export class PermanentSpeechFailure extends Error {
  constructor(segmentId: string, cause: Error) {
    super(`Speech synthesis failed permanently for segment ${segmentId}: ${cause.message}`);
    this.name = 'PermanentSpeechFailure';
  }
}

export async function synthesizeSegments(
  ctx: ProductionContext,
  input: SynthesizeSegmentsInput,
): Promise<SynthesisSummary> {
  const summary: SynthesisSummary = {
    cancelled: false,
    segments: input.segmentIds.length,
    synthesisCalls: 0,
    cacheHits: 0,
    duplicateWrites: 0,
    billableCharacters: 0,
  };
  if (input.segmentIds.length > MAX_SEGMENTS_PER_BATCH) throw new RangeError('too many segments in one batch');
  if (await isJobCancelled(ctx, input)) return { ...summary, cancelled: true };
  const { svc } = ctx;
  const segments = (
    await Promise.all(input.segmentIds.map((id) => svc.book.segments.get(input.tenantId, input.projectId, id)))
  ).filter((s): s is SegmentRecord => !!s && s.chapterId === input.chapterId);
  const plan = await planSegments(ctx, input.tenantId, input.projectId, segments);
  const newTakes = new Map((input.newTakes ?? []).map((t) => [t.segmentId, t.takeId]));

  await withWorkspace('synth', async (dir) => {
    await Promise.all(
      plan.items.map(async (item, index) => {
        const forcedTakeId = newTakes.get(item.segment.id);
        const outcome = await renderOne(ctx, input, plan, item, path.join(dir, `segment-${index}.wav`), forcedTakeId);
        summary.synthesisCalls += outcome.synthesized ? 1 : 0;
        summary.cacheHits += outcome.synthesized ? 0 : 1;
        summary.duplicateWrites += outcome.duplicateWrite ? 1 : 0;
        summary.billableCharacters += outcome.billableCharacters;
      }),
    );
  });
  await recordCosts(ctx, input, plan, summary);
  await addJobProgress(ctx, input, { segmentsDone: summary.segments, billableCharacters: summary.billableCharacters });
  return summary;
}

interface RenderOutcome {
  synthesized: boolean;
  duplicateWrite: boolean;
  billableCharacters: number;
}

async function renderOne(
  ctx: ProductionContext,
  job: SynthesizeSegmentsInput,
  plan: ChapterSpeechPlan,
  item: PlannedSegment,
  tempFile: string,
  forcedTakeId: string | undefined,
): Promise<RenderOutcome> {
  const { svc } = ctx;
  const { tenantId, projectId } = job;
  const existing = forcedTakeId ? undefined : currentTake(item);
  if (existing && (await svc.blobs.exists(existing.blobName))) {
    return { synthesized: false, duplicateWrite: false, billableCharacters: 0 };
  }
  const hash = forcedTakeId ? segmentAudioHash({ ...item.key, takeNonce: forcedTakeId }) : item.baseHash;
  const takeId = forcedTakeId ?? baseTakeId(hash);
  const blobName = segmentAudioBlobName(tenantId, projectId, hash);
  if (await svc.blobs.exists(blobName)) {
    await recordTake(ctx, item.segment, { takeId, blobName, contentHash: hash, durationMs: 0, createdAt: now(ctx) });
    return { synthesized: false, duplicateWrite: false, billableCharacters: 0 };
  }
  const rendered = await synthesizeToBlob(ctx, item.speech, plan, blobName, tempFile);
  await recordTake(ctx, item.segment, {
    takeId,
    blobName,
    contentHash: hash,
    durationMs: rendered.durationMs,
    createdAt: now(ctx),
  });
  return { synthesized: true, duplicateWrite: !rendered.created, billableCharacters: rendered.billableCharacters };
}

/** One TTS request for one segment through the shared limiter, stored create-only at `blobName`. */
export async function synthesizeToBlob(
  ctx: ProductionContext,
  speech: SegmentSpeechInput,
  plan: Pick<ChapterSpeechPlan, 'bookLocale' | 'voices'>,
  blobName: string,
  tempFile: string,
): Promise<{ created: boolean; billableCharacters: number; durationMs: number }> {
  const { svc } = ctx;
  const ssml = buildSsml(
    [
      {
        segmentId: speech.segmentId,
        text: speech.spokenText,
        voiceName: speech.voiceName,
        style: speech.style,
        styleDegree: speech.styleDegree,
        ratePercent: speech.ratePercent,
        pitchPercent: speech.pitchPercent,
        pauseAfterMs: 0,
        locale: speech.locale,
      },
    ],
    { bookLocale: plan.bookLocale, voices: plan.voices, lexicon: [], engine: svc.speech.engine },
  );
  let result;
  try {
    result = await ctx.speechLimiter.run(() => svc.speech.synthesize({ ssml, outputFormat: OUTPUT_FORMAT }, tempFile));
  } catch (error) {
    if (isSpeechPermanent(error)) throw new PermanentSpeechFailure(speech.segmentId, error);
    throw error;
  }
  const created = await svc.blobs.putIfAbsent(blobName, createReadStream(tempFile), 'audio/wav');
  return { created, billableCharacters: result.billableCharacters, durationMs: result.durationMs };
}

async function recordTake(ctx: ProductionContext, segment: SegmentRecord, take: SegmentTake): Promise<void> {
  const { segments } = ctx.svc.book;
  await updateWithRetry(
    'Segment',
    () => segments.get(segment.tenantId, segment.projectId, segment.id),
    (doc, etag) => segments.replace(doc, etag),
    (doc) => {
      const known = doc.takes.some((t) => t.takeId === take.takeId);
      const takes = known ? doc.takes : [...doc.takes, take].slice(-MAX_TAKES_KEPT);
      return { ...doc, takes, currentTakeId: take.takeId };
    },
  );
}

async function recordCosts(
  ctx: ProductionContext,
  job: SynthesizeSegmentsInput,
  plan: ChapterSpeechPlan,
  summary: SynthesisSummary,
): Promise<void> {
  if (summary.billableCharacters === 0) return;
  const tenant = await ctx.svc.tenants.assertActive(job.tenantId);
  const at = ctx.svc.clock.now();
  const voiceClass = ctx.svc.speech.engine === 'offline' ? 'offline' : 'neural';
  // One entry per batch; the key names the batch's content so a retried activity records nothing new.
  const batchKey = segmentAudioHash({ ...plan.items[0].key, takeNonce: job.segmentIds.join(',') }).slice(0, 32);
  await ctx.svc.costs.record([
    priceUsage(
      {
        tenantId: job.tenantId,
        projectId: job.projectId,
        userId: job.userId,
        jobId: job.jobId,
        rate: `tts:${voiceClass}`,
        quantity: summary.billableCharacters,
        at,
        dedupeKey: `${job.jobId}:${batchKey}:tts`,
      },
      tenant.plan,
    ),
  ]);
}

function now(ctx: ProductionContext): string {
  return ctx.svc.clock.now().toISOString();
}
