/**
 * Privacy jobs the API acknowledged survive `kill -9` of every local process (the platform, Azurite, the Cosmos
 * emulator) taken 0–1 s after the 202: an organization export, before or while it writes its zip, finishes after the
 * restart with a zip that downloads whole, and stays the one export; an erasure finishes too, and the person's account
 * stays shut in between. A start killed after claiming the export but before starting its orchestration leaves the job
 * queued under the claim: the next requests answer that job, so it must run (it used to stay queued until someone
 * asked again two minutes later).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PrivacyJobView } from '../../core/api/privacy';
import { inviteUser, json, waitForPrivacyJob } from '../privacy/support';
import { cosmosContainer, inParallel, tally } from '../races/support';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { killEverything } from './support';

const ADMIN = 'admin@andes.test';
const TENANT = 't-andes';
const CREATOR = 'creator@andes.test';
const EXPORT_ROUNDS = 2;
const ENV = { RATE_LIMIT_PER_MINUTE: '1000000' };

let dataDir: string;
let platform: TestPlatform | undefined;

jest.setTimeout(10 * 60_000);

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-kill-privacy-'));
});
afterAll(async () => {
  await platform?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Kills everything 0–1 s from now and starts the platform again on the same data. */
async function killSoonAndRestart(): Promise<TestPlatform> {
  await new Promise((resolve) => setTimeout(resolve, Math.floor(Math.random() * 1000)));
  if (platform) await killEverything(platform.pid);
  platform = await startTestPlatform({ dataDir, env: ENV });
  return platform;
}

async function exportJobs(p: TestPlatform): Promise<PrivacyJobView[]> {
  const page = await json<{ items: PrivacyJobView[] }>(
    await p.api(ADMIN, '/v1/privacy/jobs?kind=tenantExport&pageSize=100'),
    200,
  );
  return page.items;
}

test(`an acknowledged organization export survives kill -9 of everything (${EXPORT_ROUNDS} rounds): it finishes after the restart and its zip downloads whole`, async () => {
  platform = await startTestPlatform({ dataDir, env: ENV });
  let p = platform;
  for (let i = 0; i < 3; i++) {
    await json(
      await p.api(CREATOR, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata(`Exported ${i}`) } }),
      201,
    );
  }
  const acknowledged: string[] = [];
  for (let round = 1; round <= EXPORT_ROUNDS; round++) {
    const started = await json<PrivacyJobView>(await p.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }), 202);
    acknowledged.push(started.id);
    p = await killSoonAndRestart();

    // Still the organization's one export: asking again answers it (or, once it has finished, a new one).
    const done = await waitForPrivacyJob(p, ADMIN, started.id);
    expect({ status: done.status, error: done.error }).toEqual({ status: 'succeeded', error: null });
    expect(done.export).toMatchObject({ available: true });
    expect(done.export!.projects).toBeGreaterThanOrEqual(3);
    const link = await json<{ url: string }>(await p.api(ADMIN, `/v1/privacy/jobs/${started.id}/download`), 200);
    const zip = Buffer.from(await (await fetch(link.url)).arrayBuffer());
    expect(zip.length).toBe(done.export!.bytes);
    // A zip ends with its central directory's end record: the file was not cut short by the kill.
    expect(zip.subarray(zip.length - 22, zip.length - 18).toString('hex')).toBe('504b0506');
    // Every export acknowledged is there, and no other was started on the way.
    expect((await exportJobs(p)).map((job) => job.id).sort()).toEqual([...acknowledged].sort());
  }
});

test('an acknowledged erasure survives kill -9 of everything: the account stays shut and the job finishes after the restart', async () => {
  let p = platform ?? (await startTestPlatform({ dataDir, env: ENV }));
  platform = p;
  const email = 'erased-by-kill@andes.test';
  const userId = await inviteUser(p, ADMIN, { email, displayName: 'Killed Mid-Erasure', role: 'creator' });
  await json(
    await p.api(email, '/v1/projects', { method: 'POST', json: { metadata: minimalMetadata('Her book') } }),
    201,
  );
  const erasure = await json<PrivacyJobView>(await p.api(ADMIN, `/v1/users/${userId}`, { method: 'DELETE' }), 202);
  p = await killSoonAndRestart();

  // Shut since the 202 (or already gone): never active again on the way.
  const meanwhile = await p.api(ADMIN, `/v1/users/${userId}`);
  expect([200, 404]).toContain(meanwhile.status);
  if (meanwhile.status === 200) expect(((await meanwhile.json()) as { status: string }).status).toBe('deactivated');
  const done = await waitForPrivacyJob(p, ADMIN, erasure.id);
  expect({ status: done.status, error: done.error }).toEqual({ status: 'succeeded', error: null });
  expect((await p.api(ADMIN, `/v1/users/${userId}`)).status).toBe(404);
});

test('a start killed between claiming the export and starting it: 24 requests after it answer the claimed job, which then runs', async () => {
  const p = platform ?? (await startTestPlatform({ dataDir, env: ENV }));
  platform = p;
  const before = (await exportJobs(p)).map((job) => job.id);
  const me = await json<{ principal: { userId: string } }>(await p.api(ADMIN, '/v1/me'), 200);
  // What the killed start left: its job, queued, and the claim naming it; no orchestration.
  const jobId = `exp_killedbeforestart${Date.now()}`;
  const now = new Date().toISOString();
  const { container, close } = cosmosContainer(p, 'privacy');
  try {
    await container.items.create({
      id: jobId,
      type: 'privacyJob',
      tenantId: TENANT,
      kind: 'tenantExport',
      status: 'queued',
      phase: 'queued',
      requestedBy: me.principal.userId,
      subjectRef: null,
      subject: null,
      successorId: null,
      attempt: 1,
      report: null,
      archive: null,
      error: null,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
      updatedAt: now,
    });
    await container.items.upsert({
      id: 'tenant-export-claim',
      type: 'tenantExportClaim',
      tenantId: TENANT,
      jobId,
      claimedAt: now,
    });
  } finally {
    close();
  }

  const outcomes = await inParallel(24, () => p.api(ADMIN, '/v1/tenant/exports', { method: 'POST' }));
  expect(tally(outcomes)).toEqual({ 202: 24 });
  expect(new Set(outcomes.map((o) => o.body.id))).toEqual(new Set([jobId]));
  const done = await waitForPrivacyJob(p, ADMIN, jobId, 120_000);
  expect({ status: done.status, error: done.error }).toEqual({ status: 'succeeded', error: null });
  expect((await exportJobs(p)).map((job) => job.id).sort()).toEqual([...before, jobId].sort());
});
