/**
 * Production, one story for both of its job kinds (the instance id is the job id):
 * - `produce` (produceBook): preflight (plan complete, estimate within quota) → chapters as renderChapter
 *   sub-orchestrations in a sliding window (a new chapter starts as soon as one finishes, so chapter N masters and
 *   encodes its retail files while chapter N+1 synthesizes) → the credits, prepared once → a package per requested
 *   platform, assembled from the chapters' stored encodings → completion.
 * - `regenerate` (regenerateSegment) is the same production with a retake: one segment gets a new take (kept beside
 *   the earlier ones), only its chapter is rendered and re-mastered (other chapters keep theirs), and the packages are
 *   rebuilt with the chapters they held before (what was produced), re-encoding only what changed.
 * The window is `CHAPTER_WINDOW` lanes (renderChapterLane sub-orchestrations) taking every Wth chapter in order: each
 * lane starts its next chapter when the previous one is mastered, and the lanes overlap. Cancellation is seen at every
 * checkpoint (the jobs API marks the job); nothing new starts after it. Any failure ends in the fail activity, which
 * records a clear error on the job and publishes `khipu.job.failed`. However the job ends, what it pinned for its
 * chapters (their lines, sources and audio: core/production/chapterLinesPin.ts) is released once none of them runs.
 * History holds ids, counts and blob names only.
 * A chapter is a renderChapter sub-orchestration (the last in this file): its segment batches, synthesized in parallel,
 * then its master and retail encodings.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { PackageSummary, PreparedCreditsSummary } from '../core/production/bookPackaging';
import type { MasterSummary } from '../core/production/chapterMastering';
import type { SynthesisSummary } from '../core/production/segmentSynthesis';
import type { PreflightResult, ProductionJobInput } from '../core/production/productionJob';
import type { SkippedItem } from '../core/production/preflight';
import { isRefusal, type StepRefusal } from '../core/production/stepFailure';
import { jobOrchestrations, type JobInput } from '../core/jobs/job';
import { encodingsFor, type ChapterEncodingFormat } from '../core/packaging/encodings';
import { productionActivities } from './activities/productionActivities';
import { failureOf } from './productionFailure';

const RENDER_CHAPTER_LANE = 'renderChapterLane';
const RENDER_CHAPTER = 'renderChapter';

/**
 * Attempts of a chapter step (listing, a synthesis batch, mastering) whose failure may pass (a store answering 429 or
 * 503, a reset connection). Each step is idempotent: a rerun finds what an earlier attempt stored (pinned lines and
 * sources, a batch's audio, the master's files) and stores the rest create-only. A failure that would repeat is not
 * thrown but answered (core/production/stepFailure.ts), so it fails the chapter at once, without a retry.
 */
const STEP_ATTEMPTS = 3;
const STEP_FIRST_RETRY_MS = 5_000;

/**
 * Chapters in flight at once. Two keep a host's synthesis busy while the previous chapter masters; more would only
 * queue their synthesis behind the same engines (the host caps activities; in Azure, instances add engines and the
 * window's chapters spread over them).
 */
const CHAPTER_WINDOW = 2;

/** What a `regenerate` job adds to a production's input: the segment and its new (or chosen) take. */
interface Retake {
  chapterId: string;
  segmentId: string;
  /** Server-generated nonce of the new take (part of its content address), or an existing take to make current. */
  takeId: string;
}

type RegenerateInput = ProductionJobInput & Retake;

/** The counters a synthesis batch reports, which a chapter and a production add up. */
type SynthesisCounts = Omit<SynthesisSummary, 'cancelled' | 'failure' | 'sameAudioRetakes'>;

interface ProductionTotals extends SynthesisCounts {
  chapters: number;
  durationSec: number;
  /** Lines (and chapters) with nothing to speak that the job left out instead of failing on them. */
  skipped: SkippedItem[];
  /** Set by a lane that stopped for a cancel. */
  cancelled?: boolean;
  /** Set by a lane whose chapter failed (it has failed the job). */
  failure?: JobFailure;
}

type JobFailure = ReturnType<typeof failureOf>;

function addChapter(totals: ProductionTotals, outcome: ChapterOutcome): ProductionTotals {
  return mergeTotals(totals, { ...outcome, chapters: 1 });
}

function mergeTotals(a: ProductionTotals, b: ProductionTotals): ProductionTotals {
  return {
    chapters: a.chapters + b.chapters,
    segments: a.segments + b.segments,
    synthesisCalls: a.synthesisCalls + b.synthesisCalls,
    cacheHits: a.cacheHits + b.cacheHits,
    duplicateWrites: a.duplicateWrites + b.duplicateWrites,
    billableCharacters: a.billableCharacters + b.billableCharacters,
    durationSec: a.durationSec + b.durationSec,
    skipped: [...a.skipped, ...b.skipped],
  };
}

const emptyTotals: ProductionTotals = {
  chapters: 0,
  segments: 0,
  synthesisCalls: 0,
  cacheHits: 0,
  duplicateWrites: 0,
  billableCharacters: 0,
  durationSec: 0,
  skipped: [],
};

df.app.orchestration(jobOrchestrations.produce, function* (context: OrchestrationContext) {
  return yield* production(context, context.df.getInput<ProductionJobInput>());
});

df.app.orchestration(jobOrchestrations.regenerate, function* (context: OrchestrationContext) {
  const input = context.df.getInput<RegenerateInput>();
  return yield* production(context, input, {
    chapterId: input.chapterId,
    segmentId: input.segmentId,
    takeId: input.takeId,
  });
});

/** The production story; with a retake it renders that segment's chapter only (a `regenerate` job). */
function* production(context: OrchestrationContext, input: ProductionJobInput, retake?: Retake) {
  const ref = { tenantId: input.tenantId, projectId: input.projectId, jobId: input.jobId, userId: input.userId };
  try {
    const preflight: PreflightResult = yield context.df.callActivity(productionActivities.preflight, input);
    if (preflight.cancelled) {
      yield context.df.callActivity(productionActivities.settleStopped, ref);
      return { cancelled: true };
    }
    const formats = encodingsFor(input.platforms);
    const rendered: Rendered = retake
      ? yield* renderRetake(context, ref, retake, formats)
      : yield* renderBook(context, ref, preflight, formats);
    // From here on no chapter of the job is running: what it pinned for them can go (chapterLinesPin.ts).
    // A lane failed the job already; failing it again is a no-op then, and fails it when the lane could not.
    if (rendered.ended === 'failed')
      yield context.df.callActivity(productionActivities.fail, { ...ref, ...rendered.failure });
    if (rendered.ended !== 'rendered') yield context.df.callActivity(productionActivities.releasePins, ref);
    if (rendered.ended === 'failed') return { failed: true, ...rendered.failure };
    if (rendered.ended === 'cancelled') {
      yield context.df.callActivity(productionActivities.settleStopped, ref);
      return rendered.result;
    }
    const { totals } = rendered;
    const prepared: PreparedCreditsSummary = yield context.df.callActivity(productionActivities.prepareCredits, ref);
    // A retake sends no chapter list (each package keeps the chapters it held: what was produced).
    const chapterIds = retake ? input.chapterIds : preflight.chapterIds;
    const packages: PackageSummary[] = yield context.df.Task.all(
      input.platforms.map((platform) =>
        context.df.callActivity(productionActivities.package, {
          ...ref,
          platform,
          chapterIds,
          credits: prepared.credits,
        }),
      ),
    );
    const credits = { synthesisCalls: prepared.synthesisCalls, billableCharacters: prepared.billableCharacters };
    const synthesisCalls = totals.synthesisCalls + prepared.synthesisCalls;
    const packageIds = packages.map((p) => p.packageId);
    yield context.df.callActivity(productionActivities.releasePins, ref);
    const result = retake
      ? {
          segmentId: retake.segmentId,
          takeId: retake.takeId,
          // The new take is stored either way; this names the earlier take it sounds exactly like, if any.
          sameAudioAs: rendered.sameAudioAs ?? null,
          synthesisCalls,
          credits,
          cacheHits: totals.cacheHits,
          packageIds,
          packages,
        }
      : {
          ...totals,
          synthesisCalls,
          credits,
          packageIds,
          packages,
          readiness: Object.fromEntries(
            packages.map((p) => [p.platform, { passed: p.passed, failedRules: p.failedRules }]),
          ),
        };
    yield context.df.callActivity(productionActivities.finish, { ...ref, result });
    return result;
  } catch (error) {
    const failure = failureOf(error);
    yield context.df.callActivity(productionActivities.fail, { ...ref, ...failure });
    // A failure thrown here comes from a step no chapter runs beside (a lane never throws: it ends with its failure).
    yield context.df.callActivity(productionActivities.releasePins, ref);
    return { failed: true, ...failure };
  }
}

/**
 * The chapters rendered; when a cancel stopped them, what the orchestration returns; or the failure a lane already
 * failed the job with.
 */
type Rendered =
  | { ended: 'rendered'; totals: ProductionTotals; sameAudioAs?: string }
  | { ended: 'cancelled'; result: Partial<ProductionTotals> }
  | { ended: 'failed'; failure: JobFailure };

/** Every chapter the preflight chose, in the window's lanes, then the move to packaging. */
function* renderBook(
  context: OrchestrationContext,
  ref: JobInput,
  preflight: PreflightResult,
  formats: ChapterEncodingFormat[],
): Generator<df.Task, Rendered, unknown> {
  let totals: ProductionTotals = { ...emptyTotals, skipped: preflight.skipped };
  const lanes = Array.from({ length: CHAPTER_WINDOW }, (_, lane) =>
    preflight.chapterIds.filter((_id, index) => index % CHAPTER_WINDOW === lane),
  ).filter((chapterIds) => chapterIds.length > 0);
  const laneTotals = (yield context.df.Task.all(
    lanes.map((chapterIds, lane) =>
      context.df.callSubOrchestrator(RENDER_CHAPTER_LANE, { ...ref, chapterIds, formats }, `${ref.jobId}-lane-${lane}`),
    ),
  )) as ProductionTotals[];
  for (const lane of laneTotals) totals = mergeTotals(totals, lane);
  const failure = laneTotals.find((lane) => lane.failure)?.failure;
  if (failure) return { ended: 'failed', failure };
  if (laneTotals.some((lane) => lane.cancelled)) return { ended: 'cancelled', result: { cancelled: true, ...totals } };
  const packing = (yield context.df.callActivity(productionActivities.checkpoint, {
    ...ref,
    phase: 'packaging',
    chaptersDone: totals.chapters,
  })) as { cancelled: boolean };
  if (packing.cancelled) return { ended: 'cancelled', result: { cancelled: true, ...totals } };
  return { ended: 'rendered', totals };
}

/** The retake's chapter only, its new take rendered and the chapter re-mastered. */
function* renderRetake(
  context: OrchestrationContext,
  ref: JobInput,
  retake: Retake,
  formats: ChapterEncodingFormat[],
): Generator<df.Task, Rendered, unknown> {
  const chapter = (yield context.df.callSubOrchestrator(
    RENDER_CHAPTER,
    {
      ...ref,
      chapterId: retake.chapterId,
      formats,
      newTakes: [{ segmentId: retake.segmentId, takeId: retake.takeId }],
    },
    `${ref.jobId}-${retake.chapterId}`,
  )) as ChapterOutcome;
  if (chapter.cancelled) return { ended: 'cancelled', result: { cancelled: true } };
  const sameAudioAs = chapter.sameAudioRetakes?.find((r) => r.segmentId === retake.segmentId)?.sameAsTakeId;
  return { ended: 'rendered', totals: addChapter(emptyTotals, chapter), sameAudioAs };
}

/**
 * renderChapterLane: one lane of the production window, its chapters one after another (a cancel is seen before each
 * one starts). Whatever fails in a lane (a chapter, a checkpoint between chapters) fails the job at once, so the other
 * lane stops at its next check instead of producing its chapters, and the lane then ends with that failure instead of
 * throwing: Task.all fails the moment one of its tasks does, and the production would release the job's pins while
 * the other lane's chapter still synthesizes and masters from them. The production ends once both lanes have.
 */
df.app.orchestration(RENDER_CHAPTER_LANE, function* (context: OrchestrationContext) {
  const input = context.df.getInput<JobInput & { chapterIds: string[]; formats: ChapterEncodingFormat[] }>();
  const ref = { tenantId: input.tenantId, projectId: input.projectId, jobId: input.jobId, userId: input.userId };
  let totals: ProductionTotals = { ...emptyTotals };
  try {
    for (const chapterId of input.chapterIds) {
      const check: { cancelled: boolean } = yield context.df.callActivity(productionActivities.checkpoint, ref);
      if (check.cancelled) return { ...totals, cancelled: true };
      const outcome: ChapterOutcome = yield context.df.callSubOrchestrator(
        RENDER_CHAPTER,
        { ...ref, chapterId, formats: input.formats },
        `${input.jobId}-${chapterId}`,
      );
      totals = addChapter(totals, outcome);
      if (outcome.cancelled) return { ...totals, cancelled: true };
    }
    return totals;
  } catch (error) {
    const failure = failureOf(error);
    try {
      yield context.df.callActivity(productionActivities.fail, { ...ref, ...failure });
    } catch {
      // The production fails the job itself when a lane ends failed (the job keeps the first ending it is given).
    }
    return { ...totals, failure };
  }
});

function stepRetry(): df.RetryOptions {
  const options = new df.RetryOptions(STEP_FIRST_RETRY_MS, STEP_ATTEMPTS);
  options.backoffCoefficient = 2;
  return options;
}

interface RenderChapterInput extends JobInput {
  chapterId: string;
  /** Retail encodings to write when the chapter is mastered (from the job's platforms). */
  formats?: ChapterEncodingFormat[];
  newTakes?: { segmentId: string; takeId: string }[];
}

interface ChapterOutcome extends SynthesisCounts {
  chapterId: string;
  cancelled: boolean;
  durationSec: number;
  masterReused: boolean;
  /** Segments with nothing to speak, left out of the chapter's audio. */
  skipped: SkippedItem[];
  /** Retakes that came back with the audio of the take they replaced. */
  sameAudioRetakes?: { segmentId: string; sameAsTakeId: string }[];
}

/**
 * renderChapter (one per chapter of a production job): list the chapter's segments in batches, synthesize the batches
 * in parallel (each activity skips audio that already exists), then master the chapter and write its retail
 * encodings in that same pass.
 * A step that fails for a passing reason (the service throttled past the limiter's patience, a store's 429 or 503, a
 * lost connection) is run again a few times; a segment the service refuses for good, or a listing or mastering that
 * would fail the same way again (a missing chapter or voice), comes back in the answer and fails the chapter at once,
 * without a retry. Deterministic: only activity results decide the path; history holds segment ids and counts.
 */
df.app.orchestration(RENDER_CHAPTER, function* (context: OrchestrationContext) {
  const input = context.df.getInput<RenderChapterInput>();
  const outcome: ChapterOutcome = {
    chapterId: input.chapterId,
    cancelled: false,
    segments: 0,
    synthesisCalls: 0,
    cacheHits: 0,
    duplicateWrites: 0,
    billableCharacters: 0,
    durationSec: 0,
    masterReused: false,
    skipped: [],
  };
  const listing: { cancelled: boolean; batches: string[][] } | StepRefusal = yield context.df.callActivityWithRetry(
    productionActivities.listSegmentBatches,
    stepRetry(),
    input,
  );
  // Thrown, as a refused segment is below: the chapter fails at once and the lane fails the job with this message.
  if (isRefusal(listing)) throw new Error(listing.refused.message);
  if (listing.cancelled) return { ...outcome, cancelled: true };
  const results: SynthesisSummary[] = yield context.df.Task.all(
    listing.batches.map((segmentIds) =>
      context.df.callActivityWithRetry(productionActivities.synthesize, stepRetry(), { ...input, segmentIds }),
    ),
  );
  const refused = results.find((result) => result.failure)?.failure;
  // Thrown, so the parent's fan-out fails at once and the job stops the other chapters instead of finishing them.
  if (refused) throw new Error(refused.message);
  for (const result of results) {
    outcome.cancelled ||= result.cancelled;
    outcome.segments += result.segments;
    outcome.synthesisCalls += result.synthesisCalls;
    outcome.cacheHits += result.cacheHits;
    outcome.duplicateWrites += result.duplicateWrites;
    outcome.billableCharacters += result.billableCharacters;
    outcome.skipped.push(...result.skipped);
    if (result.sameAudioRetakes) (outcome.sameAudioRetakes ??= []).push(...result.sameAudioRetakes);
  }
  if (outcome.cancelled) return outcome;
  const master: MasterSummary | StepRefusal = yield context.df.callActivityWithRetry(
    productionActivities.master,
    stepRetry(),
    input,
  );
  if (isRefusal(master)) throw new Error(master.refused.message);
  return { ...outcome, durationSec: master.durationSec, masterReused: master.reused };
});
