/**
 * produceBook (one per production job; the instance id is the job id): preflight (plan complete, estimate within
 * quota) → chapters as renderChapter sub-orchestrations, a few at a time → a package per requested platform →
 * completion. Cancellation is seen at every checkpoint (the jobs API marks the job); nothing new starts after it.
 * Any failure ends in the fail activity, which records a clear error on the job and publishes `khipu.job.failed`.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { PackageSummary } from '../adapters/production/bookPackaging';
import type { PreflightResult, ProductionJobInput } from '../adapters/production/productionJob';
import type { SkippedItem } from '../core/production/preflight';
import { chunk } from '../core/production/progress';
import { ProductionActivity } from './activities/productionActivities';
import { RENDER_CHAPTER, type ChapterOutcome } from './renderChapter';
import { failureOf } from './productionFailure';

export const PRODUCE_BOOK = 'produceBook';

/** Chapters rendered at once: each fans out its own synthesis batches, and the host caps activities anyway. */
export const CHAPTER_PARALLELISM = 3;

export interface ProductionTotals {
  chapters: number;
  segments: number;
  synthesisCalls: number;
  cacheHits: number;
  duplicateWrites: number;
  billableCharacters: number;
  durationSec: number;
  /** Lines (and chapters) with nothing to speak that the job left out instead of failing on them. */
  skipped: SkippedItem[];
}

export function addChapter(totals: ProductionTotals, outcome: ChapterOutcome): ProductionTotals {
  return {
    chapters: totals.chapters + 1,
    segments: totals.segments + outcome.segments,
    synthesisCalls: totals.synthesisCalls + outcome.synthesisCalls,
    cacheHits: totals.cacheHits + outcome.cacheHits,
    duplicateWrites: totals.duplicateWrites + outcome.duplicateWrites,
    billableCharacters: totals.billableCharacters + outcome.billableCharacters,
    durationSec: totals.durationSec + outcome.durationSec,
    skipped: [...totals.skipped, ...outcome.skipped],
  };
}

export const emptyTotals: ProductionTotals = {
  chapters: 0,
  segments: 0,
  synthesisCalls: 0,
  cacheHits: 0,
  duplicateWrites: 0,
  billableCharacters: 0,
  durationSec: 0,
  skipped: [],
};

df.app.orchestration(PRODUCE_BOOK, function* (context: OrchestrationContext) {
  const input = context.df.getInput<ProductionJobInput>();
  const ref = { tenantId: input.tenantId, projectId: input.projectId, jobId: input.jobId, userId: input.userId };
  try {
    const preflight: PreflightResult = yield context.df.callActivity(ProductionActivity.preflight, input);
    if (preflight.cancelled) {
      yield context.df.callActivity(ProductionActivity.settleStopped, ref);
      return { cancelled: true };
    }
    let totals: ProductionTotals = { ...emptyTotals, skipped: preflight.skipped };
    for (const batch of chunk(preflight.chapterIds, CHAPTER_PARALLELISM)) {
      const check: { cancelled: boolean } = yield context.df.callActivity(ProductionActivity.checkpoint, {
        ...ref,
        chaptersDone: totals.chapters,
      });
      if (check.cancelled) {
        yield context.df.callActivity(ProductionActivity.settleStopped, ref);
        return { cancelled: true, ...totals };
      }
      const outcomes: ChapterOutcome[] = yield context.df.Task.all(
        batch.map((chapterId) =>
          context.df.callSubOrchestrator(RENDER_CHAPTER, { ...ref, chapterId }, `${input.jobId}-${chapterId}`),
        ),
      );
      for (const outcome of outcomes) totals = addChapter(totals, outcome);
      if (outcomes.some((o) => o.cancelled)) {
        yield context.df.callActivity(ProductionActivity.settleStopped, ref);
        return { cancelled: true, ...totals };
      }
    }
    const packing: { cancelled: boolean } = yield context.df.callActivity(ProductionActivity.checkpoint, {
      ...ref,
      phase: 'packaging',
      chaptersDone: totals.chapters,
    });
    if (packing.cancelled) {
      yield context.df.callActivity(ProductionActivity.settleStopped, ref);
      return { cancelled: true, ...totals };
    }
    const packages: PackageSummary[] = [];
    for (const platform of input.platforms) {
      packages.push(
        yield context.df.callActivity(ProductionActivity.package, {
          ...ref,
          platform,
          chapterIds: preflight.chapterIds,
        }),
      );
    }
    const result = {
      ...totals,
      synthesisCalls: totals.synthesisCalls + packages.reduce((sum, p) => sum + p.synthesisCalls, 0),
      packageIds: packages.map((p) => p.packageId),
      packages,
      readiness: Object.fromEntries(
        packages.map((p) => [p.platform, { passed: p.passed, failedRules: p.failedRules }]),
      ),
    };
    yield context.df.callActivity(ProductionActivity.finish, { ...ref, result });
    return result;
  } catch (error) {
    const failure = failureOf(error);
    yield context.df.callActivity(ProductionActivity.fail, { ...ref, ...failure });
    return { failed: true, ...failure };
  }
});
