import { app } from '@azure/functions';
import { services } from '../adapters/compositionRoot';
import { ARCHIVE_RETENTION_DAYS } from '../core/projects/projectService';

/** Daily at 03:30 UTC: archived projects past their retention period are purged with their blobs. */
app.timer('purgeArchivedProjects', {
  schedule: '0 30 3 * * *',
  handler: async (_timer, context) => {
    const { tenants, projects, logger } = services();
    let purged = 0;
    for await (const tenantId of tenants.allTenantIds()) purged += await projects.purgeExpired(tenantId);
    logger.info('retention', { operation: context.functionName, purged, retentionDays: ARCHIVE_RETENTION_DAYS });
  },
});
