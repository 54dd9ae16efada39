/**
 * A plan whose orchestration ended without settling its job (terminated, failed in the runtime) no longer runs, so it
 * must not refuse the edits a running plan refuses. On the real local platform: a planned book is planned again, that
 * plan's orchestration is terminated through the Durable runtime's HTTP API, and 24 identical speaker edits of one
 * line are sent at once. None is refused with `job_in_progress`: exactly one is stored (200), the others answer 412
 * (their If-Match was the version the winner replaced), and the plan is settled as interrupted on the way, which frees
 * the project for the next plan. Before, every edit answered 409 `job_in_progress` naming the dead plan until the job
 * sweep settled it (five minutes or more).
 */
import { inParallel, RACE_PLATFORM_ENV, tally } from '../races/support';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import { allSegments, createProject, DIALOGUE_BOOK, planProject } from '../planning/support';
import { uploadManuscript } from '../characters/support';
import { waitForJob } from '../api/isolation/fixtures';

const CREATOR = 'creator@andes.test';
const PARALLEL_EDITS = 24;

let platform: TestPlatform;

jest.setTimeout(10 * 60_000);

beforeAll(async () => {
  platform = await startTestPlatform({ env: RACE_PLATFORM_ENV });
}, 180_000);
afterAll(async () => {
  await platform?.stop();
});

function durableInstance(jobId: string): string {
  return `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances/${jobId}`;
}

async function runtimeStatus(jobId: string): Promise<string | undefined> {
  const res = await fetch(durableInstance(jobId));
  return res.status === 200 ? ((await res.json()) as { runtimeStatus: string }).runtimeStatus : undefined;
}

async function terminate(jobId: string): Promise<void> {
  expect((await fetch(`${durableInstance(jobId)}/terminate?reason=crash`, { method: 'POST' })).status).toBe(202);
  for (let i = 0; (await runtimeStatus(jobId)) !== 'Terminated'; i++) {
    if (i > 600) throw new Error(`${jobId} was not terminated`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

test(`${PARALLEL_EDITS} speaker edits of one line after its plan's orchestration was terminated: one stored, none refused as in progress`, async () => {
  const projectId = await createProject(platform, CREATOR, 'Plan terminated');
  await uploadManuscript(platform, CREATOR, projectId, DIALOGUE_BOOK, 'dialogue.txt');
  await planProject(platform, CREATOR, projectId);
  const line = (await allSegments(platform, CREATOR, projectId)).find((segment) => segment.speakerId === 'narrator')!;
  expect(line).toBeDefined();

  const replan = await platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} });
  expect(replan.status).toBe(202);
  const planJobId = ((await replan.json()) as { job: { id: string } }).job.id;
  await terminate(planJobId);
  const job = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${planJobId}`);
  // Still unsettled: nothing but the runtime knows the plan has stopped.
  expect(((await job.json()) as { status: string }).status).not.toMatch(/succeeded|failed|cancelled/);

  const edits = await inParallel(PARALLEL_EDITS, () =>
    platform.api(CREATOR, `/v1/projects/${projectId}/segments/${line.id}`, {
      method: 'PATCH',
      headers: { 'if-match': line.etag },
      json: { speakerId: 'unknown' },
    }),
  );
  expect(edits.filter((edit) => edit.status === 409).map((edit) => edit.body)).toEqual([]);
  expect(tally(edits)).toEqual({ 200: 1, 412: PARALLEL_EDITS - 1 });
  const stored = (await allSegments(platform, CREATOR, projectId)).find((segment) => segment.id === line.id)!;
  expect(stored.speakerId).toBe('unknown');

  // The dead plan was settled on the way, so the project is free for the next plan.
  const settled = await waitForJob(platform, CREATOR, projectId, planJobId, 60_000);
  expect(settled).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });
  const next = await platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} });
  expect(next.status).toBe(202);
  const nextJobId = ((await next.json()) as { job: { id: string } }).job.id;
  expect((await waitForJob(platform, CREATOR, projectId, nextJobId, 300_000)).status).toBe('succeeded');
});
