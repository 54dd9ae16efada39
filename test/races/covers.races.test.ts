/**
 * Cover uploads of one project, at once and one after another: every upload is answered, the project keeps exactly
 * the files of the cover it points to, and the tenant's stored-bytes figure moves by what is really stored.
 */
import { BlobServiceClient } from '@azure/storage-blob';
import sharp from 'sharp';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { createProject } from '../support/projects';
import { inParallel, tally } from './support';

const andes = freshTenant('andes');

const ADMIN = andes.admin;
const PARALLEL = 20;
let platform: TestPlatform;
let jpeg: Buffer;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
  jpeg = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#335577' } })
    .jpeg()
    .toBuffer();
}, 120_000);
afterAll(async () => {
  await platform?.stop();
});

const newProject = (title: string) => createProject(platform, ADMIN, title);

function putCover(projectId: string): Promise<Response> {
  return platform.api(ADMIN, `/v1/projects/${projectId}/cover`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: jpeg,
  });
}

/** Every blob under the project's cover folder, straight from Azurite, with its size. */
async function coverFiles(projectId: string): Promise<Map<string, number>> {
  const container = BlobServiceClient.fromConnectionString(platform.env.STORAGE_CONNECTION_STRING!).getContainerClient(
    'khipu',
  );
  const files = new Map<string, number>();
  for await (const blob of container.listBlobsFlat({ prefix: `tenants/${andes.id}/projects/${projectId}/cover/` })) {
    files.set(blob.name, blob.properties.contentLength ?? 0);
  }
  return files;
}

async function projectHasCover(projectId: string): Promise<boolean> {
  const res = await platform.api(ADMIN, `/v1/projects/${projectId}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { cover: unknown }).cover !== null;
}

async function storedBytes(): Promise<number> {
  const res = await platform.api(ADMIN, '/v1/tenant/usage');
  expect(res.status).toBe(200);
  return ((await res.json()) as { storageBytes: { used: number } }).storageBytes.used;
}

const sum = (files: Map<string, number>) => [...files.values()].reduce((total, bytes) => total + bytes, 0);

test(`${PARALLEL} parallel cover uploads of one project: all stored in turn, one cover's files left`, async () => {
  const projectId = await newProject('Covers at once');
  const before = await storedBytes();

  const outcomes = await inParallel(PARALLEL, () => putCover(projectId));

  // A PUT without If-Match is the last writer's: none is refused because another one got there first.
  expect(tally(outcomes)).toEqual({ 200: PARALLEL });
  const files = await coverFiles(projectId);
  expect(await projectHasCover(projectId)).toBe(true);
  expect(files.size).toBe(3);
  // The figure grew by the one cover kept, not by every cover uploaded.
  expect((await storedBytes()) - before).toBe(sum(files));
  // The cover the project points to is the one whose files are there.
  const thumbnail = await platform.api(ADMIN, `/v1/projects/${projectId}/cover?variant=thumbnail`);
  expect(thumbnail.status).toBe(200);
  expect(Number(thumbnail.headers.get('content-length'))).toBe(
    [...files].find(([name]) => name.endsWith('/thumbnail.jpg'))![1],
  );
});

test('covers uploaded one after another: each replaced cover is deleted and counted off the figure', async () => {
  const projectId = await newProject('Covers in turn');
  const before = await storedBytes();
  for (let i = 0; i < 3; i++) expect((await putCover(projectId)).status).toBe(200);
  const files = await coverFiles(projectId);
  expect(files.size).toBe(3);
  expect((await storedBytes()) - before).toBe(sum(files));
});

test('an archived project takes no cover, and keeps no file of one', async () => {
  const projectId = await newProject('Archived cover');
  expect((await platform.api(ADMIN, `/v1/projects/${projectId}/archive`, { method: 'POST' })).status).toBe(200);
  const outcomes = await inParallel(PARALLEL, () => putCover(projectId));
  expect(tally(outcomes)).toEqual({ 400: PARALLEL });
  expect(outcomes[0].body.error).toMatchObject({
    code: 'validation_failed',
    details: { fields: [{ field: 'status' }] },
  });
  expect((await coverFiles(projectId)).size).toBe(0);
});
