/**
 * The erasure of one person (docs/privacy.md, "Erasure"), a privacy job whose instance id is the job id (with the
 * attempt after the first). It shuts the account, surveys every container and the blob store (the counts it
 * reports), removes the traces, closes the account, and checks that nothing is left, passing again over the data
 * if something was written meanwhile. Every step is idempotent and works a page range at a time, so a host killed
 * anywhere resumes from the last finished step. The history holds ids, container names and counts, never the
 * person's id, email or name (the job document holds those until the job ends).
 */
import * as df from 'durable-functions';
import type { OrchestrationContext, Task } from 'durable-functions';
import type { ChunkResult, ErasureStep } from '../core/privacy/erasureService';
import { ERASURE_ORCHESTRATION, type ErasureCounts, type ErasureReport } from '../core/privacy/privacyJob';
import { eraseUserActivities as steps } from './activities/eraseUserActivities';

const retry = new df.RetryOptions(2_000, 5);
retry.backoffCoefficient = 2;

/** Passes over the data before the erasure gives up on something that keeps coming back. */
const MAX_PASSES = 3;
const BLOBS = 'blobs';

type Sweep = (container: string | null, continuationToken: string | null) => Generator<Task, ChunkResult, ChunkResult>;

df.app.orchestration(ERASURE_ORCHESTRATION, function* (context: OrchestrationContext) {
  const input = context.df.getInput<ErasureStep>();
  const step: ErasureStep = { tenantId: input.tenantId, jobId: input.jobId };
  const call = (name: string, extra: object = {}) =>
    context.df.callActivityWithRetry(name, retry, { ...step, ...extra });

  const chunk = (documents: string, blobs: string): Sweep =>
    function* (container, continuationToken) {
      const result: ChunkResult = yield container === null
        ? call(blobs, { continuationToken })
        : call(documents, { container, continuationToken });
      return result;
    };

  /** Runs one kind of step over every container and the blobs, page range by page range; counts per container. */
  function* sweepAll(containers: string[], sweep: Sweep): Generator<Task, Record<string, ErasureCounts>, ChunkResult> {
    const counts: Record<string, ErasureCounts> = {};
    for (const container of [...containers, null]) {
      const total: ErasureCounts = { rewritten: 0, deleted: 0 };
      let continuationToken: string | null = null;
      do {
        const result: ChunkResult = yield* sweep(container, continuationToken);
        total.rewritten += result.counts.rewritten;
        total.deleted += result.counts.deleted;
        continuationToken = result.continuationToken;
      } while (continuationToken);
      counts[container ?? BLOBS] = total;
    }
    return counts;
  }

  try {
    const { containers }: { containers: string[] } = yield call(steps.begin);
    const found = yield* sweepAll(containers, chunk(steps.surveyDocuments, steps.surveyBlobs));
    let remaining: Record<string, number> = {};
    let passes = 0;
    do {
      passes++;
      yield call(steps.progress, { phase: 'erasing', found });
      yield* sweepAll(containers, chunk(steps.applyDocuments, steps.applyBlobs));
      yield call(steps.closeAccount);
      yield call(steps.progress, { phase: 'verifying' });
      const left = yield* sweepAll(containers, chunk(steps.surveyDocuments, steps.surveyBlobs));
      remaining = Object.fromEntries(Object.entries(left).map(([name, c]) => [name, c.rewritten + c.deleted]));
    } while (Object.values(remaining).some((count) => count > 0) && passes < MAX_PASSES);
    const report: ErasureReport = { found, remaining, passes };
    yield call(steps.complete, { report });
    return { status: 'finished', passes };
  } catch {
    // The step's own error went to the logs; the job gets a stable message and can be asked for again.
    yield call(steps.fail, {
      error: { code: 'internal', message: 'The erasure stopped unexpectedly; ask for it again to finish it' },
    });
    return { status: 'failed' };
  }
});
