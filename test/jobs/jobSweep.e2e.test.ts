/**
 * The job sweep (`sweepInterruptedJobs`, a timer with the Durable client as an extra input) on the real local
 * platform, run on demand through the host's admin endpoint: a production whose orchestration was terminated is
 * settled as interrupted, its production slot freed and its pins released with no other job started (also when the
 * orchestration was purged, once the job is past the grace); a production that succeeds while many sweeps run at
 * once keeps its success, and its orchestration's release clears its pin mark, so no sweep has pins of it to release;
 * and a production recorded before the mark existed, ended with pins left, has them released once. The sweep's grace
 * is one second here (JOB_SWEEP_GRACE_MS) instead of five minutes, so it looks at jobs a test has just started.
 */
import { cosmosContainer } from '../races/support';
import { startFakeSpeechService, type FakeSpeechService } from '../support/fakeSpeechService';
import { startTestPlatform, type TestPlatform } from '../support/testPlatform';
import {
  ADMIN,
  azureSpeechEnv,
  blobContainer,
  blobHashes,
  CREATOR,
  json,
  plannedBook,
  startProduction,
  tenantOf,
} from '../production/support';

const AZURE_CAST: Record<string, string> = {
  narrator: 'en-US-GuyNeural',
  'char-elizabeth': 'en-US-JennyNeural',
  'char-darcy': 'en-GB-RyanNeural',
};
const GRACE_MS = 1_000;
const PARALLEL_SWEEPS = 24;

let fake: FakeSpeechService;
let platform: TestPlatform;

beforeAll(async () => {
  fake = await startFakeSpeechService({ latencyMs: 20 });
  platform = await startTestPlatform({
    env: { ...azureSpeechEnv(fake), JOB_SWEEP_GRACE_MS: String(GRACE_MS) },
    verbose: true,
    captureOutput: true,
  });
}, 120_000);

afterAll(async () => {
  await platform?.stop();
  await fake?.close();
});

interface JobView {
  id: string;
  status: string;
  error: { code: string; message: string } | null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function durable(jobId: string): string {
  return `${new URL(platform.urls.api).origin}/runtime/webhooks/durabletask/instances/${jobId}`;
}

async function runtimeStatus(jobId: string): Promise<string | undefined> {
  const res = await fetch(durable(jobId));
  return res.status === 404 ? undefined : ((await res.json()) as { runtimeStatus: string }).runtimeStatus;
}

async function until(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(250);
  }
}

async function job(projectId: string, jobId: string): Promise<JobView> {
  return json<JobView>(await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`), 200);
}

/** The stored job document, with what the API does not show (`pinsHeld`). */
async function storedJob(projectId: string, jobId: string): Promise<Record<string, unknown>> {
  const jobs = cosmosContainer(platform, 'jobs');
  try {
    const { resource } = await jobs.container.item(jobId, [tenantOf(CREATOR), projectId]).read();
    return resource as Record<string, unknown>;
  } finally {
    jobs.close();
  }
}

async function pinsOf(projectId: string, jobId: string): Promise<string[]> {
  return [...(await blobHashes(platform, `tenants/${tenantOf(CREATOR)}/projects/${projectId}/jobs/${jobId}/`)).keys()];
}

async function runningProductions(): Promise<number> {
  const usage = await json<{ concurrentJobs: { running: number } }>(await platform.api(ADMIN, '/v1/tenant/usage'), 200);
  return usage.concurrentJobs.running;
}

/** Waits until the job was recorded longer ago than the sweep's grace (the sweep leaves younger jobs alone). */
async function pastTheGrace(projectId: string, jobId: string): Promise<void> {
  const { createdAt } = await json<{ createdAt: string }>(
    await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${jobId}`),
    200,
  );
  const wait = Date.parse(createdAt) + GRACE_MS + 100 - Date.now();
  if (wait > 0) await sleep(wait);
}

/** Runs the sweep now, as the timer would; the host answers once the run has ended. */
async function sweep(): Promise<void> {
  const hostUrl = new URL(platform.urls.api).origin;
  const run = await fetch(`${hostUrl}/admin/functions/sweepInterruptedJobs`, { method: 'POST', body: '{}' });
  expect(run.status).toBe(202);
}

/** Runs one sweep alone and returns the summary it logged. */
async function sweepSummary(): Promise<Record<string, unknown>> {
  const before = summaries().length;
  await sweep();
  await until(async () => summaries().length > before, 30_000, "the sweep's summary");
  return summaries().at(-1)!;
}

function summaries(): Record<string, unknown>[] {
  return printedRecords().filter((r) => r.msg === 'job sweep');
}

function sweepFailures(): Record<string, unknown>[] {
  return printedRecords().filter((r) => r.msg === 'sweeping a job failed' || r.msg === 'job sweep failed for a tenant');
}

/** The JSON records the platform printed (the host's verbose lines run together without line breaks). */
function printedRecords(): Record<string, unknown>[] {
  return platform
    .output()
    .join('')
    .split(/\n|(?<=\})(?=\{")/)
    .flatMap((piece) => {
      try {
        return [JSON.parse(piece) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

test('a production whose orchestration was terminated is settled by the sweep: interrupted, its slot freed, its pins released', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Terminated Midway', voices: AZURE_CAST });
  fake.setLatency(2_000);
  const jobId = await startProduction(platform, projectId);
  await until(async () => (await pinsOf(projectId, jobId)).length > 0, 120_000, `${jobId} to pin its chapters`);
  expect((await fetch(`${durable(jobId)}/terminate?reason=crash`, { method: 'POST' })).status).toBe(202);
  await until(async () => (await runtimeStatus(jobId)) === 'Terminated', 60_000, `${jobId} to be terminated`);
  fake.setLatency(20);
  await pastTheGrace(projectId, jobId);

  // Nothing else starts on the project or the tenant: without the sweep the job would read as running for ever.
  expect((await job(projectId, jobId)).status).toMatch(/^(queued|running)$/);
  expect(await runningProductions()).toBe(1);

  // Waits for this sweep's own summary: the host prints it through a pipe that, on a busy machine, can deliver it
  // after the run's answer, where the next sweep's wait would have taken it for its own.
  expect(await sweepSummary()).toMatchObject({ settled: 1, failed: 0 });
  expect(await job(projectId, jobId)).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });
  expect(await runningProductions()).toBe(0);
  // A synthesis batch still running when the pins went finds the job stopped and removes the record it wrote.
  await until(async () => (await pinsOf(projectId, jobId)).length === 0, 60_000, `${jobId} to be unpinned`);

  expect(await storedJob(projectId, jobId)).toMatchObject({ pinsHeld: false });

  // Sweeping again changes nothing: the job is settled and holds no pins, so the query no longer returns it.
  expect(await sweepSummary()).toMatchObject({ examined: 0, settled: 0, unpinned: 0, failed: 0 });
  expect(await job(projectId, jobId)).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });
  expect(sweepFailures()).toEqual([]);
}, 300_000);

test('a production whose orchestration was purged (the runtime answers 404 for it) is settled once past the grace', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Purged Midway', voices: AZURE_CAST });
  fake.setLatency(2_000);
  const jobId = await startProduction(platform, projectId);
  await until(async () => (await pinsOf(projectId, jobId)).length > 0, 120_000, `${jobId} to pin its chapters`);
  expect((await fetch(`${durable(jobId)}/terminate?reason=crash`, { method: 'POST' })).status).toBe(202);
  await until(async () => (await runtimeStatus(jobId)) === 'Terminated', 60_000, `${jobId} to be terminated`);
  expect((await fetch(durable(jobId), { method: 'DELETE' })).status).toBe(200);
  expect(await runtimeStatus(jobId)).toBeUndefined();
  fake.setLatency(20);
  await pastTheGrace(projectId, jobId);

  await sweep();
  expect(await job(projectId, jobId)).toMatchObject({ status: 'failed', error: { code: 'job_interrupted' } });
  expect(await runningProductions()).toBe(0);
  await until(async () => (await pinsOf(projectId, jobId)).length === 0, 60_000, `${jobId} to be unpinned`);
  expect(sweepFailures()).toEqual([]);
}, 300_000);

test(`a production that succeeds while rounds of ${PARALLEL_SWEEPS} sweeps run at once keeps its success`, async () => {
  const { projectId } = await plannedBook(platform, { title: 'Succeeds Under Sweeps', voices: AZURE_CAST });
  const jobId = await startProduction(platform, projectId);
  await until(async () => (await runtimeStatus(jobId)) === 'Running', 60_000, `${jobId} to run`);
  // Past the sweep's grace, so every sweep examines the job from here until it holds nothing.
  await pastTheGrace(projectId, jobId);

  let rounds = 0;
  for (let settled = false; !settled; rounds++) {
    const [, current] = await Promise.all([
      Promise.all(Array.from({ length: PARALLEL_SWEEPS }, () => sweep())),
      job(projectId, jobId),
    ]);
    settled = current.status !== 'queued' && current.status !== 'running';
    if (rounds > 400) throw new Error(`${jobId} did not settle`);
  }
  // The orchestration ends a moment after its job: sweeps go on meanwhile, and once more after it has ended.
  for (let status = await runtimeStatus(jobId); status !== 'Completed'; status = await runtimeStatus(jobId)) {
    expect(status).toBe('Running');
    await Promise.all(Array.from({ length: PARALLEL_SWEEPS }, () => sweep()));
  }
  await Promise.all(Array.from({ length: PARALLEL_SWEEPS }, () => sweep()));

  expect(await job(projectId, jobId)).toMatchObject({ status: 'succeeded', error: null });
  expect(await pinsOf(projectId, jobId)).toEqual([]);
  expect(await runningProductions()).toBe(0);
  // The orchestration's release cleared the job's pin mark itself: no sweep had pins of it to release, and none
  // returns it now. The sweeps examined the running job, and one that read it running before its success and its
  // orchestration ended after may count it settled (the success stood).
  expect(await storedJob(projectId, jobId)).toMatchObject({ pinsHeld: false });
  expect(summaries().some((r) => Number(r.examined) > 0)).toBe(true);
  expect(summaries().filter((r) => Number(r.unpinned) > 0)).toEqual([]);
  expect(await sweepSummary()).toMatchObject({ examined: 0 });
  expect(sweepFailures()).toEqual([]);
  expect(rounds).toBeGreaterThan(0);
}, 420_000);

test('a production recorded before the pin mark existed, ended with pins left, has them released by one sweep, then is marked', async () => {
  const { projectId } = await plannedBook(platform, { title: 'Before The Mark', voices: AZURE_CAST });
  // As such a job was stored: no `pinsHeld`, failed ten minutes ago, its orchestration long purged; its pins left.
  const jobId = `job_legacy${Date.now()}`;
  const longAgo = new Date(Date.now() - 10 * 60_000).toISOString();
  const jobs = cosmosContainer(platform, 'jobs');
  try {
    await jobs.container.items.create({
      id: jobId,
      type: 'job',
      tenantId: tenantOf(CREATOR),
      projectId,
      kind: 'produce',
      status: 'failed',
      orchestration: 'produceBook',
      input: { platforms: ['apple'] },
      progress: { phase: 'failed', chaptersDone: 0, chaptersTotal: 1, segmentsDone: 0, segmentsTotal: 1 },
      result: null,
      error: { code: 'synthesis_failed', message: 'The speech service failed' },
      cancelRequested: false,
      attempt: 1,
      createdBy: 'u-creator',
      createdAt: longAgo,
      startedAt: longAgo,
      finishedAt: longAgo,
      updatedAt: longAgo,
    });
  } finally {
    jobs.close();
  }
  const pin = `tenants/${tenantOf(CREATOR)}/projects/${projectId}/jobs/${jobId}/plan-lines/ch-1.json`;
  await blobContainer(platform).getBlockBlobClient(pin).uploadData(Buffer.from('{"lines":[]}'));
  expect(await pinsOf(projectId, jobId)).toEqual([pin]);

  expect(await sweepSummary()).toMatchObject({ examined: 1, settled: 0, unpinned: 1, failed: 0 });
  expect(await pinsOf(projectId, jobId)).toEqual([]);
  expect(await storedJob(projectId, jobId)).toMatchObject({ status: 'failed', pinsHeld: false });
  // Once: the mark now says its pins are gone.
  expect(await sweepSummary()).toMatchObject({ examined: 0 });
  expect(sweepFailures()).toEqual([]);
}, 300_000);
