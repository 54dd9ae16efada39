/**
 * Which jobs the job sweep examines, on the Cosmos emulator with the app's own jobs container and query: at most 200
 * a tenant per run, oldest update first, so a tenant with more candidates than that gets every interrupted job
 * settled over successive runs, even when 200 live jobs (whose orchestrations still run, so the sweep leaves them as
 * they are) were recorded before them; and productions recorded before the `pinsHeld` mark existed are examined once
 * for pins, then no more. The settlement here stands for the job service's (tested on the real platform in
 * jobSweep.e2e.test.ts): it settles the jobs whose orchestration it was told have ended, under their ETag.
 */
import type { CosmosClient } from '@azure/cosmos';
import { emulatorClient } from '../support/emulatorClient';
import { containerDefinitions } from '../../adapters/cosmos/containers';
import { CosmosProjectCollection } from '../../adapters/cosmos/cosmosCollections';
import { initialProgress, isTerminal, type JobKind, type JobRecord, type JobStatus } from '../../core/jobs/job';
import { JobSweep, type TenantSweep } from '../../core/jobs/jobSweep';
import type { OrchestrationClient } from '../../core/ports/orchestrations';
import { startCosmos, type RunningCosmos } from '../../local/emulators/cosmos';

jest.setTimeout(180_000);

const CAP = 200;
const LIVE = 200;
const INTERRUPTED = 250;

let cosmos: RunningCosmos;
let client: CosmosClient;
let jobs: CosmosProjectCollection<JobRecord>;

beforeAll(async () => {
  cosmos = await startCosmos({ port: 0, database: 'khipu' });
  client = emulatorClient(cosmos);
  jobs = new CosmosProjectCollection<JobRecord>(client.database('khipu').container(containerDefinitions.jobs.id));
}, 120_000);
afterAll(async () => {
  client?.dispose();
  await cosmos?.stop();
});

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function job(
  tenantId: string,
  id: string,
  fields: { kind?: JobKind; status: JobStatus; updatedAt: string; pinsHeld?: boolean },
): JobRecord {
  const { kind = 'produce', status, updatedAt, pinsHeld } = fields;
  return {
    id,
    type: 'job',
    tenantId,
    // Each job in a project of its own, as the one-job-per-project lock has it.
    projectId: `prj-${id}`,
    kind,
    status,
    orchestration: 'produceBook',
    input: {},
    progress: initialProgress,
    result: null,
    error: null,
    cancelRequested: false,
    attempt: 1,
    createdBy: 'u-creator',
    createdAt: minutesAgo(120),
    startedAt: minutesAgo(119),
    finishedAt: isTerminal(status) ? minutesAgo(60) : null,
    updatedAt,
    ...(pinsHeld === undefined ? {} : { pinsHeld }),
  };
}

/** The job service's settlement for jobs whose orchestration is in `ended`; what it examined, in order. */
function settlementOf(ended: ReadonlySet<string>) {
  const examined: string[] = [];
  const settlement = {
    async settleIfOrchestrationEnded(found: JobRecord): Promise<boolean> {
      examined.push(found.id);
      if (!ended.has(found.id)) return false;
      const now = new Date().toISOString();
      await jobs.replace({ ...found, status: 'failed', finishedAt: now, updatedAt: now, pinsHeld: false }, found.etag!);
      return true;
    },
    async releasePinsOfEnded(found: JobRecord): Promise<boolean> {
      examined.push(found.id);
      if (!ended.has(found.id)) return false;
      await jobs.replace({ ...found, pinsHeld: false }, found.etag!);
      return true;
    },
  };
  return { settlement, examined };
}

// The settlement above never asks the runtime.
const runtime = {} as OrchestrationClient;

function sweeper(ended: ReadonlySet<string>) {
  const { settlement, examined } = settlementOf(ended);
  const sweep = new JobSweep({ jobs, settlement, clock: { now: () => new Date() } });
  return { sweep, examined };
}

test(`a tenant with ${LIVE} live jobs recorded first and ${INTERRUPTED} interrupted ones gets every interrupted job settled over successive runs`, async () => {
  const tenantId = 't-sweep-cap';
  const live = Array.from({ length: LIVE }, (_, i) => `job-a-live-${String(i).padStart(3, '0')}`);
  const interrupted = Array.from({ length: INTERRUPTED }, (_, i) => `job-b-gone-${String(i).padStart(3, '0')}`);
  // The live jobs were recorded first and their progress keeps being written; the interrupted ones stopped writing
  // when their orchestration died, an hour ago.
  for (const id of live) await jobs.create(job(tenantId, id, { status: 'running', updatedAt: minutesAgo(1) }));
  for (const id of interrupted) await jobs.create(job(tenantId, id, { status: 'running', updatedAt: minutesAgo(55) }));

  const { sweep } = sweeper(new Set(interrupted));
  const runs: TenantSweep[] = [];
  for (let run = 0; run < 3; run++) runs.push(await sweep.sweepTenant(tenantId, runtime));

  expect(runs.map((r) => r.examined)).toEqual([CAP, CAP, CAP]);
  expect(runs.map((r) => r.settled)).toEqual([CAP, INTERRUPTED - CAP, 0]);
  expect(runs.every((r) => r.failed === 0 && r.unpinned === 0)).toBe(true);
  for (const id of interrupted) expect((await jobs.get(tenantId, `prj-${id}`, id))?.status).toBe('failed');
  for (const id of live) expect((await jobs.get(tenantId, `prj-${id}`, id))?.status).toBe('running');
});

test('productions recorded before the pin mark existed are examined for pins once, then marked; other jobs never', async () => {
  const tenantId = 't-sweep-legacy';
  const ended = { status: 'succeeded' as const, updatedAt: minutesAgo(60) };
  const legacy = ['job-legacy-produce', 'job-legacy-regenerate'];
  await jobs.create(job(tenantId, legacy[0], { ...ended, kind: 'produce', status: 'failed' }));
  await jobs.create(job(tenantId, legacy[1], { ...ended, kind: 'regenerate', status: 'cancelled' }));
  // Jobs that never pin, and productions whose mark says their pins went.
  await jobs.create(job(tenantId, 'job-plan', { ...ended, kind: 'plan' }));
  await jobs.create(job(tenantId, 'job-import', { ...ended, kind: 'import' }));
  await jobs.create(job(tenantId, 'job-released', { ...ended, pinsHeld: false }));

  const { sweep, examined } = sweeper(new Set(legacy));
  expect(await sweep.sweepTenant(tenantId, runtime)).toEqual({ examined: 2, settled: 0, unpinned: 2, failed: 0 });
  expect(examined.sort()).toEqual([...legacy].sort());
  for (const id of legacy) expect(await jobs.get(tenantId, `prj-${id}`, id)).toMatchObject({ pinsHeld: false });
  expect(await sweep.sweepTenant(tenantId, runtime)).toEqual({ examined: 0, settled: 0, unpinned: 0, failed: 0 });
});
