/**
 * The daily maintenance run sweeps and measures each tenant on its own (functions/maintenance.ts): one tenant whose
 * work fails is logged and counted in the run's summary, every other tenant is still swept and measured, and the run
 * ends as a failed invocation. On the real local platform, run through Core Tools' admin endpoint as the schedule
 * would; the failure is a real one, a foreign document where one tenant's storage measurement is stored.
 */
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { blobContainer, json, withDatabase } from '../privacy/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { blockMeasurements, newProject, storageOf, storedMeasurement } from './storageSupport';

jest.setTimeout(5 * 60_000);

const PAMPA = 'creator@pampa.test';
let platform: TestPlatform;

beforeAll(async () => {
  // Verbose and captured: the run's summary and the host's record of its invocation are checked.
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' }, verbose: true, captureOutput: true });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

/** The JSON records the platform printed so far (the host's verbose lines run together without line breaks). */
function printedRecords(): Record<string, unknown>[] {
  return platform
    .output()
    .join('')
    .split(/\n|(?<=\})(?=\{")/)
    .flatMap((piece) => {
      try {
        return [JSON.parse(piece) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

async function printed(matches: (record: Record<string, unknown>) => boolean, what: string) {
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const found = printedRecords().find(matches);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`nothing printed with ${what}`);
}

test('the daily run sweeps and measures every other tenant when one tenant’s work fails, and reports the failure', async () => {
  // Andes's measurements fail; Pampa has a project past its retention period to purge; a newly signed-up tenant
  // has never been measured.
  await blockMeasurements(platform, 't-andes');
  const founder = `founder-${Date.now()}@fresh.test`;
  const signup = await json<{ tenant: { id: string } }>(
    await platform.api(founder, '/v1/tenants/signup', { method: 'POST', json: { tenantName: 'Fresh Books' } }),
    201,
  );
  const freshTenant = signup.tenant.id;
  expect(await storedMeasurement(platform, freshTenant)).toBeUndefined();
  const projectId = await newProject(platform, PAMPA, 'Past retention');
  await blobContainer(platform)
    .getBlockBlobClient(`tenants/t-pampa/projects/${projectId}/stray.bin`)
    .uploadData(Buffer.alloc(100_000, 1));
  await json(await platform.api(PAMPA, `/v1/projects/${projectId}/archive`, { method: 'POST' }), 200);
  await withDatabase(platform, async (db) => {
    const item = db.container(containerDefinitions.projects.id).item(projectId, 't-pampa');
    const { resource } = await item.read<Record<string, unknown>>();
    await item.replace({ ...resource!, archivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
  });
  const pampaBefore = await storageOf(platform, PAMPA);

  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);

  const summary = await printed((record) => record.msg === 'retention', 'the run’s summary');
  expect(summary).toMatchObject({ tenantsFailed: 1, projects: 1 });
  expect(summary.storageMeasured).toBeGreaterThanOrEqual(2);
  const failure = await printed((record) => record.msg === 'retention failed for a tenant', 'the failed tenant');
  expect(failure).toMatchObject({ tenantId: 't-andes', step: 'storage measurement' });
  const invocation = await printed(
    (record) => record.type === 'invocation' && record.function === 'purgeArchivedProjects',
    'the run’s invocation',
  );
  expect(invocation).toMatchObject({ outcome: 'failure', error: expect.stringContaining('1 tenant') });

  // Swept: Pampa's expired project is gone, blobs and all. Measured: Pampa's figure is newer and no longer counts
  // them; the new tenant has a figure.
  expect((await platform.api(PAMPA, `/v1/projects/${projectId}`)).status).toBe(404);
  const left = blobContainer(platform).listBlobsFlat({ prefix: `tenants/t-pampa/projects/${projectId}/` });
  expect((await left.next()).done).toBe(true);
  const pampaAfter = await storageOf(platform, PAMPA);
  expect(pampaAfter.measuredAt > pampaBefore.measuredAt).toBe(true);
  expect(pampaAfter.used).toBeLessThanOrEqual(pampaBefore.used - 100_000);
  expect(await storedMeasurement(platform, freshTenant)).toMatchObject({
    type: 'storageUsage',
    measuredAt: expect.any(String),
  });
});
