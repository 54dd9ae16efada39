/**
 * renderChapter (sub-orchestration, one per chapter of a production job): list the chapter's segments in batches,
 * synthesize the batches in parallel (each activity skips audio that already exists), then master the chapter and
 * write its retail encodings in that same pass.
 * A batch that fails for a passing reason (the service throttled past the limiter's patience, a lost connection) is
 * run again a few times; a segment the service refuses for good comes back in the summary and fails the chapter at
 * once, without a retry. Deterministic: only activity results decide the path; history holds segment ids and counts.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { JobInput } from '../core/jobs/job';
import type { MasterSummary } from '../adapters/production/chapterMastering';
import type { SynthesisSummary } from '../adapters/production/segmentSynthesis';
import type { ChapterEncodingFormat } from '../core/packaging/encodings';
import type { SkippedItem } from '../core/production/preflight';
import { productionActivities } from './activities/productionActivities';

export const RENDER_CHAPTER = 'renderChapter';

/** Reruns of a synthesis batch whose failure may pass; each rerun skips the audio earlier attempts stored. */
export const SYNTHESIS_ATTEMPTS = 3;
const SYNTHESIS_FIRST_RETRY_MS = 5_000;

function synthesisRetry(): df.RetryOptions {
  const options = new df.RetryOptions(SYNTHESIS_FIRST_RETRY_MS, SYNTHESIS_ATTEMPTS);
  options.backoffCoefficient = 2;
  return options;
}

export interface RenderChapterInput extends JobInput {
  chapterId: string;
  /** Retail encodings to write when the chapter is mastered (from the job's platforms). */
  formats?: ChapterEncodingFormat[];
  newTakes?: { segmentId: string; takeId: string }[];
}

export interface ChapterOutcome {
  chapterId: string;
  cancelled: boolean;
  segments: number;
  synthesisCalls: number;
  cacheHits: number;
  duplicateWrites: number;
  billableCharacters: number;
  durationSec: number;
  masterReused: boolean;
  /** Segments with nothing to speak, left out of the chapter's audio. */
  skipped: SkippedItem[];
}

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
  const listing: { cancelled: boolean; batches: string[][] } = yield context.df.callActivity(
    productionActivities.listSegmentBatches,
    input,
  );
  if (listing.cancelled) return { ...outcome, cancelled: true };
  const results: SynthesisSummary[] = yield context.df.Task.all(
    listing.batches.map((segmentIds) =>
      context.df.callActivityWithRetry(productionActivities.synthesize, synthesisRetry(), { ...input, segmentIds }),
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
  }
  if (outcome.cancelled) return outcome;
  const master: MasterSummary = yield context.df.callActivity(productionActivities.master, input);
  return { ...outcome, durationSec: master.durationSec, masterReused: master.reused };
});
