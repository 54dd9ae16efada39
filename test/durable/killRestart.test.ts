/**
 * Durability: a host killed with SIGKILL while activities are running loses nothing. A new host process on the
 * same storage re-runs the in-flight activities (at-least-once) and the orchestration completes correctly.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RunningAzurite } from '../../local/emulators/azurite';
import { startAzuriteInTemp, startOrchestration, waitForTerminal } from './support';
import { typeScriptNodeArgs } from '../../local/supervision/typeScriptChild';

const HUB = 'KillRestartHub';
const REPO_ROOT = path.resolve(__dirname, '..', '..');
let azurite: RunningAzurite;
let tempDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  ({ azurite, tempDir } = await startAzuriteInTemp());
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await azurite?.stop();
  if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
});

function startHostProcess(markerDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [...typeScriptNodeArgs(), path.join(__dirname, 'fixtures', 'hostProcess.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      DURABLE_TEST_CONNECTION: azurite.connectionString,
      DURABLE_TEST_HUB: HUB,
      DURABLE_FIXTURE_MARKER_DIR: markerDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-20_000)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`host process did not start:\n${stderr}`)), 60_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /READY (\S+)/.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host process exited with ${code}:\n${stderr}`));
    });
  });
}

async function waitFor(condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function killed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

test('a host killed mid-activity is replaced by a new process that finishes the orchestration', async () => {
  const markerDir = fs.mkdtempSync(path.join(tempDir, 'markers-'));
  const first = await startHostProcess(markerDir);
  const id = await startOrchestration(first.url, 'SlowFanOut', { count: 3, ms: 3000 });
  const startedBy = (pid: number | undefined) => fs.readdirSync(markerDir).filter((name) => name.endsWith(`-${pid}`));

  await waitFor(() => startedBy(first.child.pid).length >= 1, 'activities to start in the first host');
  await killed(first.child);

  const second = await startHostProcess(markerDir);
  const status = await waitForTerminal(second.url, id, 90_000);
  expect(status.runtimeStatus).toBe('Completed');
  expect(status.output).toEqual({ values: [10, 20, 30], doubled: 'Hello after restart!' });
  // Activities interrupted by the kill ran again in the second process (at-least-once).
  expect(startedBy(second.child.pid).length).toBeGreaterThanOrEqual(1);
  second.child.kill('SIGTERM');
  await new Promise((resolve) => second.child.once('exit', resolve));
});
