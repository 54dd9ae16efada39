import fs from 'node:fs';
import { SHARED_PLATFORMS_VARIABLE, stopSharedPlatform, type SharedPlatformRecord } from './sharedPlatform';

/** The integration project's global teardown: stops every platform the suites shared and removes its data. */
export default async function tearDownSharedPlatforms(): Promise<void> {
  const folder = process.env[SHARED_PLATFORMS_VARIABLE];
  if (!folder || !fs.existsSync(folder)) return;
  const records = fs
    .readdirSync(folder)
    .filter((name) => name.endsWith('.json'))
    .map((name) => JSON.parse(fs.readFileSync(`${folder}/${name}`, 'utf8')) as SharedPlatformRecord);
  await Promise.all(records.map(stopSharedPlatform));
  fs.rmSync(folder, { recursive: true, force: true });
}
