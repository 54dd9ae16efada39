/**
 * The export of a whole organization: one job for many parallel requests, a zip written into blob storage and
 * downloaded through a short-lived link, holding the organization, its people and every project (manuscripts as
 * uploaded, chapters, the plan, packages, cover) with a manifest whose checksums match, and nothing of another
 * tenant. Only the tenant's admins may start, read or download it.
 */
import { createHash, randomBytes } from 'node:crypto';
import sharp from 'sharp';
import yauzl from 'yauzl';
import type { PrivacyJobView } from '../../core/api/privacy';
import { importSmallManuscript, SMALL_MANUSCRIPT } from '../api/isolation/fixtures';
import { seedPackage, seedPlannedBook } from '../production/seedBook';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { blobContainer, json, waitForPrivacyJob } from './support';

const andes = freshTenant('andes', { name: 'Andes Audio' });
const pampa = freshTenant('pampa', { name: 'Pampa Press' });
const ADMIN = andes.admin;
const CREATOR = andes.creator;
const VALIDATOR = andes.validator;
const PAMPA_ADMIN = pampa.admin;

jest.setTimeout(10 * 60_000);

let platform: TestPlatform;

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
}, 180_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await andes.settleJobs(platform);
  await platform?.stop();
});

/** Every entry of a zip, read whole (the test's zips are small). */
function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true }, (error, file) => {
      if (error || !file) return reject(error ?? new Error('not a zip'));
      const entries = new Map<string, Buffer>();
      file.on('entry', (entry: yauzl.Entry) => {
        file.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('unreadable entry'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            entries.set(entry.fileName, Buffer.concat(chunks));
            file.readEntry();
          });
          stream.on('error', reject);
        });
      });
      file.on('end', () => resolve(entries));
      file.on('error', reject);
      file.readEntry();
    });
  });
}

test('an admin exports the whole organization as a zip; nothing of another tenant is in it', async () => {
  // Organization content: an imported manuscript, a planned book with a package, a cover.
  const imported = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Imported') } }),
    201,
  );
  await importSmallManuscript(platform, CREATOR, imported.id);
  const planned = await json<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Planned') } }),
    201,
  );
  const { segmentIds } = await seedPlannedBook(platform, andes.id, planned.id);
  const packageId = await seedPackage(platform, andes.id, planned.id);
  const packageBytes = randomBytes(300_000);
  await blobContainer(platform)
    .getBlockBlobClient(`tenants/${andes.id}/projects/${planned.id}/packages/${packageId}/book.m4b`)
    .uploadData(packageBytes);
  const cover = await sharp({ create: { width: 2400, height: 2400, channels: 3, background: '#335577' } })
    .jpeg()
    .toBuffer();
  await json(
    await platform.api(CREATOR, `/v1/projects/${planned.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: cover,
    }),
    200,
  );
  // Another tenant's project, which must not leak into the export.
  await json(
    await platform.api(pampa.creator, '/v1/projects', {
      method: 'POST',
      json: { metadata: minimalMetadata('Pampa Confidential Memoir') },
    }),
    201,
  );

  // Only admins export; 20 parallel requests start one export.
  expect((await platform.api(CREATOR, '/v1/tenant/exports', { method: 'POST' })).status).toBe(403);
  expect((await platform.api(VALIDATOR, '/v1/tenant/exports', { method: 'POST' })).status).toBe(403);
  const started = await Promise.all(
    Array.from({ length: 20 }, () => platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' })),
  );
  const jobs = await Promise.all(started.map((res) => json<PrivacyJobView>(res, 202)));
  expect(new Set(jobs.map((job) => job.id)).size).toBe(1);
  const jobId = jobs[0].id;
  expect((await platform.api(PAMPA_ADMIN, `/v1/privacy/jobs/${jobId}`)).status).toBe(404);
  expect((await platform.api(PAMPA_ADMIN, `/v1/privacy/jobs/${jobId}/download`)).status).toBe(404);

  const done = await waitForPrivacyJob(platform, ADMIN, jobId);
  expect(done.error).toBeNull();
  expect(done.status).toBe('succeeded');
  expect(done.export).toMatchObject({ available: true });
  expect(done.export!.projects).toBeGreaterThanOrEqual(2);

  const link = await json<{ url: string; fileName: string; expiresAt: string }>(
    await platform.api(ADMIN, `/v1/privacy/jobs/${jobId}/download`),
    200,
  );
  expect(link.fileName).toMatch(/^Andes Audio - export \d{4}-\d{2}-\d{2}\.zip$/);
  expect(Date.parse(link.expiresAt) - Date.now()).toBeLessThanOrEqual(15 * 60_000);
  expect((await platform.api(CREATOR, `/v1/privacy/jobs/${jobId}/download`)).status).toBe(403);
  const download = await fetch(link.url);
  expect(download.status).toBe(200);
  const zip = Buffer.from(await download.arrayBuffer());
  expect(zip.length).toBe(done.export!.bytes);
  const entries = await unzip(zip);
  const text = (name: string) => entries.get(name)?.toString('utf8') ?? '';
  const lines = (name: string) =>
    text(name)
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  expect(JSON.parse(text('export.json'))).toMatchObject({ format: 'khipu.tenant-export/1', tenantId: andes.id });
  expect(JSON.parse(text('organization.json'))).toMatchObject({ id: andes.id, name: 'Andes Audio' });
  expect(lines('users.jsonl').map((user) => user.email)).toEqual(
    expect.arrayContaining([andes.admin, andes.creator, andes.validator]),
  );

  const base = (projectId: string) => `projects/${projectId}`;
  expect(JSON.parse(text(`${base(imported.id)}/project.json`))).toMatchObject({ id: imported.id });
  const manuscript = [...entries.keys()].find((name) => name.startsWith(`${base(imported.id)}/manuscripts/`));
  expect(manuscript).toMatch(/\/small\.txt$/);
  expect(text(manuscript!)).toBe(SMALL_MANUSCRIPT);
  expect(lines(`${base(imported.id)}/chapters.jsonl`).filter((doc) => doc.type === 'chapter').length).toBe(2);
  expect(
    lines(`${base(planned.id)}/segments.jsonl`)
      .map((segment) => segment.id)
      .sort(),
  ).toEqual([...segmentIds].sort());
  expect(entries.get(`${base(planned.id)}/packages/${packageId}/book.m4b`)?.equals(packageBytes)).toBe(true);
  expect(entries.has(`${base(planned.id)}/cover/original.jpg`)).toBe(true);
  expect(entries.has(`${base(planned.id)}/cover/retail.jpg`)).toBe(true);

  // The manifest lists every other entry with its size and checksum.
  const manifest = JSON.parse(text('manifest.json')) as { entries: { path: string; bytes: number; sha256: string }[] };
  expect(manifest.entries.map((entry) => entry.path).sort()).toEqual(
    [...entries.keys()].filter((name) => name !== 'manifest.json').sort(),
  );
  for (const entry of manifest.entries) {
    const bytes = entries.get(entry.path)!;
    expect({ path: entry.path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') }).toEqual(
      entry,
    );
  }

  // Nothing of the other tenant, and no stored bookkeeping.
  for (const [name, bytes] of entries) {
    if (name.endsWith('.m4b') || name.endsWith('.jpg')) continue;
    expect({ name, leak: /pampa/i.test(bytes.toString('utf8')) }).toEqual({ name, leak: false });
    expect({ name, etag: bytes.toString('utf8').includes('"etag"') }).toEqual({ name, etag: false });
  }

  // Asked again once finished, a new export starts; the list shows both, newest first.
  const again = await json<PrivacyJobView>(await platform.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }), 202);
  expect(again.id).not.toBe(jobId);
  await waitForPrivacyJob(platform, ADMIN, again.id);
  const listed = await json<{ items: PrivacyJobView[] }>(
    await platform.api(ADMIN, '/v1/privacy/jobs?kind=tenantExport'),
    200,
  );
  expect(listed.items.map((job) => job.id).slice(0, 2)).toEqual([again.id, jobId]);
  expect((await platform.api(CREATOR, '/v1/privacy/jobs')).status).toBe(403);
  const pampaList = await json<{ items: PrivacyJobView[] }>(await platform.api(PAMPA_ADMIN, '/v1/privacy/jobs'), 200);
  expect(pampaList.items).toEqual([]);
});
