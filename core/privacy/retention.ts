import type { AuditTrail } from './audit';
import type { TenantDeletionService, TenantPurge } from './tenantDeletion';
import type { TenantExportService } from './tenantExportService';

export interface PrivacySweep {
  /** Set when the tenant itself was due for deletion and is now gone. */
  tenantPurged: TenantPurge | null;
  auditRecords: number;
  exports: number;
}

/**
 * The privacy side of the daily retention run, per tenant: a tenant due for deletion is purged whole; otherwise
 * audit records and export zips past their periods are deleted.
 */
export class PrivacyRetention {
  constructor(
    private readonly deps: { deletion: TenantDeletionService; audit: AuditTrail; exports: TenantExportService },
  ) {}

  async sweep(tenantId: string): Promise<PrivacySweep> {
    const purged = await this.deps.deletion.purgeIfDue(tenantId);
    if (purged) return { tenantPurged: purged, auditRecords: 0, exports: 0 };
    return {
      tenantPurged: null,
      auditRecords: await this.deps.audit.purgeExpired(tenantId),
      exports: await this.deps.exports.purgeExpired(tenantId),
    };
  }
}
