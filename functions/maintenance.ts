import { app } from '@azure/functions';
import { services } from '../adapters/compositionRoot';
import { ARCHIVE_RETENTION_DAYS } from '../core/projects/projectService';

/**
 * Daily at 03:30 UTC: archived projects past their retention period are purged with their blobs; so are
 * organizations whose deletion is due, and audit records and export zips past theirs (docs/privacy.md).
 */
app.timer('purgeArchivedProjects', {
  schedule: '0 30 3 * * *',
  handler: async (_timer, context) => {
    const { tenants, projects, privacy, logger } = services();
    let purged = 0;
    const swept = { tenantsPurged: 0, auditRecords: 0, exports: 0 };
    for await (const tenantId of tenants.allTenantIds()) {
      const sweep = await privacy.retention.sweep(tenantId);
      if (sweep.tenantPurged) {
        swept.tenantsPurged++;
        continue;
      }
      swept.auditRecords += sweep.auditRecords;
      swept.exports += sweep.exports;
      purged += await projects.purgeExpired(tenantId);
    }
    logger.info('retention', {
      operation: context.functionName,
      purged,
      retentionDays: ARCHIVE_RETENTION_DAYS,
      ...swept,
    });
  },
});
