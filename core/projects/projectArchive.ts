/**
 * Archiving and restoring a project (docs/reliability.md, "Archived projects"). Both change the status on the fresh
 * record with an ETag-conditional write: edits in flight recount their facts into the same record, and the status
 * change touches nothing they write, so a lost race is applied again rather than answered 412 or 500.
 */
import { isDeepStrictEqual } from 'node:util';
import { updateWithRetry } from '../common/optimisticUpdate';
import { ConflictError, PreconditionFailedError } from '../errors';
import type { Clock } from '../ports/system';
import type { ProjectRecord } from './project';

/** Days an archived project stays restorable before its data is purged. */
export const ARCHIVE_RETENTION_DAYS = 30;

/** One project's record, for the user who changes it: `save` stamps who and when. */
export interface ArchiveDeps {
  clock: Clock;
  get(projectId: string): Promise<ProjectRecord | undefined>;
  save(project: ProjectRecord, etag: string): Promise<ProjectRecord>;
}

/**
 * With `ifMatch`, the archive is stored only on the version the client names, or on one that differs from it only by
 * the facts the platform recounts as edits land: the client did not cause those, so such a conflict is retried; any
 * other change meanwhile answers 412 with the current project.
 */
export function archiveProject(deps: ArchiveDeps, project: ProjectRecord, ifMatch?: string): Promise<ProjectRecord> {
  if (ifMatch && project.etag !== ifMatch)
    throw new PreconditionFailedError('The project changed since you loaded it', project);
  if (project.status === 'archived') return Promise.resolve(project);
  const now = deps.clock.now().toISOString();
  return changeStatus(
    deps,
    project.id,
    ifMatch ? project : undefined,
    (current) => current.status === 'archived',
    (current) => ({ ...current, status: 'archived', statusBeforeArchive: current.status, archivedAt: now }),
  );
}

export function restoreProject(deps: ArchiveDeps, project: ProjectRecord): Promise<ProjectRecord> {
  if (project.status !== 'archived') return Promise.resolve(project);
  return changeStatus(
    deps,
    project.id,
    undefined,
    (current) => current.status !== 'archived',
    (current) => {
      assertRestorable(deps.clock, current);
      return {
        ...current,
        status: current.statusBeforeArchive ?? 'draft',
        statusBeforeArchive: null,
        archivedAt: null,
      };
    },
  );
}

/**
 * Past the retention period the daily purge may already be deleting the project's documents: a restore then would
 * bring back a record whose book is half gone, so the two never overlap in time.
 */
function assertRestorable(clock: Clock, project: ProjectRecord): void {
  const retentionEnds = Date.parse(project.archivedAt ?? '') + ARCHIVE_RETENTION_DAYS * 86_400_000;
  if (retentionEnds <= clock.now().getTime())
    throw new ConflictError(
      `The project was archived more than ${ARCHIVE_RETENTION_DAYS} days ago and is being deleted; it can no longer be restored`,
      { reason: 'retention_expired', archivedAt: project.archivedAt },
    );
}

/**
 * `change` applied to the fresh record until its conditional write is stored; nothing is written once the record is
 * `done` already (a concurrent identical request won). With `base` (the version the client's If-Match named), a fresh
 * record that differs from it by more than the recounted facts is refused.
 */
function changeStatus(
  deps: ArchiveDeps,
  projectId: string,
  base: ProjectRecord | undefined,
  done: (current: ProjectRecord) => boolean,
  change: (current: ProjectRecord) => ProjectRecord,
): Promise<ProjectRecord> {
  let unchanged: ProjectRecord | undefined;
  return updateWithRetry(
    'Project',
    async () => {
      const current = await deps.get(projectId);
      if (current && base && current.etag !== base.etag && !sameApartFromFacts(current, base))
        throw new PreconditionFailedError('The project changed since you loaded it', current);
      return current;
    },
    (doc, etag) => (doc === unchanged ? Promise.resolve(doc) : deps.save(doc, etag)),
    (current) => {
      if (!done(current)) return change(current);
      unchanged = current;
      return current;
    },
  );
}

/** Whether two versions of a project differ only by what fact recounts write (`recountFacts`, `updateFacts`). */
function sameApartFromFacts(a: ProjectRecord, b: ProjectRecord): boolean {
  const content = ({ facts: _facts, factsRecounts: _recounts, etag: _etag, ...rest }: ProjectRecord) => rest;
  return isDeepStrictEqual(content(a), content(b));
}
