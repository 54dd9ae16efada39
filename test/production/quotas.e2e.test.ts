/**
 * Per-tenant quotas refuse a production with a clear error before anything is spent (docs/domain.md §Costs and quotas):
 * the storage the deliverables would take on top of what the tenant stores, and productions already running in its
 * other projects.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { LONG_NARRATION, type Line } from './seedBook';
import { json, plannedBook, startProduction } from './support';

const pampa = freshTenant('pampa');

const OPERATOR = 'operator@khipu.test';
const PAMPA = pampa.creator;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await pampa.signUp(platform);
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await pampa.settleJobs(platform);
  await platform?.stop();
});

async function setPampaQuotas(quotas: Record<string, number>): Promise<void> {
  const tenant = await json<{ etag: string }>(await platform.api(OPERATOR, `/v1/operator/tenants/${pampa.id}`), 200);
  await json(
    await platform.api(OPERATOR, `/v1/operator/tenants/${pampa.id}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas },
    }),
    200,
  );
}

async function refusal(projectId: string): Promise<{ status: number; error: any }> {
  const res = await platform.api(PAMPA, `/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple', 'acx'], allowUnknownSpeakers: true },
  });
  return { status: res.status, error: ((await res.json()) as { error: unknown }).error };
}

async function jobsOf(projectId: string): Promise<unknown[]> {
  return (await json<{ items: unknown[] }>(await platform.api(PAMPA, `/v1/projects/${projectId}/jobs`), 200)).items;
}

test('a production whose deliverables would not fit the storage quota is refused before it starts', async () => {
  const book = await plannedBook(platform, { user: PAMPA, title: 'Too Big' });
  // The cover and manuscript already stored take a few hundred kilobytes; the audio would take megabytes.
  await setPampaQuotas({ storageBytes: 2 * 1024 * 1024, concurrentJobs: 5 });

  const refused = await refusal(book.projectId);
  expect(refused.status).toBe(429);
  expect(refused.error).toMatchObject({ code: 'quota_exceeded', details: { quota: 'storageBytes' } });
  expect(refused.error.details.requested).toBeGreaterThan(2 * 1024 * 1024);
  expect(await jobsOf(book.projectId)).toEqual([]);

  await setPampaQuotas({ storageBytes: 5 * 1024 ** 3 });
  expect((await refusal(book.projectId)).status).toBe(202);
});

test('a second production while the tenant’s one allowed production runs is refused; after it ends, it starts', async () => {
  await setPampaQuotas({ concurrentJobs: 1, storageBytes: 5 * 1024 ** 3 });
  const longBook = [
    {
      title: 'Chapter 1',
      lines: LONG_NARRATION.map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text}`]),
    },
  ];
  const running = await plannedBook(platform, { user: PAMPA, title: 'Running', chapters: longBook });
  const waiting = await plannedBook(platform, { user: PAMPA, title: 'Waiting' });
  for (const project of (await json<{ items: { id: string }[] }>(await platform.api(PAMPA, '/v1/projects'), 200))
    .items) {
    // Settle whatever the previous test started, so this one counts only its own production.
    for (const job of (await jobsOf(project.id)) as { id: string; status: string }[]) {
      if (job.status === 'queued' || job.status === 'running')
        await waitForJob(platform, PAMPA, project.id, job.id, 300_000);
    }
  }

  const jobId = await startProduction(platform, running.projectId, ['apple'], PAMPA);
  // The production counts once its preflight has claimed the project.
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await json<{ status: string; progress: { phase: string } }>(
      await platform.api(PAMPA, `/v1/projects/${running.projectId}/jobs/${jobId}`),
      200,
    );
    if (job.progress.phase === 'synthesizing') break;
    if (job.status !== 'queued' && job.status !== 'running') throw new Error(`job ended early: ${job.status}`);
    if (Date.now() > deadline) throw new Error('production never reached synthesis');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  const refused = await refusal(waiting.projectId);
  expect(refused.status).toBe(429);
  expect(refused.error).toMatchObject({
    code: 'quota_exceeded',
    details: { quota: 'concurrentJobs', limit: 1, running: 1 },
  });
  expect(await jobsOf(waiting.projectId)).toEqual([]);

  await json(
    await platform.api(PAMPA, `/v1/projects/${running.projectId}/jobs/${jobId}/cancel`, { method: 'POST' }),
    200,
  );
  await waitForJob(platform, PAMPA, running.projectId, jobId, 120_000);
  // Cancelling releases the project's claim; the waiting book may start now.
  const deadlineAfter = Date.now() + 60_000;
  let after = await refusal(waiting.projectId);
  while (after.status === 429 && Date.now() < deadlineAfter) {
    await new Promise((resolve) => setTimeout(resolve, 500));
    after = await refusal(waiting.projectId);
  }
  expect(after.status).toBe(202);
});
