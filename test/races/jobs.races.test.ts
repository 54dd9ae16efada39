/**
 * One job per project and the tenant's concurrent-productions quota, under 20+ identical requests at once on the
 * real local platform: the project lock and the tenant's production slots are claimed atomically before a job
 * exists, freed when it completes or is cancelled, and taken over when their job ended without freeing them.
 */
import sharp from 'sharp';
import { randomBytes } from 'node:crypto';
import { importSmallManuscript, waitForJob } from '../api/isolation/fixtures';
import { LONG_NARRATION, seedPlannedBook, type Line } from '../production/seedBook';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { cosmosContainer, inParallel, tally, type Outcome } from './support';
import { body } from '../support/responses';

const andes = freshTenant('andes');
const pampa = freshTenant('pampa');

const ANDES = andes.creator;
const PAMPA = pampa.creator;
const OPERATOR = 'operator@khipu.test';
const PARALLEL = 24;
let platform: TestPlatform;
let cover: Buffer;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await Promise.all([andes.signUp(platform), pampa.signUp(platform)]);
  cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await Promise.all([andes.settleJobs(platform), pampa.settleJobs(platform)]);
  await platform?.stop();
});

async function newProject(user: string, title: string): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(user, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  return project.id;
}

/** A book that takes a while to produce, so its job can be interrupted mid-way. */
const LONG_BOOK = [1, 2, 3].map((n) => ({
  title: `Chapter ${n}`,
  lines: LONG_NARRATION.map((text): Line => ['narration', 'paragraph', 'narrator', ` ${text}`]),
}));

/** A project with a retail cover and a small planned, cast book, ready to produce. */
async function plannedProject(user: string, title: string, chapters?: typeof LONG_BOOK): Promise<string> {
  const projectId = await newProject(user, title);
  await body(
    await platform.api(user, `/v1/projects/${projectId}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await seedPlannedBook(platform, user === PAMPA ? pampa.id : andes.id, projectId, undefined, chapters);
  return projectId;
}

const produce = (user: string, projectId: string) =>
  platform.api(user, `/v1/projects/${projectId}/productions`, {
    method: 'POST',
    json: { platforms: ['apple'], allowUnknownSpeakers: true },
  });

async function jobsOf(user: string, projectId: string): Promise<{ id: string; kind: string; status: string }[]> {
  return (await body<{ items: any[] }>(await platform.api(user, `/v1/projects/${projectId}/jobs?pageSize=100`), 200))
    .items;
}

function expectJobInProgress(refusals: Outcome[], jobId: string): void {
  for (const refusal of refusals) {
    expect(refusal.status).toBe(409);
    expect(refusal.body.error).toMatchObject({ code: 'job_in_progress', details: { jobId } });
  }
}

async function setPampaQuota(concurrentJobs: number): Promise<void> {
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

test(`${PARALLEL} parallel productions of one project start one job, and its characters are billed once`, async () => {
  const projectId = await plannedProject(ANDES, 'One Production');
  const outcomes = await inParallel(PARALLEL, () => produce(ANDES, projectId));
  expect(tally(outcomes)).toEqual({ 202: 1, 409: PARALLEL - 1 });
  const started = outcomes.find((o) => o.status === 202)!.body.job.id as string;
  expectJobInProgress(
    outcomes.filter((o) => o.status !== 202),
    started,
  );
  expect((await jobsOf(ANDES, projectId)).map((j) => j.id)).toEqual([started]);

  const done = (await waitForJob(platform, ANDES, projectId, started, 300_000)) as any;
  expect(done.status).toBe('succeeded');
  const report = await body<{ groups: { byKind: Record<string, { quantity: number }> }[] }>(
    await platform.api(ANDES, `/v1/projects/${projectId}/costs`),
    200,
  );
  const billed = report.groups.reduce((sum, g) => sum + (g.byKind.tts_characters?.quantity ?? 0), 0);
  // Once: the lines' characters and the retail credits' (rendered once per production), each recorded one time.
  expect(billed).toBe(done.result.billableCharacters + done.result.credits.billableCharacters);
  expect(billed).toBeGreaterThan(0);

  // Completion freed the project: the next production starts.
  const again = await body<{ job: { id: string } }>(await produce(ANDES, projectId), 202);
  await waitForJob(platform, ANDES, projectId, again.job.id, 300_000);
});

test(`${PARALLEL} parallel plan and character-detection starts on one project start one job`, async () => {
  const projectId = await newProject(ANDES, 'One Analysis');
  await importSmallManuscript(platform, ANDES, projectId);
  const outcomes = await inParallel(PARALLEL, (i) =>
    i % 2 === 0
      ? platform.api(ANDES, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} })
      : platform.api(ANDES, `/v1/projects/${projectId}/characters/detect`, { method: 'POST' }),
  );
  expect(tally(outcomes)).toEqual({ 202: 1, 409: PARALLEL - 1 });
  const started = outcomes.find((o) => o.status === 202)!.body.job.id as string;
  expectJobInProgress(
    outcomes.filter((o) => o.status !== 202),
    started,
  );
  const active = (await jobsOf(ANDES, projectId)).filter((j) => j.kind !== 'import');
  expect(active.map((j) => j.id)).toEqual([started]);
  await waitForJob(platform, ANDES, projectId, started, 300_000);
});

test(`the tenant's quota of one production holds under ${PARALLEL} parallel starts across its projects`, async () => {
  await setPampaQuota(1);
  const projects: string[] = [];
  for (let i = 0; i < PARALLEL; i++) projects.push(await plannedProject(PAMPA, `Quota Book ${i}`));

  const outcomes = await inParallel(PARALLEL, (i) => produce(PAMPA, projects[i]));
  expect(tally(outcomes)).toEqual({ 202: 1, 429: PARALLEL - 1 });
  for (const refusal of outcomes.filter((o) => o.status === 429)) {
    expect(refusal.body.error).toMatchObject({
      code: 'quota_exceeded',
      details: { quota: 'concurrentJobs', limit: 1, running: 1 },
    });
  }
  const winner = outcomes.findIndex((o) => o.status === 202);
  const jobId = outcomes[winner].body.job.id as string;
  const started = (await Promise.all(projects.map((p) => jobsOf(PAMPA, p)))).flat();
  expect(started.map((j) => j.id)).toEqual([jobId]);

  // Cancelling frees the slot at once: exactly one of the others starts next.
  await body(
    await platform.api(PAMPA, `/v1/projects/${projects[winner]}/jobs/${jobId}/cancel`, { method: 'POST' }),
    200,
  );
  const others = projects.filter((_, i) => i !== winner);
  const next = await inParallel(others.length, (i) => produce(PAMPA, others[i]));
  expect(tally(next)).toEqual({ 202: 1, 429: others.length - 1 });
  const nextIndex = next.findIndex((o) => o.status === 202);
  const nextJob = next[nextIndex].body.job.id as string;
  // Completion frees it too.
  expect((await waitForJob(platform, PAMPA, others[nextIndex], nextJob, 300_000)).status).toBe('succeeded');
  const last = others.find((_, i) => i !== nextIndex)!;
  const lastJob = await body<{ job: { id: string } }>(await produce(PAMPA, last), 202);
  await platform.api(PAMPA, `/v1/projects/${last}/jobs/${lastJob.job.id}/cancel`, { method: 'POST' });
  await waitForJob(platform, PAMPA, last, lastJob.job.id, 300_000);
});

test('claims left behind by a crash are taken over: a lock or slot whose job ended or never came to exist', async () => {
  await setPampaQuota(1);
  const tenants = cosmosContainer(platform, 'tenants');
  const jobs = cosmosContainer(platform, 'jobs');
  try {
    // A production slot held by a job that was never recorded (the start died after claiming it).
    const projectId = await plannedProject(PAMPA, 'After The Crash');
    const { resource: tenant } = await tenants.container.item(pampa.id, pampa.id).read();
    const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await tenants.container.item(pampa.id, pampa.id).replace({
      ...tenant,
      runningProductions: [{ jobId: `job_${randomBytes(6).toString('hex')}`, projectId, claimedAt: longAgo }],
    });
    // And the project's lock held by a job that finished long ago (the crash came before it freed the lock).
    const finished = await body<{ job: { id: string } }>(
      await platform.api(PAMPA, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} }),
      202,
    );
    await waitForJob(platform, PAMPA, projectId, finished.job.id);
    await jobs.container.items.upsert({
      id: `${projectId}.jobLock`,
      type: 'jobLock',
      tenantId: pampa.id,
      projectId,
      jobId: finished.job.id,
      kind: 'plan',
      claimedAt: longAgo,
      updatedAt: longAgo,
    });

    const recovered = await body<{ job: { id: string } }>(await produce(PAMPA, projectId), 202);
    await platform.api(PAMPA, `/v1/projects/${projectId}/jobs/${recovered.job.id}/cancel`, { method: 'POST' });
    await waitForJob(platform, PAMPA, projectId, recovered.job.id, 300_000);

    // A lock claimed a moment ago whose job is not recorded yet is a start in flight, not a crash: it holds.
    await jobs.container.items.upsert({
      id: `${projectId}.jobLock`,
      type: 'jobLock',
      tenantId: pampa.id,
      projectId,
      jobId: 'job_starting_now',
      kind: 'plan',
      claimedAt: new Date().toISOString(),
      updatedAt: new Date().toISOString(),
    });
    const held = await produce(PAMPA, projectId);
    expect(held.status).toBe(409);
    expect(((await held.json()) as any).error.details).toMatchObject({ jobId: 'job_starting_now' });
  } finally {
    tenants.close();
    jobs.close();
  }
});

test('a job whose orchestration ended without settling it is marked interrupted and its claims taken over', async () => {
  const durable = `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances`;
  const runtimeStatus = async (jobId: string) =>
    ((await (await fetch(`${durable}/${jobId}`)).json()) as { runtimeStatus: string }).runtimeStatus;
  const terminate = async (jobId: string) => {
    expect((await fetch(`${durable}/${jobId}/terminate?reason=crash`, { method: 'POST' })).status).toBe(202);
    for (let i = 0; (await runtimeStatus(jobId)) !== 'Terminated'; i++) {
      if (i > 600) throw new Error(`${jobId} was not terminated`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const projectId = await plannedProject(ANDES, 'Interrupted', LONG_BOOK);
  const first = await body<{ job: { id: string } }>(await produce(ANDES, projectId), 202);
  await terminate(first.job.id);

  // The orchestration is gone and the job still says it runs: the next start settles it and takes its claims.
  const second = await body<{ job: { id: string } }>(await produce(ANDES, projectId), 202);
  const interrupted = await body(await platform.api(ANDES, `/v1/projects/${projectId}/jobs/${first.job.id}`), 200);
  expect(interrupted).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });

  // An orchestration whose record was purged cannot be told from a slow one: its claims hold, and cancelling the
  // job (which no longer has an orchestration to stop) frees them.
  await terminate(second.job.id);
  expect((await fetch(`${durable}/${second.job.id}`, { method: 'DELETE' })).status).toBe(200);
  const held = await produce(ANDES, projectId);
  expect(held.status).toBe(409);
  expect(((await held.json()) as any).error.details.jobId).toBe(second.job.id);
  const cancelled = await body(
    await platform.api(ANDES, `/v1/projects/${projectId}/jobs/${second.job.id}/cancel`, { method: 'POST' }),
    200,
  );
  expect(cancelled.status).toBe('cancelled');
  const third = await body<{ job: { id: string } }>(await produce(ANDES, projectId), 202);
  await platform.api(ANDES, `/v1/projects/${projectId}/jobs/${third.job.id}/cancel`, { method: 'POST' });
  await waitForJob(platform, ANDES, projectId, third.job.id, 300_000);
});
