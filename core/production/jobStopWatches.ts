/**
 * One stop watch per job in this process, shared by the job's synthesis batches that run at once. Each watch reads
 * the job document once a tick (stopWatch.ts); a chapter's batches run side by side and the production window keeps
 * two chapters in flight, so one watch per batch read the same document several times a second between them.
 */
import type { JobRef } from '../jobs/job';

/** Starts polling the job; aborts `controller` once the job is stopped; returns the function that ends the poll. */
type WatchStop = (job: JobRef, controller: AbortController) => () => void;

interface SharedWatch {
  signal: AbortSignal;
  users: number;
  end: () => void;
}

export class JobStopWatches {
  private readonly watches = new Map<string, SharedWatch>();

  constructor(private readonly watchStop: WatchStop) {}

  /** Aborts `controller` once the job is stopped; returns the function that ends this caller's share of the watch. */
  watch(job: JobRef, controller: AbortController): () => void {
    const key = JSON.stringify([job.tenantId, job.projectId, job.jobId]);
    const watch = this.watches.get(key) ?? this.start(key, job);
    watch.users++;
    const forward = () => controller.abort(watch.signal.reason);
    if (watch.signal.aborted) forward();
    else watch.signal.addEventListener('abort', forward, { once: true });
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      watch.signal.removeEventListener('abort', forward);
      if (--watch.users > 0) return;
      watch.end();
      if (this.watches.get(key) === watch) this.watches.delete(key);
    };
  }

  private start(key: string, job: JobRef): SharedWatch {
    const controller = new AbortController();
    const watch: SharedWatch = { signal: controller.signal, users: 0, end: this.watchStop(job, controller) };
    this.watches.set(key, watch);
    return watch;
  }
}
