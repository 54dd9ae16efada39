/**
 * Erasing a person from a tenant (docs/privacy.md, "Erasure"): one durable job that surveys every container and the
 * blob store for their traces, removes them (rules in erasurePlan.ts), verifies nothing is left, and reports the
 * counts per container. Every step is idempotent and works page by page, so a step killed halfway is simply run
 * again; the counts come from the survey made before anything changed, so they stay exact across crashes.
 */
import { authorizeTenantAction } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { ConflictError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import { tenantBlobPrefix, type BlobListing, type BlobStore } from '../ports/blobs';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock } from '../ports/system';
import type { IdentityStore } from '../tenants/identity';
import type { AdminRoster } from '../users/adminRoster';
import type { UserRecord } from '../users/user';
import {
  exportJobIdOf,
  MAX_REWRITABLE_JSON_BYTES,
  planBlobErasure,
  planDocumentErasure,
  type ErasureTarget,
} from './erasurePlan';
import { SubjectMatcher } from './personalData';
import type { TenantDocuments } from './ports';
import {
  ERASURE_ORCHESTRATION,
  erasureJobId,
  privacyInstanceId,
  type ErasureCounts,
  type ErasureReport,
  type PrivacyJobRecord,
} from './privacyJob';
import type { PrivacyJobService } from './privacyJobService';
import type { Pseudonyms } from './pseudonym';

export interface ErasureServiceDeps {
  users: TypedTenantCollection<UserRecord>;
  /** Shutting an admin's account goes through the roster, so an erasure never leaves the tenant without an admin. */
  admins: AdminRoster;
  identities: IdentityStore;
  privacyJobs: PrivacyJobService;
  privacyJobDocuments: TypedTenantCollection<PrivacyJobRecord>;
  documents: TenantDocuments;
  blobs: BlobStore;
  pseudonyms: Pseudonyms;
  clock: Clock;
}

export interface ErasureStep {
  tenantId: string;
  jobId: string;
}

export interface ChunkRequest extends ErasureStep {
  container: string;
  continuationToken: string | null;
}

export interface ChunkResult {
  counts: ErasureCounts;
  continuationToken: string | null;
}

/** Documents read per page, and pages per step: a step stays well inside an activity's time limit. */
const PAGE_SIZE = 100;
const PAGES_PER_STEP = 10;
const BLOB_PAGE_SIZE = 500;
/** A queued job whose orchestration never started (its starter died) is started again after this long. */
const UNSTARTED_GRACE_MS = 2 * 60_000;

export class ErasureService {
  constructor(private readonly deps: ErasureServiceDeps) {}

  /**
   * A tenant admin asks to erase a user of the tenant. Repeated and parallel requests get the same job (one per
   * user record, created create-only); a failed erasure asked for again runs again.
   */
  async request(
    principal: Principal | undefined,
    userId: string,
    orchestrations: OrchestrationClient,
  ): Promise<PrivacyJobRecord> {
    const admin = authorizeTenantAction(principal, 'privacy.manage');
    const user = await this.deps.users.get(admin.tenantId, userId);
    if (!user) {
      // An erasure that failed after closing the account is finished by asking for it again.
      const unfinished = await this.failedErasureOf(admin.tenantId, userId);
      if (!unfinished) throw new NotFoundError('User');
      const retried = await this.retry(unfinished);
      if (retried) await this.start(retried, orchestrations);
      return retried ?? this.deps.privacyJobs.load(admin.tenantId, unfinished.id);
    }
    if (user.id === admin.userId) {
      throw new ValidationError('You cannot erase your own account; ask another admin', [
        { field: 'userId', message: 'is your own account' },
      ]);
    }
    const { tenantId } = admin;
    // Shut now rather than when the job starts: two admins erasing each other at once must not both be accepted
    // (409 `last_admin` for the second), and the person adds nothing more while the job waits.
    await this.shutAccount(tenantId, user.id);
    const jobId = erasureJobId(tenantId, user.id, user.createdAt);
    const created = await this.createJob(admin.userId, user, jobId);
    if (created) {
      await this.start(created, orchestrations);
      return created;
    }
    const existing = await this.deps.privacyJobs.load(tenantId, jobId);
    if (existing.status === 'failed') {
      const retried = await this.retry(existing);
      if (retried) await this.start(retried, orchestrations);
      return retried ?? this.deps.privacyJobs.load(tenantId, jobId);
    }
    if (existing.status === 'queued' && (await this.neverStarted(existing, orchestrations))) {
      await this.start(existing, orchestrations);
    }
    return existing;
  }

  // ---- Steps of the erasure orchestration (activities). Each may run more than once. ----

  /** Marks the job running and shuts the person's account, so they add nothing while the erasure runs. */
  async begin(step: ErasureStep): Promise<{ containers: string[] }> {
    const job = await this.deps.privacyJobs.running(step.tenantId, step.jobId, 'surveying');
    const subject = this.subjectOf(job);
    await this.shutAccount(step.tenantId, subject.userId);
    return { containers: [...this.deps.documents.containers] };
  }

  /** Counts what the erasure will change in one container (read only). */
  async surveyDocuments(request: ChunkRequest): Promise<ChunkResult> {
    const target = await this.targetOf(request);
    return this.walkDocuments(request, async (documents) => {
      const counts = zeroCounts();
      for (const doc of documents) {
        const plan = planDocumentErasure(request.container, doc, target);
        if (plan.action === 'rewrite') counts.rewritten++;
        else if (plan.action === 'delete' || plan.action === 'deleteLast') counts.deleted++;
      }
      return counts;
    });
  }

  /** Removes the person's traces from one container, a step's worth of pages at a time. */
  async applyDocuments(request: ChunkRequest): Promise<ChunkResult> {
    const target = await this.targetOf(request);
    return this.walkDocuments(request, async (documents) => {
      const counts = zeroCounts();
      for (const doc of documents) {
        const plan = planDocumentErasure(request.container, doc, target);
        if (plan.action === 'rewrite') {
          // A document changed since it was read is left to the next pass, which reads it again.
          if ((await this.deps.documents.replace(request.container, plan.document)) === 'replaced') counts.rewritten++;
        } else if (plan.action === 'delete') {
          await this.deps.documents.delete(request.container, doc);
          counts.deleted++;
        }
      }
      return counts;
    });
  }

  async surveyBlobs(request: ErasureStep & { continuationToken: string | null }): Promise<ChunkResult> {
    const target = await this.targetOf(request);
    return this.walkBlobs(request, async (blob) => {
      const plan = await this.planBlob(request.tenantId, blob, target);
      if (plan.action === 'delete') return 'deleted';
      if (plan.action === 'keep') return 'kept';
      const content = await this.readJson(blob.name, blob.bytes);
      return content !== undefined && target.matcher.mentions(content, plan.text) ? 'rewritten' : 'kept';
    });
  }

  async applyBlobs(request: ErasureStep & { continuationToken: string | null }): Promise<ChunkResult> {
    const target = await this.targetOf(request);
    return this.walkBlobs(request, async (blob) => {
      const plan = await this.planBlob(request.tenantId, blob, target);
      if (plan.action === 'keep') return 'kept';
      if (plan.action === 'delete') {
        await this.deps.blobs.delete(blob.name);
        return 'deleted';
      }
      const content = await this.readJson(blob.name, blob.bytes);
      if (content === undefined || !target.matcher.mentions(content, plan.text)) return 'kept';
      const erased = target.matcher.erase(content, plan.text);
      await this.deps.blobs.put(blob.name, Buffer.from(JSON.stringify(erased, null, 2)), blob.contentType);
      return 'rewritten';
    });
  }

  /** Ends the account: the tenant leaves the identity's signup record, and the user record is deleted. */
  async closeAccount(step: ErasureStep): Promise<void> {
    const job = await this.deps.privacyJobs.load(step.tenantId, step.jobId);
    const { userId } = this.subjectOf(job);
    await this.releaseTenantClaim(userId, step.tenantId);
    await this.deleteShutAccount(step.tenantId, userId);
  }

  /** Settles the job with its report; the job forgets who the person was (it keeps their pseudonym). */
  async complete(step: ErasureStep & { report: ErasureReport }): Promise<void> {
    const left = Object.values(step.report.remaining).reduce((sum, count) => sum + count, 0);
    if (left > 0) {
      await this.deps.privacyJobs.finish(
        step.tenantId,
        step.jobId,
        {
          status: 'failed',
          error: {
            code: 'erasure_incomplete',
            message: `${left} traces were still found after ${step.report.passes} passes; ask for the erasure again`,
          },
        },
        { report: step.report },
      );
      return;
    }
    await this.deps.privacyJobs.finish(
      step.tenantId,
      step.jobId,
      { status: 'succeeded', report: step.report },
      { subject: null },
    );
  }

  async fail(step: ErasureStep & { error: { code: string; message: string } }): Promise<void> {
    await this.deps.privacyJobs.finish(step.tenantId, step.jobId, { status: 'failed', error: step.error });
  }

  /** Reports progress between steps. */
  async progress(step: ErasureStep & { phase: string; found?: Record<string, ErasureCounts> }): Promise<void> {
    await this.deps.privacyJobs.running(step.tenantId, step.jobId, step.phase, {
      ...(step.found ? { report: { found: step.found, remaining: {}, passes: 0 } } : {}),
    });
  }

  // ---- internals ----

  /**
   * Deletes the user record only as a deactivated one (conditional on that version): an account reactivated while the
   * job ran is shut again first, through the admin roster, so the roster never keeps a deleted admin.
   */
  private async deleteShutAccount(tenantId: string, userId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await this.shutAccount(tenantId, userId);
      const user = await this.deps.users.get(tenantId, userId);
      if (!user) return;
      try {
        if (user.status === 'deactivated') {
          await this.deps.users.delete(tenantId, userId, user.etag);
          return;
        }
      } catch (error) {
        if (!(error instanceof PreconditionFailedError)) throw error;
      }
      if (attempt >= 10) throw new PreconditionFailedError('The account kept changing while it was being closed');
    }
  }

  /** Deactivates the account (through the admin roster), re-deciding on the record as it is when it changed meanwhile. */
  private async shutAccount(tenantId: string, userId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const user = await this.deps.users.get(tenantId, userId);
      // Gone (an earlier run of the job finished its last step) or already shut: nothing to do.
      if (!user || user.status === 'deactivated') return;
      try {
        const deactivated: UserRecord = {
          ...user,
          status: 'deactivated',
          updatedAt: this.deps.clock.now().toISOString(),
        };
        await this.deps.admins.write(user, deactivated);
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= 10) throw error;
      }
    }
  }

  private async createJob(requestedBy: string, user: UserRecord, jobId: string): Promise<PrivacyJobRecord | null> {
    const now = this.deps.clock.now().toISOString();
    const names = [user.displayName];
    try {
      return await this.deps.privacyJobDocuments.create({
        id: jobId,
        type: 'privacyJob',
        tenantId: user.tenantId,
        kind: 'erasure',
        status: 'queued',
        phase: 'queued',
        requestedBy,
        subjectRef: await this.deps.pseudonyms.of(user.tenantId, user.id),
        subject: { userId: user.id, email: user.email, names, joinedAt: user.createdAt },
        successorId: requestedBy,
        attempt: 1,
        report: null,
        archive: null,
        error: null,
        createdAt: now,
        startedAt: null,
        finishedAt: null,
        updatedAt: now,
      });
    } catch (error) {
      if (error instanceof ConflictError) return null;
      throw error;
    }
  }

  private async failedErasureOf(tenantId: string, userId: string): Promise<PrivacyJobRecord | undefined> {
    const page = await this.deps.privacyJobDocuments.list(tenantId, {
      filter: {
        op: 'and',
        filters: [
          { field: 'kind', op: 'eq', value: 'erasure' },
          { field: 'status', op: 'eq', value: 'failed' },
          { field: 'subject.userId', op: 'eq', value: userId },
        ],
      },
      page: { pageSize: 1 },
    });
    return page.items[0];
  }

  /** Failed → queued with the next attempt; only one of several parallel requests makes the transition. */
  private async retry(job: PrivacyJobRecord): Promise<PrivacyJobRecord | null> {
    try {
      return await this.deps.privacyJobDocuments.replace(
        {
          ...job,
          status: 'queued',
          phase: 'queued',
          attempt: job.attempt + 1,
          error: null,
          finishedAt: null,
          updatedAt: this.deps.clock.now().toISOString(),
        },
        job.etag!,
      );
    } catch (error) {
      if (error instanceof PreconditionFailedError) return null;
      throw error;
    }
  }

  private async neverStarted(job: PrivacyJobRecord, orchestrations: OrchestrationClient): Promise<boolean> {
    if (this.deps.clock.now().getTime() - Date.parse(job.updatedAt) < UNSTARTED_GRACE_MS) return false;
    return (await orchestrations.runtimeStatus(privacyInstanceId(job.id, job.attempt))) === undefined;
  }

  private start(job: PrivacyJobRecord, orchestrations: OrchestrationClient): Promise<void> {
    return orchestrations.start(ERASURE_ORCHESTRATION, privacyInstanceId(job.id, job.attempt), {
      tenantId: job.tenantId,
      jobId: job.id,
    });
  }

  private subjectOf(job: PrivacyJobRecord) {
    if (job.kind !== 'erasure' || !job.subject || !job.subjectRef) {
      throw new Error(`Privacy job ${job.id} is not an erasure in progress`);
    }
    return job.subject;
  }

  private async targetOf(step: ErasureStep): Promise<ErasureTarget> {
    const job = await this.deps.privacyJobs.load(step.tenantId, step.jobId);
    const subject = this.subjectOf(job);
    return {
      matcher: new SubjectMatcher({ ...subject, pseudonym: job.subjectRef! }),
      joinedAt: subject.joinedAt,
      jobId: job.id,
      successorId: job.successorId ?? job.requestedBy,
    };
  }

  private async walkDocuments(
    request: ChunkRequest,
    handle: (documents: Awaited<ReturnType<TenantDocuments['scan']>>['items']) => Promise<ErasureCounts>,
  ): Promise<ChunkResult> {
    const counts = zeroCounts();
    let continuationToken = request.continuationToken ?? undefined;
    for (let page = 0; page < PAGES_PER_STEP; page++) {
      const result = await this.deps.documents.scan(request.container, request.tenantId, {
        pageSize: PAGE_SIZE,
        continuationToken,
      });
      add(counts, await handle(result.items));
      continuationToken = result.continuationToken ?? undefined;
      if (!continuationToken) return { counts, continuationToken: null };
    }
    return { counts, continuationToken: continuationToken ?? null };
  }

  private async walkBlobs(
    request: ErasureStep & { continuationToken: string | null },
    handle: (blob: BlobListing) => Promise<'kept' | 'rewritten' | 'deleted'>,
  ): Promise<ChunkResult> {
    const page = await this.deps.blobs.list(tenantBlobPrefix(request.tenantId), {
      pageSize: BLOB_PAGE_SIZE,
      continuationToken: request.continuationToken ?? undefined,
    });
    const counts = zeroCounts();
    for (const blob of page.items) {
      const outcome = await handle(blob);
      if (outcome === 'rewritten') counts.rewritten++;
      if (outcome === 'deleted') counts.deleted++;
    }
    return { counts, continuationToken: page.continuationToken };
  }

  private async planBlob(tenantId: string, blob: BlobListing, target: ErasureTarget) {
    const exportJobId = exportJobIdOf(tenantId, blob.name);
    const exportJob = exportJobId ? await this.deps.privacyJobs.find(tenantId, exportJobId) : undefined;
    return planBlobErasure(tenantId, blob, {
      joinedAt: target.joinedAt,
      exportFinishedAt: exportJob?.status === 'succeeded' ? exportJob.finishedAt : null,
    });
  }

  private async readJson(name: string, bytes: number): Promise<unknown> {
    if (bytes > MAX_REWRITABLE_JSON_BYTES) return undefined;
    const buffer = await this.deps.blobs.readBuffer(name, MAX_REWRITABLE_JSON_BYTES);
    if (!buffer) return undefined;
    try {
      return JSON.parse(buffer.toString('utf8')) as unknown;
    } catch {
      return undefined;
    }
  }

  /** The tenant no longer counts against the identity's allowance of tenants it created. */
  private async releaseTenantClaim(userId: string, tenantId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const identity = await this.deps.identities.get(userId);
      if (!identity || !identity.tenants.some((claim) => claim.tenantId === tenantId)) return;
      try {
        await this.deps.identities.replace(
          {
            ...identity,
            tenants: identity.tenants.filter((claim) => claim.tenantId !== tenantId),
            updatedAt: this.deps.clock.now().toISOString(),
          },
          identity.etag!,
        );
        return;
      } catch (error) {
        if (!(error instanceof PreconditionFailedError) || attempt >= 10) throw error;
      }
    }
  }
}

function zeroCounts(): ErasureCounts {
  return { rewritten: 0, deleted: 0 };
}

function add(total: ErasureCounts, more: ErasureCounts): void {
  total.rewritten += more.rewritten;
  total.deleted += more.deleted;
}
