/** Registers the `characters` job's activities; what they do is core/jobs/characterDetectionJob.ts. */
import * as df from 'durable-functions';
import { characterDetectionJob } from '../../adapters/compositionRoot';
import type { JobInput } from '../../core/jobs/job';

/** The `characters` job's activities, named `<orchestration><Step>` like every orchestration's. */
export const detectCharactersActivities = { run: 'detectCharactersRun', fail: 'detectCharactersFail' } as const;

df.app.activity(detectCharactersActivities.run, { handler: (input: JobInput) => characterDetectionJob().run(input) });
df.app.activity(detectCharactersActivities.fail, {
  handler: (input: JobInput & { message: string }) => characterDetectionJob().fail(input),
});
