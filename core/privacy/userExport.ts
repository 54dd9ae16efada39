/**
 * Everything the platform holds about one person, as one JSON document (docs/privacy.md, "Export"): their profile
 * and consent, their roles in the organization and its projects, what they wrote in reviews, the costs and jobs
 * attributed to them, the audit trail of their actions, and every other record that names them. Sections are read
 * page by page while the document is written, so a long history never sits in memory.
 */
import { authorizeTenantAction, requireTenantPrincipal } from '../auth/permissions';
import type { Principal, TenantPrincipal } from '../auth/principal';
import { NotFoundError } from '../errors';
import type { ChapterApprovalRecord, ReviewThreadRecord } from '../review/review';
import { readAll, type Filter, type PagedListing, type TenantDirectory } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { Clock } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { CostRecord } from '../costs/costEntry';
import type { JobRecord } from '../jobs/job';
import type { TenantRecord } from '../tenants/tenant';
import type { UserRecord } from '../users/user';
import type { AuditTrail } from './audit';
import { jsonObjectText, streamedArray } from './jsonStream';
import type { AnyDocument, TenantDocuments } from './ports';
import type { Pseudonyms } from './pseudonym';

export const USER_EXPORT_FORMAT = 'khipu.personal-data/1';

/** Top-level fields that attribute a record to a person (by user id). */
export const ATTRIBUTION_FIELDS = ['createdBy', 'updatedBy', 'uploadedBy', 'requestedBy', 'userId', 'ownerId'] as const;

/** Containers with a section of their own in the export; every other container is searched for attributions. */
const SECTIONED_CONTAINERS = new Set(['users', 'projects', 'reviews', 'costs', 'jobs', 'audit']);
/** Containers whose documents are never about a person (replays of responses, sign-in identities outside tenants). */
const UNATTRIBUTED_CONTAINERS = new Set(['idempotency', 'identities']);

const PAGE_SIZE = 200;

export interface UserExportDeps {
  users: TypedTenantCollection<UserRecord>;
  tenants: TenantDirectory<TenantRecord>;
  documents: TenantDocuments;
  audit: AuditTrail;
  pseudonyms: Pseudonyms;
  clock: Clock;
}

export interface UserDataDocument {
  fileName: string;
  text: AsyncIterable<string>;
}

export class UserDataExport {
  constructor(private readonly deps: UserExportDeps) {}

  /**
   * The caller's own data (`userId` undefined or their own id), or, for a tenant admin, any user's of the tenant.
   * Checks everything before the first byte is written: a refusal is a clean error, never half a document.
   */
  async prepare(principal: Principal | undefined, userId?: string): Promise<UserDataDocument> {
    const caller = requireTenantPrincipal(principal);
    const self = userId === undefined || userId === caller.userId;
    const actor: TenantPrincipal = self ? caller : authorizeTenantAction(principal, 'privacy.manage');
    const user = await this.deps.users.get(actor.tenantId, self ? caller.userId : userId!);
    if (!user) throw new NotFoundError('User');
    const tenant = await this.deps.tenants.get(actor.tenantId);
    const pseudonym = await this.deps.pseudonyms.of(user.tenantId, user.id);
    const exportedAt = this.deps.clock.now().toISOString();
    return {
      fileName: `khipu-personal-data-${user.id.replace(/[^A-Za-z0-9._-]/g, '_')}-${exportedAt.slice(0, 10)}.json`,
      text: jsonObjectText([
        ['format', USER_EXPORT_FORMAT],
        ['exportedAt', exportedAt],
        ['subject', { userId: user.id, tenantId: user.tenantId, pseudonym }],
        [
          'profile',
          {
            email: user.email,
            displayName: user.displayName,
            role: user.role,
            status: user.status,
            createdAt: user.createdAt,
            updatedAt: user.updatedAt,
            consent: user.consent ?? null,
          },
        ],
        ['organization', tenant ? { id: tenant.id, name: tenant.name } : null],
        ['projects', streamedArray(() => this.projects(user))],
        ['comments', streamedArray(() => this.comments(user))],
        ['reviewDecisions', streamedArray(() => this.decisions(user))],
        ['costs', streamedArray(() => this.costs(user))],
        ['jobs', streamedArray(() => this.jobs(user))],
        ['audit', streamedArray(() => this.auditTrail(user, pseudonym))],
        ['otherRecords', streamedArray(() => this.otherRecords(user))],
      ]),
    };
  }

  private async *projects(user: UserRecord): AsyncGenerator<unknown> {
    const filter: Filter = {
      op: 'or',
      filters: [
        { field: 'ownerId', op: 'eq', value: user.id },
        { field: 'memberIds', op: 'arrayContains', value: user.id },
        { field: 'validatorIds', op: 'arrayContains', value: user.id },
        { field: 'createdBy', op: 'eq', value: user.id },
        { field: 'updatedBy', op: 'eq', value: user.id },
      ],
    };
    for await (const doc of this.scan('projects', user.tenantId, filter)) {
      const project = doc as unknown as ProjectRecord;
      const relations = [
        project.ownerId === user.id && 'owner',
        project.memberIds?.includes(user.id) && 'member',
        project.validatorIds?.includes(user.id) && 'validator',
        project.createdBy === user.id && 'created',
        project.updatedBy === user.id && 'lastUpdated',
      ].filter(Boolean);
      yield {
        projectId: project.id,
        title: project.metadata?.title ?? null,
        status: project.status,
        relations,
        archivedAt: project.archivedAt ?? null,
      };
    }
  }

  private async *comments(user: UserRecord): AsyncGenerator<unknown> {
    for await (const doc of this.scan('reviews', user.tenantId, { field: 'type', op: 'eq', value: 'reviewThread' })) {
      const thread = doc as unknown as ReviewThreadRecord;
      for (const comment of thread.comments ?? []) {
        if (comment.author?.userId !== user.id) continue;
        yield {
          projectId: thread.projectId,
          chapterId: thread.chapterId,
          segmentId: thread.segmentId,
          threadId: thread.id,
          commentId: comment.id,
          signedAs: comment.author.name,
          body: comment.body,
          createdAt: comment.createdAt,
        };
      }
      if (thread.resolvedBy?.userId === user.id) {
        yield { projectId: thread.projectId, threadId: thread.id, resolvedAt: thread.resolvedAt, action: 'resolved' };
      }
    }
  }

  private async *decisions(user: UserRecord): AsyncGenerator<unknown> {
    for await (const doc of this.scan('reviews', user.tenantId, {
      field: 'decidedBy.userId',
      op: 'eq',
      value: user.id,
    })) {
      const approval = doc as unknown as ChapterApprovalRecord;
      yield {
        projectId: approval.projectId,
        chapterId: approval.chapterId,
        decision: approval.decision,
        note: approval.note,
        decidedAt: approval.decidedAt,
      };
    }
  }

  private async *costs(user: UserRecord): AsyncGenerator<unknown> {
    for await (const doc of this.scan('costs', user.tenantId, { field: 'userId', op: 'eq', value: user.id })) {
      const cost = doc as unknown as CostRecord;
      if (cost.type !== 'cost') continue;
      yield {
        projectId: cost.projectId,
        jobId: cost.jobId,
        kind: cost.kind,
        rate: cost.rate,
        quantity: cost.quantity,
        unitPriceUsd: cost.unitPriceUsd,
        amountUsd: cost.amountUsd,
        day: cost.day,
      };
    }
  }

  private async *jobs(user: UserRecord): AsyncGenerator<unknown> {
    for await (const doc of this.scan('jobs', user.tenantId, { field: 'createdBy', op: 'eq', value: user.id })) {
      const job = doc as unknown as JobRecord;
      if (job.type !== 'job') continue;
      yield {
        projectId: job.projectId,
        jobId: job.id,
        kind: job.kind,
        status: job.status,
        createdAt: job.createdAt,
        finishedAt: job.finishedAt,
      };
    }
  }

  private async *auditTrail(user: UserRecord, pseudonym: string): AsyncGenerator<unknown> {
    yield* pagesOf(
      (page) => this.deps.audit.byActor(user.tenantId, pseudonym, page),
      (record) => ({
        at: record.at,
        operation: record.operation,
        method: record.method,
        objects: record.objects,
        status: record.status,
        requestId: record.requestId,
      }),
    );
  }

  /** Records of every other kind that name the person in an attribution field. */
  private async *otherRecords(user: UserRecord): AsyncGenerator<unknown> {
    const filter: Filter = {
      op: 'or',
      filters: ATTRIBUTION_FIELDS.map((field) => ({ field, op: 'eq' as const, value: user.id })),
    };
    for (const container of this.deps.documents.containers) {
      if (SECTIONED_CONTAINERS.has(container) || UNATTRIBUTED_CONTAINERS.has(container)) continue;
      for await (const doc of this.scan(container, user.tenantId, filter)) {
        yield {
          container,
          type: doc.type ?? null,
          id: doc.id,
          projectId: doc.projectId ?? null,
          fields: ATTRIBUTION_FIELDS.filter((field) => doc[field] === user.id),
        };
      }
    }
  }

  private scan(container: string, tenantId: string, filter: Filter): AsyncGenerator<AnyDocument> {
    return pagesOf(
      (page) => this.deps.documents.scan(container, tenantId, page, { filter }),
      (doc) => doc,
    );
  }
}

async function* pagesOf<T, R>(read: PagedListing<T>, map: (item: T) => R): AsyncGenerator<R> {
  for await (const item of readAll(read, PAGE_SIZE)) yield map(item);
}
