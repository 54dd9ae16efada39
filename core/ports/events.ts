import { createHash } from 'node:crypto';

/**
 * Port for publishing domain events (CloudEvents 1.0 on the wire). The Event Grid adapter implements it in Azure and
 * against the local emulator; subscribers (the webhook dispatcher) rely on `id` being stable across retries so they can
 * deduplicate, since delivery is at-least-once.
 */

export const EventTypes = {
  jobStarted: 'khipu.job.started',
  chapterCompleted: 'khipu.chapter.completed',
  jobCompleted: 'khipu.job.completed',
  jobFailed: 'khipu.job.failed',
  jobCancelled: 'khipu.job.cancelled',
  packageReady: 'khipu.package.ready',
  webhookTest: 'khipu.webhook.test',
  reviewCommented: 'khipu.review.commented',
  reviewResolved: 'khipu.review.resolved',
  reviewReopened: 'khipu.review.reopened',
  reviewApproved: 'khipu.review.approved',
  reviewChangesRequested: 'khipu.review.changes_requested',
} as const;

export type EventType = (typeof EventTypes)[keyof typeof EventTypes];

export const ALL_EVENT_TYPES: readonly EventType[] = Object.values(EventTypes);

export function isEventType(value: string): value is EventType {
  return (ALL_EVENT_TYPES as readonly string[]).includes(value);
}

export interface DomainEvent {
  /** Deterministic (see `deterministicEventId`) so a retried activity republishes the same event, not a new one. */
  id: string;
  type: string;
  /** CloudEvents `source`, a URI reference identifying the producer, e.g. `/khipu`. */
  source: string;
  /** `/tenants/{t}/projects/{p}/jobs/{j}`: subscribers filter by prefix, so it always starts with the tenant. */
  subject: string;
  /** RFC 3339 timestamp. Passed in by the caller (e.g. the orchestration's replay-safe clock), never read here. */
  time: string;
  data: object;
}

export interface EventPublisher {
  /** Resolves once the events are accepted by the topic; rejects if any batch was refused. */
  publish(events: DomainEvent[]): Promise<void>;
}

const ID_SEGMENT = /^[A-Za-z0-9_-]{1,128}$/;

function assertIdSegment(kind: string, value: string): void {
  // A `/` or `..` in an id would let one tenant's subject match another tenant's prefix filter.
  if (!ID_SEGMENT.test(value))
    throw new TypeError(`${kind} id is not a safe subject segment: ${JSON.stringify(value)}`);
}

export function jobSubject(tenantId: string, projectId: string, jobId: string): string {
  assertIdSegment('tenant', tenantId);
  assertIdSegment('project', projectId);
  assertIdSegment('job', jobId);
  return `/tenants/${tenantId}/projects/${projectId}/jobs/${jobId}`;
}

/** Prefix matching every event of one tenant (for `subjectBeginsWith` filters). */
export function tenantSubjectPrefix(tenantId: string): string {
  assertIdSegment('tenant', tenantId);
  return `/tenants/${tenantId}/`;
}

/**
 * Same inputs, same id: sha-256 over the JSON-encoded triple (unambiguous, unlike plain concatenation), first 128 bits
 * formatted as an RFC 9562 version-8 (custom) UUID. `discriminator` separates events of one type on one subject, e.g.
 * the chapter id for `khipu.chapter.completed` or the attempt number for a retried job.
 */
export function deterministicEventId(type: string, subject: string, discriminator = ''): string {
  const digest = createHash('sha256')
    .update(JSON.stringify([type, subject, discriminator]), 'utf8')
    .digest();
  const bytes = Buffer.from(digest.subarray(0, 16));
  bytes[6] = (bytes[6] & 0x0f) | 0x80;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export interface NewDomainEvent {
  type: EventType;
  source: string;
  subject: string;
  time: string;
  data: object;
  discriminator?: string;
}

export function createDomainEvent(input: NewDomainEvent): DomainEvent {
  return {
    id: deterministicEventId(input.type, input.subject, input.discriminator ?? ''),
    type: input.type,
    source: input.source,
    subject: input.subject,
    time: input.time,
    data: input.data,
  };
}
