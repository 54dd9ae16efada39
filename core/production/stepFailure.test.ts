import { ConflictError, DomainError, NotFoundError, PreconditionFailedError, QuotaExceededError } from '../errors';
import { SsmlAllowlistError } from '../ssml/ssmlBuilder';
import { isRefusal, refusingRepeatingFailures, willFailAgain } from './stepFailure';

test('bad input, a missing object or voice and a quota would fail again; a store error of the moment would not', () => {
  expect(willFailAgain(new NotFoundError('Chapter'))).toBe(true);
  expect(willFailAgain(new DomainError('unprocessable', 'Chapter "One" has no segments to master'))).toBe(true);
  expect(willFailAgain(new SsmlAllowlistError('unknown_voice', 'en-US-Gone'))).toBe(true);
  expect(willFailAgain(new QuotaExceededError('Monthly character quota exceeded'))).toBe(true);
  // Cosmos answers 429 and 503 as errors carrying the status; a reset connection is a plain Node error.
  expect(willFailAgain(Object.assign(new Error('Request rate is large'), { code: 429 }))).toBe(false);
  expect(willFailAgain(Object.assign(new Error('Service Unavailable'), { code: 503 }))).toBe(false);
  expect(willFailAgain(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(false);
  // Lost races: another attempt reads the fresh document.
  expect(willFailAgain(new PreconditionFailedError('The object changed since you loaded it'))).toBe(false);
  expect(willFailAgain(new ConflictError('The chapter is being planned again right now; try again in a moment'))).toBe(
    false,
  );
});

test('a failure that would repeat is answered as the refusal; any other is thrown for the retry', async () => {
  const refused = await refusingRepeatingFailures(() => Promise.reject(new NotFoundError('Chapter')));
  expect(refused).toEqual({ refused: { code: 'not_found', message: 'Chapter was not found' } });
  expect(isRefusal(refused)).toBe(true);
  const voice = await refusingRepeatingFailures(() => Promise.reject(new SsmlAllowlistError('unknown_voice', 'x')));
  expect(voice).toEqual({ refused: { code: 'unprocessable', message: 'Voice "x" is not in the catalog' } });

  const unavailable = Object.assign(new Error('Service Unavailable'), { code: 503 });
  await expect(refusingRepeatingFailures(() => Promise.reject(unavailable))).rejects.toBe(unavailable);
  const listed = await refusingRepeatingFailures(() => Promise.resolve({ cancelled: false, batches: [['s1']] }));
  expect(isRefusal(listed)).toBe(false);
});
