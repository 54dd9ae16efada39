import { app } from '@azure/functions';
import { services } from '../adapters/compositionRoot';
import type { TenantSweep } from '../core/jobs/jobSweep';
import { durableClientInput, orchestrationClientFor } from './http/orchestrationClient';

/**
 * Every five minutes: jobs still queued or running whose orchestration has ended (terminated, failed in the runtime,
 * purged, or never started) are settled as interrupted, freeing the project and the production slot they held, and
 * productions left holding pins by an orchestration that stopped before its release step have them released
 * (core/jobs/jobSweep.ts; docs/reliability.md, "Jobs whose orchestration died"). Each tenant stands alone, as in the
 * retention run: one that fails is logged and the run goes on, ending in an error so the runtime records it.
 */
app.timer('sweepInterruptedJobs', {
  schedule: '0 */5 * * * *',
  extraInputs: [durableClientInput],
  handler: async (_timer, context) => {
    const { tenants, jobSweep, logger } = services();
    const orchestrations = orchestrationClientFor(context);
    const swept: TenantSweep = { examined: 0, settled: 0, unpinned: 0, failed: 0 };
    let tenantsSwept = 0;
    let tenantsFailed = 0;
    for await (const tenantId of tenants.allTenantIds()) {
      try {
        const tenant = await jobSweep.sweepTenant(tenantId, orchestrations);
        for (const key of Object.keys(swept) as (keyof TenantSweep)[]) swept[key] += tenant[key];
        tenantsSwept++;
      } catch (error) {
        tenantsFailed++;
        logger.error('job sweep failed for a tenant', {
          operation: context.functionName,
          tenantId,
          error: String(error),
        });
      }
    }
    logger.info('job sweep', { operation: context.functionName, tenantsSwept, tenantsFailed, ...swept });
    if (tenantsFailed > 0) {
      throw new Error(`the job sweep failed for ${tenantsFailed} tenant(s); every other tenant was swept`);
    }
  },
});
