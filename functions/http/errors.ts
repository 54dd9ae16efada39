import { DomainError, type ErrorCode, RateLimitedError } from '../../core/errors';
import { ConfigError } from '../../adapters/config/config';

/** The one mapping from domain error codes to HTTP statuses. */
const statusByCode: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  tenant_suspended: 403,
  not_found: 404,
  conflict: 409,
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

export function toErrorResponse(
  error: unknown,
  requestId: string,
  presentDetails?: (details: Record<string, unknown>) => Record<string, unknown>,
): ErrorResponse {
  if (error instanceof DomainError) {
    const headers: Record<string, string> = {};
    if (error instanceof RateLimitedError) headers['Retry-After'] = String(error.retryAfterSeconds);
    const details = error.details && presentDetails ? presentDetails(error.details) : error.details;
    return {
      status: statusByCode[error.code],
      headers,
      body: { error: { code: error.code, message: error.message, ...(details ? { details } : {}), requestId } },
    };
  }
  const message = error instanceof ConfigError ? 'The service is misconfigured' : 'Something went wrong on our side';
  return { status: 500, headers: {}, body: { error: { code: 'internal', message, requestId } } };
}
