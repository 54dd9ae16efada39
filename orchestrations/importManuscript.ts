import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { ImportJobInput, ParseOutcome } from '../core/manuscript/manuscriptImport';
import { jobOrchestrations } from '../core/jobs/job';
import { importActivities } from './activities/importManuscriptActivities';

/**
 * Imports an uploaded manuscript (job kind `import`; the instance id is the job id): parse into staged batches,
 * save the chapters batch by batch (checking for cancel between batches), then swap them in. Any failure or a
 * cancel abandons the import, which leaves the previous chapters untouched. History carries ids and counts only.
 */
const retry = new df.RetryOptions(2_000, 3);

df.app.orchestration(jobOrchestrations.import, function* (context: OrchestrationContext) {
  const input = context.df.getInput<ImportJobInput & { userId: string }>();
  const ref: ImportJobInput = {
    tenantId: input.tenantId,
    projectId: input.projectId,
    jobId: input.jobId,
    manuscriptId: input.manuscriptId,
  };
  try {
    const parsed: ParseOutcome = yield context.df.callActivityWithRetry(importActivities.parse, retry, ref);
    if (!parsed.ok) {
      const error = 'cancelled' in parsed ? null : parsed.error;
      yield context.df.callActivityWithRetry(importActivities.abandon, retry, { ...ref, error });
      return { status: error ? 'failed' : 'cancelled' };
    }
    for (let batch = 0; batch < parsed.batches; batch++) {
      const saved: { cancelled: boolean } = yield context.df.callActivityWithRetry(importActivities.save, retry, {
        ...ref,
        batch,
        chapterCount: parsed.chapterCount,
      });
      if (saved.cancelled) {
        yield context.df.callActivityWithRetry(importActivities.abandon, retry, { ...ref, error: null });
        return { status: 'cancelled' };
      }
    }
    const done: { cancelled: true } | { cancelled: false; chapterCount: number } =
      yield context.df.callActivityWithRetry(importActivities.complete, retry, ref);
    if (done.cancelled) {
      yield context.df.callActivityWithRetry(importActivities.abandon, retry, { ...ref, error: null });
      return { status: 'cancelled' };
    }
    return { status: 'succeeded', chapterCount: done.chapterCount };
  } catch {
    // The step's own error went to the logs; the user gets a stable message on the job and the manuscript.
    yield context.df.callActivityWithRetry(importActivities.abandon, retry, {
      ...ref,
      error: { code: 'internal', message: 'The import failed unexpectedly; try uploading the file again' },
    });
    return { status: 'failed' };
  }
});
