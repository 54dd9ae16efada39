/**
 * A job start cut by a kill of the Functions host, at each of its first writes to the jobs container in turn (the
 * killed write never reaches the store, every one before it did), on the real local platform: an import (a manuscript
 * upload) and a plan. As soon as the new host is up, 24 identical starts are sent at once. The project holds at most
 * one job, and a dead job never holds it:
 *
 * - either exactly one start is answered 202 (the others 409 `job_in_progress` naming it);
 * - or none is, and every 409 names the killed start's job, which is alive: it exists and ends on its own (its
 *   orchestration was started before the kill and resumed after it). Once it has ended, 24 more starts give exactly
 *   one 202.
 *
 * Before the claim and the job's record were one write, a host killed between them left the project claimed by a job
 * that never existed: every start was refused, naming it, for two minutes.
 *
 * @runsAlone: it kills and restarts the host and races 24 starts against its recovery; on a machine loaded far past its
 * cores one of the 24 once answered 500, which has not been explained, so it does not share the cores with another suite.
 */
import sharp from 'sharp';
import { inParallel, RACE_PLATFORM_ENV, tally, type Outcome } from '../races/support';
import type { TestPlatform } from '../support/testPlatform';
import {
  startPlatformBehindKillingProxy,
  type PlatformBehindKillingProxy,
  writeTo,
  type CosmosRequest,
  type KillingProxy,
} from '../integrity/killingProxy';
import { corpusOpening, createProject, CREATOR, finishedJob, importManuscript, TENANT } from '../integrity/support';
import { seedPlannedBook } from '../production/seedBook';

/** The claim, the job's record, and the first writes of the running job. */
const KILL_POINTS = [1, 2, 3];
const PARALLEL_STARTS = 24;
const jobWrites = writeTo('jobs');

let platform: TestPlatform;
let proxy: KillingProxy;

jest.setTimeout(30 * 60_000);

let running: PlatformBehindKillingProxy | undefined;

beforeAll(async () => {
  running = await startPlatformBehindKillingProxy({ separateHostProcess: true, env: RACE_PLATFORM_ENV });
  ({ platform, proxy } = running);
}, 180_000);
afterAll(async () => {
  await running?.stop();
});

/** Sends `start` with the host armed to die at its `nth` write (to the jobs container unless said); answers whether it died. */
async function cutAt(
  nth: number,
  start: () => Promise<Response>,
  writes: (request: CosmosRequest) => boolean = jobWrites,
): Promise<boolean> {
  const killed = proxy.killAt(nth, writes);
  const answer = await start().catch(() => undefined);
  // The armed write may come after the answer (the job's own writes): the kill is then on its way.
  if (answer && proxy.disarm()) return false;
  await killed;
  return true;
}

function accepted(outcomes: Outcome[]): Outcome[] {
  return outcomes.filter((outcome) => outcome.status === 202);
}

/** The job a 202 answered: an upload answers `{ manuscript, job }`, a plan `{ job }`. */
function jobOf(outcome: Outcome): string {
  return (outcome.body as { job: { id: string } }).job.id;
}

/**
 * 24 starts at once right after the kill, then (when the killed job was alive and held the project) 24 more once it
 * has ended. Answers the one job that was started.
 */
async function startsAfterKill(projectId: string, start: () => Promise<Response>): Promise<string> {
  const outcomes = await inParallel(PARALLEL_STARTS, start);
  expect(outcomes.filter((outcome) => outcome.status !== 202 && outcome.status !== 409).map((o) => o.body)).toEqual([]);
  expect(accepted(outcomes).length).toBeLessThanOrEqual(1);
  const refusals = outcomes.filter((outcome) => outcome.status === 409);
  expect(new Set(refusals.map((outcome) => outcome.body.error.code))).toEqual(
    refusals.length ? new Set(['job_in_progress']) : new Set(),
  );
  const started = accepted(outcomes)[0];
  if (started) {
    const jobId = jobOf(started);
    expect(new Set(refusals.map((outcome) => outcome.body.error.details.jobId))).toEqual(
      refusals.length ? new Set([jobId]) : new Set(),
    );
    return jobId;
  }

  // Nobody started: the project is held by one job, and it must be a live one.
  const holders = new Set(refusals.map((outcome) => outcome.body.error.details.jobId as string));
  expect(holders.size).toBe(1);
  const [holder] = [...holders];
  const stored = await platform.api(CREATOR, `/v1/projects/${projectId}/jobs/${holder}`);
  expect(stored.status).toBe(200);
  // Alive: it runs to its end (a start that died and was never resumed would stay queued, then fail as interrupted).
  expect((await finishedJob(platform, projectId, holder!, 600_000)).status).toBe('succeeded');
  const again = await inParallel(PARALLEL_STARTS, start);
  expect(tally(again)).toEqual({ 202: 1, 409: PARALLEL_STARTS - 1 });
  return jobOf(accepted(again)[0]!);
}

const manuscript = corpusOpening(3);
const upload = (projectId: string) => () =>
  platform.api(CREATOR, `/v1/projects/${projectId}/manuscript?fileName=opening.txt&replace=true`, {
    method: 'PUT',
    headers: { 'content-type': 'text/plain' },
    body: manuscript,
  });

test.each(KILL_POINTS)(
  'an import killed at its jobs write %i: 24 uploads at once after the restart start exactly one live import',
  async (nth) => {
    const projectId = await createProject(platform, `Import killed at ${nth}`);
    await cutAt(nth, upload(projectId));
    const jobId = await startsAfterKill(projectId, upload(projectId));
    expect((await finishedJob(platform, projectId, jobId, 600_000)).status).toBe('succeeded');
  },
);

test.each(KILL_POINTS)(
  'a plan killed at its jobs write %i: 24 plan starts at once after the restart start exactly one live plan',
  async (nth) => {
    const projectId = await createProject(platform, `Plan killed at ${nth}`);
    await importManuscript(platform, projectId, manuscript, 'opening.txt');
    const plan = () => platform.api(CREATOR, `/v1/projects/${projectId}/plan`, { method: 'POST', json: {} });
    await cutAt(nth, plan);
    const jobId = await startsAfterKill(projectId, plan);
    expect((await finishedJob(platform, projectId, jobId, 600_000)).status).toBe('succeeded');
  },
);

test('an import killed at its processing mark, after its job was recorded: 24 uploads resume it, and the manuscript ends ready', async () => {
  const projectId = await createProject(platform, 'Import killed at its mark');
  // The upload's writes to the jobs and projects containers: the claim with the job's record, then the mark.
  expect(await cutAt(2, upload(projectId), writeTo('jobs', 'projects'))).toBe(true);
  const jobId = await startsAfterKill(projectId, upload(projectId));
  expect((await finishedJob(platform, projectId, jobId, 600_000)).status).toBe('succeeded');
  const project = (await (await platform.api(CREATOR, `/v1/projects/${projectId}`)).json()) as {
    facts: { manuscriptStatus: string };
  };
  expect(project.facts.manuscriptStatus).toBe('ready');
});

/** A project with a retail cover and a small planned book, ready to produce. */
async function plannedProject(title: string): Promise<string> {
  const projectId = await createProject(platform, title, 'en-US');
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#336699' } })
    .jpeg()
    .toBuffer();
  const stored = await platform.api(CREATOR, `/v1/projects/${projectId}/cover`, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: new Uint8Array(cover),
  });
  expect(stored.status).toBe(200);
  await seedPlannedBook(platform, TENANT, projectId);
  return projectId;
}

/**
 * A production's writes to the jobs container and the tenant (its slot): wherever the kill cuts them, nothing holds
 * the project for the two-minute grace of a start that died.
 */
test.each(KILL_POINTS)(
  'a production killed at its jobs or slot write %i: 24 production starts at once after the restart start exactly one live production',
  async (nth) => {
    const projectId = await plannedProject(`Production killed at ${nth}`);
    const produce = () =>
      platform.api(CREATOR, `/v1/projects/${projectId}/productions`, {
        method: 'POST',
        json: { platforms: ['apple'], allowUnknownSpeakers: true },
      });
    await cutAt(nth, produce, writeTo('jobs', 'tenants'));
    const jobId = await startsAfterKill(projectId, produce);
    expect((await finishedJob(platform, projectId, jobId, 600_000)).status).toBe('succeeded');
  },
);
