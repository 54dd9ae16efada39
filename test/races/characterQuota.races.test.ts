/**
 * The monthly character quota under parallel starts, on the real local platform: a tenant with a slot for every
 * production but characters for only a few of them starts productions of many projects at once. Each start reserves
 * its estimate (lines and credits) with its production slot in one ETag-conditional write, so the productions that
 * start never together pass the month's quota, and the others are refused with the figures that refused them. What a
 * running production has already recorded counts once: in the month's characters, no longer in its reservation.
 */
import sharp from 'sharp';
import { seedPlannedBook } from '../production/seedBook';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { cosmosContainer, inParallel, tally, type Outcome } from './support';
import { body } from '../support/responses';
import type { TenantRecord } from '../../core/tenants/tenant';

const andes = freshTenant('andes');

const ANDES = andes.creator;
const OPERATOR = 'operator@khipu.test';
const PARALLEL = 24;
/** How many of the productions the month's quota leaves room for (with half a production to spare). */
const FITTING = 5;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await andes.settleJobs(platform);
  await platform?.stop();
});

/** A project with a retail cover and the small planned, cast book, ready to produce. */
async function plannedProject(title: string, cover: Buffer): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(ANDES, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  await body(
    await platform.api(ANDES, `/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await seedPlannedBook(platform, andes.id, project.id);
  return project.id;
}

interface CharacterQuota {
  limit: number;
  used: number;
  reserved: number;
  requested: number;
  remaining: number;
}

async function estimateOf(projectId: string): Promise<{ billableCharacters: number; quota: CharacterQuota }> {
  const estimate = await body<{ billableCharacters: number; quota: { monthlyCharacters: CharacterQuota } }>(
    await platform.api(ANDES, `/v1/projects/${projectId}/productions/estimate?platforms=apple`),
    200,
  );
  return { billableCharacters: estimate.billableCharacters, quota: estimate.quota.monthlyCharacters };
}

/** The tenant's monthly characters: recorded this month, and held beyond that by the productions running now. */
async function monthlyCharacters(): Promise<{ used: number; reserved: number }> {
  const usage = await body<{ monthlyCharacters: { used: number; reserved: number } }>(
    await platform.api(ANDES, '/v1/tenant/usage'),
    200,
  );
  return usage.monthlyCharacters;
}

async function usedThisMonth(): Promise<number> {
  return (await monthlyCharacters()).used;
}

function startAll(projects: string[]): Promise<Outcome[]> {
  return inParallel(projects.length, (i) =>
    platform.api(ANDES, `/v1/projects/${projects[i]}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
  );
}

async function cancelAll(started: Outcome[]): Promise<void> {
  for (const outcome of started) {
    const { id, projectId } = outcome.body.job as { id: string; projectId: string };
    await body(await platform.api(ANDES, `/v1/projects/${projectId}/jobs/${id}/cancel`, { method: 'POST' }), 200);
  }
}

async function plannedProjects(count: number, prefix: string): Promise<string[]> {
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#663399' } })
    .jpeg()
    .toBuffer();
  const projects: string[] = [];
  // Titles of one length: the credits speak the title, so every production reserves the same.
  for (let i = 0; i < count; i++) projects.push(await plannedProject(`${prefix} ${String(i).padStart(2, '0')}`, cover));
  return projects;
}

async function setAndesQuotas(quotas: { monthlyCharacters: number; concurrentJobs: number }): Promise<void> {
  const tenant = await body<{ etag: string }>(await platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`), 200);
  await body(
    await platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas },
    }),
    200,
  );
}

/** How many of the started productions have ended already. */
async function endedCount(started: Outcome[]): Promise<number> {
  const statuses = await Promise.all(
    started.map(async (o) => {
      const job = await body<{ status: string }>(
        await platform.api(ANDES, `/v1/projects/${o.body.job.projectId}/jobs/${o.body.job.id}`),
        200,
      );
      return job.status;
    }),
  );
  return statuses.filter((status) => status !== 'queued' && status !== 'running').length;
}

/**
 * A production running in another project, as the pipeline leaves one midway: its job running, its slot holding its
 * reservation, and part of it already synthesized and recorded under its job id.
 */
async function seedRunningProduction(
  projectId: string,
  reserved: number,
  recorded: number,
): Promise<{ jobId: string }> {
  const jobId = `job_running${Date.now()}`;
  const now = new Date().toISOString();
  const jobs = cosmosContainer(platform, 'jobs');
  const costs = cosmosContainer(platform, 'costs');
  const tenants = cosmosContainer(platform, 'tenants');
  try {
    await jobs.container.items.create({
      id: jobId,
      type: 'job',
      tenantId: andes.id,
      projectId,
      kind: 'produce',
      status: 'running',
      orchestration: 'produceBook',
      input: { platforms: ['apple'], chapterIds: null, allowUnknownSpeakers: true },
      progress: {
        phase: 'synthesizing',
        chaptersDone: 0,
        chaptersTotal: 1,
        segmentsDone: 1,
        segmentsTotal: 2,
        etaSeconds: 60,
        costSoFarUsd: 0,
        message: null,
      },
      result: null,
      error: null,
      cancelRequested: false,
      attempt: 1,
      createdBy: andes.userIds.creator,
      createdAt: now,
      startedAt: now,
      finishedAt: null,
      updatedAt: now,
    });
    await costs.container.items.create({
      id: `cost_${jobId}`,
      type: 'cost',
      tenantId: andes.id,
      projectId,
      userId: andes.userIds.creator,
      jobId,
      kind: 'tts_characters',
      rate: 'tts:offline',
      quantity: recorded,
      unitPriceUsd: 0,
      amountUsd: 0,
      day: now.slice(0, 10),
      month: now.slice(0, 7),
      recordedAt: now,
    });
    const { resource: tenant, etag } = await tenants.container.item(andes.id, andes.id).read<TenantRecord>();
    const running = [
      ...(tenant!.runningProductions ?? []),
      { jobId, projectId, claimedAt: now, reservedCharacters: reserved },
    ];
    await tenants.container
      .item(andes.id, andes.id)
      .replace({ ...tenant!, runningProductions: running }, { accessCondition: { type: 'IfMatch', condition: etag! } });
  } finally {
    jobs.close();
    costs.close();
    tenants.close();
  }
  return { jobId };
}

test(`what a running production has recorded counts once: ${PARALLEL} parallel starts use the room it leaves`, async () => {
  const [runningProject, ...projects] = await plannedProjects(PARALLEL + 1, 'Counted Once Book');
  const perBook = (await estimateOf(projects[0])).quota.requested;
  // Halfway through: it reserved two books' worth and has recorded one.
  const running = await seedRunningProduction(runningProject, 2 * perBook, perBook);
  const { used, reserved } = await monthlyCharacters();
  expect(reserved).toBe(perBook);
  // Room for FITTING productions beside what is recorded and what the running one still holds (half a book spare).
  // Counting its recorded book twice would leave room for FITTING - 1.
  const limit = used + perBook + FITTING * perBook + Math.floor(perBook / 2);
  await setAndesQuotas({ monthlyCharacters: limit, concurrentJobs: PARALLEL + 1 });

  const outcomes = await startAll(projects);
  const started = outcomes.filter((o) => o.status === 202);
  try {
    await expectCountedOnce(outcomes, { limit, perBook });
  } finally {
    await cancelAll(started);
    await body(
      await platform.api(ANDES, `/v1/projects/${runningProject}/jobs/${running.jobId}/cancel`, { method: 'POST' }),
      200,
    );
  }
  expect((await monthlyCharacters()).reserved).toBe(0);
});

/** FITTING started (one more only beside one that ended), each refusal justified, the month never passed. */
async function expectCountedOnce(outcomes: Outcome[], quota: { limit: number; perBook: number }): Promise<void> {
  const { limit, perBook } = quota;
  const started = outcomes.filter((o) => o.status === 202);
  expect(started.length + outcomes.filter((o) => o.status === 429).length).toBe(PARALLEL);
  expect(started.length).toBeGreaterThanOrEqual(FITTING);
  // One more only when a production that started ended meanwhile, having spent less than it reserved.
  expect(started.length).toBeLessThanOrEqual(FITTING + (await endedCount(started)));
  for (const refusal of outcomes.filter((o) => o.status === 429)) {
    const details = refusal.body.error.details;
    expect(refusal.body.error).toMatchObject({
      code: 'quota_exceeded',
      details: { quota: 'monthlyCharacters', limit, requested: perBook },
    });
    expect(details.used + details.reserved + details.requested).toBeGreaterThan(limit);
  }
  // Recorded and still held never pass the month, however far the productions have got.
  const now = await monthlyCharacters();
  expect(now.used + now.reserved).toBeLessThanOrEqual(limit);
}

test(`${PARALLEL} parallel productions of different projects never together pass the monthly character quota`, async () => {
  const projects = await plannedProjects(PARALLEL, 'Character Quota Book');
  const used = await usedThisMonth();
  const { billableCharacters: lines, quota } = await estimateOf(projects[0]);
  // What each start reserves: its lines and the spoken credits.
  const perBook = quota.requested;
  expect(perBook).toBeGreaterThan(lines);
  // A slot for every production; characters for FITTING of them beside what the month has recorded so far.
  const limit = used + FITTING * perBook + Math.floor(perBook / 2);
  await setAndesQuotas({ monthlyCharacters: limit, concurrentJobs: PARALLEL });

  const outcomes = await startAll(projects);
  const counts = tally(outcomes);
  const started = outcomes.filter((o) => o.status === 202);
  const startedProjects = new Set(started.map((o) => o.body.job.projectId as string));
  const waiting = projects.find((p) => !startedProjects.has(p))!;
  try {
    expect((counts[202] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
    // The reservations of what started fit the month; one more only when a production ended meanwhile, having spent
    // less than it reserved.
    expect(started.length).toBeGreaterThanOrEqual(1);
    expect(started.length).toBeLessThanOrEqual(FITTING + (await endedCount(started)));
    for (const refusal of outcomes.filter((o) => o.status === 429)) {
      const details = refusal.body.error.details;
      expect(refusal.body.error.code).toBe('quota_exceeded');
      expect(details).toMatchObject({ quota: 'monthlyCharacters', limit, requested: perBook });
      expect(details.used).toBeGreaterThanOrEqual(used);
      expect(details.reserved).toBeLessThanOrEqual(started.length * perBook);
      // Refused because the recorded and the reserved characters left too little for this production.
      expect(details.used + details.reserved + details.requested).toBeGreaterThan(limit);
    }

    // What is reserved shows in the estimate of a project that did not start, until the productions end; what they
    // have recorded meanwhile is in `used` and no longer in `reserved`, never in both.
    const during = (await estimateOf(waiting)).quota;
    expect(during).toMatchObject({ limit, requested: perBook });
    expect(during.reserved).toBeLessThanOrEqual(started.length * perBook);
    expect(during.used + during.reserved).toBeLessThanOrEqual(limit);
  } finally {
    await cancelAll(started);
  }
  // Ending frees the reservations: a refused project starts now, if the month's recorded characters leave room.
  const after = (await estimateOf(waiting)).quota;
  expect(after.reserved).toBe(0);
  const retried = await platform.api(ANDES, `/v1/projects/${waiting}/productions`, {
    method: 'POST',
    json: { platforms: ['apple'], allowUnknownSpeakers: true },
  });
  expect(retried.status).toBe(after.used + perBook <= limit ? 202 : 429);
  if (retried.status === 202) {
    const { job } = (await retried.json()) as { job: { id: string } };
    await body(await platform.api(ANDES, `/v1/projects/${waiting}/jobs/${job.id}/cancel`, { method: 'POST' }), 200);
  }
});
