/**
 * An archived project starts no job: past its retention period the daily run purges it, and a job running meanwhile
 * would write chapters, segments, audio and packages that outlive the project record. Shown with 24 job starts of
 * every kind at once on the real local platform: none is started, nothing is claimed, and the same starts work once
 * the project is restored.
 */
import { waitForJob } from '../api/isolation/fixtures';
import { seedPlannedBook } from '../production/seedBook';
import { minimalMetadata, type TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { body } from '../support/responses';
import { cosmosContainer, inParallel, tally } from './support';

const andes = freshTenant('andes');

const CREATOR = andes.creator;
const ADMIN = andes.admin;
const PARALLEL = 24;
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

async function newProject(title: string): Promise<string> {
  const project = await body<{ id: string }>(
    await platform.api(CREATOR, '/v1/projects', {
      method: 'POST',
      json: { metadata: { ...minimalMetadata(title), language: 'en-US' } },
    }),
    201,
  );
  return project.id;
}

/** Every kind of job start the API has, one per request in turn. */
function startJob(projectId: string, index: number): Promise<Response> {
  const post = (path: string, json?: unknown) =>
    platform.api(CREATOR, `/v1/projects/${projectId}${path}`, { method: 'POST', ...(json ? { json } : {}) });
  switch (index % 3) {
    case 0:
      return post('/productions', { platforms: ['apple'], allowUnknownSpeakers: true });
    case 1:
      return post('/plan', {});
    default:
      return post('/characters/detect');
  }
}

/** The project's stored documents in the jobs container (jobs and the project's job lock), from the emulator. */
async function jobDocuments(projectId: string): Promise<{ id: string; type?: string }[]> {
  const { container, close } = cosmosContainer(platform, 'jobs');
  try {
    const { resources } = await container.items
      .query<{ id: string; type?: string }>(
        {
          query: 'SELECT * FROM c WHERE c.projectId = @projectId',
          parameters: [{ name: '@projectId', value: projectId }],
        },
        { partitionKey: [andes.id, projectId] },
      )
      .fetchAll();
    return resources;
  } finally {
    close();
  }
}

test(`${PARALLEL} parallel job starts of every kind on an archived project: none starts, none claims`, async () => {
  const projectId = await newProject('Archived, then asked for work');
  await seedPlannedBook(platform, andes.id, projectId);
  await body(await platform.api(CREATOR, `/v1/projects/${projectId}/archive`, { method: 'POST' }), 200);

  const outcomes = await inParallel(PARALLEL, (i) => startJob(projectId, i));

  expect(tally(outcomes)).toEqual({ 400: PARALLEL });
  for (const refusal of outcomes) {
    expect(refusal.body.error).toMatchObject({ code: 'validation_failed', details: { fields: [{ field: 'status' }] } });
  }
  // No job recorded, and no lock left behind that a later start would have to wait out.
  expect(await jobDocuments(projectId)).toEqual([]);

  // The refusal is the archive's: restored, the project starts its work again.
  await body(await platform.api(ADMIN, `/v1/projects/${projectId}/restore`, { method: 'POST' }), 200);
  const started = await body<{ job: { id: string } }>(await startJob(projectId, 0), 202);
  const done = (await waitForJob(platform, CREATOR, projectId, started.job.id, 300_000)) as { status: string };
  expect(done.status).toBe('succeeded');
});
