/**
 * Activities of the production pipeline. Each is a thin wrapper: the work lives in adapters/production; inputs and
 * outputs are ids, blob names and small summaries (never text or audio), so orchestration history stays small.
 */
import * as df from 'durable-functions';
import { masterChapterAudio, type MasterChapterInput } from '../../adapters/production/chapterMastering';
import { packageBook, preparePackageCredits, type PackageInput } from '../../adapters/production/bookPackaging';
import { segmentsOfChapter } from '../../adapters/production/bookDocuments';
import type { JobInput } from '../../core/jobs/job';
import { productionContext } from '../../adapters/compositionRoot';
import {
  checkpoint,
  failProduction,
  finishProduction,
  preflightProduction,
  settleStoppedProduction,
  type ProductionJobInput,
} from '../../adapters/production/productionJob';
import { synthesizeSegments, type SynthesizeSegmentsInput } from '../../adapters/production/segmentSynthesis';
import { chunk } from '../../core/production/progress';

export const productionActivities = {
  preflight: 'productionPreflight',
  listSegmentBatches: 'productionListSegmentBatches',
  synthesize: 'productionSynthesizeSegments',
  master: 'productionMasterChapter',
  prepareCredits: 'productionPrepareCredits',
  package: 'productionPackage',
  checkpoint: 'productionCheckpoint',
  finish: 'productionFinish',
  fail: 'productionFail',
  settleStopped: 'productionSettleStopped',
} as const;

/**
 * Segments per synthesis activity: enough to keep the TTS limiter busy with few activities (each holds one of the
 * host's activity slots while its segments wait for an engine, and a chapter's mastering needs a free slot as soon as
 * its synthesis ends), small enough to lose little on a crash (each segment's audio is stored as it is made).
 */
export const SEGMENTS_PER_BATCH = 24;

df.app.activity(productionActivities.preflight, {
  handler: (input: ProductionJobInput) => preflightProduction(productionContext(), input),
});

df.app.activity(productionActivities.listSegmentBatches, {
  handler: async (input: JobInput & { chapterId: string }) => {
    const ctx = productionContext();
    if (await ctx.svc.jobs.isStopRequested(input)) return { cancelled: true, batches: [] as string[][] };
    const segments = await segmentsOfChapter(ctx.svc, input.tenantId, input.projectId, input.chapterId);
    return {
      cancelled: false,
      batches: chunk(
        segments.map((s) => s.id),
        SEGMENTS_PER_BATCH,
      ),
    };
  },
});

df.app.activity(productionActivities.synthesize, {
  handler: (input: SynthesizeSegmentsInput) => synthesizeSegments(productionContext(), input),
});

df.app.activity(productionActivities.master, {
  handler: (input: MasterChapterInput) => masterChapterAudio(productionContext(), input),
});

df.app.activity(productionActivities.prepareCredits, {
  handler: (input: JobInput) => preparePackageCredits(productionContext(), input),
});

df.app.activity(productionActivities.package, {
  handler: (input: PackageInput) => packageBook(productionContext(), input),
});

df.app.activity(productionActivities.checkpoint, {
  handler: (input: JobInput & { phase?: string; chaptersDone?: number }) => checkpoint(productionContext(), input),
});

df.app.activity(productionActivities.finish, {
  handler: (input: JobInput & { result: Record<string, unknown> }) => finishProduction(productionContext(), input),
});

df.app.activity(productionActivities.fail, {
  handler: (input: JobInput & { code: string; message: string }) => failProduction(productionContext(), input),
});

df.app.activity(productionActivities.settleStopped, {
  handler: (input: JobInput) => settleStoppedProduction(productionContext(), input),
});
