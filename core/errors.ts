/**
 * Domain errors carry a stable code; the one HTTP mapping lives in functions/http/errors.ts.
 * Core never knows about status codes.
 */
export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'job_in_progress'
  | 'idempotency_in_progress'
  | 'precondition_failed'
  | 'precondition_required'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'unprocessable'
  | 'rate_limited'
  | 'quota_exceeded'
  | 'tenant_suspended'
  | 'consent_required'
  /** The change would leave the organization without an active admin. */
  | 'last_admin'
  /** A merge named a character that was itself merged away (into the request's own character, or into several). */
  | 'character_merged'
  /** An edit named a segment of a chapter plan that a newer one replaced (a re-plan, or another edit's rewrite). */
  | 'plan_replaced'
  | 'internal';

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `metadata.isbn`. */
  field: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    message: string,
    public readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class ValidationError extends DomainError {
  constructor(
    message: string,
    public readonly fields: FieldIssue[] = [],
  ) {
    super('validation_failed', message, { fields });
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'A valid bearer token is required') {
    super('unauthenticated', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You are not allowed to do this') {
    super('forbidden', message);
  }
}

/** Also used for other tenants' objects: they must look nonexistent. */
export class NotFoundError extends DomainError {
  /** `field` names the request field that pointed at the missing object, when it is not the path's own. */
  constructor(what: string, field?: string) {
    super('not_found', `${what} was not found`, field === undefined ? undefined : { field });
  }
}

export class ConflictError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('conflict', message, details);
  }
}

/**
 * The segment an edit names was part of its chapter's plan, but a newer plan of the chapter replaced it (a re-plan, or
 * a split, merge or text edit by someone else): the edit cannot apply, and the client reloads the chapter.
 */
export class PlanReplacedError extends DomainError {
  constructor(chapterId: string) {
    super(
      'plan_replaced',
      'The chapter was planned again since this segment was loaded; it is no longer part of the plan. Load the chapter again',
      { chapterId },
    );
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message: string, current?: unknown) {
    super('precondition_failed', message, current === undefined ? undefined : { current });
  }
}

export class RateLimitedError extends DomainError {
  constructor(public readonly retryAfterSeconds: number) {
    super('rate_limited', `Too many requests; retry after ${retryAfterSeconds} s`, { retryAfterSeconds });
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string, details?: Record<string, unknown>) {
    super('quota_exceeded', message, details);
  }
}

/** Another job of the project holds its claim; only one job runs per project at a time. */
export class JobInProgressError extends DomainError {
  constructor(job: { jobId: string; kind: string }) {
    super('job_in_progress', `A ${job.kind} job is already running for this project`, job);
  }
}

/** A request with the same Idempotency-Key is still running; its response will be replayed once it is stored. */
export class IdempotencyInProgressError extends DomainError {
  constructor(public readonly retryAfterSeconds: number) {
    super(
      'idempotency_in_progress',
      `A request with this Idempotency-Key is still being processed; retry after ${retryAfterSeconds} s`,
      { field: 'Idempotency-Key', retryAfterSeconds },
    );
  }
}
