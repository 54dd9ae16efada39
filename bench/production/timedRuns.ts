/**
 * The production benchmark's timed runs, each read the same way: wall time from the machine's clock, CPU from
 * readings of the process tree (cpuSampler.ts) charged to the side's processes and roles (cpuByRole.ts).
 */
import type { TestPlatform } from '../../test/support/testPlatform';
import {
  cpuByRole,
  floorRoles,
  productRoles,
  readingAtOrAfter,
  subtreePids,
  treeCpuSec,
  type Roles,
  type TreeReading,
} from './cpuByRole';
import type { CpuSampler } from './cpuSampler';
import { runFloor, type FloorChapter } from './floor';
import { makeSameFiles, type CreditsSsml } from './floorSameFiles';
import { jobEnd, lastCompletionSec } from './jobClock';
import { startProduction, waitForJob, type PlannedProject } from './productApi';
import { activitySpans } from './regenerationBreakdown';

/** The activity whose last completion ends a production's synthesis (orchestrations/activities/productionActivities.ts). */
const SYNTHESIS_ACTIVITY = 'productionSynthesizeSegments';

export interface Phase {
  name: string;
  wallSec: number;
  cpuSec: number;
}

export interface RunResult {
  phases: Phase[];
  audioSec: number;
  cpuByRole: Map<string, number>;
}

/** A floor run that also made the credits and the retail sample (floorSameFiles.ts), after its own phases. */
export interface FloorRun extends RunResult {
  /** The extra work alone ('credits synthesis', 'credits and sample', 'extra total'). */
  extraPhases: Phase[];
  /** The floor with the same files: each of the floor's phases with its share of the extra work added. */
  sameFilesPhases: Phase[];
  sampleWindowSec: number;
}

export interface ProductRun extends RunResult {
  jobId: string;
  polls: number;
  seenByStudioSec: number;
}

function phase(name: string, wallSec: number, readings: TreeReading[], from: number, to: number, side: Side): Phase {
  return {
    name,
    wallSec,
    cpuSec: treeCpuSec(readings[to]!, side.include) - treeCpuSec(readings[from]!, side.include),
  };
}

/** Which processes of the tree a side is charged, and under which roles. */
interface Side {
  include: (process: { pid: number }) => boolean;
  roles: Roles;
}

export function hostUrl(platform: TestPlatform): string {
  return platform.urls.api.replace(/\/api\/?$/, '');
}

async function followProduction(platform: TestPlatform, project: PlannedProject) {
  const jobId = await startProduction(platform, project);
  return { jobId, ...(await waitForJob(platform, project.projectId, jobId)) };
}

/**
 * A production job, from just before its POST to its recorded end; synthesis ends when its last synthesis activity
 * completed (both on the machine's clock, which the platform shares). The tree is read every 100 ms meanwhile.
 */
export async function timedProduction(
  platform: TestPlatform,
  project: PlannedProject,
  sampler: CpuSampler,
): Promise<ProductRun> {
  sampler.drain();
  const start = sampler.read();
  sampler.start();
  let readings: TreeReading[] = [];
  const { jobId, job, polls, seenAtMs } = await followProduction(platform, project).finally(() => {
    sampler.read();
    readings = sampler.stop();
  });
  if (job.status !== 'succeeded') throw new Error(`production ${job.status}: ${job.error?.message ?? ''}`);
  const end = jobEnd(start.atMs, job.finishedAt, seenAtMs);
  const spans = await activitySpans(hostUrl(platform), jobId, start.atMs);
  const synthesisSec = Math.min(lastCompletionSec(spans, SYNTHESIS_ACTIVITY) ?? end.wallSec, end.wallSec);
  const mid = readingAtOrAfter(readings, start.atMs + synthesisSec * 1000);
  const last = readingAtOrAfter(readings, end.endAtMs);
  const side: Side = { include: () => true, roles: productRoles(platform.pid, process.pid) };
  return {
    jobId,
    polls,
    seenByStudioSec: end.seenByStudioSec,
    audioSec: job.result?.durationSec ?? 0,
    cpuByRole: cpuByRole(readings.slice(0, last + 1), side.roles, side.include),
    phases: [
      phase('synthesis', synthesisSec, readings, 0, mid, side),
      phase('tail', end.wallSec - synthesisSec, readings, mid, last, side),
      phase('total', end.wallSec, readings, 0, last, side),
    ],
  };
}

/**
 * The floor, its CPU read at each phase's end (its ffmpeg processes counted from this process's reaped time), then
 * the credits and the retail sample on its engines and files, read the same way and reported apart.
 */
export async function timedFloor(
  chapters: FloorChapter[],
  credits: CreditsSsml,
  sampler: CpuSampler,
  platformPid: number,
): Promise<FloorRun> {
  sampler.drain();
  const origin = performance.now();
  const marks: Record<string, { index: number; atMs: number }> = {};
  const mark = (name: string) => {
    sampler.read();
    marks[name] = { index: Object.keys(marks).length, atMs: performance.now() - origin };
  };
  mark('start');
  let sampleWindowSec = 0;
  const times = await runFloor(chapters, mark, async ({ engines, dir, masters, mastersSec }) => {
    const made = await makeSameFiles(engines, masters[0]!, mastersSec[0]!, dir, credits, mark);
    sampleWindowSec = made.sampleWindowSec;
    mark('same files');
  });
  const readings = sampler.drain();
  const platformPids = subtreePids(readings, platformPid);
  const side: Side = { include: (p) => !platformPids.has(p.pid), roles: floorRoles(process.pid) };
  const between = (name: string, from: string, to: string) =>
    phase(name, (marks[to]!.atMs - marks[from]!.atMs) / 1000, readings, marks[from]!.index, marks[to]!.index, side);
  const plus = (name: string, a: Phase, b: Phase): Phase => ({
    name,
    wallSec: a.wallSec + b.wallSec,
    cpuSec: a.cpuSec + b.cpuSec,
  });
  const floorPhases = [
    between('synthesis', 'start', 'synthesis'),
    between('tail', 'synthesis', 'measure'),
    between('total', 'start', 'measure'),
  ];
  const extraPhases = [
    between('credits synthesis', 'measure', 'credits synthesis'),
    between('credits and sample', 'credits synthesis', 'same files'),
    between('extra total', 'measure', 'same files'),
  ];
  return {
    audioSec: times.audioSec,
    cpuByRole: cpuByRole(readings.slice(0, marks.measure!.index + 1), side.roles, side.include),
    phases: floorPhases,
    extraPhases,
    sameFilesPhases: [
      plus('synthesis', floorPhases[0]!, extraPhases[0]!),
      plus('tail', floorPhases[1]!, extraPhases[1]!),
      plus('total', floorPhases[2]!, extraPhases[2]!),
    ],
    sampleWindowSec,
  };
}
