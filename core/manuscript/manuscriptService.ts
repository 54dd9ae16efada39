import type { TypedCollection } from '../ports/typedCollection';
import { pipeline, type Readable } from 'node:stream';
import type { ManuscriptRecord } from '../book/records';
import type { Principal } from '../auth/principal';
import { hashingStream } from '../common/hashingStream';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, NotFoundError, ValidationError } from '../errors';
import type { JobRecord } from '../jobs/job';
import type { JobService } from '../jobs/jobService';
import { projectBlobPrefix, type BlobStore } from '../ports/blobs';
import { readAllItems } from '../ports/documents';
import type { OrchestrationClient } from '../ports/orchestrations';
import type { IncomingFile } from '../ports/uploads';
import type { Clock, IdGenerator } from '../ports/system';
import type { ProjectRecord } from '../projects/project';
import type { ProjectService } from '../projects/projectService';
import type { ChapterRecord } from '../book/records';
import { refuseObviouslyBadManuscript } from './sniff';

/** The durable orchestration that imports an uploaded manuscript (orchestrations/importManuscript.ts). */

export interface ManuscriptServiceDeps {
  manuscripts: TypedCollection<ManuscriptRecord>;
  chapters: TypedCollection<ChapterRecord>;
  projects: ProjectService;
  jobs: JobService;
  blobs: BlobStore;
  clock: Clock;
  ids: IdGenerator;
}

export interface ManuscriptUploadRequest {
  /** The file as it arrives: streamed into storage, never held whole in memory. */
  file: IncomingFile;
  fileName: string | undefined;
  /** The caller accepts that the existing chapters are replaced (only once the new file imports cleanly). */
  replace: boolean;
}

/** Where a manuscript's files live: the original as sent and the import's staging file. */
export function manuscriptBlobPrefix(tenantId: string, projectId: string, manuscriptId: string): string {
  return `${projectBlobPrefix(tenantId, projectId)}manuscripts/${manuscriptId}/`;
}

/**
 * A project's manuscript: the upload (kept as sent, under a server-generated name) and its import job. The latest
 * upload is "the manuscript" the API shows; chapters come from the latest upload that imported cleanly.
 */
export class ManuscriptService {
  constructor(private readonly deps: ManuscriptServiceDeps) {}

  async upload(
    principal: Principal | undefined,
    projectId: string,
    request: ManuscriptUploadRequest,
    orchestrations: OrchestrationClient,
  ): Promise<{ manuscript: ManuscriptRecord; job: JobRecord }> {
    const { user, project } = await this.deps.projects.load(principal, projectId, 'project.update');
    if (project.status === 'archived') {
      throw new ValidationError('An archived project cannot be edited; restore it first', [
        { field: 'status', message: 'project is archived' },
      ]);
    }
    refuseObviouslyBadManuscript(await request.file.head());
    if (!request.replace && (await this.hasChapters(user.tenantId, projectId))) {
      throw new ConflictError('The project already has chapters; upload with ?replace=true to replace them', {
        field: 'replace',
      });
    }

    const manuscriptId = this.deps.ids.newId('man');
    const originalBlob = `${manuscriptBlobPrefix(user.tenantId, projectId, manuscriptId)}original`;
    const stored = await this.storeOriginal(originalBlob, request.file);
    const now = this.deps.clock.now().toISOString();
    let manuscript = await this.deps.manuscripts.create({
      id: manuscriptId,
      type: 'manuscript',
      tenantId: user.tenantId,
      projectId,
      fileName: request.fileName ?? 'manuscript',
      contentType: request.file.contentType,
      bytes: stored.bytes,
      sha256: stored.sha256,
      originalBlob,
      status: 'processing',
      format: null,
      detectedEncoding: null,
      warnings: [],
      tocEntries: [],
      error: null,
      jobId: '',
      uploadedAt: now,
      uploadedBy: user.userId,
    });

    let markedProcessing = false;
    let job: JobRecord;
    try {
      job = await this.deps.jobs.startFor(
        user,
        project,
        {
          kind: 'import',
          input: { manuscriptId },
          action: 'project.update',
          // Only the upload that holds the project marks it, and before its import starts, so a fast import cannot
          // end before the mark: an upload refused because another job runs leaves that job's status as it is.
          beforeStart: async () => {
            markedProcessing = true;
            await this.deps.projects.updateFacts(user.tenantId, projectId, { manuscriptStatus: 'processing' });
          },
        },
        orchestrations,
      );
    } catch (error) {
      // Typically another job is running (409): nothing of this upload may linger.
      await this.deps.manuscripts.delete(user.tenantId, projectId, manuscriptId);
      await this.deps.blobs.delete(originalBlob);
      // Its job never started, so no import runs: the status follows the chapters held, as an abandoned import's.
      if (markedProcessing) {
        await this.deps.projects.updateFacts(user.tenantId, projectId, (facts) => ({
          manuscriptStatus: facts.chapterCount > 0 ? 'ready' : earlierStatus(project),
        }));
      }
      throw error;
    }
    manuscript = await this.modify(user.tenantId, projectId, manuscriptId, (current) => ({
      ...current,
      jobId: job.id,
    }));
    return { manuscript, job };
  }

  /**
   * Streams the upload into its blob, measuring it on the way. A failed upload (the sender went past the size limit
   * or went away) leaves nothing behind.
   */
  private async storeOriginal(blobName: string, file: IncomingFile): Promise<{ bytes: number; sha256: string }> {
    const { stream: measure, result } = hashingStream();
    try {
      await this.deps.blobs.put(
        blobName,
        pipeline(file.open(), measure, () => undefined),
        file.contentType,
      );
    } catch (error) {
      await this.deps.blobs.delete(blobName);
      throw error;
    }
    return result();
  }

  /** The latest upload, whatever its status. */
  async current(principal: Principal | undefined, projectId: string): Promise<ManuscriptRecord> {
    const { user } = await this.deps.projects.load(principal, projectId, 'project.read');
    const latest = await this.latest(user.tenantId, projectId);
    if (!latest) throw new NotFoundError('Manuscript');
    return latest;
  }

  async original(
    principal: Principal | undefined,
    projectId: string,
  ): Promise<{ manuscript: ManuscriptRecord; stream: Readable; contentLength: number }> {
    const manuscript = await this.current(principal, projectId);
    const blob = await this.deps.blobs.openRead(manuscript.originalBlob);
    if (!blob) throw new NotFoundError('Manuscript file');
    return { manuscript, stream: blob.stream, contentLength: blob.contentLength };
  }

  /** For the import job, which acts for the system. */
  find(tenantId: string, projectId: string, manuscriptId: string): Promise<ManuscriptRecord | undefined> {
    return this.deps.manuscripts.get(tenantId, projectId, manuscriptId);
  }

  modify(
    tenantId: string,
    projectId: string,
    manuscriptId: string,
    change: (manuscript: ManuscriptRecord) => ManuscriptRecord,
  ): Promise<ManuscriptRecord> {
    return updateWithRetry(
      'Manuscript',
      () => this.deps.manuscripts.get(tenantId, projectId, manuscriptId),
      (doc, etag) => this.deps.manuscripts.replace(doc, etag),
      change,
    );
  }

  /** Removes an upload's record and files (an earlier upload, once a newer one has replaced it). */
  async remove(tenantId: string, projectId: string, manuscriptId: string): Promise<void> {
    await this.deps.blobs.deletePrefix(manuscriptBlobPrefix(tenantId, projectId, manuscriptId));
    await this.deps.manuscripts.delete(tenantId, projectId, manuscriptId);
  }

  /** Every upload of the project, newest first. */
  async all(tenantId: string, projectId: string): Promise<ManuscriptRecord[]> {
    const uploads = await readAllItems(
      (page) =>
        this.deps.manuscripts.list(tenantId, projectId, {
          orderBy: { field: 'uploadedAt', direction: 'DESC' },
          page,
        }),
      50,
    );
    return uploads.sort((a, b) => b.uploadedAt.localeCompare(a.uploadedAt) || b.id.localeCompare(a.id));
  }

  private async latest(tenantId: string, projectId: string): Promise<ManuscriptRecord | undefined> {
    return (await this.all(tenantId, projectId))[0];
  }

  private async hasChapters(tenantId: string, projectId: string): Promise<boolean> {
    const page = await this.deps.chapters.list(tenantId, projectId, { page: { pageSize: 1 } });
    return page.items.length > 0;
  }
}

/** What a project's manuscript status was before an upload that did not start its import marked it. */
function earlierStatus(project: ProjectRecord): 'none' | 'failed' {
  return project.facts?.manuscriptStatus === 'failed' ? 'failed' : 'none';
}
