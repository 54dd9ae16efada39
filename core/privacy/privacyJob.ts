/**
 * Privacy jobs: the erasure of one person and the export of a whole tenant. Each is one durable orchestration over
 * a job document of the tenant (container `privacy`), which the API reports. They belong to the tenant, not to a
 * project, so they are separate from project jobs and their one-job-per-project lock.
 */
import { createHash } from 'node:crypto';
import type { StoredDocument } from '../ports/documents';

export const privacyJobKinds = ['erasure', 'tenantExport'] as const;
export type PrivacyJobKind = (typeof privacyJobKinds)[number];

export const privacyJobStatuses = ['queued', 'running', 'succeeded', 'failed'] as const;
export type PrivacyJobStatus = (typeof privacyJobStatuses)[number];

export const ERASURE_ORCHESTRATION = 'eraseUser';
export const TENANT_EXPORT_ORCHESTRATION = 'exportTenant';

/** Documents changed and deleted in one container (or among the blobs). */
export interface ErasureCounts {
  rewritten: number;
  deleted: number;
}

export interface ErasureReport {
  /** What the erasure found and changed, per container; `blobs` for the blob store. */
  found: Record<string, ErasureCounts>;
  /** Traces left after the last pass (every count zero when the erasure is complete). */
  remaining: Record<string, number>;
  /** Passes made over the data (a pass again when something was written while the first ran). */
  passes: number;
}

export interface TenantExportReport {
  projects: number;
  entries: number;
  bytes: number;
}

export interface ExportArchive {
  blobName: string;
  fileName: string;
  bytes: number;
  /** The zip is deleted after this; the job stays, without a download. */
  expiresAt: string;
  deletedAt: string | null;
}

/** Who an erasure is about, held on the job only while it runs: the person's record is gone by the end. */
export interface ErasureSubject {
  userId: string;
  email: string;
  names: string[];
  /** When their user record was created: nothing written before can hold them. */
  joinedAt: string;
}

export interface PrivacyJobRecord extends StoredDocument {
  type: 'privacyJob';
  kind: PrivacyJobKind;
  status: PrivacyJobStatus;
  /** What the job is doing now (`queued`, `surveying`, `erasing`, `verifying`, `writing`, ...). */
  phase: string;
  requestedBy: string;
  /** Erasure: the person's pseudonym, kept after the job ends. */
  subjectRef: string | null;
  subject: ErasureSubject | null;
  /** Who takes over what the person owned (the admin who asked). */
  successorId: string | null;
  attempt: number;
  report: ErasureReport | TenantExportReport | null;
  archive: ExportArchive | null;
  error: { code: string; message: string } | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
}

/** The orchestration instance of a job's attempt (a failed job asked for again runs as a new instance). */
export function privacyInstanceId(jobId: string, attempt: number): string {
  return attempt === 1 ? jobId : `${jobId}-${attempt}`;
}

/**
 * One erasure job per person (per user record: someone invited again after an erasure is a new record), with an
 * id derived from it: repeated and parallel requests meet on one create-only write.
 */
export function erasureJobId(tenantId: string, userId: string, userCreatedAt: string): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([tenantId, userId, userCreatedAt]), 'utf8')
    .digest('hex');
  return `era_${digest.slice(0, 40)}`;
}

export function isFinished(status: PrivacyJobStatus): boolean {
  return status === 'succeeded' || status === 'failed';
}
