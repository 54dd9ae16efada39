import type { AuditTrail } from './audit';
import type { ArchivedProjectPurge, ProjectsPurged } from './projectPurge';
import type { TenantDeletionService, TenantPurge } from './tenantDeletion';
import type { TenantExportService } from './tenantExportService';

export interface RetentionSweep {
  /** Set when the tenant itself was due for deletion and is now gone. */
  tenantPurged: TenantPurge | null;
  auditRecords: number;
  exports: number;
  /** Projects archived longer than their retention period, purged with all their documents and blobs. */
  projects: ProjectsPurged;
  /** Set when another run holds the tenant's purge: the tenant is left to it. */
  purgeUnderway?: true;
}

const NOTHING_SWEPT = { auditRecords: 0, exports: 0, projects: { projects: 0, documents: {}, blobs: 0 } };

/**
 * The daily retention run, per tenant (docs/privacy.md, "Retention"): a tenant due for deletion is purged whole;
 * otherwise archived projects, audit records and export zips past their periods are deleted.
 */
export class PrivacyRetention {
  constructor(
    private readonly deps: {
      deletion: TenantDeletionService;
      audit: AuditTrail;
      exports: TenantExportService;
      projects: ArchivedProjectPurge;
    },
  ) {}

  async sweep(tenantId: string): Promise<RetentionSweep> {
    const purged = await this.deps.deletion.purgeIfDue(tenantId);
    if (purged === 'underway') {
      // Another run is purging the whole tenant: nothing of it is left to sweep or measure.
      return { ...NOTHING_SWEPT, tenantPurged: null, purgeUnderway: true };
    }
    if (purged) return { ...NOTHING_SWEPT, tenantPurged: purged };
    return {
      tenantPurged: null,
      projects: await this.deps.projects.purgeExpired(tenantId),
      auditRecords: await this.deps.audit.purgeExpired(tenantId),
      exports: await this.deps.exports.purgeExpired(tenantId),
    };
  }
}
