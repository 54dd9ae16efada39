import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { platformClient, startTestPlatform, type PlatformUrls, type TestPlatform } from './testPlatform';

/**
 * Set by the integration project's global setup (sharedPlatformsSetup.ts) to a folder that records the platforms its
 * suites share; without it (a run outside that project) every suite starts a platform of its own, as before.
 */
export const SHARED_PLATFORMS_VARIABLE = 'KHIPU_SHARED_PLATFORMS';

/** What a later suite needs to reach a platform an earlier suite of the same jest worker started. */
export interface SharedPlatformRecord {
  urls: PlatformUrls;
  env: Record<string, string>;
  dataDir: string;
  pid: number;
  /** The suites (test files) it has served, in order. */
  suites?: string[];
}

/**
 * How many suites one shared platform serves; the next suite that asks gets a new one (the old one is stopped and its
 * data removed). The local Cosmos emulator scans a whole container for every query, partition or not, so a platform
 * that kept every suite's projects would answer the later suites more and more slowly: this bounds what it holds, at
 * the price of a platform start per this many suites.
 */
export const SUITES_PER_SHARED_PLATFORM = 20;

/**
 * The shared platform's settings unless a suite asks for others: rate limits out of the way, since one platform
 * answers the requests of many suites (no suite that shares it tests rate limiting).
 */
export const SHARED_PLATFORM_ENV: Readonly<Record<string, string>> = Object.freeze({
  RATE_LIMIT_PER_MINUTE: '1000000',
});

/**
 * For suites whose webhooks go to a receiver of their own on this machine (loopback, which the platform refuses
 * unless told otherwise): a second shared platform, so the first keeps the production URL policy.
 */
export const SHARED_WEBHOOK_PLATFORM_ENV: Readonly<Record<string, string>> = Object.freeze({
  ...SHARED_PLATFORM_ENV,
  WEBHOOK_ALLOW_LOOPBACK: 'true',
});

/**
 * A running platform for a suite that needs only *a* platform: suites of one jest worker that ask with the same `env`
 * (SHARED_PLATFORM_ENV unless given) get the same one, started by the first of them and stopped by the global
 * teardown, which saves each later suite a platform start (a few seconds of CPU). Both seeded tenants and their users
 * are shared with the other suites, so a suite that uses them may use this only when it
 * - makes its own projects and checks only what it made (no listing of a tenant's projects, users or webhooks
 *   expected to hold exactly what it made, no tenant totals of costs, storage or characters);
 * - changes nothing tenant-wide (settings, quotas, retention, users, webhook subscriptions, consent).
 * A suite that counts or changes what is tenant-wide instead works in tenants of its own (`freshTenant`,
 * test/support/freshTenant.ts), signed up through the API on this platform. Either way a suite
 * - leaves nothing running after it ends (`FreshTenant.settleJobs` cancels and waits for its tenant's jobs);
 * - never kills, restarts or reconfigures the platform, and reads none of its output (`kill`, `crashHost` and
 *   `output` refuse; `stop` only lets go of it);
 * - counts nothing platform-wide (the operator's platform metrics, every tenant's documents or blobs, the host's
 *   threads) and runs no timer that works on every tenant (the daily retention run, the webhook retry sweeper).
 * Anything else keeps `startTestPlatform`.
 */
export async function sharedTestPlatform(
  options: {
    env?: Record<string, string>;
    /** The asking suite; the running test file unless given. */
    suite?: string;
  } = {},
): Promise<TestPlatform> {
  const env = { ...(options.env ?? SHARED_PLATFORM_ENV) };
  const folder = process.env[SHARED_PLATFORMS_VARIABLE];
  if (!folder) return startTestPlatform({ env });
  const suite = options.suite ?? currentTestFile();
  const recordFile = path.join(folder, `${process.env.JEST_WORKER_ID ?? '1'}-${envKey(env)}.json`);
  let record = readRecord(recordFile);
  const served = record?.suites ?? [];
  // The suites of a worker run one after another, so the suites the old platform served have all ended.
  if (record && !served.includes(suite) && served.length >= SUITES_PER_SHARED_PLATFORM) {
    await stopSharedPlatform(record);
    record = undefined;
  }
  if (!record) {
    const started = await startTestPlatform({ env });
    record = { urls: started.urls, env: started.env, dataDir: started.dataDir, pid: started.pid, suites: [] };
  }
  if (!record.suites?.includes(suite)) record = { ...record, suites: [...(record.suites ?? []), suite] };
  fs.writeFileSync(recordFile, JSON.stringify(record));
  return sharedHandle(record);
}

function currentTestFile(): string {
  return (typeof expect === 'undefined' ? undefined : expect.getState().testPath) ?? 'unknown suite';
}

const STOP_GRACE_MS = 15_000;

/** SIGTERM (the platform stops its emulators and host), SIGKILL if it has not exited in time; then its data goes. */
export async function stopSharedPlatform(record: SharedPlatformRecord): Promise<void> {
  if (isRunning(record.pid)) {
    process.kill(record.pid, 'SIGTERM');
    const deadline = Date.now() + STOP_GRACE_MS;
    while (isRunning(record.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    if (isRunning(record.pid)) process.kill(record.pid, 'SIGKILL');
  }
  fs.rmSync(record.dataDir, { recursive: true, force: true });
}

function envKey(env: Record<string, string>): string {
  const sorted = Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex').slice(0, 16);
}

/** The recorded platform, if its process still runs (a suite that broke the rules may have ended it). */
function readRecord(file: string): SharedPlatformRecord | undefined {
  if (!fs.existsSync(file)) return undefined;
  const record = JSON.parse(fs.readFileSync(file, 'utf8')) as SharedPlatformRecord;
  return isRunning(record.pid) ? record : undefined;
}

export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sharedHandle(record: SharedPlatformRecord): TestPlatform {
  const refusal = (what: string) =>
    new Error(`${what} on a shared platform: use startTestPlatform for a platform of the suite's own`);
  return {
    ...platformClient(record.urls),
    urls: record.urls,
    env: record.env,
    dataDir: record.dataDir,
    pid: record.pid,
    output: () => {
      throw refusal('output()');
    },
    kill: () => Promise.reject(refusal('kill()')),
    crashHost: () => Promise.reject(refusal('crashHost()')),
    // The global teardown stops it, after the worker's last suite.
    stop: async () => undefined,
  };
}
