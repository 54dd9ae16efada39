/**
 * A production acknowledged with 202 finishes although every local process (the platform, the Functions host,
 * Azurite, the Cosmos emulator) is killed with `kill -9` in the middle of it, and the platform is started again on
 * the same data: once while chapters are being mastered, once while the packages are built. Synthesis is covered by
 * test/production/crash.e2e.test.ts (the host alone killed mid-fan-out). After the restart the job succeeds, every
 * chapter has its master, the package passes its checks, and no audio stored before the kill was written again.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BlobItem } from '@azure/storage-blob';
import { killEverything } from '../platform/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { waitForJob } from '../api/isolation/fixtures';
import { LONG_NARRATION, type Line } from '../production/seedBook';
import { blobContainer, CREATOR, json, plannedBook, startProduction, tenantOf } from '../production/support';

jest.setTimeout(20 * 60_000);

let dataDir: string;
let platform: TestPlatform | undefined;

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-production-kill-'));
});
afterAll(async () => {
  await platform?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function restart(): Promise<TestPlatform> {
  if (platform) await killEverything(platform.pid);
  platform = await startTestPlatform({ dataDir });
  return platform;
}

/**
 * The platform the previous test left running (started again on the same data after its kill), or a first one: a
 * test's own kill comes mid-production, so a fresh start before it would only cost a kill and a start.
 */
async function running(): Promise<TestPlatform> {
  return platform ?? restart();
}

const BOOK = ['One', 'Two', 'Three', 'Four'].map((n) => ({
  title: `Chapter ${n}`,
  lines: [
    ['heading', 'chapter_head', 'narrator', `Chapter ${n}`] as Line,
    ...LONG_NARRATION.slice(0, 6).map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text} (${n})`]),
  ],
}));

async function blobsUnder(p: TestPlatform, prefix: string): Promise<BlobItem[]> {
  const found: BlobItem[] = [];
  for await (const blob of blobContainer(p).listBlobsFlat({ prefix })) found.push(blob);
  return found;
}

const projectPrefix = (projectId: string) => `tenants/${tenantOf(CREATOR)}/projects/${projectId}/`;

/** Polls until `ready` says the moment has come; fails when the job ends first. */
async function waitForMoment(
  p: TestPlatform,
  projectId: string,
  jobId: string,
  ready: (job: { status: string; progress?: { phase?: string } }) => Promise<boolean>,
): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    const job = await json<{ status: string; progress?: { phase?: string } }>(
      await p.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`),
      200,
    );
    if (['succeeded', 'failed', 'cancelled'].includes(job.status)) throw new Error(`job ended first: ${job.status}`);
    if (await ready(job)) return;
    if (Date.now() > deadline) throw new Error('the moment never came');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** After the restart: the job succeeded, every chapter is mastered, the package passed, earlier audio untouched. */
async function expectFinished(projectId: string, jobId: string, atKill: BlobItem[]): Promise<void> {
  const p = await restart();
  const done = await waitForJob(p, CREATOR, projectId, jobId, 10 * 60_000);
  expect(done.error ?? null).toBeNull();
  expect(done.status).toBe('succeeded');
  const chapters = await json<{ items: { masterPlanRevision: number | null; planRevision: number }[] }>(
    await p.api(CREATOR, `/v1/projects/${projectId}/chapters`),
    200,
  );
  expect(chapters.items.map((c) => c.masterPlanRevision)).toEqual(chapters.items.map((c) => c.planRevision));
  const packages = await json<{ items: { platform: string; readiness: { passed: boolean } }[] }>(
    await p.api(CREATOR, `/v1/projects/${projectId}/packages`),
    200,
  );
  expect(packages.items.find((item) => item.platform === 'apple')?.readiness.passed).toBe(true);
  // Content-addressed audio is written create-only: what was stored before the kill keeps its ETag.
  const after = new Map((await blobsUnder(p, `${projectPrefix(projectId)}audio/`)).map((b) => [b.name, b.properties]));
  for (const blob of atKill)
    expect({ name: blob.name, etag: after.get(blob.name)?.etag }).toEqual({
      name: blob.name,
      etag: blob.properties.etag,
    });
}

test('kill -9 of every process while chapters are mastered: the production finishes after the restart', async () => {
  const p = await running();
  const book = await plannedBook(p, { title: 'Killed while mastering', chapters: BOOK });
  const jobId = await startProduction(p, book.projectId);
  let atKill: BlobItem[] = [];
  await waitForMoment(p, book.projectId, jobId, async () => {
    atKill = await blobsUnder(p, `${projectPrefix(book.projectId)}audio/`);
    const masters = atKill.filter((b) => b.name.includes('/audio/chapters/')).length;
    return masters > 0;
  });
  await expectFinished(book.projectId, jobId, atKill);
});

test('kill -9 of every process while the packages are built: the production finishes after the restart', async () => {
  const p = await running();
  const book = await plannedBook(p, { title: 'Killed while packaging', chapters: BOOK });
  const jobId = await startProduction(p, book.projectId);
  let atKill: BlobItem[] = [];
  await waitForMoment(p, book.projectId, jobId, async (job) => {
    if (job.progress?.phase !== 'packaging') return false;
    atKill = await blobsUnder(p, `${projectPrefix(book.projectId)}audio/`);
    return true;
  });
  await expectFinished(book.projectId, jobId, atKill);
});
