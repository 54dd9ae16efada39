/**
 * renderChapter (sub-orchestration, one per chapter of a production job): list the chapter's segments in batches,
 * synthesize the batches in parallel (each activity skips audio that already exists), then master the chapter.
 * Deterministic: only activity results decide the path; history holds segment ids and counts.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { JobRef } from '../adapters/production/jobProgress';
import type { MasterSummary } from '../adapters/production/chapterMastering';
import type { SynthesisSummary } from '../adapters/production/segmentSynthesis';
import { ProductionActivity } from './activities/productionActivities';

export const RENDER_CHAPTER = 'renderChapter';

export interface RenderChapterInput extends JobRef {
  chapterId: string;
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
  };
  const listing: { cancelled: boolean; batches: string[][] } = yield context.df.callActivity(
    ProductionActivity.listSegmentBatches,
    input,
  );
  if (listing.cancelled) return { ...outcome, cancelled: true };
  const results: SynthesisSummary[] = yield context.df.Task.all(
    listing.batches.map((segmentIds) =>
      context.df.callActivity(ProductionActivity.synthesize, { ...input, segmentIds }),
    ),
  );
  for (const result of results) {
    outcome.cancelled ||= result.cancelled;
    outcome.segments += result.segments;
    outcome.synthesisCalls += result.synthesisCalls;
    outcome.cacheHits += result.cacheHits;
    outcome.duplicateWrites += result.duplicateWrites;
    outcome.billableCharacters += result.billableCharacters;
  }
  if (outcome.cancelled) return outcome;
  const master: MasterSummary = yield context.df.callActivity(ProductionActivity.master, input);
  return { ...outcome, durationSec: master.durationSec, masterReused: master.reused };
});
