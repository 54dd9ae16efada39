import { SpeechPermanentError, SpeechThrottledError } from '../../core/ports/speech';
import { SpeechTransientError } from '../../core/production/speechRetry';
import { mapSdkCancellation, retryAfterMsOf } from '../../adapters/tts/azure/speechFailures';

describe('mapSdkCancellation', () => {
  it.each([
    ['ConnectionFailure', 'Too many requests websocket error code: 4429', SpeechThrottledError, undefined],
    ['BadRequestParameters', 'Request throttled websocket error code: 1007', SpeechThrottledError, undefined],
    ['TooManyRequests', 'quota', SpeechThrottledError, undefined],
    [
      'ConnectionFailure',
      'StatusCode: 1006, wss://x Reason:  Unexpected server response: 429',
      SpeechThrottledError,
      undefined,
    ],
    [
      'BadRequestParameters',
      'Unsupported voice en-US-X. websocket error code: 1007',
      SpeechPermanentError,
      'voice_not_found',
    ],
    ['BadRequestParameters', 'SSML parsing error websocket error code: 1007', SpeechPermanentError, 'invalid_ssml'],
    ['ConnectionFailure', 'Message too big websocket error code: 1009', SpeechPermanentError, 'too_long'],
    [
      'ConnectionFailure',
      'Unable to contact server. StatusCode: 1006, Reason: Unexpected server response: 401',
      SpeechPermanentError,
      'unauthorized',
    ],
    ['AuthenticationFailure', '', SpeechPermanentError, 'unauthorized'],
    ['ConnectionFailure', 'Connection closed. 1006: socket hang up', SpeechTransientError, undefined],
    ['ServiceTimeout', 'timeout', SpeechTransientError, undefined],
    ['ConnectionFailure', 'Internal error websocket error code: 1011', SpeechTransientError, undefined],
  ] as const)('%s "%s" → %p', (errorCode, errorDetails, type, reason) => {
    const error = mapSdkCancellation({ errorCode, errorDetails });
    expect(error).toBeInstanceOf(type);
    if (reason) expect(error).toMatchObject({ reason });
  });
});

describe('retryAfterMsOf', () => {
  it.each([
    ['Too many requests. Retry-After: 2', 2000],
    ['retry after 1.5 seconds', 1500],
    ['Retry-After=800ms', 800],
    ['retry-after: 999999', 600_000],
    ['Too many requests', undefined],
  ])('%s → %p', (text, expected) => {
    expect(retryAfterMsOf(text)).toBe(expected);
  });
});
