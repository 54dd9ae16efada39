import { NotFoundError, PreconditionFailedError } from '../errors';

/** Each attempt is one read and, unless the change is already there, one ETag-conditional write. */
const MAX_ATTEMPTS = 50;

/**
 * Makes a one-time change (accepting terms, scheduling a deletion, deleting or restoring a chapter) under optimistic concurrency, for many parallel
 * identical requests: whoever finds it already made returns the stored document without writing, so the requests
 * that lose a race see the winner's change on their next read instead of racing each other's no-op writes.
 */
export async function settleOnce<T extends { etag?: string }>(
  what: string,
  load: () => Promise<T | undefined>,
  replace: (doc: T, etag: string) => Promise<T>,
  isDone: (doc: T) => boolean,
  change: (doc: T) => T,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const current = await load();
    if (!current) throw new NotFoundError(what);
    if (isDone(current)) return current;
    try {
      return await replace(change(current), current.etag!);
    } catch (error) {
      if (!(error instanceof PreconditionFailedError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
