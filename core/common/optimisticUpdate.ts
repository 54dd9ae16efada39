import { NotFoundError, PreconditionFailedError } from '../errors';

const MAX_ATTEMPTS = 10;

/**
 * Read-modify-write under optimistic concurrency for documents several writers touch (project facts, job progress):
 * on a lost race the change is re-applied to the fresh document instead of failing the caller.
 */
export async function updateWithRetry<T extends { etag?: string }>(
  what: string,
  load: () => Promise<T | undefined>,
  replace: (doc: T, etag: string) => Promise<T>,
  change: (doc: T) => T,
  maxAttempts = MAX_ATTEMPTS,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await load();
    if (!current) throw new NotFoundError(what);
    try {
      return await replace(change(current), current.etag!);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= maxAttempts) throw error;
    }
  }
}
