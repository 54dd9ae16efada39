/**
 * The monthly character quota under parallel starts, on the real local platform: a tenant with a slot for every
 * production but characters for only a few of them starts productions of many projects at once. Each start reserves
 * its estimate with its production slot in one ETag-conditional write, so the productions that start never together
 * pass the month's quota, and the others are refused with the figures that refused them.
 */
import sharp from 'sharp';
import { seedPlannedBook } from '../production/seedBook';
import { minimalMetadata, startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { inParallel, RACE_PLATFORM_ENV, tally } from './support';
import { body } from '../support/responses';

const ANDES = 'creator@andes.test';
const OPERATOR = 'operator@khipu.test';
const PARALLEL = 24;
/** How many of the productions the month's quota leaves room for (with half a production to spare). */
const FITTING = 5;
let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: RACE_PLATFORM_ENV });
}, 120_000);
afterAll(async () => {
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
  await seedPlannedBook(platform, 't-andes', project.id);
  return project.id;
}

interface CharacterQuota {
  limit: number;
  used: number;
  reserved: number;
  requested: number;
  remaining: number;
}

async function estimateOf(projectId: string): Promise<{ billableCharacters: number; quota?: CharacterQuota }> {
  const estimate = await body<{ billableCharacters: number; quota?: { monthlyCharacters: CharacterQuota } }>(
    await platform.api(ANDES, `/v1/projects/${projectId}/productions/estimate?platforms=apple`),
    200,
  );
  return { billableCharacters: estimate.billableCharacters, quota: estimate.quota?.monthlyCharacters };
}

/** The characters the tenant's cost records hold for this month. */
async function usedThisMonth(): Promise<number> {
  const usage = await body<{ monthlyCharacters: { used: number } }>(await platform.api(ANDES, '/v1/tenant/usage'), 200);
  return usage.monthlyCharacters.used;
}

async function setAndesQuotas(quotas: { monthlyCharacters: number; concurrentJobs: number }): Promise<void> {
  const tenant = await body<{ etag: string }>(await platform.api(OPERATOR, '/v1/operator/tenants/t-andes'), 200);
  await body(
    await platform.api(OPERATOR, '/v1/operator/tenants/t-andes', {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas },
    }),
    200,
  );
}

test(`${PARALLEL} parallel productions of different projects never together pass the monthly character quota`, async () => {
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#663399' } })
    .jpeg()
    .toBuffer();
  const projects: string[] = [];
  for (let i = 0; i < PARALLEL; i++) projects.push(await plannedProject(`Character Quota Book ${i}`, cover));
  const used = await usedThisMonth();
  const perBook = (await estimateOf(projects[0])).billableCharacters;
  expect(perBook).toBeGreaterThan(0);
  // A slot for every production; characters for FITTING of them beside what the month has recorded so far.
  const limit = used + FITTING * perBook + Math.floor(perBook / 2);
  await setAndesQuotas({ monthlyCharacters: limit, concurrentJobs: PARALLEL });

  const outcomes = await inParallel(PARALLEL, (i) =>
    platform.api(ANDES, `/v1/projects/${projects[i]}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
  );
  const counts = tally(outcomes);
  const started = outcomes.filter((o) => o.status === 202);
  expect((counts[202] ?? 0) + (counts[429] ?? 0)).toBe(PARALLEL);
  // The estimates of what started fit the month; reservations are counted in full even once a running production
  // has recorded some of its characters (the conservative choice), so fewer than FITTING may start, never more.
  expect(started.length).toBeGreaterThanOrEqual(1);
  expect(started.length).toBeLessThanOrEqual(FITTING);
  expect(used + started.length * perBook).toBeLessThanOrEqual(limit);
  for (const refusal of outcomes.filter((o) => o.status === 429)) {
    const details = refusal.body.error.details;
    expect(refusal.body.error.code).toBe('quota_exceeded');
    expect(details).toMatchObject({ quota: 'monthlyCharacters', limit, requested: perBook });
    expect(details.used).toBeGreaterThanOrEqual(used);
    expect(details.reserved).toBeLessThanOrEqual(started.length * perBook);
    // Refused because the recorded and the reserved characters left too little for this production.
    expect(details.used + details.reserved + details.requested).toBeGreaterThan(limit);
  }

  // What is reserved shows in the estimate of a project that did not start, until the productions end.
  const startedProjects = new Set(started.map((o) => o.body.job.projectId as string));
  const waiting = projects.find((p) => !startedProjects.has(p))!;
  expect((await estimateOf(waiting)).quota).toMatchObject({
    limit,
    reserved: started.length * perBook,
    requested: perBook,
  });
  for (const outcome of started) {
    const { id, projectId } = outcome.body.job as { id: string; projectId: string };
    await body(await platform.api(ANDES, `/v1/projects/${projectId}/jobs/${id}/cancel`, { method: 'POST' }), 200);
  }
  // Ending frees the reservations: a refused project starts now, if the month's recorded characters leave room.
  const after = (await estimateOf(waiting)).quota!;
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
