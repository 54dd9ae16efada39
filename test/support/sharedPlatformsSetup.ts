import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SHARED_PLATFORMS_VARIABLE } from './sharedPlatform';

/**
 * The integration project's global setup: a folder where `sharedTestPlatform` records the platforms it starts. The
 * variable reaches every suite (in band, and in workers started after this). Nothing is started here, so a run of
 * suites that share nothing starts nothing extra.
 */
export default function setUpSharedPlatforms(): void {
  process.env[SHARED_PLATFORMS_VARIABLE] = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-shared-platforms-'));
}
