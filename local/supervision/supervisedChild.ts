/**
 * How the local platform starts its long-running child processes (Azurite, the Cosmos emulator, a separate Functions
 * host, the whole platform under a test) so that none outlives its parent, however the parent ends:
 *
 * - each child gets a pipe on its stdin whose only writer is the parent; when the parent exits for any reason
 *   (Ctrl-C, a crash, SIGKILL) the kernel closes that pipe and the child reads end-of-file (see `exitWithParent`);
 * - on an orderly exit the parent also signals its children itself, so they stop at once.
 */
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import path from 'node:path';
import { typeScriptNodeArgs } from './typeScriptChild';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export interface SupervisedChildOptions {
  /** Arguments after the entry module. */
  args?: string[];
  /** Node's (and V8's) own options, before the entry module. */
  nodeArgs?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Where the child's stdout and stderr go; 'pipe' to read them. */
  output?: 'pipe' | 'ignore' | 'inherit';
}

/** Runs a TypeScript module of this repository (see typeScriptChild.ts) as a child process that ends when we do. */
export function spawnSupervised(entryModule: string, options: SupervisedChildOptions = {}): ChildProcess {
  const output = options.output ?? 'pipe';
  const spawnOptions: SpawnOptions = {
    cwd: options.cwd ?? REPO_ROOT,
    env: options.env ?? process.env,
    // stdin is the parent-liveness pipe: never written, never closed by us until we exit.
    stdio: ['pipe', output, output],
  };
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), ...typeScriptNodeArgs(), entryModule, ...(options.args ?? [])],
    spawnOptions,
  );
  running.add(child);
  child.once('exit', () => running.delete(child));
  // A child that is already gone must not turn our writes to its stdin into an unhandled 'error' (EPIPE).
  child.stdin?.on('error', () => undefined);
  installExitHook();
  return child;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // 'exit' handlers may only do synchronous work; sending a signal is synchronous. The pipe covers SIGKILL.
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

export function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (hasExited(child)) resolve();
    else child.once('exit', () => resolve());
  });
}

/** SIGTERM, then SIGKILL if the child has not exited after `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (hasExited(child)) return;
  const force = setTimeout(() => child.kill('SIGKILL'), graceMs);
  child.kill('SIGTERM');
  await waitForExit(child);
  clearTimeout(force);
}

/**
 * Resolves with the first stdout line of `child` that starts with `marker` (the rest of the line), rejecting if the
 * child exits first or `timeoutMs` passes. Afterwards stdout keeps being drained so a chatty child never blocks.
 */
export function readyLine(child: ChildProcess, marker: string, what: string, timeoutMs = 90_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const onStderr = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    };
    const finish = () => {
      clearTimeout(timer);
      child.off('exit', onExit);
      child.stdout?.off('data', onStdout);
    };
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`${what} did not start in time:\n${stderr}`));
    }, timeoutMs);
    const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
      finish();
      reject(new Error(`${what} exited (${signal ?? code}) before it was ready:\n${stderr}`));
    };
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((candidate) => candidate.startsWith(`${marker} `));
      if (line === undefined) return;
      finish();
      child.stdout?.resume();
      resolve(line.slice(marker.length + 1).trim());
    };
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
  });
}
