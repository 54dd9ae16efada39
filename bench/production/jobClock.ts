/**
 * When a job ended, by the job's own record rather than by when a client noticed. The benchmark follows its jobs as
 * the studio does (jobPolling.ts), so a poll sees the end up to one back-off step (at most 5 s) after it happened;
 * the platform runs on the same machine, so its clock and the benchmark's are the same clock.
 */
import type { ActivitySpan } from './regenerationBreakdown';

export interface JobEnd {
  /** From just before the start request to the job's recorded end. */
  wallSec: number;
  /** From just before the start request to the poll that first saw the job ended. */
  seenByStudioSec: number;
  /** The end used for `wallSec`, epoch milliseconds. */
  endAtMs: number;
  /** False when the job carried no readable `finishedAt`, so the poll's time stands in for it. */
  recorded: boolean;
}

/**
 * `finishedAt` is written with the job's ending, the job's last write, after its packages are stored. It cannot be
 * later than the poll that read it; should the clocks disagree, the poll's time bounds it.
 */
export function jobEnd(startedAtMs: number, finishedAt: string | null, seenAtMs: number): JobEnd {
  const finishedAtMs = finishedAt === null ? Number.NaN : Date.parse(finishedAt);
  const recorded = Number.isFinite(finishedAtMs);
  const endAtMs = recorded ? Math.max(startedAtMs, Math.min(seenAtMs, finishedAtMs)) : seenAtMs;
  return {
    wallSec: (endAtMs - startedAtMs) / 1000,
    seenByStudioSec: (seenAtMs - startedAtMs) / 1000,
    endAtMs,
    recorded,
  };
}

/**
 * When the last call of activity `name` completed, in the spans' seconds (activitySpans measures from its origin),
 * or undefined when it never ran. The production's synthesis ends when its last synthesis batch completes: that
 * batch reports the job's last segments done just before it returns.
 */
export function lastCompletionSec(spans: ActivitySpan[], name: string): number | undefined {
  const ends = spans.filter((s) => s.name === name).map((s) => s.startSec + s.durationSec);
  return ends.length > 0 ? Math.max(...ends) : undefined;
}
