/**
 * The `characters` job: detect the characters of the whole book and store them (one activity that reads the chapters
 * itself; history holds ids and a summary). Retries transient failures; a final failure marks the job failed.
 * A cancel marks the job cancelled through the jobs API; the activity sees it and stores nothing.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import type { CharacterDetectionOutcome } from '../core/jobs/characterDetectionJob';
import { detectCharactersActivities } from './activities/detectCharactersActivities';
import { jobOrchestrations, type JobInput } from '../core/jobs/job';

const retry = new df.RetryOptions(5_000, 3);
retry.backoffCoefficient = 2;

df.app.orchestration(jobOrchestrations.characters, function* (context: OrchestrationContext) {
  const input = context.df.getInput<JobInput>();
  try {
    const outcome: CharacterDetectionOutcome = yield context.df.callActivityWithRetry(
      detectCharactersActivities.run,
      retry,
      {
        tenantId: input.tenantId,
        projectId: input.projectId,
        jobId: input.jobId,
        userId: input.userId,
      },
    );
    return outcome.status === 'succeeded'
      ? { status: outcome.status, characterCount: outcome.summary.characterCount }
      : { status: outcome.status };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    yield context.df.callActivity(detectCharactersActivities.fail, { ...input, message });
    return { status: 'failed' };
  }
});
