import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';
import type { ChunkRequest, ErasureStep } from '../../core/privacy/erasureService';
import type { ErasureCounts, ErasureReport } from '../../core/privacy/privacyJob';

/** The steps of `eraseUser`; each is idempotent and delegates to core's ErasureService. History holds ids and counts. */
export const eraseUserActivities = {
  begin: 'eraseUserBegin',
  surveyDocuments: 'eraseUserSurveyDocuments',
  applyDocuments: 'eraseUserApplyDocuments',
  surveyBlobs: 'eraseUserSurveyBlobs',
  applyBlobs: 'eraseUserApplyBlobs',
  progress: 'eraseUserProgress',
  closeAccount: 'eraseUserCloseAccount',
  complete: 'eraseUserComplete',
  fail: 'eraseUserFail',
} as const;

const erasure = () => services().privacy.erasure;

df.app.activity(eraseUserActivities.begin, { handler: (step: ErasureStep) => erasure().begin(step) });

df.app.activity(eraseUserActivities.surveyDocuments, {
  handler: (request: ChunkRequest) => erasure().surveyDocuments(request),
});

df.app.activity(eraseUserActivities.applyDocuments, {
  handler: (request: ChunkRequest) => erasure().applyDocuments(request),
});

df.app.activity(eraseUserActivities.surveyBlobs, {
  handler: (request: ErasureStep & { continuationToken: string | null }) => erasure().surveyBlobs(request),
});

df.app.activity(eraseUserActivities.applyBlobs, {
  handler: (request: ErasureStep & { continuationToken: string | null }) => erasure().applyBlobs(request),
});

df.app.activity(eraseUserActivities.progress, {
  handler: (step: ErasureStep & { phase: string; found?: Record<string, ErasureCounts> }) => erasure().progress(step),
});

df.app.activity(eraseUserActivities.closeAccount, { handler: (step: ErasureStep) => erasure().closeAccount(step) });

df.app.activity(eraseUserActivities.complete, {
  handler: (step: ErasureStep & { report: ErasureReport }) => erasure().complete(step),
});

df.app.activity(eraseUserActivities.fail, {
  handler: (step: ErasureStep & { error: { code: string; message: string } }) => erasure().fail(step),
});
