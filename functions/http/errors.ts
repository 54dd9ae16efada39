import { DomainError, type ErrorCode, IdempotencyInProgressError, RateLimitedError } from '../../core/errors';
import { ConfigError } from '../../adapters/config/config';
import { publicViewOf } from './publicViews';

/** The one mapping from domain error codes to HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  tenant_suspended: 403,
  consent_required: 403,
  not_found: 404,
  conflict: 409,
  job_in_progress: 409,
  idempotency_in_progress: 409,
  last_admin: 409,
  character_merged: 409,
  plan_replaced: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  rate_limited: 429,
  quota_exceeded: 429,
  internal: 500,
};

export interface ErrorResponse {
  status: number;
  headers: Record<string, string>;
  body: { error: { code: string; message: string; details?: Record<string, unknown>; requestId: string } };
}

export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    const retryAfter = retryAfterSeconds(error);
    if (retryAfter !== undefined) headers['Retry-After'] = String(retryAfter);
    const details = error.details ? publicDetails(error.details) : undefined;
    return {
      status: statusByCode[error.code],
      headers,
      body: { error: { code: error.code, message: error.message, ...(details ? { details } : {}), requestId } },
    };
  }
  const message = error instanceof ConfigError ? 'The service is misconfigured' : 'Something went wrong on our side';
  return { status: 500, headers: {}, body: { error: { code: 'internal', message, requestId } } };
}

function retryAfterSeconds(error: DomainError): number | undefined {
  if (error instanceof RateLimitedError || error instanceof IdempotencyInProgressError) return error.retryAfterSeconds;
  return undefined;
}

/**
 * A stale write's `details.current` is the stored document: only its public view (the API schema's shape) leaves
 * the server, and a document without one is left out rather than shown raw.
 */
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  if (!('current' in details)) return details;
  const { current, ...rest } = details;
  const view = publicViewOf(current);
  return view === undefined ? rest : { ...rest, current: view };
}
