/**
 * What a production reserves with its production slot, and the refusal (429 `monthlyCharacters`) when the month has
 * no room for it: a production its lines' estimate and the spoken credits it prepares; a segment regeneration that
 * segment and the credits; a retried production its estimate and the credits. On the real local platform.
 */
import sharp from 'sharp';
import { creditsCharacters } from '../../core/jobs/productionReservation';
import { segmentCharacters } from '../../core/production/productionJob';
import type { ProjectRecord } from '../../core/projects/project';
import { seedPlannedBook } from '../production/seedBook';
import { cosmosContainer } from '../races/support';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';

const andes = freshTenant('andes');

const CREATOR = andes.creator;
const OPERATOR = 'operator@khipu.test';
let platform: TestPlatform;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  platform = await sharedTestPlatform();
  await andes.signUp(platform);
}, 120_000);
afterAll(async () => {
  // The shared platform outlives the suite: nothing of this suite's may go on working on it.
  if (platform) await andes.settleJobs(platform);
  await platform?.stop();
});

async function setMonthlyCharacters(monthlyCharacters: number): Promise<void> {
  const tenant = await body<{ etag: string }>(await platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`), 200);
  await body(
    await platform.api(OPERATOR, `/v1/operator/tenants/${andes.id}`, {
      method: 'PATCH',
      headers: { 'if-match': tenant.etag },
      json: { quotas: { monthlyCharacters, concurrentJobs: 3 } },
    }),
    200,
  );
}

async function usedThisMonth(): Promise<number> {
  const usage = await body<{ monthlyCharacters: { used: number } }>(
    await platform.api(CREATOR, '/v1/tenant/usage'),
    200,
  );
  return usage.monthlyCharacters.used;
}

/** The credits' characters of the project as stored, worked out here from its metadata. */
async function creditsOf(projectId: string): Promise<number> {
  const projects = cosmosContainer(platform, 'projects');
  try {
    const { resource } = await projects.container.item(projectId, andes.id).read<ProjectRecord>();
    return creditsCharacters(resource!);
  } finally {
    projects.close();
  }
}

async function reservedNow(projectId: string): Promise<number> {
  const estimate = await body<{ quota: { monthlyCharacters: { reserved: number } } }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/productions/estimate?platforms=apple`),
    200,
  );
  return estimate.quota.monthlyCharacters.reserved;
}

/** An English project with its cover stored and a planned book, ready to produce. */
async function plannedProjectWithCover(title: string, coverColour: string): Promise<{ id: string }> {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: coverColour } })
    .jpeg()
    .toBuffer();
  await body(
    await platform.api(CREATOR, `/v1/projects/${project.id}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await seedPlannedBook(platform, andes.id, project.id);
  return project;
}

test("a regeneration reserves its segment's characters and is refused when the month has no room for them", async () => {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata('Reserved Retake'), language: 'en-US' } },
    }),
    201,
  );
  const { segmentIds } = await seedPlannedBook(platform, andes.id, project.id);
  const segment = await body<{ text: string }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/segments/${segmentIds[0]}`),
    200,
  );
  const usage = await body<{ monthlyCharacters: { used: number } }>(
    await platform.api(CREATOR, '/v1/tenant/usage'),
    200,
  );
  const used = usage.monthlyCharacters.used;
  const regenerate = () =>
    platform.api(CREATOR, `/v1/projects/${project.id}/segments/${segmentIds[0]}/regenerate`, {
      method: 'POST',
      json: {},
    });

  await setMonthlyCharacters(used + 1);
  const refused = await body<{ error: { code: string; details: Record<string, number | string> } }>(
    await regenerate(),
    429,
  );
  expect(refused.error.code).toBe('quota_exceeded');
  expect(refused.error.details).toMatchObject({ quota: 'monthlyCharacters', limit: used + 1, used, reserved: 0 });
  const requested = refused.error.details.requested as number;
  // The one segment's text and its markup, not the whole book, and the credits the job prepares before its packages.
  const credits = await creditsOf(project.id);
  expect(credits).toBeGreaterThan(0);
  expect(requested).toBe(segmentCharacters(segment.text) + credits);
  expect(requested - credits).toBeGreaterThanOrEqual(segment.text.trim().length);
  expect(requested - credits).toBeLessThan(segment.text.length + 100);

  // Room for exactly that: it starts and holds what it has not recorded yet until it ends.
  await setMonthlyCharacters(used + requested);
  const started = await body<{ job: { id: string } }>(await regenerate(), 202);
  expect(await reservedNow(project.id)).toBeLessThanOrEqual(requested);
  await body(
    await platform.api(CREATOR, `/v1/projects/${project.id}/jobs/${started.job.id}/cancel`, { method: 'POST' }),
    200,
  );
  expect(await reservedNow(project.id)).toBe(0);
});

test('a retried production reserves its estimate and is refused when the month has no room for it', async () => {
  const project = await plannedProjectWithCover('Reserved Retry', '#993366');
  await setMonthlyCharacters(100_000_000);
  const first = await body<{ job: { id: string }; estimate: { billableCharacters: number } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    }),
    202,
  );
  await body(
    await platform.api(CREATOR, `/v1/projects/${project.id}/jobs/${first.job.id}/cancel`, { method: 'POST' }),
    200,
  );
  const used = await usedThisMonth();
  await setMonthlyCharacters(used + 1);
  const refused = await body<{ error: { code: string; details: Record<string, unknown> } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/jobs/${first.job.id}/retry`, { method: 'POST' }),
    429,
  );
  expect(refused.error).toMatchObject({
    code: 'quota_exceeded',
    details: {
      quota: 'monthlyCharacters',
      limit: used + 1,
      reserved: 0,
      requested: first.estimate.billableCharacters + (await creditsOf(project.id)),
    },
  });
});

test('a production reserves the spoken credits beside its lines: room for the lines alone is not enough', async () => {
  const project = await plannedProjectWithCover('Reserved Credits', '#339966');
  await setMonthlyCharacters(100_000_000);
  const estimate = await body<{ billableCharacters: number; quota: { monthlyCharacters: { requested: number } } }>(
    await platform.api(CREATOR, `/v1/projects/${project.id}/productions/estimate?platforms=apple`),
    200,
  );
  const lines = estimate.billableCharacters;
  const credits = await creditsOf(project.id);
  // The estimate's quota figures ask for what the start will reserve.
  expect(estimate.quota.monthlyCharacters.requested).toBe(lines + credits);
  const start = () =>
    platform.api(CREATOR, `/v1/projects/${project.id}/productions`, {
      method: 'POST',
      json: { platforms: ['apple'], allowUnknownSpeakers: true },
    });

  const used = await usedThisMonth();
  await setMonthlyCharacters(used + lines);
  const refused = await body<{ error: { code: string; details: Record<string, unknown> } }>(await start(), 429);
  expect(refused.error).toMatchObject({
    code: 'quota_exceeded',
    details: { quota: 'monthlyCharacters', limit: used + lines, used, reserved: 0, requested: lines + credits },
  });

  await setMonthlyCharacters(used + lines + credits);
  const started = await body<{ job: { id: string } }>(await start(), 202);
  expect(await reservedNow(project.id)).toBeLessThanOrEqual(lines + credits);
  await body(
    await platform.api(CREATOR, `/v1/projects/${project.id}/jobs/${started.job.id}/cancel`, { method: 'POST' }),
    200,
  );
  expect(await reservedNow(project.id)).toBe(0);
});
