/**
 * The local platform under failure: no process it started outlives it, however it ends, and a stray rejected promise
 * neither ends the host nor (in Azure) the worker.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { startTestPlatform } from '../support/testPlatform';
import { descendants, eventually, isRunning } from './support';
import { typeScriptNodeArgs } from '../../local/supervision/typeScriptChild';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

describe('local platform supervision', () => {
  it('leaves no child process running when the platform process is SIGKILLed', async () => {
    const platform = await startTestPlatform({ separateHostProcess: true });
    try {
      const children = descendants(platform.pid);
      // Azurite, the Cosmos emulator and the Functions host, at least.
      expect(children.length).toBeGreaterThanOrEqual(3);
      process.kill(platform.pid, 'SIGKILL');
      await eventually(() => children.every((pid) => !isRunning(pid)));
      expect(children.filter(isRunning)).toEqual([]);
    } finally {
      await platform.stop();
    }
  });

  it('keeps the host serving after a function leaves a rejected promise unhandled', async () => {
    const host = spawn(
      process.execPath,
      [...typeScriptNodeArgs(), path.join(__dirname, 'fixtures', 'rejectingHostProcess.ts')],
      { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    let stderr = '';
    host.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = '';
        host.stdout.on('data', (chunk: Buffer) => {
          stdout += chunk.toString();
          const match = /READY (\S+)/.exec(stdout);
          if (match) resolve(match[1]!);
        });
        host.once('exit', (code) => reject(new Error(`host exited with ${code}: ${stderr}`)));
      });
      expect((await fetch(`${url}/api/leaverejection`, { method: 'POST' })).status).toBe(202);
      expect(await eventually(() => stderr.includes('Unhandled promise rejection'))).toBe(true);
      const ping = await fetch(`${url}/api/ping`);
      expect(ping.status).toBe(200);
      expect(await ping.text()).toBe('pong');
      expect(host.exitCode).toBeNull();
      expect(stderr).toContain('injected: nobody handles this');
    } finally {
      host.kill('SIGKILL');
    }
  });

  it('keeps the worker alive in Azure too: the app logs an unhandled rejection instead of crashing', () => {
    const run = spawnSync(
      process.execPath,
      [...typeScriptNodeArgs(), path.join(__dirname, 'fixtures', 'appGuardProcess.ts')],
      { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(run.stdout).toContain('ALIVE');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Unhandled promise rejection (kept running)');
  });
});
