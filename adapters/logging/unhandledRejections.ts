import type { Logger } from '../../core/ports/system';

/** Shared with the local host's guard (local/supervision/processGuards.ts): one handler per process, whoever is first. */
const GUARD = Symbol.for('khipu.unhandledRejectionGuard');

/**
 * A promise rejected with no handler must not end the worker: Node's default turns it into an uncaught exception,
 * and the Functions worker exits on those, failing every invocation in flight on the instance. It is logged as an
 * error (and reaches Application Insights) instead; the request or activity that owned the promise has already
 * answered or failed on its own path.
 */
export function logUnhandledRejections(logger: Logger): void {
  const flags = process as unknown as Record<symbol, boolean | undefined>;
  if (flags[GUARD]) return;
  flags[GUARD] = true;
  process.on('unhandledRejection', (reason) => {
    logger.error('Unhandled promise rejection (kept running)', {
      error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason),
    });
  });
}
