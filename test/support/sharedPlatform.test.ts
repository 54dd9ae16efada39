import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning, SHARED_PLATFORMS_VARIABLE, sharedTestPlatform, SUITES_PER_SHARED_PLATFORM } from './sharedPlatform';
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

test(`a platform serves ${SUITES_PER_SHARED_PLATFORM} suites; the next suite gets a new one and the old one's data is gone`, async () => {
  // The teardown of the test before removed the folder: this test starts from an empty one.
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-shared-platforms-test-'));
  process.env[SHARED_PLATFORMS_VARIABLE] = folder;
  const served = [];
  for (let i = 0; i < SUITES_PER_SHARED_PLATFORM; i++) served.push(await sharedTestPlatform({ suite: `suite ${i}` }));
  const first = served[0]!;
  expect(served.filter((platform) => platform.pid !== first.pid)).toEqual([]);
  // A suite it has served asks again (a second call in one suite): the same platform.
  expect((await sharedTestPlatform({ suite: 'suite 0' })).pid).toBe(first.pid);

  const next = await sharedTestPlatform({ suite: `suite ${SUITES_PER_SHARED_PLATFORM}` });
  expect(next.pid).not.toBe(first.pid);
  expect(isRunning(first.pid)).toBe(false);
  expect(fs.existsSync(first.dataDir)).toBe(false);
  const me = await next.api('creator@andes.test', '/v1/me');
  expect(me.status).toBe(200);
  await me.arrayBuffer();
});
