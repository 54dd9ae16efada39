/**
 * The local platform's start-up: the emulators start side by side (each test suite starts a platform, so this is
 * time every suite saves), and a start that fails, or takes too long, leaves nothing it started running.
 */
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type PlatformPorts } from '../../local/platform';
import { startTestPlatform } from '../support/testPlatform';
import { descendants, eventually, isRunning } from './support';

const anyPorts: PlatformPorts = {
  functions: 0,
  identity: 0,
  eventGrid: 0,
  cosmos: 0,
  blob: 0,
  queue: 0,
  table: 0,
  web: 0,
};

function occupiedPort(): Promise<net.Server> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

describe('local platform start-up', () => {
  it('starts Cosmos beside Azurite, and stops it when Azurite cannot start', async () => {
    const blocker = await occupiedPort();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-startup-'));
    const before = new Set(descendants(process.pid));
    try {
      const blobPort = (blocker.address() as net.AddressInfo).port;
      await expect(startPlatform({ dataDir, ports: { ...anyPorts, blob: blobPort } })).rejects.toThrow(/Azurite/);
      // Started one after the other, Cosmos would never have begun: Azurite is the first to start.
      expect(fs.readdirSync(path.join(dataDir, 'cosmos')).length).toBeGreaterThan(0);
      expect(descendants(process.pid).filter((pid) => !before.has(pid) && isRunning(pid))).toEqual([]);
    } finally {
      blocker.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('stops a test platform that has not reported ready in time, so a slow start leaves nothing running', async () => {
    const before = new Set(descendants(process.pid));
    const startedHere = () => descendants(process.pid).filter((pid) => !before.has(pid) && isRunning(pid));
    await expect(startTestPlatform({ startTimeoutMs: 1 })).rejects.toThrow(/did not start/);
    expect(await eventually(() => startedHere().length === 0)).toBe(true);
  });
});
