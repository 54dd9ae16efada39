/**
 * How the benchmark follows a job: as the studio does (its `pollDelay` in web/src/api/jobs.ts), quickly while the job
 * has just started, then backing off: 0.5 s growing by half each time, at most 5 s. A benchmark client polling four
 * times a second charged the product for a client far more eager than its own; what one poll costs is measured on its
 * own (`measurePollCost` in production.bench.ts) and reported beside the production's figures.
 */

const TERMINAL_STATUSES = new Set(['succeeded', 'failed', 'cancelled']);

/** The wait before the next poll after `pollsSoFar` polls (the studio passes its query's update count). */
export function studioPollDelay(pollsSoFar: number): number {
  return Math.min(5000, Math.round(500 * 1.5 ** pollsSoFar));
}

export interface PolledJob {
  status: string;
}

/**
 * Reads the job until it has ended, waiting `studioPollDelay` between reads; `sleep` is injectable so that the
 * schedule can be checked without waiting. Returns the ended job and how many reads it took.
 */
export async function pollUntilEnded<J extends PolledJob>(
  read: () => Promise<J>,
  onPoll: (job: J) => void = () => undefined,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<{ job: J; polls: number }> {
  for (let polls = 1; ; polls++) {
    const job = await read();
    onPoll(job);
    if (TERMINAL_STATUSES.has(job.status)) return { job, polls };
    await sleep(studioPollDelay(polls));
  }
}
