/**
 * A cancel sent the moment a production appears, 24 start+cancel pairs at once on the real local platform. The job is
 * listed (the studio polls the list) before its orchestration is started, so a cancel can find no orchestration yet:
 * that must not count as an ended one (the job service's start grace), and an orchestration that starts after the
 * cancel stops at its first step. Whenever each cancel lands (before the orchestration exists, while it is pending,
 * or while it runs), every job ends cancelled, every orchestration completes, nothing is left pinned, no job still
 * says it holds pins (so the job sweep never has to look at one), and the tenant's slots and the projects are free.
 * And 24 cancels of one running production at once all answer the one cancelled ending, with the same outcome.
 */
import sharp from 'sharp';
import { seedPlannedBook } from '../production/seedBook';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';
import { blobHashes } from '../production/support';
import { cosmosContainer, inParallel, tally } from './support';

const pampa = freshTenant('pampa');

const CREATOR = pampa.creator;
const ADMIN = pampa.admin;
const OPERATOR = 'operator@khipu.test';
const PAIRS = 24;

let platform: TestPlatform;
let cover: Buffer;

jest.setTimeout(15 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await pampa.signUp(platform);
  cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#663399' } })
    .jpeg()
    .toBuffer();
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await pampa.settleJobs(platform);
  await platform?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function plannedProject(title: string): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  await body(
    await platform.api(CREATOR, `/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await seedPlannedBook(platform, pampa.id, project.id);
  return project.id;
}

async function allowProductions(concurrentJobs: number): Promise<void> {
  const tenant = await body<{ etag: string }>(await platform.api(OPERATOR, `/v1/operator/tenants/${pampa.id}`), 200);
  await body(
    await platform.api(OPERATOR, `/v1/operator/tenants/${pampa.id}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas: { concurrentJobs } },
    }),
    200,
  );
}

const produce = (projectId: string) =>
  platform.api(CREATOR, `/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple'], allowUnknownSpeakers: true },
  });

/** Cancels the project's production as soon as the job list shows it (before the start has answered, if it can). */
async function cancelOnSight(projectId: string): Promise<{ jobId: string; status: number; cancelled: string }> {
  for (let attempt = 0; attempt < 2_000; attempt++) {
    const listed = await body<{ items: { id: string }[] }>(
      await platform.api(CREATOR, `/v1/projects/${projectId}/jobs?kind=produce`),
      200,
    );
    const jobId = listed.items[0]?.id;
    if (jobId) {
      const res = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}/cancel`, { method: 'POST' });
      const job = (await res.json()) as { status: string };
      return { jobId, status: res.status, cancelled: job.status };
    }
  }
  throw new Error(`no production of ${projectId} was listed`);
}

function durable(jobId: string): string {
  return `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances/${jobId}`;
}

async function orchestrationStatus(jobId: string): Promise<string | undefined> {
  const res = await fetch(durable(jobId));
  return res.status === 404 ? undefined : ((await res.json()) as { runtimeStatus: string }).runtimeStatus;
}

test(`${PAIRS} productions each cancelled the moment they are listed end cancelled, unpinned and unmarked`, async () => {
  await allowProductions(PAIRS + 1);
  const projects: string[] = [];
  for (let i = 0; i < PAIRS; i++) projects.push(await plannedProject(`Cancelled At Once ${i}`));

  const pairs = await Promise.all(
    projects.map(async (projectId) => {
      const [start, cancel] = await Promise.all([produce(projectId), cancelOnSight(projectId)]);
      return { projectId, start, cancel };
    }),
  );
  for (const { start, cancel } of pairs) {
    expect(start.status).toBe(202);
    expect(((await start.json()) as { job: { id: string } }).job.id).toBe(cancel.jobId);
    expect(cancel).toMatchObject({ status: 200, cancelled: 'cancelled' });
  }

  // Every orchestration starts (none was lost to the cancel) and ends at its first check or its next one.
  for (const { cancel } of pairs) {
    for (let i = 0; (await orchestrationStatus(cancel.jobId)) !== 'Completed'; i++) {
      if (i > 1_200) throw new Error(`${cancel.jobId} did not complete: ${await orchestrationStatus(cancel.jobId)}`);
      await sleep(250);
    }
  }

  const jobs = cosmosContainer(platform, 'jobs');
  try {
    for (const { projectId, cancel } of pairs) {
      const { resource } = await jobs.container.item(cancel.jobId, [pampa.id, projectId]).read();
      expect(resource).toMatchObject({ status: 'cancelled', cancelRequested: true, pinsHeld: false });
      expect([...(await blobHashes(platform, `tenants/${pampa.id}/projects/${projectId}/jobs/`)).keys()]).toEqual([]);
    }
  } finally {
    jobs.close();
  }
  const usage = await body<{ concurrentJobs: { running: number } }>(await platform.api(ADMIN, '/v1/tenant/usage'), 200);
  expect(usage.concurrentJobs.running).toBe(0);

  // The projects are free: the next production of one starts.
  const next = await body<{ job: { id: string } }>(await produce(projects[0]), 202);
  await platform.api(CREATOR, `/v1/projects/${projects[0]}/jobs/${next.job.id}/cancel`, { method: 'POST' });
});

test(`${PAIRS} cancels of one running production at once: it ends cancelled once, unpinned and unmarked`, async () => {
  const projectId = await plannedProject('Cancelled Many Times');
  const started = await body<{ job: { id: string } }>(await produce(projectId), 202);
  const jobId = started.job.id;
  for (let i = 0; (await orchestrationStatus(jobId)) !== 'Running'; i++) {
    if (i > 1_200) throw new Error(`${jobId} did not run`);
    await sleep(100);
  }
  const outcomes = await inParallel(PAIRS, () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}/cancel`, { method: 'POST' }),
  );
  expect(tally(outcomes)).toEqual({ 200: PAIRS });
  expect(outcomes.every((o) => o.body.status === 'cancelled')).toBe(true);
  // One ending: every answer shows the same settlement.
  expect(new Set(outcomes.map((o) => o.body.finishedAt)).size).toBe(1);

  for (let i = 0; (await orchestrationStatus(jobId)) !== 'Completed'; i++) {
    if (i > 1_200) throw new Error(`${jobId} did not complete: ${await orchestrationStatus(jobId)}`);
    await sleep(250);
  }
  const jobs = cosmosContainer(platform, 'jobs');
  try {
    const { resource } = await jobs.container.item(jobId, [pampa.id, projectId]).read();
    expect(resource).toMatchObject({ status: 'cancelled', pinsHeld: false });
  } finally {
    jobs.close();
  }
  expect([...(await blobHashes(platform, `tenants/${pampa.id}/projects/${projectId}/jobs/`)).keys()]).toEqual([]);
  const usage = await body<{ concurrentJobs: { running: number } }>(await platform.api(ADMIN, '/v1/tenant/usage'), 200);
  expect(usage.concurrentJobs.running).toBe(0);
});
