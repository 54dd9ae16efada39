/**
 * Running work's ear for a stop: the cancel may come from another process, so the job document is the signal, read
 * once a tick; at most a tick of new work is lost after a stop.
 */
import type { JobRef } from '../jobs/job';
import type { JobService } from '../jobs/jobService';
import { SpeechCancelledError } from './speechRetry';

/** How often running work looks at its job for a cancel: one point read per tick, at most a second of new work lost. */
const STOP_POLL_MS = 1_000;

/** Polls the job and aborts `controller` once the job is stopped. Returns the function that ends the watch. */
export function watchForStop(
  jobs: Pick<JobService, 'isStopRequested'>,
  job: JobRef,
  controller: AbortController,
  intervalMs = STOP_POLL_MS,
): () => void {
  let checking = false;
  const timer = setInterval(() => {
    if (checking || controller.signal.aborted) return;
    checking = true;
    jobs
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
