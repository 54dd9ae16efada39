/**
 * Runs the app host in a child process on a fixed port and can crash it on purpose: SIGKILL, then a fresh process on
 * the same port and storage, the way Azure replaces a dead worker. Durability tests use it to kill the host while
 * activities are in flight without touching Azurite, Cosmos or Event Grid.
 */
import type { ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { REPO_ROOT } from './appHost';
import { HOST_READY_MARKER } from './appHostProcess';
import { FUNCTIONS_WORKER_HEAP_FLAG } from './heapGrowth';
import { spawnSupervised } from './supervision/supervisedChild';

export interface SupervisedAppHost {
  url: string;
  /** SIGKILL the host process and start a new one; resolves when the new one serves requests. */
  crashAndRestart(): Promise<void>;
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 90_000;

/** A port free right now, so a restarted host can come back on the URL everyone already holds. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startSupervisedAppHost(options: {
  env: Record<string, string>;
  port: number;
  verbose?: boolean;
}): Promise<SupervisedAppHost> {
  let current = await spawnHost(options);
  const exited = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
    });
  return {
    url: current.url,
    async crashAndRestart() {
      current.child.kill('SIGKILL');
      await exited(current.child);
      current = await spawnHost(options);
    },
    async stop() {
      const { child } = current;
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited(child);
      clearTimeout(timer);
    },
  };
}

function spawnHost(options: {
  env: Record<string, string>;
  port: number;
  verbose?: boolean;
}): Promise<{ child: ChildProcess; url: string }> {
  const child = spawnSupervised(path.join(REPO_ROOT, 'local', 'appHostProcess.ts'), {
    args: [JSON.stringify(options)],
    // The heap an Azure instance gives the worker, not the one this machine's memory would.
    nodeArgs: [FUNCTIONS_WORKER_HEAP_FLAG],
    env: { ...process.env, ...options.env },
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-20_000);
    if (options.verbose) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`app host did not start:\n${stderr}`)), START_TIMEOUT_MS);
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(new Error(`app host exited with ${code}:\n${stderr}`));
    };
    child.once('exit', onExit);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = new RegExp(`${HOST_READY_MARKER} (\\S+)`).exec(stdout);
      if (match) {
        clearTimeout(timer);
        child.off('exit', onExit);
        // Keep draining stdout so a chatty host never blocks on a full pipe, without keeping what it says.
        child.stdout!.removeAllListeners('data');
        child.stdout!.resume();
        resolve({ child, url: match[1]! });
      }
    });
  });
}
