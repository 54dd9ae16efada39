/**
 * Purging archived projects (docs/privacy.md, "Retention"): once a project has been archived longer than the
 * retention period, the daily retention run deletes every document it has in every per-project container, its blobs,
 * and its own record last. A run stopped halfway (host killed, a store fault) leaves the project record in place, so
 * the next run finds the project again and finishes; deleting what is already gone counts as done.
 */
import { projectBlobPrefix, type BlobStore } from '../ports/blobs';
import type { Clock } from '../ports/system';
import { ARCHIVE_RETENTION_DAYS } from '../projects/projectService';
import type { AnyDocument, TenantDocuments } from './ports';

/**
 * Per-project containers whose documents outlive their project's purge. Cost entries are the tenant's billing and
 * spend history (quantities, prices, days, who caused them); they hold no manuscript content.
 */
export const KEPT_AFTER_PROJECT_PURGE: readonly string[] = ['costs'];

/** Documents deleted per page read: each page is a bounded batch, so a run never holds a whole project in memory. */
const BATCH_SIZE = 100;
const PROJECTS_CONTAINER = 'projects';

export interface ProjectPurgeDeps {
  documents: TenantDocuments;
  blobs: BlobStore;
  clock: Clock;
}

export interface ProjectsPurged {
  /** Projects whose record is gone, i.e. purged to the end. */
  projects: number;
  /** Documents deleted, by container (the project records included). */
  documents: Record<string, number>;
  blobs: number;
}

export class ArchivedProjectPurge {
  constructor(private readonly deps: ProjectPurgeDeps) {}

  /** Purges every project of the tenant archived longer than the retention period. */
  async purgeExpired(tenantId: string): Promise<ProjectsPurged> {
    const cutoff = new Date(this.deps.clock.now().getTime() - ARCHIVE_RETENTION_DAYS * 86_400_000).toISOString();
    const purged: ProjectsPurged = { projects: 0, documents: {}, blobs: 0 };
    for (;;) {
      // Always the first page: a purged project is no longer in it, and one that failed stops the run by throwing.
      const page = await this.deps.documents.scan(
        PROJECTS_CONTAINER,
        tenantId,
        { pageSize: BATCH_SIZE },
        {
          filter: {
            op: 'and',
            filters: [
              { field: 'status', op: 'eq', value: 'archived' },
              { field: 'archivedAt', op: 'lt', value: cutoff },
            ],
          },
        },
      );
      if (page.items.length === 0) return purged;
      for (const project of page.items) await this.purgeProject(tenantId, project, purged);
    }
  }

  private async purgeProject(tenantId: string, project: AnyDocument, purged: ProjectsPurged): Promise<void> {
    for (const container of this.deps.documents.projectContainers) {
      if (KEPT_AFTER_PROJECT_PURGE.includes(container)) continue;
      const deleted = await this.deleteProjectDocuments(container, tenantId, project.id);
      purged.documents[container] = (purged.documents[container] ?? 0) + deleted;
    }
    purged.blobs += await this.deps.blobs.deletePrefix(projectBlobPrefix(tenantId, project.id));
    // Last: while the record exists, the next run finds the project and finishes whatever this one left.
    await this.deps.documents.delete(PROJECTS_CONTAINER, project);
    purged.documents[PROJECTS_CONTAINER] = (purged.documents[PROJECTS_CONTAINER] ?? 0) + 1;
    purged.projects++;
  }

  private async deleteProjectDocuments(container: string, tenantId: string, projectId: string): Promise<number> {
    let deleted = 0;
    for (;;) {
      const page = await this.deps.documents.scan(container, tenantId, { pageSize: BATCH_SIZE }, { projectId });
      if (page.items.length === 0) return deleted;
      for (const doc of page.items) await this.deps.documents.delete(container, doc);
      deleted += page.items.length;
    }
  }
}
