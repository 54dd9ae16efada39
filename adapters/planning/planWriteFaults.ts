import type { PlanWriteFaults } from '../../core/planning/chapterPlanWriter';
import type { AppEnvironment } from '../config/config';

/**
 * Fault injection for tests (docs/planning.md, "Fault injection"): with FAULT_INJECT_PLAN_WRITE in local mode, the
 * first attempt at writing each chapter's segments in a plan job stops halfway with an error, as a crash would, and
 * the activity's retry finds half a generation stored. Remembered per process: a restarted host fails each once more.
 */
export function planWriteFaults(config: AppEnvironment): PlanWriteFaults | undefined {
  if (config.KHIPU_MODE !== 'local' || !config.FAULT_INJECT_PLAN_WRITE) return undefined;
  const failed = new Set<string>();
  return {
    afterPartialWrite({ jobId, chapterId, generation }) {
      const attempt = `${jobId}:${chapterId}`;
      if (failed.has(attempt)) return;
      failed.add(attempt);
      throw new Error(
        `Injected fault: the segment write of chapter ${chapterId} (generation ${generation}) stopped halfway`,
      );
    },
  };
}
