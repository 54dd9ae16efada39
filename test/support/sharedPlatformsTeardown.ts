import fs from 'node:fs';
import { isRunning, SHARED_PLATFORMS_VARIABLE, type SharedPlatformRecord } from './sharedPlatform';

const STOP_GRACE_MS = 15_000;

/** The integration project's global teardown: stops every platform the suites shared and removes its data. */
export default async function tearDownSharedPlatforms(): Promise<void> {
  const folder = process.env[SHARED_PLATFORMS_VARIABLE];
  if (!folder || !fs.existsSync(folder)) return;
  const records = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(`${folder}/${name}`, 'utf8')) as SharedPlatformRecord);
  await Promise.all(records.map(stopPlatform));
  fs.rmSync(folder, { recursive: true, force: true });
}

/** SIGTERM (the platform stops its emulators and host), SIGKILL if it has not exited within the grace period. */
async function stopPlatform(record: SharedPlatformRecord): Promise<void> {
  if (isRunning(record.pid)) {
    process.kill(record.pid, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    while (isRunning(record.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (isRunning(record.pid)) process.kill(record.pid, 'SIGKILL');
  }
  fs.rmSync(record.dataDir, { recursive: true, force: true });
}
