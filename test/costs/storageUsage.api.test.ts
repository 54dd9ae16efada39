/**
 * `GET /v1/tenant/usage` on the real local platform reads the tenant's stored bytes as last measured, listing no blob
 * per request; the figure is measured again when a production ends and when the daily run purges projects; and the
 * storage quota still refuses a production whose files would not fit on top of it (docs/domain.md, "Costs and quotas").
 */
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { blobContainer, withDatabase } from '../privacy/support';
import { json, plannedBook, produce } from '../production/support';
import { pollBackoff } from '../support/polling';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';

jest.setTimeout(10 * 60_000);

const PAMPA = 'creator@pampa.test';
const OPERATOR = 'operator@khipu.test';
const TENANT = 't-pampa';
let platform: TestPlatform;

beforeAll(async () => {
  platform = await startTestPlatform({ env: { RATE_LIMIT_PER_MINUTE: '1000000' } });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

interface StorageUsage {
  limit: number;
  used: number;
  measuredAt: string;
}

async function storage(): Promise<StorageUsage> {
  return (await json<{ storageBytes: StorageUsage }>(await platform.api(PAMPA, '/v1/tenant/usage'), 200)).storageBytes;
}

/** The figure once a measurement newer than `since` is stored (measurements run after the event that caused them). */
async function measuredAfter(since: string): Promise<StorageUsage> {
  const pause = pollBackoff(250);
  for (const deadline = Date.now() + 120_000; Date.now() < deadline;) {
    const current = await storage();
    if (current.measuredAt > since) return current;
    await pause();
  }
  throw new Error(`no storage measurement after ${since}`);
}

/** Bytes of the blobs under a prefix, listed directly from the storage emulator. */
async function bytesUnder(prefix: string): Promise<number> {
  let bytes = 0;
  for await (const blob of blobContainer(platform).listBlobsFlat({ prefix }))
    bytes += blob.properties.contentLength ?? 0;
  return bytes;
}

let producedProjectId: string;

test('the usage view lists no blob per request: a file stored since the measurement is not counted yet', async () => {
  const first = await storage();
  expect(first.measuredAt).toEqual(expect.any(String));

  // Stored past the API, as a listing would find it.
  const stray = Buffer.alloc(200_000, 1);
  await blobContainer(platform).getBlockBlobClient(`tenants/${TENANT}/system/stray.bin`).uploadData(stray);
  for (let request = 0; request < 3; request++) expect(await storage()).toEqual(first);
});

test('the figure follows a production’s end', async () => {
  const book = await plannedBook(platform, { user: PAMPA, title: 'Measured' });
  producedProjectId = book.projectId;
  // The book's cover upload was counted when it was stored; what follows is the production's end.
  const before = await storage();
  const projectBefore = await bytesUnder(`tenants/${TENANT}/projects/${book.projectId}/`);
  const production = await produce(platform, book.projectId, ['apple'], PAMPA);
  expect(production.status).toBe('succeeded');

  const after = await measuredAfter(before.measuredAt);
  // The stray file of the test before, the cover and the audio and package the production stored: all counted now.
  expect(after.used).toBe(await bytesUnder(`tenants/${TENANT}/`));
  const producedBytes = (await bytesUnder(`tenants/${TENANT}/projects/${book.projectId}/`)) - projectBefore;
  expect(producedBytes).toBeGreaterThan(0);
  expect(after.used - before.used).toBeGreaterThanOrEqual(producedBytes);
});

test('the figure follows the daily run’s purge of an archived project', async () => {
  const projectBytes = await bytesUnder(`tenants/${TENANT}/projects/${producedProjectId}/`);
  expect(projectBytes).toBeGreaterThan(0);
  const archived = await platform.api(PAMPA, `/v1/projects/${producedProjectId}/archive`, { method: 'POST' });
  expect(archived.status).toBe(200);
  // Past the retention period, as the passing of time would (the API never backdates).
  await withDatabase(platform, async (db) => {
    const item = db.container(containerDefinitions.projects.id).item(producedProjectId, TENANT);
    const { resource } = await item.read<Record<string, unknown>>();
    await item.replace({ ...resource!, archivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
  });
  const before = await storage();

  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);

  const after = await measuredAfter(before.measuredAt);
  expect(await bytesUnder(`tenants/${TENANT}/projects/${producedProjectId}/`)).toBe(0);
  expect(after.used).toBe(await bytesUnder(`tenants/${TENANT}/`));
  expect(after.used).toBe(before.used - projectBytes);
});

test('the storage quota still refuses a production whose files would not fit on top of the stored figure', async () => {
  const book = await plannedBook(platform, { user: PAMPA, title: 'No Room' });
  const { used } = await storage();
  const tenant = await json<{ etag: string }>(await platform.api(OPERATOR, `/v1/operator/tenants/${TENANT}`), 200);
  await json(
    await platform.api(OPERATOR, `/v1/operator/tenants/${TENANT}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas: { storageBytes: used + 1024 } },
    }),
    200,
  );

  const refused = await platform.api(PAMPA, `/v1/projects/${book.projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple'], allowUnknownSpeakers: true },
  });
  expect(refused.status).toBe(429);
  const { error } = (await refused.json()) as {
    error: { code: string; details: { quota: string; requested: number } };
  };
  expect(error).toMatchObject({ code: 'quota_exceeded', details: { quota: 'storageBytes' } });
  expect(error.details.requested).toBeGreaterThan(used + 1024);
});
