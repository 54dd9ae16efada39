/**
 * One job per project: before a job exists, its id claims the project's lock document (in the jobs container). The
 * first claim creates the document (create-only), later ones replace a free or stale lock conditionally on its ETag,
 * so of any number of concurrent starts exactly one holds the lock. The job frees it when it finishes, fails or is
 * cancelled; a lock whose job has ended (or never came to exist) is stale and can be taken over.
 */
import { ConflictError, JobInProgressError, PreconditionFailedError } from '../errors';
import type { ProjectCollection, ProjectScopedDocument, TransactionWrite } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { JobKind } from './job';

export interface ProjectJobLock extends ProjectScopedDocument {
  type: 'jobLock';
  /** The job holding the project; null when free. */
  jobId: string | null;
  kind: JobKind | null;
  claimedAt: string | null;
  updatedAt: string;
}

export interface LockHolder {
  jobId: string;
  kind: JobKind;
  claimedAt: string;
}

/** Ids in per-project containers must be unique per tenant (see adapters/cosmos/containers.ts). */
export function jobLockId(projectId: string): string {
  return `${projectId}.jobLock`;
}

/** Only lost races retry; a handful of concurrent starts settle in a few rounds. */
const MAX_ATTEMPTS = 50;

export class ProjectJobLocks {
  constructor(private readonly deps: { locks: ProjectCollection<ProjectJobLock>; clock: Clock }) {}

  /**
   * Takes the project for `holder`, or throws JobInProgressError naming the job that has it. `isStale` decides
   * whether the current holder has ended without freeing the lock (it may settle that job, or start one whose start
   * died, as a side effect). With `writeTogether`, the lock's write is handed to it to be stored in one transaction
   * with the holder's own record, so no process can die between them and leave the project held by a job that never
   * existed.
   */
  async claim(
    tenantId: string,
    projectId: string,
    holder: LockHolder,
    isStale: (held: LockHolder) => Promise<boolean>,
    writeTogether?: (lockWrite: TransactionWrite<ProjectJobLock>) => Promise<void>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const lock = await this.deps.locks.get(tenantId, projectId, jobLockId(projectId));
      if (lock?.jobId === holder.jobId) return;
      const held = heldBy(lock);
      if (held && !(await isStale(held))) throw new JobInProgressError({ jobId: held.jobId, kind: held.kind });
      const next = this.document(tenantId, projectId, holder);
      const write: TransactionWrite<ProjectJobLock> = lock
        ? { op: 'replace', doc: next, etag: lock.etag! }
        : { op: 'create', doc: next };
      try {
        if (writeTogether) await writeTogether(write);
        else if (write.op === 'replace') await this.deps.locks.replace(write.doc, write.etag);
        else await this.deps.locks.create(next);
        return;
      } catch (error) {
        if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Frees the project if `jobId` still holds it (a later holder that took over a stale lock keeps it). */
  async release(tenantId: string, projectId: string, jobId: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      const lock = await this.deps.locks.get(tenantId, projectId, jobLockId(projectId));
      if (!lock || lock.jobId !== jobId) return;
      try {
        await this.deps.locks.replace(this.document(tenantId, projectId, null), lock.etag!);
        return;
      } catch (error) {
        if (!lostRace(error) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** The job holding the project, if any. */
  async holder(tenantId: string, projectId: string): Promise<LockHolder | undefined> {
    return heldBy(await this.deps.locks.get(tenantId, projectId, jobLockId(projectId)));
  }

  private document(tenantId: string, projectId: string, holder: LockHolder | null): ProjectJobLock {
    return lockDocument(tenantId, projectId, holder, this.deps.clock.now().toISOString());
  }
}

/** The lock as its holder's withdrawal leaves it: free, to be written in one transaction with the job's removal. */
export function freeLock(lock: ProjectJobLock, updatedAt: string): ProjectJobLock {
  return lockDocument(lock.tenantId, lock.projectId, null, updatedAt);
}

function lockDocument(
  tenantId: string,
  projectId: string,
  holder: LockHolder | null,
  updatedAt: string,
): ProjectJobLock {
  return {
    id: jobLockId(projectId),
    type: 'jobLock',
    tenantId,
    projectId,
    jobId: holder?.jobId ?? null,
    kind: holder?.kind ?? null,
    claimedAt: holder?.claimedAt ?? null,
    updatedAt,
  };
}

function heldBy(lock: ProjectJobLock | undefined): LockHolder | undefined {
  return lock?.jobId && lock.kind && lock.claimedAt
    ? { jobId: lock.jobId, kind: lock.kind, claimedAt: lock.claimedAt }
    : undefined;
}

function lostRace(error: unknown): boolean {
  return error instanceof PreconditionFailedError || error instanceof ConflictError;
}
