import * as df from 'durable-functions';
import { services } from '../../adapters/compositionRoot';

/** The steps of `exportTenant`, delegating to core's TenantExportService. */
export const exportTenantActivities = {
  write: 'exportTenantWrite',
  fail: 'exportTenantFail',
} as const;

interface ExportStep {
  tenantId: string;
  jobId: string;
}

df.app.activity(exportTenantActivities.write, {
  handler: (step: ExportStep) => services().privacy.tenantExport.run(step),
});

df.app.activity(exportTenantActivities.fail, {
  handler: (step: ExportStep & { error: { code: string; message: string } }) =>
    services().privacy.tenantExport.fail(step),
});
