/**
 * JobService's lifecycle rules on the real local platform (Cosmos emulator, Event Grid emulator): the one stop check
 * every job kind asks, progress that 24 activities report at once without losing a count, and a cancel that wins over
 * an ending reported after it.
 */
import type { JobRecord, JobRef } from '../../core/jobs/job';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import { createProject, runningPlanJob, servicesFor, type TestServices } from '../integrity/support';
import { startEventReceiver, type EventReceiver } from '../production/support';
import type { TestPlatform } from '../support/testPlatform';
import { sharedTestPlatform, SHARED_WEBHOOK_PLATFORM_ENV } from '../support/sharedPlatform';
import { freshTenant } from '../support/freshTenant';
import { eventsOfJob, subscribeToJobEvents } from './jobEvents';

const andes = freshTenant('andes');
const PARALLEL = 24;
let platform: TestPlatform;
let receiver: EventReceiver;
let svc: TestServices;
let projectId: string;

jest.setTimeout(5 * 60_000);

beforeAll(async () => {
  receiver = await startEventReceiver();
  platform = await sharedTestPlatform({ env: SHARED_WEBHOOK_PLATFORM_ENV });
  await andes.signUp(platform);
  svc = await servicesFor(platform);
  await subscribeToJobEvents(platform, andes.admin, receiver);
  projectId = await createProject(platform, 'Job lifecycle', 'en-GB', andes.creator);
}, 180_000);
afterAll(async () => {
  await platform?.stop();
  await receiver?.close();
});

/** Plan jobs of the suite's tenant, started by its creator. */
const owner = () => ({ tenantId: andes.id, userId: andes.userIds.creator });
const refOf = (job: JobRecord): JobRef => ({ tenantId: job.tenantId, projectId: job.projectId, jobId: job.id });

async function jobWith(change: Partial<JobRecord>): Promise<JobRef> {
  const job = await runningPlanJob(svc, projectId, owner());
  const jobs = new CosmosProjectCollection<JobRecord>(svc.database.container('jobs'));
  await jobs.replace({ ...job, ...change }, job.etag!);
  return refOf(job);
}

test('the stop check: a cancel asked, a cancelled or failed job, or no job at all; not a running or succeeded one', async () => {
  expect(await svc.jobs.isStopRequested(await jobWith({}))).toBe(false);
  expect(await svc.jobs.isStopRequested(await jobWith({ status: 'succeeded' }))).toBe(false);
  expect(await svc.jobs.isStopRequested(await jobWith({ cancelRequested: true }))).toBe(true);
  expect(await svc.jobs.isStopRequested(await jobWith({ status: 'cancelled' }))).toBe(true);
  expect(await svc.jobs.isStopRequested(await jobWith({ status: 'failed' }))).toBe(true);
  expect(await svc.jobs.isStopRequested({ tenantId: andes.id, projectId, jobId: 'job_missing' })).toBe(true);
});

test(`${PARALLEL} activities adding to the progress at once: every count arrives`, async () => {
  const ref = refOf(await runningPlanJob(svc, projectId, owner()));
  await svc.jobs.advanceProgress(ref, { segmentsTotal: 1000 });
  await Promise.all(
    Array.from({ length: PARALLEL }, () =>
      svc.jobs.advanceProgress(ref, (progress) => ({
        segmentsDone: progress.segmentsDone + 2,
        chaptersDone: progress.chaptersDone + 1,
      })),
    ),
  );
  const job = (await svc.jobs.find(ref.tenantId, ref.projectId, ref.jobId))!;
  expect(job.progress).toMatchObject({ segmentsTotal: 1000, segmentsDone: 2 * PARALLEL, chaptersDone: PARALLEL });
});

test('an ended job keeps the progress it ended with', async () => {
  const ref = refOf(await runningPlanJob(svc, projectId, owner()));
  await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, { status: 'succeeded', result: {} });
  await svc.jobs.advanceProgress(ref, { segmentsDone: 7, phase: 'late' });
  const job = (await svc.jobs.find(ref.tenantId, ref.projectId, ref.jobId))!;
  expect(job.progress).toMatchObject({ segmentsDone: 0, phase: 'succeeded' });
});

test('a cancel wins over a success reported after it, and subscribers hear only the cancel', async () => {
  const ref = await jobWith({ cancelRequested: true });
  const settled = await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, {
    status: 'succeeded',
    result: { chapters: 1 },
  });
  expect(settled.status).toBe('cancelled');
  const events = await eventsOfJob(receiver, ref.jobId, ['khipu.job.cancelled']);
  expect(events.map((event) => event.type)).toEqual(['khipu.job.cancelled']);
  expect(events[0]!.data).toEqual({ tenantId: andes.id, projectId, jobId: ref.jobId, kind: 'plan' });
});

test('a failed job of any kind tells subscribers its error', async () => {
  const ref = refOf(await runningPlanJob(svc, projectId, owner()));
  const error = { code: 'planning_failed', message: 'The attribution model refused the chapter' };
  await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, { status: 'failed', error });
  const [failed] = await eventsOfJob(receiver, ref.jobId, ['khipu.job.failed']);
  expect(failed!.data).toEqual({ tenantId: andes.id, projectId, jobId: ref.jobId, kind: 'plan', error });
});

test('an ended job keeps its ending: a cancel that raced the end and a late failure do not rewrite a success', async () => {
  const ref = refOf(await runningPlanJob(svc, projectId, owner()));
  await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, { status: 'succeeded', result: { chapters: 2 } });
  // A cancel asked while the job was ending finds it running, flags it, and settles it after the success.
  const jobs = new CosmosProjectCollection<JobRecord>(svc.database.container('jobs'));
  const ended = (await jobs.get(ref.tenantId, ref.projectId, ref.jobId))!;
  await jobs.replace({ ...ended, cancelRequested: true }, ended.etag!);
  await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, { status: 'cancelled' });
  const late = { code: 'late', message: 'a retried step failed after the job ended' };
  const settled = await svc.jobs.finish(ref.tenantId, ref.projectId, ref.jobId, { status: 'failed', error: late });
  expect(settled).toMatchObject({ status: 'succeeded', result: { chapters: 2 }, error: null });
  const events = await eventsOfJob(receiver, ref.jobId, ['khipu.job.completed']);
  expect(new Set(events.map((event) => event.type))).toEqual(new Set(['khipu.job.completed']));
});
