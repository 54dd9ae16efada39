/**
 * Synthesis of a batch of segments (one activity): each segment whose audio is not in blob storage yet is rendered
 * through the shared rate limiter to a scratch file and stored create-only under its content address; its take is
 * then recorded on the segment. Safe to run again after a crash: finished segments are found, not re-rendered.
 * Stopping: a cancel (or a failure elsewhere in the job) seen while the batch runs, or a permanent error of one of its
 * segments, withdraws the batch's queued requests; requests already sent finish and their audio is kept. A permanent
 * error is returned in the summary (retrying cannot fix it); anything else is thrown, so the activity is retried.
 * The scratch files and storing a file as a blob are behind the SynthesisFiles port.
 */
import type { SegmentRecord, SegmentTake } from '../book/records';
import { updateWithRetry } from '../common/optimisticUpdate';
import { priceUsage } from '../costs/costEntry';
import type { CostService } from '../costs/costService';
import { PreconditionFailedError } from '../errors';
import type { JobInput } from '../jobs/job';
import type { JobService } from '../jobs/jobService';
import type { BlobStore } from '../ports/blobs';
import type { MetricsRecorder } from '../ports/metrics';
import { isSpeechPermanent, type SpeechSynthesizer } from '../ports/speech';
import type { Clock } from '../ports/system';
import type { TenantService } from '../tenants/tenantService';
import type { AdaptiveConcurrency } from './adaptiveConcurrency';
import {
  baseTakeId,
  currentTake,
  isTakeCurrent,
  outputFormatFor,
  plannedSegmentSsml,
  planSegments,
  type ChapterSpeechPlan,
  type PlannedSegment,
} from './chapterSpeechPlan';
import type { SpeechPlanSources } from './chapterPlanSources';
import { dropLineAudio, linesWithTakes, pinnedChapterLines, recordLineAudio, type PinnedLine } from './chapterLinesPin';
import { segmentAudioBlobName, segmentAudioHash } from './contentAddress';
import { EXCERPT_CHARS, type SkippedItem } from './preflight';
import { JobStopWatches } from './jobStopWatches';
import { MAX_SEGMENTS_PER_BATCH } from './synthesisBatches';
import type { ProductionBook } from './productionBook';
import type { ProductionJob } from './productionJob';
import { classifySpeechFailure } from './speechRetry';
import type { SegmentSpeechInput } from './speechPlan';

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
  /**
   * Retakes whose audio came back byte for byte the same as the take they replaced (a voice that says a line the same
   * way every time): the take is stored, but the line sounds as before. Absent when there are none.
   */
  sameAudioRetakes?: { segmentId: string; sameAsTakeId: string }[];
}

/** A scratch folder for one batch; `file` names a file in it. */
export interface Scratch {
  file(name: string): string;
}

/** The file side of synthesis: scratch folders that are always removed, and a scratch file stored as a blob. */
export interface SynthesisFiles {
  withScratch<T>(purpose: string, work: (scratch: Scratch) => Promise<T>): Promise<T>;
  /** Stores the file create-only; false when the blob was already there. */
  storeIfAbsent(blobName: string, file: string, contentType: string): Promise<boolean>;
  /** SHA-256 (hex) of the file's bytes. */
  digest(file: string): Promise<string>;
}

export interface SegmentSynthesisDeps {
  book: Pick<ProductionBook, 'chapters' | 'segments'>;
  speechPlan: SpeechPlanSources;
  speech: SpeechSynthesizer;
  /** One limiter per process: every synthesis in this host shares the TTS service's capacity. */
  limiter: Pick<AdaptiveConcurrency, 'run'>;
  files: SynthesisFiles;
  blobs: Pick<BlobStore, 'exists'>;
  jobs: Pick<JobService, 'isStopRequested'>;
  job: Pick<ProductionJob, 'watchStop' | 'addProgress'>;
  tenants: Pick<TenantService, 'assertActive'>;
  costs: Pick<CostService, 'record'>;
  metrics: MetricsRecorder;
  clock: Clock;
}

const MAX_TAKES_KEPT = 20;

/** A line whose audio was there already: nothing sent, nothing billed. */
const reused = { synthesized: false, duplicateWrite: false, billableCharacters: 0 } as const;

/** Whether a stored line still says what the production planned for it (an edit may have changed it since). */
function saysAsPlanned(
  stored: Pick<SegmentRecord, 'text' | 'speakerId' | 'kind' | 'unspokenChars'>,
  planned: Pick<SegmentRecord, 'text' | 'speakerId' | 'kind' | 'unspokenChars'>,
): boolean {
  return (
    stored.text === planned.text &&
    stored.speakerId === planned.speakerId &&
    stored.kind === planned.kind &&
    stored.unspokenChars === planned.unspokenChars
  );
}

/** The pinned lines a batch names, in the order it names them. */
function linesOfBatch(lines: PinnedLine[], segmentIds: string[]): PinnedLine[] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  return segmentIds.flatMap((id) => byId.get(id) ?? []);
}

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

interface RenderOutcome {
  synthesized: boolean;
  duplicateWrite: boolean;
  billableCharacters: number;
  /** Where the line's audio for this production is (the take made, chosen or found). */
  audio: { blobName: string; hash: string };
  /** A retake that repeats the audio of this earlier take. */
  sameAsTakeId?: string;
}

export class SegmentSynthesis {
  private readonly stopWatches: JobStopWatches;

  constructor(private readonly deps: SegmentSynthesisDeps) {
    this.stopWatches = new JobStopWatches((job, controller) => deps.job.watchStop(job, controller));
  }

  async synthesize(input: SynthesizeSegmentsInput): Promise<SynthesisSummary> {
    const { deps } = this;
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
    if (await deps.jobs.isStopRequested(input)) return { ...summary, cancelled: true };
    const stored = await this.readBatch(input);
    // The chapter's lines and sources as this production pinned them: its mastering plans from the same
    // (chapterLinesPin.ts, chapterPlanSources.ts). Takes are recorded on the lines as stored now.
    const pins = deps.speechPlan.pins;
    const pinned = pins && (await pinnedChapterLines(pins, input));
    const segments = pinned ? linesWithTakes(linesOfBatch(pinned.lines, input.segmentIds), stored) : stored;
    const storedById = new Map(stored.map((segment) => [segment.id, segment]));
    const pin = { jobId: input.jobId, chapterId: input.chapterId, readAt: this.now(), readOnly: true };
    const plan = await planSegments(deps.speechPlan, input.tenantId, input.projectId, segments, pin);
    summary.skipped = plan.skipped.map((segment) => ({
      chapterId: input.chapterId,
      segmentId: segment.segmentId,
      reason: 'nothing_to_speak',
      text: segment.text.trim().slice(0, EXCERPT_CHARS),
    }));
    const newTakes = new Map((input.newTakes ?? []).map((t) => [t.segmentId, t.takeId]));

    const stop = new AbortController();
    // The job's batches running in this process at once share one watch (one read of the job per tick).
    const endWatch = this.stopWatches.watch(input, stop);
    let settled: PromiseSettledResult<RenderOutcome>[];
    try {
      // Every render settles before the scratch folder goes: a render still running would write into a deleted one.
      settled = await deps.files.withScratch('synth', (scratch) =>
        Promise.allSettled(
          plan.items.map(async (item, index) => {
            const tempFile = scratch.file(`segment-${index}.wav`);
            try {
              const forced = newTakes.get(item.segment.id);
              const live = storedById.get(item.segment.id);
              return await this.renderOne(input, plan, item, live, tempFile, forced, stop.signal);
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
      if (outcome.sameAsTakeId)
        (summary.sameAudioRetakes ??= []).push({
          segmentId: plan.items[index]!.segment.id,
          sameAsTakeId: outcome.sameAsTakeId,
        });
      summary.billableCharacters += outcome.billableCharacters;
    });
    deps.metrics.record({
      name: 'speech.segments',
      tenantId: input.tenantId,
      cacheHits: summary.cacheHits,
      synthesized: summary.synthesisCalls,
    });
    // What was sent was billed, whatever happened to the rest of the batch.
    await this.recordBatchCosts(input, plan, summary, synthesizedIds);

    const permanent = failures.find((f): f is PermanentSpeechFailure => f instanceof PermanentSpeechFailure);
    if (permanent) return { ...summary, failure: await this.describeFailure(input, plan, permanent) };
    // Once the job stopped, a request that failed on its way out is part of the stop, not a reason to retry.
    const unexpected = stop.signal.aborted ? undefined : failures.find((f) => classifySpeechFailure(f) !== 'cancelled');
    if (unexpected) throw unexpected;
    // Left over at this point: renders the stop withdrew before they were sent.
    if (failures.length > 0) return { ...summary, cancelled: true };
    if (pins && pinned && plan.items.length > 0) {
      const audio = plan.items.map((item, index) => {
        const outcome = (settled[index] as PromiseFulfilledResult<RenderOutcome>).value;
        return { segmentId: item.segment.id, ...outcome.audio };
      });
      const first = input.segmentIds[0]!;
      await recordLineAudio(pins, input, first, audio);
      // Written, then checked: a job that ended before the write may have released its pins already, and this record
      // must not outlive them (its mastering will not run).
      if (await deps.jobs.isStopRequested(input)) {
        await dropLineAudio(pins, input, first);
        return { ...summary, cancelled: true };
      }
    }
    await deps.job.addProgress(input, {
      segmentsDone: summary.segments,
      billableCharacters: summary.billableCharacters,
    });
    return summary;
  }

  /**
   * The batch's segments of its chapter, in the order the batch names them: one query for the batch, where a point read
   * each cost a request (and its client and store work) per segment.
   */
  private async readBatch(input: SynthesizeSegmentsInput): Promise<SegmentRecord[]> {
    const found = await this.deps.book.segments.readAllItems(
      input.tenantId,
      input.projectId,
      {
        filter: {
          op: 'and',
          filters: [
            { field: 'chapterId', op: 'eq', value: input.chapterId },
            { field: 'id', op: 'in', values: input.segmentIds },
          ],
        },
      },
      MAX_SEGMENTS_PER_BATCH,
    );
    const byId = new Map(found.map((segment) => [segment.id, segment]));
    return input.segmentIds
      .map((id) => byId.get(id))
      .filter((s): s is SegmentRecord => s?.chapterId === input.chapterId);
  }

  /** One TTS request for one segment through the shared limiter, stored create-only at `blobName`. */
  async synthesizeToBlob(
    speech: SegmentSpeechInput,
    plan: Pick<ChapterSpeechPlan, 'bookLocale' | 'voices'>,
    blobName: string,
    tempFile: string,
    signal?: AbortSignal,
  ): Promise<{ created: boolean; billableCharacters: number; durationMs: number; audioDigest: string }> {
    const { speech: engine, limiter, files } = this.deps;
    const ssml = plannedSegmentSsml(speech, plan, engine.engine);
    let result;
    try {
      result = await limiter.run(
        () => engine.synthesize({ ssml, outputFormat: outputFormatFor(engine.engine) }, tempFile),
        { signal },
      );
    } catch (error) {
      if (isSpeechPermanent(error)) throw new PermanentSpeechFailure(speech.segmentId, error);
      throw error;
    }
    const created = await files.storeIfAbsent(blobName, tempFile, 'audio/wav');
    const audioDigest = await files.digest(tempFile);
    return { created, billableCharacters: result.billableCharacters, durationMs: result.durationMs, audioDigest };
  }

  /**
   * Writes the characters the speech engine billed as one cost entry at the tenant's price. The dedupe key makes the
   * write idempotent: recording the same key again (a retried activity) adds nothing.
   */
  async recordSpeechCost(job: JobInput, billableCharacters: number, dedupeKey: string): Promise<void> {
    if (billableCharacters === 0) return;
    const { tenants, costs, speech, clock } = this.deps;
    const tenant = await tenants.assertActive(job.tenantId);
    const voiceClass = speech.engine === 'offline' ? 'offline' : 'neural';
    await costs.record([
      priceUsage(
        {
          tenantId: job.tenantId,
          projectId: job.projectId,
          userId: job.userId,
          jobId: job.jobId,
          rate: `tts:${voiceClass}`,
          quantity: billableCharacters,
          at: clock.now(),
          dedupeKey,
        },
        tenant.plan,
      ),
    ]);
  }

  /** The job's error message: which segment, where in which chapter, and what the service said. */
  private async describeFailure(
    job: SynthesizeSegmentsInput,
    plan: ChapterSpeechPlan,
    failure: PermanentSpeechFailure,
  ): Promise<{ segmentId: string; message: string }> {
    const chapter = await this.deps.book.chapters
      .get(job.tenantId, job.projectId, job.chapterId)
      .catch(() => undefined);
    const segment = plan.items.find((item) => item.segment.id === failure.segmentId)?.segment;
    const line = segment ? `line ${segment.index + 1} of ` : '';
    const where = ` (${line}${chapter ? `"${chapter.title}"` : `chapter ${job.chapterId}`})`;
    return {
      segmentId: failure.segmentId,
      message: new PermanentSpeechFailure(failure.segmentId, failure.serviceError, where).message,
    };
  }

  private async renderOne(
    job: SynthesizeSegmentsInput,
    plan: ChapterSpeechPlan,
    item: PlannedSegment,
    live: SegmentRecord | undefined,
    tempFile: string,
    forcedTakeId: string | undefined,
    signal: AbortSignal,
  ): Promise<RenderOutcome> {
    const { blobs } = this.deps;
    const { tenantId, projectId } = job;
    // A kept take named again (a person chose it): when it still matches the line it becomes current and nothing is
    // rendered; when the line changed since, the line's present audio is used instead.
    const chosen = forcedTakeId ? item.segment.takes.find((t) => t.takeId === forcedTakeId) : undefined;
    if (chosen && isTakeCurrent(chosen, item) && (await blobs.exists(chosen.blobName))) {
      await this.recordTake(live, chosen, item.segment);
      return { ...reused, audio: { blobName: chosen.blobName, hash: chosen.contentHash } };
    }
    if (chosen) forcedTakeId = undefined;
    // The take a retake replaces: the one in use, whose audio the new take is compared with.
    const replaced = forcedTakeId ? item.segment.takes.find((t) => t.takeId === item.segment.currentTakeId) : undefined;
    const existing = forcedTakeId ? undefined : currentTake(item);
    if (existing && (await blobs.exists(existing.blobName))) {
      return { ...reused, audio: { blobName: existing.blobName, hash: existing.contentHash } };
    }
    const hash = forcedTakeId ? segmentAudioHash({ ...item.key, takeNonce: forcedTakeId }) : item.baseHash;
    const takeId = forcedTakeId ?? baseTakeId(hash);
    const blobName = segmentAudioBlobName(tenantId, projectId, hash);
    if (await blobs.exists(blobName)) {
      const take = { takeId, blobName, contentHash: hash, durationMs: 0, createdAt: this.now() };
      await this.recordTake(live, take, item.segment);
      return { ...reused, audio: { blobName, hash } };
    }
    const rendered = await this.synthesizeToBlob(item.speech, plan, blobName, tempFile, signal);
    await this.recordTake(
      live,
      {
        takeId,
        blobName,
        contentHash: hash,
        durationMs: rendered.durationMs,
        createdAt: this.now(),
        audioDigest: rendered.audioDigest,
      },
      item.segment,
    );
    const sameAudio = replaced?.audioDigest !== undefined && replaced.audioDigest === rendered.audioDigest;
    return {
      synthesized: true,
      duplicateWrite: !rendered.created,
      billableCharacters: rendered.billableCharacters,
      audio: { blobName, hash },
      ...(sameAudio ? { sameAsTakeId: replaced.takeId } : {}),
    };
  }

  /**
   * Makes `take` the segment's current take. The first attempt replaces the copy the batch read at its start, guarded
   * by that copy's ETag: one write per segment instead of a read and a write. Only when the segment changed since
   * (the ETag no longer matches) is it read again and the take applied to what is stored. A line whose words,
   * speaker or kind were edited since the production pinned it keeps the take among its others, not as its current
   * one (its new words are rendered by the next production); a line no longer stored (a text edit re-cut the chapter)
   * has nowhere to keep it. Either way the job's record of its audio is what its mastering uses.
   */
  private async recordTake(
    segment: SegmentRecord | undefined,
    take: SegmentTake,
    planned: Pick<SegmentRecord, 'text' | 'speakerId' | 'kind' | 'unspokenChars'>,
  ): Promise<void> {
    if (!segment) return;
    const { segments } = this.deps.book;
    const withTake = (doc: SegmentRecord): SegmentRecord => {
      const known = doc.takes.some((t) => t.takeId === take.takeId);
      const takes = known ? doc.takes : [...doc.takes, take].slice(-MAX_TAKES_KEPT);
      return { ...doc, takes, currentTakeId: saysAsPlanned(doc, planned) ? take.takeId : doc.currentTakeId };
    };
    if (segment.etag) {
      try {
        await segments.replace(withTake(segment), segment.etag);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
    }
    await updateWithRetry(
      'Segment',
      () => segments.get(segment.tenantId, segment.projectId, segment.id),
      (doc, etag) => segments.replace(doc, etag),
      withTake,
    );
  }

  private async recordBatchCosts(
    job: SynthesizeSegmentsInput,
    plan: ChapterSpeechPlan,
    summary: SynthesisSummary,
    synthesizedIds: string[],
  ): Promise<void> {
    if (summary.billableCharacters === 0) return;
    // One entry per run of the batch, keyed by what this run synthesized: a rerun after a crash that finds every
    // segment done records nothing, and a retry after a partial failure records only its own new requests.
    const batchKey = segmentAudioHash({ ...plan.items[0]!.key, takeNonce: synthesizedIds.sort().join(',') }).slice(
      0,
      32,
    );
    await this.recordSpeechCost(job, summary.billableCharacters, `${job.jobId}:${batchKey}:tts`);
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
