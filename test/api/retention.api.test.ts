import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';
import sharp from 'sharp';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';

let platform: TestPlatform;
const admin = 'admin@andes.test';

beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(async () => {
  await platform?.stop();
});

async function archivedProject(title: string, withCover: boolean): Promise<string> {
  const created = await platform.api(admin, '/v1/projects', {
    method: 'POST',
    json: { metadata: minimalMetadata(title) },
  });
  const { id } = (await created.json()) as { id: string };
  if (withCover) {
    const jpeg = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#445566' } })
      .jpeg()
      .toBuffer();
    const put = await platform.api(admin, `/v1/projects/${id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: jpeg,
    });
    expect(put.status).toBe(200);
  }
  expect((await platform.api(admin, `/v1/projects/${id}/archive`, { method: 'POST' })).status).toBe(200);
  return id;
}

it('the daily retention timer purges projects archived longer than 30 days, with their blobs, and nothing else', async () => {
  const expired = await archivedProject('Archived long ago', true);
  const recent = await archivedProject('Archived yesterday', false);

  // Age the first archive by 31 days directly in the Cosmos emulator (the API never backdates).
  const cosmos = new CosmosClient({
    endpoint: platform.env.COSMOS_ENDPOINT,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const projects = cosmos.database('khipu').container('projects');
  const { resource } = await projects.item(expired, 't-andes').read();
  await projects
    .item(expired, 't-andes')
    .replace({ ...resource, archivedAt: new Date(Date.now() - 31 * 86_400_000).toISOString() });
  cosmos.dispose();

  const blobs = BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING).getContainerClient(
    'khipu',
  );
  const countBlobs = async (projectId: string) => {
    let count = 0;
    for await (const _ of blobs.listBlobsFlat({ prefix: `tenants/t-andes/projects/${projectId}/` })) count++;
    return count;
  };
  expect(await countBlobs(expired)).toBeGreaterThan(0);

  // Core Tools' admin endpoint runs a timer function now, as the schedule would at 03:30 UTC.
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  const run = await fetch(`${hostUrl}/admin/functions/purgeArchivedProjects`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);

  expect((await platform.api(admin, `/v1/projects/${expired}`)).status).toBe(404);
  expect(await countBlobs(expired)).toBe(0);
  const kept = await platform.api(admin, `/v1/projects/${recent}`);
  expect(kept.status).toBe(200);
  expect(((await kept.json()) as { status: string }).status).toBe('archived');
});

it('runs only timer functions through the admin endpoint', async () => {
  const hostUrl = platform.urls.api.replace(/\/api$/, '');
  expect((await fetch(`${hostUrl}/admin/functions/getMe`, { method: 'POST' })).status).toBe(404);
});
