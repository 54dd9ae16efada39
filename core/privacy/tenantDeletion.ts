/**
 * Deleting an organization (docs/privacy.md, "Deleting an organization"): a tenant admin asks, naming the
 * organization to confirm; it closes at once for everyone in it, the platform operator can still reopen it during
 * the retention period, and then the daily retention run deletes every document and blob it has, its own record
 * (and with its blobs, its pseudonym key) last.
 */
import { authorizeTenantAction, requireOperator } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import { tenantBlobPrefix, type BlobStore } from '../ports/blobs';
import type { TenantDirectory } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { TenantDeletion, TenantRecord } from '../tenants/tenant';
import type { AnyDocument, TenantDocuments } from './ports';
import type { Pseudonyms } from './pseudonym';
import { settleOnce } from '../common/settleOnce';

/** As long as an archived project stays restorable. */
export const TENANT_DELETION_RETENTION_DAYS = 30;
const PAGE_SIZE = 100;
/** How long a retention run's claim on a purge keeps other runs away from it (runs are daily). */
const PURGE_CLAIM_MS = 60 * 60_000;
/** Lost races on the tenant's record (reopenings, other runs) before a claim gives up until the next run. */
const CLAIM_ATTEMPTS = 10;

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

  /**
   * Operator: reopens an organization scheduled for deletion, during the retention period. Decided on the version it
   * writes over: once the period is over, or a retention run has claimed the purge, it is refused (409), so a reopened
   * organization is never purged and a purged one never answered as reopened.
   */
  async cancel(principal: Principal | undefined, tenantId: string): Promise<TenantRecord> {
    requireOperator(principal);
    return settleOnce(
      'Tenant',
      () => this.deps.tenants.get(tenantId),
      (doc, etag) => this.deps.tenants.replace(doc, etag),
      (doc) => !doc.deletion,
      (doc) => {
        const now = this.deps.clock.now();
        assertReopenable(doc.deletion!, now);
        return { ...doc, deletion: null, updatedAt: now.toISOString() };
      },
    );
  }

  /**
   * Retention: purges the tenant when its deletion is due; undefined when it is not, `underway` when another run
   * holds the purge. The purge is claimed first by an ETag-conditional write on the tenant (a reopening written since
   * the tenant was read makes it fail, and the run reads again and finds nothing due); a claim an hour old is taken
   * over, so a run stopped halfway is finished by the next one, the tenant's own record going last.
   */
  async purgeIfDue(tenantId: string): Promise<TenantPurge | 'underway' | undefined> {
    const claim = await this.claimPurge(tenantId);
    if (claim !== 'claimed') return claim;
    const purge: TenantPurge = { documents: {}, blobs: 0 };
    for (const container of this.deps.documents.containers) {
      if (container === 'tenants') continue;
      purge.documents[container] = await this.deleteAll(container, tenantId);
    }
    purge.blobs = await this.deps.blobs.deletePrefix(tenantBlobPrefix(tenantId));
    purge.documents.tenants = await this.deleteAll('tenants', tenantId);
    return purge;
  }

  private async claimPurge(tenantId: string): Promise<'claimed' | 'underway' | undefined> {
    for (let attempt = 1; ; attempt++) {
      const tenant = await this.deps.tenants.get(tenantId);
      const now = this.deps.clock.now();
      if (!tenant?.deletion || Date.parse(tenant.deletion.purgeAfter) > now.getTime()) return undefined;
      const started = tenant.deletion.purgeStartedAt;
      if (started && now.getTime() - Date.parse(started) < PURGE_CLAIM_MS) return 'underway';
      try {
        await this.deps.tenants.replace(
          { ...tenant, deletion: { ...tenant.deletion, purgeStartedAt: now.toISOString() } },
          tenant.etag!,
        );
        return 'claimed';
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= CLAIM_ATTEMPTS) throw error;
      }
    }
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

/** 409 once the organization's data may be going: its retention period is over, or a run has begun the purge. */
function assertReopenable(deletion: TenantDeletion, now: Date): void {
  if (deletion.purgeStartedAt) {
    throw new ConflictError("The organization's deletion has begun; it can no longer be reopened", {
      reason: 'purge_started',
      purgeStartedAt: deletion.purgeStartedAt,
    });
  }
  if (Date.parse(deletion.purgeAfter) <= now.getTime()) {
    throw new ConflictError("The organization's retention period is over; it can no longer be reopened", {
      reason: 'retention_expired',
      purgeAfter: deletion.purgeAfter,
    });
  }
}
