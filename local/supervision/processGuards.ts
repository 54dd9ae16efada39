/**
 * A promise rejected with no handler (an un-awaited call that failed, e.g. a Cosmos timeout in fire-and-forget code)
 * must not end a long-running local process: Node's default is to crash, which took every tenant's requests and the
 * Durable engine down with it. We log it as an error and keep serving; the request or activity that owned the promise
 * has already answered or failed on its own path. Installed once per process, whoever asks first.
 */
export interface UnhandledRejectionLine {
  type: 'host';
  level: 'error';
  message: string;
  detail: string;
}

const GUARD = Symbol.for('khipu.unhandledRejectionGuard');

export function keepRunningOnUnhandledRejections(log: (line: UnhandledRejectionLine) => void): void {
  const flags = process as unknown as Record<symbol, boolean | undefined>;
  if (flags[GUARD]) return;
  flags[GUARD] = true;
  process.on('unhandledRejection', (reason) => {
    const detail = reason instanceof Error ? (reason.stack ?? reason.message) : String(reason);
    log({ type: 'host', level: 'error', message: 'Unhandled promise rejection (kept running)', detail });
  });
}

/** For processes whose log is plain stderr lines. */
export const logToStderr = (line: object): void => {
  process.stderr.write(`${JSON.stringify(line)}\n`);
};
