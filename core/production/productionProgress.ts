/**
 * A running production's progress on its job document, written by work running side by side (synthesis batches,
 * chapter mastering): counters are added to the current values (re-applied on a lost race) rather than written as
 * absolute values. Progress is advisory: a lost update is logged and never fails the work it describes.
 */
import type { JobProgress, JobRef } from '../jobs/job';
import type { JobService, ProgressChange } from '../jobs/jobService';
import type { SpeechEngine } from '../ports/speech';
import type { Clock, Logger } from '../ports/system';
import { etaSeconds } from './progress';

/** Neural list price, for "cost so far" while the job runs; the cost records are the real account. */
const USD_PER_CHARACTER = { offline: 0, azure: 16 / 1_000_000 } as const;

export interface ProductionProgressDeps {
  jobs: Pick<JobService, 'advanceProgress'>;
  speechEngine: SpeechEngine;
  clock: Clock;
  logger: Logger;
}

export class ProductionProgress {
  constructor(private readonly deps: ProductionProgressDeps) {}

  async add(
    job: JobRef,
    added: { segmentsDone?: number; chaptersDone?: number; billableCharacters?: number },
  ): Promise<void> {
    const costAdded = (added.billableCharacters ?? 0) * USD_PER_CHARACTER[this.deps.speechEngine];
    await this.change(job, (progress, record) => {
      const segmentsDone = Math.min(progress.segmentsTotal, progress.segmentsDone + (added.segmentsDone ?? 0));
      const startedAt = Date.parse(record.startedAt ?? record.createdAt);
      return {
        segmentsDone,
        chaptersDone: progress.chaptersDone + (added.chaptersDone ?? 0),
        costSoFarUsd: Math.round((progress.costSoFarUsd + costAdded) * 1e6) / 1e6,
        etaSeconds: etaSeconds(segmentsDone, progress.segmentsTotal, startedAt, this.deps.clock.now().getTime()),
      };
    });
  }

  set(job: JobRef, patch: Partial<JobProgress>): Promise<void> {
    return this.change(job, patch);
  }

  private async change(job: JobRef, change: ProgressChange): Promise<void> {
    try {
      await this.deps.jobs.advanceProgress(job, change);
    } catch (error) {
      this.deps.logger.warn('job progress update failed', { jobId: job.jobId, error: String(error) });
    }
  }
}
