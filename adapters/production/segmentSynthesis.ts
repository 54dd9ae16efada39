/**
 * Synthesis of a batch of segments (one activity): each segment whose audio is not in blob storage yet is rendered
 * through the shared rate limiter to a temp file and stored create-only under its content address; its take is then
 * recorded on the segment. Safe to run again after a crash: finished segments are found, not re-rendered.
 * Stopping: a cancel (or a failure elsewhere in the job) seen while the batch runs, or a permanent error of one of its
 * segments, withdraws the batch's queued requests; requests already sent finish and their audio is kept. A permanent
 * error is returned in the summary (retrying cannot fix it); anything else is thrown, so the activity is retried.
 */
import { createReadStream } from 'node:fs';
import path from 'node:path';
import { updateWithRetry } from '../../core/common/optimisticUpdate';
import type { SegmentRecord, SegmentTake } from '../../core/book/records';
import { priceUsage } from '../../core/costs/costEntry';
import { isSpeechPermanent } from '../../core/ports/speech';
import { segmentAudioBlobName, segmentAudioHash } from '../../core/production/contentAddress';
import { EXCERPT_CHARS, type SkippedItem } from '../../core/production/preflight';
import { classifySpeechFailure } from '../../core/production/speechRetry';
import type { SegmentSpeechInput } from '../../core/production/speechPlan';
import {
  baseTakeId,
  currentTake,
  isTakeCurrent,
  outputFormatFor,
  plannedSegmentSsml,
  planSegments,
  type ChapterSpeechPlan,
  type PlannedSegment,
} from '../../core/production/chapterSpeechPlan';
import type { JobInput } from '../../core/jobs/job';
import type { ProductionContext } from './productionContextType';
import { withWorkspace } from './workspace';

export interface SynthesizeSegmentsInput extends JobInput {
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
  /** Segments with nothing to speak, left out instead of sent (the job goes on and lists them). */
  skipped: SkippedItem[];
  /** A segment the service refuses for good (bad SSML, unknown voice, auth): the chapter cannot be finished. */
  failure?: { segmentId: string; message: string };
}

export const MAX_SEGMENTS_PER_BATCH = 50;
const MAX_TAKES_KEPT = 20;

/** A TTS failure retrying cannot fix; the chapter and the job fail with this message. */
export class PermanentSpeechFailure extends Error {
  constructor(
    readonly segmentId: string,
    readonly serviceError: Error,
    where = '',
  ) {
    super(`Speech synthesis failed permanently for segment ${segmentId}${where}: ${serviceError.message}`);
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
    skipped: [],
  };
  if (input.segmentIds.length > MAX_SEGMENTS_PER_BATCH) throw new RangeError('too many segments in one batch');
  if (await ctx.svc.jobs.isStopRequested(input)) return { ...summary, cancelled: true };
  const { svc } = ctx;
  const segments = (
    await Promise.all(input.segmentIds.map((id) => svc.book.segments.get(input.tenantId, input.projectId, id)))
  ).filter((s): s is SegmentRecord => !!s && s.chapterId === input.chapterId);
  const plan = await planSegments(ctx.speechPlan, input.tenantId, input.projectId, segments);
  summary.skipped = plan.skipped.map((segment) => ({
    chapterId: input.chapterId,
    segmentId: segment.segmentId,
    reason: 'nothing_to_speak',
    text: segment.text.trim().slice(0, EXCERPT_CHARS),
  }));
  const newTakes = new Map((input.newTakes ?? []).map((t) => [t.segmentId, t.takeId]));

  const stop = new AbortController();
  const endWatch = ctx.job.watchStop(input, stop);
  let settled: PromiseSettledResult<RenderOutcome>[];
  try {
    // Every render settles before the workspace goes: a render still running would write into a deleted folder.
    settled = await withWorkspace('synth', (dir) =>
      Promise.allSettled(
        plan.items.map(async (item, index) => {
          const tempFile = path.join(dir, `segment-${index}.wav`);
          try {
            return await renderOne(ctx, input, plan, item, tempFile, newTakes.get(item.segment.id), stop.signal);
          } catch (error) {
            // One segment that can never be rendered dooms the chapter: send nothing more for this batch.
            if (error instanceof PermanentSpeechFailure) stop.abort(error);
            throw error;
          }
        }),
      ),
    );
  } finally {
    endWatch();
  }

  const synthesizedIds: string[] = [];
  const failures: unknown[] = [];
  settled.forEach((result, index) => {
    if (result.status === 'rejected') return void failures.push(result.reason);
    const outcome = result.value;
    if (outcome.synthesized) synthesizedIds.push(plan.items[index]!.segment.id);
    summary.synthesisCalls += outcome.synthesized ? 1 : 0;
    summary.cacheHits += outcome.synthesized ? 0 : 1;
    summary.duplicateWrites += outcome.duplicateWrite ? 1 : 0;
    summary.billableCharacters += outcome.billableCharacters;
  });
  svc.metrics.recorder.record({
    name: 'speech.segments',
    tenantId: input.tenantId,
    cacheHits: summary.cacheHits,
    synthesized: summary.synthesisCalls,
  });
  // What was sent was billed, whatever happened to the rest of the batch.
  await recordCosts(ctx, input, plan, summary, synthesizedIds);

  const permanent = failures.find((f): f is PermanentSpeechFailure => f instanceof PermanentSpeechFailure);
  if (permanent) return { ...summary, failure: await describeFailure(ctx, input, plan, permanent) };
  // Once the job stopped, a request that failed on its way out is part of the stop, not a reason to retry.
  const unexpected = stop.signal.aborted ? undefined : failures.find((f) => classifySpeechFailure(f) !== 'cancelled');
  if (unexpected) throw unexpected;
  // Left over at this point: renders the stop withdrew before they were sent.
  if (failures.length > 0) return { ...summary, cancelled: true };
  await ctx.job.addProgress(input, { segmentsDone: summary.segments, billableCharacters: summary.billableCharacters });
  return summary;
}

/** The job's error message: which segment, where in which chapter, and what the service said. */
async function describeFailure(
  ctx: ProductionContext,
  job: SynthesizeSegmentsInput,
  plan: ChapterSpeechPlan,
  failure: PermanentSpeechFailure,
): Promise<{ segmentId: string; message: string }> {
  const chapter = await ctx.svc.book.chapters.get(job.tenantId, job.projectId, job.chapterId).catch(() => undefined);
  const segment = plan.items.find((item) => item.segment.id === failure.segmentId)?.segment;
  const line = segment ? `line ${segment.index + 1} of ` : '';
  const where = ` (${line}${chapter ? `"${chapter.title}"` : `chapter ${job.chapterId}`})`;
  return {
    segmentId: failure.segmentId,
    message: new PermanentSpeechFailure(failure.segmentId, failure.serviceError, where).message,
  };
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
  signal: AbortSignal,
): Promise<RenderOutcome> {
  const { svc } = ctx;
  const { tenantId, projectId } = job;
  // A kept take named again (a person chose it): when it still matches the line it becomes current and nothing is
  // rendered; when the line changed since, the line's present audio is used instead.
  const chosen = forcedTakeId ? item.segment.takes.find((t) => t.takeId === forcedTakeId) : undefined;
  if (chosen && isTakeCurrent(chosen, item) && (await svc.blobs.exists(chosen.blobName))) {
    await recordTake(ctx, item.segment, chosen);
    return { synthesized: false, duplicateWrite: false, billableCharacters: 0 };
  }
  if (chosen) forcedTakeId = undefined;
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
  const rendered = await synthesizeToBlob(ctx, item.speech, plan, blobName, tempFile, signal);
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
  signal?: AbortSignal,
): Promise<{ created: boolean; billableCharacters: number; durationMs: number }> {
  const { svc } = ctx;
  const ssml = plannedSegmentSsml(speech, plan, svc.speech.engine);
  let result;
  try {
    result = await ctx.speechLimiter.run(
      () => svc.speech.synthesize({ ssml, outputFormat: outputFormatFor(svc.speech.engine) }, tempFile),
      {
        signal,
      },
    );
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
  synthesizedIds: string[],
): Promise<void> {
  if (summary.billableCharacters === 0) return;
  // One entry per run of the batch, keyed by what this run synthesized: a rerun after a crash that finds every
  // segment done records nothing, and a retry after a partial failure records only its own new requests.
  const batchKey = segmentAudioHash({ ...plan.items[0]!.key, takeNonce: synthesizedIds.sort().join(',') }).slice(0, 32);
  await recordSpeechCost(ctx, job, summary.billableCharacters, `${job.jobId}:${batchKey}:tts`);
}

/**
 * Writes the characters the speech engine billed as one cost entry at the tenant's price. The dedupe key makes the
 * write idempotent: recording the same key again (a retried activity) adds nothing.
 */
export async function recordSpeechCost(
  ctx: ProductionContext,
  job: JobInput,
  billableCharacters: number,
  dedupeKey: string,
): Promise<void> {
  if (billableCharacters === 0) return;
  const tenant = await ctx.svc.tenants.assertActive(job.tenantId);
  const voiceClass = ctx.svc.speech.engine === 'offline' ? 'offline' : 'neural';
  await ctx.svc.costs.record([
    priceUsage(
      {
        tenantId: job.tenantId,
        projectId: job.projectId,
        userId: job.userId,
        jobId: job.jobId,
        rate: `tts:${voiceClass}`,
        quantity: billableCharacters,
        at: ctx.svc.clock.now(),
        dedupeKey,
      },
      tenant.plan,
    ),
  ]);
}

function now(ctx: ProductionContext): string {
  return ctx.svc.clock.now().toISOString();
}
