/**
 * The `khipu.job.*` events every job kind publishes as it starts and ends. One payload shape for all kinds: the job's
 * ids and kind, plus what the moment adds (the result on success, the error on failure, the start's details).
 */
import { createDomainEvent, EventTypes, jobSubject, type DomainEvent, type EventType } from '../ports/events';
import type { JobRecord } from './job';

export const JOB_EVENT_SOURCE = '/khipu';

/** Which event tells that a job ended with each terminal status. */
export const jobEndEventTypes = {
  succeeded: EventTypes.jobCompleted,
  failed: EventTypes.jobFailed,
  cancelled: EventTypes.jobCancelled,
} as const satisfies Record<'succeeded' | 'failed' | 'cancelled', EventType>;

export function jobEvent(job: JobRecord, type: EventType, time: string, details: object = {}): DomainEvent {
  return createDomainEvent({
    type,
    source: JOB_EVENT_SOURCE,
    subject: jobSubject(job.tenantId, job.projectId, job.id),
    time,
    data: { tenantId: job.tenantId, projectId: job.projectId, jobId: job.id, kind: job.kind, ...details },
    // A retried job is a new attempt: its events are new ones, not repeats of the first attempt's.
    discriminator: String(job.attempt),
  });
}
