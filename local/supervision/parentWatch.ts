/**
 * The child's half of `spawnSupervised`: our stdin is a pipe only the parent writes to. The kernel closes it when the
 * parent process ends, however it ends (SIGKILL included), and we read end-of-file. Then we run our own orderly
 * shutdown, and exit regardless after a grace period.
 */
export function exitWithParent(shutdown: () => Promise<void> | void, graceMs = 10_000): void {
  const stdin = process.stdin;
  // Started by hand from a terminal: there is no supervising parent to watch.
  if (stdin.isTTY) return;
  let leaving = false;
  const leave = () => {
    if (leaving) return;
    leaving = true;
    setTimeout(() => process.exit(0), graceMs).unref();
    Promise.resolve()
      .then(shutdown)
      .catch((error: unknown) => process.stderr.write(`shutdown after the parent exited failed: ${String(error)}\n`))
      .finally(() => process.exit(0));
  };
  stdin.on('end', leave);
  stdin.on('close', leave);
  stdin.on('error', leave);
  // Nothing is ever written; draining keeps the pipe readable so end-of-file is seen, without keeping us alive.
  stdin.on('data', () => undefined);
  stdin.resume();
  (stdin as { unref?: () => void }).unref?.();
}
