/**
 * Which failures of a production step (a chapter's listing, its mastering) would fail the same way if the step ran
 * again: bad input, a missing object, a voice the catalog lacks, a quota. The orchestration retries these steps
 * (each is idempotent: a rerun finds what an earlier attempt stored and stores the rest create-only), and a retry is
 * only worth its wait for a failure of the moment (a store answering 429 or 503, a reset connection, a killed tool).
 * Durable retries whatever an activity throws, so a step returns the failures that would repeat as its refusal
 * instead of throwing them, as synthesis does with a segment the speech service refuses for good.
 */
import { DomainError, type ErrorCode } from '../errors';
import { SsmlAllowlistError } from '../ssml/ssmlBuilder';

/** What a step that will not succeed on another run answers instead of its result. */
export interface StepRefusal {
  refused: { code: string; message: string };
}

/**
 * Domain errors that describe the request or the stored book, not the moment. Left out on purpose: lost races
 * (`precondition_failed`, `conflict`: a plan commit racing the read), `rate_limited` and `internal`, which a later
 * attempt can get past.
 */
const REPEATING_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'validation_failed',
  'not_found',
  'forbidden',
  'unauthenticated',
  'unprocessable',
  'payload_too_large',
  'unsupported_media_type',
  'quota_exceeded',
  'tenant_suspended',
  'consent_required',
]);

/** Whether running the step again would only fail the same way. Anything unrecognised counts as passing. */
export function willFailAgain(error: unknown): boolean {
  if (error instanceof SsmlAllowlistError) return true;
  return error instanceof DomainError && REPEATING_CODES.has(error.code);
}

/** Runs a step; a failure that would repeat comes back as its refusal, any other is thrown (and retried). */
export async function refusingRepeatingFailures<T>(step: () => Promise<T>): Promise<T | StepRefusal> {
  try {
    return await step();
  } catch (error) {
    if (!willFailAgain(error)) throw error;
    const code = error instanceof DomainError ? error.code : 'unprocessable';
    return { refused: { code, message: (error as Error).message } };
  }
}

export function isRefusal<T extends object>(outcome: T | StepRefusal): outcome is StepRefusal {
  return 'refused' in outcome;
}
