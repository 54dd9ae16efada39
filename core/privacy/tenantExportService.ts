/**
 * The export of a whole tenant (docs/privacy.md, "Tenant export"): a job writes a zip of the organization's data
 * (tenantArchive.ts) into blob storage, streamed entry by entry, and the admin downloads it through a short-lived
 * link. One export runs per tenant at a time: asking again while one runs returns it, started if its own start died.
 */
import { authorizeTenantAction } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { sanitizeTitle } from '../packaging/fileNames';
import { ConflictError, DomainError, NotFoundError, PreconditionFailedError } from '../errors';
import { tenantBlobPrefix, type BlobStore } from '../ports/blobs';
import type { StoredDocument, TenantDirectory } from '../ports/documents';
import type { TypedTenantCollection } from '../ports/typedCollection';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { Clock, IdGenerator } from '../ports/system';
import type { TenantRecord } from '../tenants/tenant';
import type { ArchiveWriter, TenantDocuments } from './ports';
import {
  isFinished,
  privacyInstanceId,
  TENANT_EXPORT_ORCHESTRATION,
  type PrivacyJobRecord,
  type TenantExportReport,
} from './privacyJob';
import type { PrivacyJobService } from './privacyJobService';
import { tenantArchiveEntries } from './tenantArchive';

/** Days an export can be downloaded before its zip is deleted. */
export const TENANT_EXPORT_RETENTION_DAYS = 7;
export const EXPORT_DOWNLOAD_LINK_SECONDS = 15 * 60;

/**
 * Which export is the tenant's current one, claimed create-only or ETag-conditionally before its orchestration
 * starts. Never deleted: once its job has finished (or was abandoned), the next request replaces it.
 */
export interface TenantExportClaim extends StoredDocument {
  type: 'tenantExportClaim';
  jobId: string;
  claimedAt: string;
}

export const TENANT_EXPORT_CLAIM_ID = 'tenant-export-claim';
const ENDED_RUNTIME_STATUSES = new Set(['Completed', 'Failed', 'Terminated', 'Canceled']);
const MAX_CLAIM_ATTEMPTS = 10;

export interface TenantExportServiceDeps {
  jobs: TypedTenantCollection<PrivacyJobRecord>;
  claims: TypedTenantCollection<TenantExportClaim>;
  privacyJobs: PrivacyJobService;
  tenants: TenantDirectory<TenantRecord>;
  documents: TenantDocuments;
  blobs: BlobStore;
  archives: ArchiveWriter;
  clock: Clock;
  ids: IdGenerator;
}

export function exportBlobName(tenantId: string, jobId: string): string {
  return `${tenantBlobPrefix(tenantId)}exports/${jobId}.zip`;
}

export class TenantExportService {
  constructor(private readonly deps: TenantExportServiceDeps) {}

  /** Starts an export of the caller's tenant (admins), or returns the one already running. */
  async request(principal: Principal | undefined, orchestrations: OrchestrationClient): Promise<PrivacyJobRecord> {
    const admin = authorizeTenantAction(principal, 'privacy.manage');
    const { tenantId } = admin;
    for (let attempt = 1; attempt <= MAX_CLAIM_ATTEMPTS; attempt++) {
      const claim = await this.deps.claims.get(tenantId, TENANT_EXPORT_CLAIM_ID);
      const held = claim ? await this.deps.jobs.get(tenantId, claim.jobId) : undefined;
      if (held && !isFinished(held.status)) {
        const status = await orchestrations.runtimeStatus(privacyInstanceId(held.id, held.attempt));
        if (status === undefined) {
          // Claimed but never started (the start is on its way, or its process died between the claim and the start,
          // which nothing else would notice): whoever answers with the job makes sure it runs. A start of an instance
          // already started is a no-op, so the two starts cannot run the export twice.
          await this.startJob(held, orchestrations);
          return held;
        }
        if (!ENDED_RUNTIME_STATUSES.has(status)) return held;
      }
      const job = await this.deps.jobs.create(this.newJob(tenantId, admin.userId));
      const next: TenantExportClaim = {
        id: TENANT_EXPORT_CLAIM_ID,
        type: 'tenantExportClaim',
        tenantId,
        jobId: job.id,
        claimedAt: this.now(),
      };
      try {
        if (claim) await this.deps.claims.replace(next, claim.etag!);
        else await this.deps.claims.create(next);
      } catch (error) {
        // Another request claimed first: this job never existed for anyone; theirs is the export.
        await this.deps.jobs.delete(tenantId, job.id);
        if (error instanceof ConflictError || error instanceof PreconditionFailedError) continue;
        throw error;
      }
      if (held && !isFinished(held.status)) {
        await this.deps.privacyJobs.finish(tenantId, held.id, {
          status: 'failed',
          error: { code: 'job_interrupted', message: 'The export stopped before it finished; a new one replaced it' },
        });
      }
      await this.startJob(job, orchestrations);
      return job;
    }
    throw new ConflictError('Another export is being started; try again');
  }

  /** The export job's one step: write the zip and record it. Run again after a crash, it writes the zip anew. */
  async run(step: { tenantId: string; jobId: string }): Promise<TenantExportReport> {
    const { tenantId, jobId } = step;
    await this.deps.privacyJobs.running(tenantId, jobId, 'writing');
    const exportedAt = this.now();
    const counts = { projects: 0 };
    const blobName = exportBlobName(tenantId, jobId);
    const summary = await this.deps.archives.write(
      blobName,
      tenantArchiveEntries(
        { tenants: this.deps.tenants, documents: this.deps.documents, blobs: this.deps.blobs },
        tenantId,
        exportedAt,
        counts,
      ),
    );
    const tenant = await this.deps.tenants.get(tenantId);
    const report: TenantExportReport = {
      projects: counts.projects,
      entries: summary.entries.length,
      bytes: summary.bytes,
    };
    const expiresAt = new Date(this.deps.clock.now().getTime() + TENANT_EXPORT_RETENTION_DAYS * 86_400_000);
    await this.deps.privacyJobs.finish(tenantId, jobId, {
      status: 'succeeded',
      report,
      archive: {
        blobName,
        fileName: `${sanitizeTitle(tenant?.name ?? '', 'Organization')} - export ${exportedAt.slice(0, 10)}.zip`,
        bytes: summary.bytes,
        expiresAt: expiresAt.toISOString(),
        deletedAt: null,
      },
    });
    return report;
  }

  async fail(step: { tenantId: string; jobId: string; error: { code: string; message: string } }): Promise<void> {
    await this.deps.blobs.delete(exportBlobName(step.tenantId, step.jobId));
    await this.deps.privacyJobs.finish(step.tenantId, step.jobId, { status: 'failed', error: step.error });
  }

  /** A short-lived link to a finished export's zip (admins). */
  async download(
    principal: Principal | undefined,
    jobId: string,
  ): Promise<{ url: string; fileName: string; expiresAt: string }> {
    const job = await this.deps.privacyJobs.get(principal, jobId);
    if (job.kind !== 'tenantExport') throw new NotFoundError('Export');
    if (job.status !== 'succeeded' || !job.archive) {
      throw new DomainError('unprocessable', 'The export is not finished', { reason: 'not_ready', status: job.status });
    }
    const now = this.deps.clock.now();
    const gone =
      job.archive.deletedAt ||
      Date.parse(job.archive.expiresAt) <= now.getTime() ||
      // An erasure deletes every export made before it (they may hold the person's data).
      !(await this.deps.blobs.exists(job.archive.blobName));
    if (gone) {
      throw new DomainError('unprocessable', 'The export has expired; export again', { reason: 'expired' });
    }
    const url = await this.deps.blobs.readUrl(job.archive.blobName, EXPORT_DOWNLOAD_LINK_SECONDS, job.archive.fileName);
    const expiresAt = new Date(now.getTime() + EXPORT_DOWNLOAD_LINK_SECONDS * 1000).toISOString();
    return { url, fileName: job.archive.fileName, expiresAt };
  }

  /** Deletes zips past their retention period; their jobs stay, without a download. Returns how many. */
  async purgeExpired(tenantId: string): Promise<number> {
    let purged = 0;
    for (;;) {
      const page = await this.deps.jobs.list(tenantId, {
        filter: {
          op: 'and',
          filters: [
            { field: 'kind', op: 'eq', value: 'tenantExport' },
            { field: 'archive.deletedAt', op: 'eq', value: null },
            { field: 'archive.expiresAt', op: 'lt', value: this.now() },
          ],
        },
        page: { pageSize: 50 },
      });
      for (const job of page.items) {
        await this.deps.blobs.delete(job.archive!.blobName);
        await this.deps.privacyJobs.modify(tenantId, job.id, (current) =>
          current.archive ? { ...current, archive: { ...current.archive, deletedAt: this.now() } } : current,
        );
        purged++;
      }
      if (page.items.length === 0 || !page.continuationToken) return purged;
    }
  }

  private startJob(job: PrivacyJobRecord, orchestrations: OrchestrationClient): Promise<void> {
    return orchestrations.start(TENANT_EXPORT_ORCHESTRATION, privacyInstanceId(job.id, job.attempt), {
      tenantId: job.tenantId,
      jobId: job.id,
    });
  }

  private newJob(tenantId: string, requestedBy: string): PrivacyJobRecord {
    const now = this.now();
    return {
      id: this.deps.ids.newId('exp'),
      type: 'privacyJob',
      tenantId,
      kind: 'tenantExport',
      status: 'queued',
      phase: 'queued',
      requestedBy,
      subjectRef: null,
      subject: null,
      successorId: null,
      attempt: 1,
      report: null,
      archive: null,
      error: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
