/**
 * Job progress from production activities, through JobService: several activities finish at once, so counters are
 * added to the current values (re-applied on a lost race) rather than written as absolute values.
 */
import type { JobProgress, JobRef } from '../../core/jobs/job';
import type { ProgressChange } from '../../core/jobs/jobService';
import { etaSeconds } from '../../core/production/progress';
import { SpeechCancelledError } from '../../core/production/speechRetry';
import type { ProductionContext } from './productionContext';

/** Neural list price, for "cost so far" while the job runs; the cost records are the real account. */
const USD_PER_CHARACTER = { offline: 0, azure: 16 / 1_000_000 } as const;

/** How often running work looks at its job for a cancel: one point read per tick, at most a second of new work lost. */
export const STOP_POLL_MS = 1_000;

/**
 * Polls the job while work runs and aborts `controller` once the job is stopped (the cancel may come from another
 * process, so the job document is the signal). Returns the function that ends the watch.
 */
export function watchJobStop(
  ctx: ProductionContext,
  job: JobRef,
  controller: AbortController,
  intervalMs = STOP_POLL_MS,
): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking || controller.signal.aborted) return;
    checking = true;
    ctx.svc.jobs
      .isStopRequested(job)
      .then(
        (stopped) => {
          if (stopped) controller.abort(new SpeechCancelledError('the job was stopped'));
        },
        // A failed read is only a missed tick; the next one asks again.
        () => undefined,
      )
      .finally(() => {
        checking = false;
      });
  }, intervalMs);
  return () => clearInterval(timer);
}

export async function addJobProgress(
  ctx: ProductionContext,
  job: JobRef,
  added: { segmentsDone?: number; chaptersDone?: number; billableCharacters?: number },
): Promise<void> {
  const costAdded = (added.billableCharacters ?? 0) * USD_PER_CHARACTER[ctx.svc.speech.engine];
  await changeJob(ctx, job, (progress, record) => {
    const segmentsDone = Math.min(progress.segmentsTotal, progress.segmentsDone + (added.segmentsDone ?? 0));
    const startedAt = Date.parse(record.startedAt ?? record.createdAt);
    return {
      segmentsDone,
      chaptersDone: progress.chaptersDone + (added.chaptersDone ?? 0),
      costSoFarUsd: Math.round((progress.costSoFarUsd + costAdded) * 1e6) / 1e6,
      etaSeconds: etaSeconds(segmentsDone, progress.segmentsTotal, startedAt, ctx.svc.clock.now().getTime()),
    };
  });
}

export async function setJobProgress(ctx: ProductionContext, job: JobRef, patch: Partial<JobProgress>): Promise<void> {
  await changeJob(ctx, job, patch);
}

async function changeJob(ctx: ProductionContext, job: JobRef, change: ProgressChange): Promise<void> {
  try {
    await ctx.svc.jobs.advanceProgress(job, change);
  } catch (error) {
    // Progress is advisory: losing one update must not fail the work it describes.
    ctx.svc.logger.warn('job progress update failed', { jobId: job.jobId, error: String(error) });
  }
}
