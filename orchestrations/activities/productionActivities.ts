/**
 * Activities of the production pipeline (both production kinds and renderChapter), each a one-line call: the job's
 * steps, synthesis, mastering and packaging are core (core/production/productionJob.ts, segmentSynthesis.ts,
 * chapterMastering.ts, bookPackaging.ts). Inputs and outputs are ids, blob names and small summaries (never text or audio), so
 * orchestration history stays small.
 */
import * as df from 'durable-functions';
import type { PackageInput } from '../../core/production/bookPackaging';
import type { MasterChapterInput } from '../../core/production/chapterMastering';
import type { JobInput } from '../../core/jobs/job';
import { productionContext, services } from '../../adapters/compositionRoot';
import type { PreflightInput } from '../../core/production/productionJob';
import type { SynthesizeSegmentsInput } from '../../core/production/segmentSynthesis';
import { refusingRepeatingFailures } from '../../core/production/stepFailure';

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
  releasePins: 'productionReleasePins',
} as const;

df.app.activity(productionActivities.preflight, {
  // A regeneration's input carries its retake (chapter, segment), which narrows the checks to that chapter.
  handler: (input: PreflightInput) => productionContext().job.preflight(input),
});
// The listing and mastering are retried (produceBook.ts); a failure a retry would only repeat is answered instead.
df.app.activity(productionActivities.listSegmentBatches, {
  handler: (input: JobInput & { chapterId: string }) =>
    refusingRepeatingFailures(() => productionContext().job.segmentBatches(input)),
});
df.app.activity(productionActivities.synthesize, {
  handler: (input: SynthesizeSegmentsInput) => productionContext().synthesis.synthesize(input),
});
df.app.activity(productionActivities.master, {
  handler: (input: MasterChapterInput) => refusingRepeatingFailures(() => productionContext().mastering.master(input)),
});
df.app.activity(productionActivities.prepareCredits, {
  handler: (input: JobInput) => productionContext().packaging.prepareCredits(input),
});
df.app.activity(productionActivities.package, {
  handler: (input: PackageInput) => productionContext().packaging.package(input),
});
df.app.activity(productionActivities.checkpoint, {
  handler: (input: JobInput & { phase?: string; chaptersDone?: number }) => productionContext().job.checkpoint(input),
});
df.app.activity(productionActivities.finish, {
  handler: (input: JobInput & { result: Record<string, unknown> }) =>
    measureStorageAfter(input, productionContext().job.finish(input)),
});
df.app.activity(productionActivities.fail, {
  handler: (input: JobInput & { code: string; message: string }) =>
    measureStorageAfter(input, productionContext().job.fail(input)),
});
df.app.activity(productionActivities.releasePins, {
  handler: (input: JobInput) => productionContext().job.releasePins(input),
});
df.app.activity(productionActivities.settleStopped, {
  handler: (input: JobInput) => measureStorageAfter(input, productionContext().job.settleStopped(input)),
});

/**
 * However a production ends, the audio and packages it stored change the tenant's storage most: its stored bytes are
 * measured again once the job has ended. A failed measurement leaves the job's outcome alone (the activity still
 * succeeds) and is made good by the next production's end or the daily maintenance run.
 */
async function measureStorageAfter(input: JobInput, ended: Promise<void>): Promise<void> {
  await ended;
  const { storageUsage, logger } = services();
  await storageUsage
    .measure(input.tenantId)
    .catch((error: unknown) =>
      logger.warn('storage measurement failed', { tenantId: input.tenantId, jobId: input.jobId, error: String(error) }),
    );
}
