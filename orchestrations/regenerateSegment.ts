/**
 * regenerateSegment (one per regenerate job): a new take of one segment, kept beside the earlier ones; its chapter
 * re-mastered with its retail encodings (other chapters keep theirs); the packages rebuilt from the stored encodings
 * with the chapters they held before (what was produced), re-encoding only what changed, all reading the credits
 * prepared once before they fan out.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { PackageSummary } from '../adapters/production/bookPackaging';
import type { PreparedCreditsSummary } from '../adapters/production/retailCredits';
import type { ProductionJobInput, PreflightResult } from '../adapters/production/productionJob';
import { jobOrchestrations } from '../core/jobs/job';
import { encodingsFor } from '../core/packaging/encodings';
import { productionActivities } from './activities/productionActivities';
import { failureOf } from './productionFailure';
import { RENDER_CHAPTER, type ChapterOutcome } from './renderChapter';

export interface RegenerateInput extends ProductionJobInput {
  chapterId: string;
  segmentId: string;
  /** Server-generated nonce of the new take (part of its content address). */
  takeId: string;
}

df.app.orchestration(jobOrchestrations.regenerate, function* (context: OrchestrationContext) {
  const input = context.df.getInput<RegenerateInput>();
  const ref = { tenantId: input.tenantId, projectId: input.projectId, jobId: input.jobId, userId: input.userId };
  try {
    const preflight: PreflightResult = yield context.df.callActivity(productionActivities.preflight, input);
    if (preflight.cancelled) {
      yield context.df.callActivity(productionActivities.settleStopped, ref);
      return { cancelled: true };
    }
    const chapter: ChapterOutcome = yield context.df.callSubOrchestrator(
      RENDER_CHAPTER,
      {
        ...ref,
        chapterId: input.chapterId,
        formats: encodingsFor(input.platforms),
        newTakes: [{ segmentId: input.segmentId, takeId: input.takeId }],
      },
      `${input.jobId}-${input.chapterId}`,
    );
    if (chapter.cancelled) {
      yield context.df.callActivity(productionActivities.settleStopped, ref);
      return { cancelled: true };
    }
    const prepared: PreparedCreditsSummary = yield context.df.callActivity(productionActivities.prepareCredits, ref);
    // Without a chapter list (the endpoint sends none), each package keeps the chapters it held: what was produced.
    const packages: PackageSummary[] = yield context.df.Task.all(
      input.platforms.map((platform) =>
        context.df.callActivity(productionActivities.package, {
          ...ref,
          platform,
          chapterIds: input.chapterIds,
          credits: prepared.credits,
        }),
      ),
    );
    const result = {
      segmentId: input.segmentId,
      takeId: input.takeId,
      synthesisCalls: chapter.synthesisCalls + prepared.synthesisCalls,
      credits: { synthesisCalls: prepared.synthesisCalls, billableCharacters: prepared.billableCharacters },
      cacheHits: chapter.cacheHits,
      packageIds: packages.map((p) => p.packageId),
      packages,
    };
    yield context.df.callActivity(productionActivities.finish, { ...ref, result });
    return result;
  } catch (error) {
    const failure = failureOf(error);
    yield context.df.callActivity(productionActivities.fail, { ...ref, ...failure });
    return { failed: true, ...failure };
  }
});
