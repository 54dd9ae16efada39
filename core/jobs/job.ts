/**
 * Background work of a project (import, character detection, planning, production, regeneration) is a job: one
 * durable orchestration whose instance id is the job id. The job document is what the API and the web poll; the
 * orchestration keeps it current through activities. Durable management URLs never leave the server.
 */
import type { ProjectScopedDocument } from '../ports/documents';

export const jobKinds = ['import', 'characters', 'plan', 'produce', 'regenerate'] as const;
export type JobKind = (typeof jobKinds)[number];

/** Which job: the one reference every job kind's steps, stop checks and progress use. */
export interface JobRef {
  tenantId: string;
  projectId: string;
  jobId: string;
}

/**
 * What a job's orchestration is started with and hands to its activities: the job, and the user who started it (the
 * one cost records and created files are attributed to).
 */
export interface JobInput extends JobRef {
  userId: string;
}

/**
 * The orchestration that runs each kind of job: the one place the names are written. JobService starts jobs by kind,
 * and each orchestration registers itself under its kind's name.
 */
export const jobOrchestrations = {
  import: 'importManuscript',
  characters: 'detectCharacters',
  plan: 'planBook',
  produce: 'produceBook',
  regenerate: 'regenerateSegment',
} as const satisfies Record<JobKind, string>;

/** Jobs of these kinds synthesize speech: each holds a production slot and may pin what its chapters are made of. */
export const productionJobKinds = ['produce', 'regenerate'] as const satisfies readonly JobKind[];

export const jobStatuses = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type JobStatus = (typeof jobStatuses)[number];

export interface JobProgress {
  /** What the job is doing now, e.g. `parsing`, `synthesizing`, `mastering`, `packaging`. */
  phase: string;
  chaptersDone: number;
  chaptersTotal: number;
  segmentsDone: number;
  segmentsTotal: number;
  /** Estimated seconds left, from the observed rate; null until there is one. */
  etaSeconds: number | null;
  costSoFarUsd: number;
  message: string | null;
}

export interface JobRecord extends ProjectScopedDocument {
  type: 'job';
  kind: JobKind;
  status: JobStatus;
  /** The orchestration function running it. */
  orchestration: string;
  /** Small, JSON-serializable parameters (never blobs). */
  input: Record<string, unknown>;
  progress: JobProgress;
  result: Record<string, unknown> | null;
  error: { code: string; message: string } | null;
  cancelRequested: boolean;
  attempt: number;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  updatedAt: string;
  /**
   * A production may have pins under its prefix (core/production/chapterLinesPin.ts): true from its start until they
   * are released, by the orchestration's own release step or, for an orchestration that stopped before it, by the
   * job service (a cancel, a claim, the sweep). Absent on productions recorded before the mark existed: the sweep
   * treats those as possibly holding pins once, then marks them.
   */
  pinsHeld?: boolean;
  /** A production's character reservation, claimed with its slot; a start resumed for it claims the same. */
  reservedCharacters?: number;
  /**
   * When a request found the job recorded without its orchestration (its start died, or is still on its way) and
   * started it. Written under the job's ETag before that request claims anything for it, so the start that recorded
   * the job, should it be refused a slot afterwards, sees the job taken over instead of withdrawing it.
   */
  resumedAt?: string;
}

export const initialProgress: JobProgress = {
  phase: 'queued',
  chaptersDone: 0,
  chaptersTotal: 0,
  segmentsDone: 0,
  segmentsTotal: 0,
  etaSeconds: null,
  costSoFarUsd: 0,
  message: null,
};

export function isTerminal(status: JobStatus): boolean {
  return status === 'succeeded' || status === 'failed' || status === 'cancelled';
}
