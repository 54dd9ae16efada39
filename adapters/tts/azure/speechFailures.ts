/**
 * Turns what the Speech SDK reports for a cancelled synthesis (an error code and a free-text detail that carries the
 * websocket close code or the HTTP status of a refused upgrade) into the port's errors:
 * throttling → SpeechThrottledError (retry-after when the service gave one), requests that cannot succeed →
 * SpeechPermanentError with a reason, anything else (network, timeouts, 5xx) → SpeechTransientError (retryable).
 */
import { SpeechPermanentError, type SpeechPermanentReason, SpeechThrottledError } from '../../../core/ports/speech';
import { SpeechTransientError } from '../../../core/production/speechRetry';

export interface SdkCancellation {
  /** `CancellationErrorCode` name, e.g. `ConnectionFailure`, `BadRequestParameters`, `TooManyRequests`. */
  errorCode: string;
  errorDetails: string;
}

const THROTTLE_TEXT = /too many requests|throttl|rate limit|quota exceeded|exceeded.*(?:limit|quota)/i;

export function mapSdkCancellation(cancellation: SdkCancellation): Error {
  const details = cancellation.errorDetails || cancellation.errorCode || 'speech synthesis cancelled';
  const closeCode = Number(/websocket error code:\s*(\d+)/i.exec(details)?.[1] ?? NaN);
  const httpStatus = httpStatusOf(details);
  const message = `Azure Speech: ${details}`.slice(0, 1000);

  if (
    cancellation.errorCode === 'TooManyRequests' ||
    closeCode === 4429 ||
    httpStatus === 429 ||
    (closeCode === 1007 && THROTTLE_TEXT.test(details))
  ) {
    return new SpeechThrottledError(message, retryAfterMsOf(details));
  }
  if (
    cancellation.errorCode === 'AuthenticationFailure' ||
    cancellation.errorCode === 'Forbidden' ||
    httpStatus === 401 ||
    httpStatus === 403 ||
    closeCode === 4401 ||
    closeCode === 4403
  ) {
    return new SpeechPermanentError(message, 'unauthorized');
  }
  if (closeCode === 1007 || closeCode === 1009 || cancellation.errorCode === 'BadRequestParameters') {
    return new SpeechPermanentError(message, badRequestReason(details));
  }
  if (httpStatus === 400 || httpStatus === 404) return new SpeechPermanentError(message, badRequestReason(details));
  if (cancellation.errorCode === 'ServiceTimeout') return new SpeechTransientError(message, 'timeout');
  if (cancellation.errorCode === 'ServiceError' || cancellation.errorCode === 'ServiceUnavailable') {
    return new SpeechTransientError(message, 'service');
  }
  return new SpeechTransientError(message, 'network');
}

function badRequestReason(details: string): SpeechPermanentReason {
  if (/voice/i.test(details) && /unsupported|not (?:found|supported|available)|unknown|invalid/i.test(details)) {
    return 'voice_not_found';
  }
  if (/too long|too large|exceed|maximum|1009/i.test(details)) return 'too_long';
  if (/ssml|xml|pars|markup|element|attribute/i.test(details)) return 'invalid_ssml';
  return 'invalid_ssml';
}

/**
 * HTTP status of a refused websocket upgrade, from the SDK's "Unable to contact server. StatusCode: N" or the
 * `ws` client's "Unexpected server response: N".
 */
function httpStatusOf(details: string): number | undefined {
  const unexpected = /unexpected server response:\s*(\d{3})/i.exec(details)?.[1];
  if (unexpected) return Number(unexpected);
  const status = Number(/statuscode:\s*(\d{3})\b/i.exec(details)?.[1] ?? NaN);
  return status >= 400 && status < 600 ? status : undefined;
}

/**
 * Retry-after when the service states one in the close reason or error text ("Retry-After: 5", "retry after 2.5
 * seconds", "retry after 800 ms"). The SDK does not expose headers of a refused upgrade, so it is often unknown.
 */
export function retryAfterMsOf(details: string): number | undefined {
  const match = /retry[- ]after[:=\s]+(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?)?/i.exec(details);
  if (!match) return undefined;
  const value = Number(match[1]);
  if (!Number.isFinite(value) || value < 0) return undefined;
  const milliseconds = /^m/i.test(match[2] ?? '') ? value : value * 1000;
  // A hostile or garbled value must not park the pipeline for hours.
  return Math.min(Math.round(milliseconds), 10 * 60_000);
}
