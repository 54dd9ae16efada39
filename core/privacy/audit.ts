/**
 * The audit trail: one record per state-changing request a tenant user makes (who, which operation, on which
 * objects, with what outcome), kept for AUDIT_RETENTION_DAYS. It never holds a person's id, only their pseudonym,
 * nor any request body: user ids among the objects are pseudonymised too, so an erasure has nothing to rewrite.
 */
import type { PageRequest, Page, StoredDocument } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock, IdGenerator } from '../ports/system';
import type { Pseudonyms } from './pseudonym';

export const AUDIT_RETENTION_DAYS = 365;
const DAY_SECONDS = 86_400;

export interface AuditRecord extends StoredDocument {
  type: 'audit';
  /** The acting user's pseudonym. */
  actor: string;
  operation: string;
  method: string;
  /** Path parameters naming objects (ids), with user ids pseudonymised. */
  objects: Record<string, string>;
  status: number;
  requestId: string;
  at: string;
  /** Cosmos TTL, seconds: the store forgets the record when the retention period ends. */
  ttl: number;
}

export interface AuditedRequest {
  tenantId: string;
  userId: string;
  operation: string;
  method: string;
  /** Path parameters and what each names (`user` ones are pseudonymised). */
  params: Record<string, string>;
  objectKinds: Record<string, string>;
  status: number;
  requestId: string;
}

/** Reads are not audited, and neither are requests refused for going over the rate limit (they would flood it). */
export function isAudited(method: string, status: number): boolean {
  return method !== 'GET' && status !== 429;
}

export interface AuditTrailDeps {
  audit: TypedTenantCollection<AuditRecord>;
  pseudonyms: Pseudonyms;
  clock: Clock;
  ids: IdGenerator;
}

export class AuditTrail {
  constructor(private readonly deps: AuditTrailDeps) {}

  async record(request: AuditedRequest): Promise<void> {
    const objects: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.params)) {
      objects[name] =
        request.objectKinds[name] === 'user' ? await this.deps.pseudonyms.of(request.tenantId, value) : value;
    }
    await this.deps.audit.create({
      id: this.deps.ids.newId('aud'),
      type: 'audit',
      tenantId: request.tenantId,
      actor: await this.deps.pseudonyms.of(request.tenantId, request.userId),
      operation: request.operation,
      method: request.method,
      objects,
      status: request.status,
      requestId: request.requestId,
      at: this.deps.clock.now().toISOString(),
      ttl: AUDIT_RETENTION_DAYS * DAY_SECONDS,
    });
  }

  /** The actions of one person (by pseudonym), newest first. */
  byActor(tenantId: string, actor: string, page: PageRequest): Promise<Page<AuditRecord>> {
    return this.deps.audit.list(tenantId, {
      filter: { field: 'actor', op: 'eq', value: actor },
      orderBy: { field: 'at', direction: 'DESC' },
      page,
    });
  }

  /**
   * Deletes records past the retention period. Cosmos expires them by TTL already; the local emulator does not,
   * and a record must not outlive its period anywhere. Returns how many were deleted.
   */
  async purgeExpired(tenantId: string): Promise<number> {
    const cutoff = new Date(this.deps.clock.now().getTime() - AUDIT_RETENTION_DAYS * DAY_SECONDS * 1000);
    let purged = 0;
    for (;;) {
      const page = await this.deps.audit.list(tenantId, {
        filter: { field: 'at', op: 'lt', value: cutoff.toISOString() },
        page: { pageSize: 100 },
      });
      for (const record of page.items) await this.deps.audit.delete(tenantId, record.id);
      purged += page.items.length;
      if (page.items.length === 0 || !page.continuationToken) return purged;
    }
  }
}
