import pino from 'pino';
import type { Logger } from '../../core/ports/system';

/** Lines are handed to the operating system in batches of at least this many bytes… */
const BATCH_BYTES = 4096;
/** …or this often, whichever comes first, so a quiet process still shows its lines promptly. */
const FLUSH_INTERVAL_MS = 100;
/** Pino's level number opens every line; a warning (40) or worse is written at once, with what precedes it. */
const URGENT_LINE = /^\{"level":([4-9]\d|\d{3,})[,}]/;

/**
 * Stdout written in batches (docs/api-performance.md). Pino's default destination writes every line on its own,
 * through libuv's thread pool: on a busy API that was a write, a cross-thread wake-up and a completion notice per
 * request. Batched, one write carries a few dozen lines. Warnings and errors are not held back. What is still
 * buffered is written synchronously when the process exits (pino registers that for asynchronous destinations); a
 * process killed outright loses at most the last interval's informational lines, never an audit record (those are
 * stored).
 */
export function batchedLines(fd: number): pino.DestinationStream {
  // The periodic flush is the stream's own, so it stops when the stream closes or is destroyed.
  const stream = pino.destination({ dest: fd, sync: false, minLength: BATCH_BYTES, periodicFlush: FLUSH_INTERVAL_MS });
  // Bytes handed to the stream and not yet written. The stream drops a flush asked for while a write is in flight,
  // so a warning that arrives then is flushed when that write completes (its 'drain'), not at the next interval.
  let buffered = 0;
  let urgentWaiting = false;
  let closed = false;
  stream.once('close', () => (closed = true));
  const flushUrgent = () => {
    if (buffered > 0 && !closed) stream.flush();
  };
  stream.on('write', (bytes: number) => {
    buffered = Math.max(0, buffered - bytes);
    if (buffered === 0) urgentWaiting = false;
  });
  stream.on('drain', () => {
    if (urgentWaiting) flushUrgent();
  });
  return {
    write(line: string) {
      buffered += Buffer.byteLength(line);
      stream.write(line);
      if (URGENT_LINE.test(line)) {
        urgentWaiting = true;
        flushUrgent();
      }
    },
  };
}

/**
 * One batched stdout per process, shared by every logger: two buffers on one pipe could each write a batch larger
 * than the pipe writes atomically, and a partial write of one could let the other's lines into the middle of a line.
 */
let stdoutLines: pino.DestinationStream | undefined;

/** Structured JSON logs (one line per event) on stdout; Application Insights picks them up through OpenTelemetry. */
export function createLogger(
  level: string = 'info',
  destination: pino.DestinationStream = (stdoutLines ??= batchedLines(1)),
): Logger & { raw: pino.Logger } {
  const raw = pino({ level, base: { service: 'khipu-api' }, timestamp: pino.stdTimeFunctions.isoTime }, destination);
  return {
    raw,
    info: (message, fields) => raw.info(fields ?? {}, message),
    warn: (message, fields) => raw.warn(fields ?? {}, message),
    error: (message, fields) => raw.error(fields ?? {}, message),
  };
}
