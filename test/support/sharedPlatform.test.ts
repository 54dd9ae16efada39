import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning, SHARED_PLATFORMS_VARIABLE, sharedTestPlatform } from './sharedPlatform';
import tearDownSharedPlatforms from './sharedPlatformsTeardown';

/**
 * The shared platform of the integration project: later suites of a worker reach the platform the first one started,
 * a suite's `stop` leaves it to them, and the global teardown stops it and removes its data. Runs in a folder of its
 * own, so the platform the run's other suites share is not the one it tears down.
 */
const runFolder = process.env[SHARED_PLATFORMS_VARIABLE];
let folder: string;

beforeAll(() => {
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-shared-platforms-test-'));
  process.env[SHARED_PLATFORMS_VARIABLE] = folder;
});
afterAll(async () => {
  await tearDownSharedPlatforms();
  process.env[SHARED_PLATFORMS_VARIABLE] = runFolder;
});

test('suites asking alike get one platform, which outlives their stop and ends with the teardown', async () => {
  const first = await sharedTestPlatform();
  const second = await sharedTestPlatform();
  expect(second.pid).toBe(first.pid);
  expect(second.urls).toEqual(first.urls);

  await first.stop();
  expect(isRunning(first.pid)).toBe(true);
  const me = await second.api('creator@andes.test', '/v1/me');
  expect(me.status).toBe(200);
  await me.arrayBuffer();
  await expect(second.kill()).rejects.toThrow('shared platform');

  await tearDownSharedPlatforms();
  expect(isRunning(first.pid)).toBe(false);
  expect(fs.existsSync(first.dataDir)).toBe(false);
  expect(fs.existsSync(folder)).toBe(false);
});
