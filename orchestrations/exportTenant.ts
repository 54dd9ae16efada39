/**
 * The export of a whole organization (docs/privacy.md, "Tenant export"), a privacy job whose instance id is the job
 * id: one step writes the zip into blob storage, streamed; run again after a crash, it writes the zip anew.
 */
import * as df from 'durable-functions';
import type { OrchestrationContext } from 'durable-functions';
import { TENANT_EXPORT_ORCHESTRATION, type TenantExportReport } from '../core/privacy/privacyJob';
import { exportTenantActivities as steps } from './activities/exportTenantActivities';

const retry = new df.RetryOptions(5_000, 3);
retry.backoffCoefficient = 2;

df.app.orchestration(TENANT_EXPORT_ORCHESTRATION, function* (context: OrchestrationContext) {
  const input = context.df.getInput<{ tenantId: string; jobId: string }>();
  const step = { tenantId: input.tenantId, jobId: input.jobId };
  try {
    const report: TenantExportReport = yield context.df.callActivityWithRetry(steps.write, retry, step);
    return { status: 'succeeded', ...report };
  } catch {
    yield context.df.callActivityWithRetry(steps.fail, retry, {
      ...step,
      error: { code: 'internal', message: 'The export failed unexpectedly; export again' },
    });
    return { status: 'failed' };
  }
});
