import { app } from '@azure/functions';
import { services } from '../adapters/compositionRoot';
import { ARCHIVE_RETENTION_DAYS } from '../core/projects/projectService';

/**
 * Daily at 03:30 UTC: archived projects past their retention period are purged with every document and blob they
 * have; so are organizations whose deletion is due, and audit records and export zips past theirs (docs/privacy.md,
 * "Retention"). A run stopped halfway is finished by the next. Then every remaining tenant's stored bytes are measured
 * again: what the purge freed, and whatever was stored since the last measurement.
 *
 * Each tenant's sweep and measurement stand alone: one that fails is logged and counted, and the run goes on to the
 * next tenant (otherwise every tenant after it would wait a day). The run still ends in an error when any tenant
 * failed, so the runtime records a failed invocation.
 */
app.timer('purgeArchivedProjects', {
  schedule: '0 30 3 * * *',
  handler: async (_timer, context) => {
    const { tenants, privacy, storageUsage, logger } = services();
    const swept = { tenantsPurged: 0, projects: 0, projectDocuments: 0, projectBlobs: 0, auditRecords: 0, exports: 0 };
    let storageMeasured = 0;
    let tenantsFailed = 0;
    for await (const tenantId of tenants.allTenantIds()) {
      let step: 'sweep' | 'storage measurement' = 'sweep';
      try {
        const sweep = await privacy.retention.sweep(tenantId);
        if (sweep.purgeUnderway) continue;
        if (sweep.tenantPurged) {
          swept.tenantsPurged++;
          continue;
        }
        swept.projects += sweep.projects.projects;
        swept.projectDocuments += Object.values(sweep.projects.documents).reduce((sum, count) => sum + count, 0);
        swept.projectBlobs += sweep.projects.blobs;
        swept.auditRecords += sweep.auditRecords;
        swept.exports += sweep.exports;
        step = 'storage measurement';
        await storageUsage.measure(tenantId);
        storageMeasured++;
      } catch (error) {
        tenantsFailed++;
        logger.error('retention failed for a tenant', {
          operation: context.functionName,
          tenantId,
          step,
          error: String(error),
        });
      }
    }
    logger.info('retention', {
      operation: context.functionName,
      retentionDays: ARCHIVE_RETENTION_DAYS,
      ...swept,
      storageMeasured,
      tenantsFailed,
    });
    if (tenantsFailed > 0) {
      throw new Error(`retention failed for ${tenantsFailed} tenant(s); every other tenant was swept and measured`);
    }
  },
});
