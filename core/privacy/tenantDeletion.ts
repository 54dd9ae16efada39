/**
 * Deleting an organization (docs/privacy.md, "Deleting an organization"): a tenant admin asks, naming the
 * organization to confirm; it closes at once for everyone in it, the platform operator can still reopen it during
 * the retention period, and then the daily retention run deletes every document and blob it has, its own record
 * (and with its blobs, its pseudonym key) last.
 */
import { authorizeTenantAction, requireOperator } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { NotFoundError, ValidationError } from '../errors';
import { tenantBlobPrefix, type BlobStore } from '../ports/blobs';
import type { TenantDirectory } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { TenantRecord } from '../tenants/tenant';
import type { AnyDocument, TenantDocuments } from './ports';
import type { Pseudonyms } from './pseudonym';
import { settleOnce } from '../common/settleOnce';

/** As long as an archived project stays restorable. */
export const TENANT_DELETION_RETENTION_DAYS = 30;
const PAGE_SIZE = 100;

export interface TenantDeletionDeps {
  tenants: TenantDirectory<TenantRecord>;
  documents: TenantDocuments;
  blobs: BlobStore;
  pseudonyms: Pseudonyms;
  clock: Clock;
}

export interface TenantPurge {
  documents: Record<string, number>;
  blobs: number;
}

export class TenantDeletionService {
  constructor(private readonly deps: TenantDeletionDeps) {}

  /** Closes the caller's organization and schedules its deletion. Asking again changes nothing. */
  async request(principal: Principal | undefined, confirmTenantName: string): Promise<TenantRecord> {
    const admin = authorizeTenantAction(principal, 'privacy.manage');
    const tenant = await this.deps.tenants.get(admin.tenantId);
    if (!tenant) throw new NotFoundError('Tenant');
    if (confirmTenantName !== tenant.name) {
      throw new ValidationError("Type your organization's name exactly to confirm its deletion", [
        { field: 'tenantName', message: 'does not match the organization name' },
      ]);
    }
    const requestedBy = await this.deps.pseudonyms.of(admin.tenantId, admin.userId);
    return settleOnce(
      'Tenant',
      () => this.deps.tenants.get(admin.tenantId),
      (doc, etag) => this.deps.tenants.replace(doc, etag),
      (doc) => Boolean(doc.deletion),
      (doc) => {
        const now = this.deps.clock.now();
        const purgeAfter = new Date(now.getTime() + TENANT_DELETION_RETENTION_DAYS * 86_400_000);
        return {
          ...doc,
          deletion: { requestedAt: now.toISOString(), requestedBy, purgeAfter: purgeAfter.toISOString() },
          updatedAt: now.toISOString(),
        };
      },
    );
  }

  /** Operator: reopens an organization scheduled for deletion, during the retention period. */
  async cancel(principal: Principal | undefined, tenantId: string): Promise<TenantRecord> {
    requireOperator(principal);
    return settleOnce(
      'Tenant',
      () => this.deps.tenants.get(tenantId),
      (doc, etag) => this.deps.tenants.replace(doc, etag),
      (doc) => !doc.deletion,
      (doc) => ({ ...doc, deletion: null, updatedAt: this.deps.clock.now().toISOString() }),
    );
  }

  /**
   * Retention: purges the tenant when its deletion is due; undefined otherwise. Safe to interrupt: a run stopped
   * halfway is finished by the next one, because the tenant's own record goes last.
   */
  async purgeIfDue(tenantId: string): Promise<TenantPurge | undefined> {
    const tenant = await this.deps.tenants.get(tenantId);
    if (!tenant?.deletion || Date.parse(tenant.deletion.purgeAfter) > this.deps.clock.now().getTime()) {
      return undefined;
    }
    const purge: TenantPurge = { documents: {}, blobs: 0 };
    for (const container of this.deps.documents.containers) {
      if (container === 'tenants') continue;
      purge.documents[container] = await this.deleteAll(container, tenantId);
    }
    purge.blobs = await this.deps.blobs.deletePrefix(tenantBlobPrefix(tenantId));
    purge.documents.tenants = await this.deleteAll('tenants', tenantId);
    return purge;
  }

  private async deleteAll(container: string, tenantId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      // Always the first page: what was deleted is no longer in it.
      const page = await this.deps.documents.scan(container, tenantId, { pageSize: PAGE_SIZE });
      for (const doc of page.items as AnyDocument[]) await this.deps.documents.delete(container, doc);
      deleted += page.items.length;
      if (page.items.length === 0) return deleted;
    }
  }
}
