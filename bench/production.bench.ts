/**
 * Production against its floor, in one process tree, interleaved (product, floor, product, floor…):
 *
 * - the product: the real local platform in a child process, driven through the public API as the command-line
 *   client does (project, cover, manuscript, characters, casting, plan, then a production of six chapters for Apple
 *   Books and ACX on the offline engine), followed as the studio follows a job (production/jobPolling.ts);
 * - the floor (bench/production/floor.ts): the same SSML through the same espeak-ng build and the same ffmpeg, doing
 *   only the unavoidable work.
 *
 * A product run lasts from just before its start request to the job's recorded end (`finishedAt`, production/
 * jobClock.ts), not to when a poll noticed it, which the studio's back-off delays by up to 5 s; when the polling
 * client saw it is reported too (`seenByStudioSec`). Its synthesis ends when the last synthesis activity completed
 * (the job's Durable history). CPU comes from readings of the process tree every 100 ms (production/cpuSampler.ts);
 * the CPU at an instant is the first reading at or after it. Per process role (production/cpuByRole.ts): the
 * platform's main thread and its other threads, the emulators, each kind of ffmpeg process, the benchmark as API
 * client.
 *
 * Per phase: wall time, CPU, cores busy (CPU / wall), seconds of audio, real-time factor (wall / audio) and the
 * product/floor ratios; CPU by process role (median of the pairs); peak resident memory per kind of process. After the
 * pairs, on the last product project: one segment regenerated (time to updated packages, as a share of the full run)
 * and a rerun with nothing changed.
 */
import { CosmosClient } from '@azure/cosmos';
import fs from 'node:fs';
import sharp from 'sharp';
import type { ChapterRecord } from '../core/book/records';
import { PRIDE_AND_PREJUDICE } from '../test/support/corpus';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import { medianByRole, treeCpuSec } from './production/cpuByRole';
import { CpuSampler } from './production/cpuSampler';
import { jobEnd } from './production/jobClock';
import {
  api,
  chapterSsml,
  creditsSsml,
  json,
  plannedProject,
  readJob,
  startJob,
  startProduction,
  waitForJob,
  type PlannedProject,
} from './production/productApi';
import { PeakMemorySampler, subtree, type ProcessInfo } from './production/processTree';
import { activitySpans, describeBreakdown, ToolWatcher } from './production/regenerationBreakdown';
import {
  hostUrl,
  timedFloor,
  timedProduction,
  type FloorRun,
  type Phase,
  type ProductRun,
  type RunResult,
} from './production/timedRuns';
import type { BenchContext, BenchModule, BenchRow, MetricValue } from './types';

const PAIRS = 2;
/** The manuscript is the book up to this heading: the title page and eight chapters. */
const CUT_BEFORE_HEADING = /^Chapter 9\s*$/m;
/** Reads of an ended job, back to back, to measure what one poll of the job costs. */
const COST_POLLS = 100;

/**
 * What one poll of a job costs the product (the platform's processes and this process as the client), on its own:
 * an ended job read back to back. Reported beside the production so that a client polling more often than the studio
 * can add it back.
 */
async function measurePollCost(
  platform: TestPlatform,
  projectId: string,
  jobId: string,
  sampler: CpuSampler,
  polls: number[],
  productionWallSec: number,
): Promise<BenchRow> {
  const before = sampler.read();
  for (let read = 0; read < COST_POLLS; read++) await readJob(platform, projectId, jobId);
  const after = sampler.read();
  const cpuMsPerPoll = ((treeCpuSec(after) - treeCpuSec(before)) * 1000) / COST_POLLS;
  return {
    benchmark: 'production',
    case: `job poll (an ended job read ${COST_POLLS} times in a row)`,
    metrics: {
      cpuMsPerPoll: round(cpuMsPerPoll, 1),
      wallMsPerPoll: round((after.atMs - before.atMs) / COST_POLLS, 1),
      pollsPerProduction: median(polls),
      // What a client polling every 250 ms for the whole production would have added.
      cpuSecAt250ms: round(((productionWallSec / 0.25) * cpuMsPerPoll) / 1000, 1),
    },
  };
}

function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

function phaseRow(side: string, run: number, result: RunResult, phaseName: string, seenByStudioSec?: number): BenchRow {
  const p = result.phases.find((candidate) => candidate.name === phaseName)!;
  return {
    benchmark: 'production',
    case: `${side} ${run} / ${phaseName}`,
    metrics: {
      wallSec: round(p.wallSec, 1),
      ...(seenByStudioSec === undefined ? {} : { seenByStudioSec: round(seenByStudioSec, 1) }),
      cpuSec: round(p.cpuSec, 1),
      coresBusy: round(p.cpuSec / Math.max(p.wallSec, 1e-9)),
      audioSec: round(result.audioSec, 1),
      rtf: round(p.wallSec / Math.max(result.audioSec, 1e-9), 4),
    },
  };
}

/** The floor's run as if it had made the credits and the retail sample among its phases. */
function sameFilesResult(floor: FloorRun): RunResult {
  return { ...floor, phases: floor.sameFilesPhases };
}

/** The floor's extra work for the same files as the product, on its own. */
function extraRow(run: number, p: Phase, sampleWindowSec: number): BenchRow {
  return {
    benchmark: 'production',
    case: `floor ${run} / same files: ${p.name}`,
    metrics: {
      wallSec: round(p.wallSec, 2),
      cpuSec: round(p.cpuSec, 2),
      ...(p.name === 'extra total' ? { sampleWindowSec: round(sampleWindowSec, 1) } : {}),
    },
  };
}

/** The CPU-by-process table: median of the runs per role, with its share of their total. */
function roleRows(label: string, runs: RunResult[]): BenchRow[] {
  // A child read between its fork and its exec shows up as a role of its own with no CPU.
  const rows = medianByRole(runs.map((r) => r.cpuByRole)).filter((r) => r.role === 'total' || r.cpuSec !== 0);
  return rows.map(({ role, cpuSec, share }) => ({
    benchmark: 'production',
    case: `${label} / ${role}`,
    metrics: { cpuSec: round(cpuSec, 2), share: round(share, 3) },
  }));
}

function roleOf(platformPid: () => number | undefined) {
  return (p: ProcessInfo, tree: ProcessInfo[]): string => {
    const platform = platformPid();
    const inPlatform = platform !== undefined && subtree(tree, platform).some((q) => q.pid === p.pid);
    if (p.pid === process.pid) return 'benchmark + floor (node)';
    if (p.name === 'ffmpeg' || p.commandLine.includes('ffmpeg'))
      return inPlatform ? 'ffmpeg (product)' : 'ffmpeg (floor)';
    if (p.commandLine.includes('azurite')) return 'azurite';
    if (p.pid === platform) return 'platform (node)';
    // Node processes by their script (the Cosmos emulator, the Functions host…), others by executable.
    const script = /([\w-]+)\.ts\b/.exec(p.commandLine)?.[1] ?? p.name;
    return inPlatform ? `product: ${script}` : `benchmark: ${script}`;
  };
}

async function run(context: BenchContext): Promise<BenchRow[]> {
  const text = fs.readFileSync(PRIDE_AND_PREJUDICE, 'utf8');
  const cut = CUT_BEFORE_HEADING.exec(text);
  if (!cut) throw new Error('the corpus book changed: no "Chapter 9" heading');
  const manuscript = text.slice(0, cut.index);
  const cover = await sharp({ create: { width: 3000, height: 3000, channels: 3, background: '#6a4c93' } })
    .jpeg()
    .toBuffer();

  let platform: TestPlatform | undefined;
  const memory = new PeakMemorySampler(
    process.pid,
    roleOf(() => platform?.pid),
  );
  memory.start();
  const rows: BenchRow[] = [];
  try {
    platform = await startTestPlatform({ env: { LOG_LEVEL: 'warn' } });
    const platformPid = platform.pid;
    // The peak-memory sampler scans every process of the machine every 200 ms: measurement, not the product's client.
    const sampler = new CpuSampler(
      process.pid,
      () => [process.pid, platformPid],
      () => memory.costSec,
    );
    context.log('platform up; planning the floor input');
    const first = await plannedProject(platform, manuscript, cover);
    const floorChapters = await chapterSsml(platform, first.projectId, first.chapterIds);
    const floorCredits = await creditsSsml(platform, first.projectId, floorChapters[0]!.ssml[0]!);
    context.log(`the floor's opening credits request: ${floorCredits.opening}`);

    const products: ProductRun[] = [];
    const floors: FloorRun[] = [];
    let last = first;
    for (let pair = 1; pair <= PAIRS; pair++) {
      // A fresh project per product run, so no run finds audio an earlier one stored.
      const project = pair === 1 ? first : await plannedProject(platform, manuscript, cover);
      last = project;
      const product = await timedProduction(platform, project, sampler);
      products.push(product);
      context.log(
        `product ${pair}: ${product.phases.map((p) => `${p.name} ${p.wallSec.toFixed(1)} s`).join(', ')} ` +
          `(seen by the studio at ${product.seenByStudioSec.toFixed(1)} s)`,
      );
      const floor = await timedFloor(floorChapters, floorCredits, sampler, platformPid);
      floors.push(floor);
      context.log(
        `floor ${pair}: ${floor.phases.map((p) => `${p.name} ${p.wallSec.toFixed(1)} s`).join(', ')}; ` +
          `then ${floor.extraPhases.map((p) => `${p.name} ${p.wallSec.toFixed(1)} s`).join(', ')}`,
      );
    }

    for (const [index, result] of products.entries())
      for (const name of ['synthesis', 'tail', 'total'])
        rows.push(phaseRow('product', index + 1, result, name, name === 'total' ? result.seenByStudioSec : undefined));
    for (const [index, result] of floors.entries())
      for (const name of ['synthesis', 'tail', 'total']) rows.push(phaseRow('floor', index + 1, result, name));
    for (const [index, result] of floors.entries()) {
      for (const p of result.extraPhases) rows.push(extraRow(index + 1, p, result.sampleWindowSec));
      for (const name of ['synthesis', 'tail', 'total'])
        rows.push(phaseRow('floor with the same files', index + 1, sameFilesResult(result), name));
    }
    const ratios: [string, (floor: FloorRun) => RunResult][] = [
      ['product/floor', (floor) => floor],
      ['product/floor with the same files', sameFilesResult],
    ];
    for (const [label, floorSide] of ratios)
      for (const name of ['synthesis', 'tail', 'total']) {
        const pick = (results: RunResult[], key: 'wallSec' | 'cpuSec') =>
          median(results.map((r) => r.phases.find((p) => p.name === name)![key]));
        const productWall = pick(products, 'wallSec');
        const productCpu = pick(products, 'cpuSec');
        const floorWall = pick(floors.map(floorSide), 'wallSec');
        const floorCpu = pick(floors.map(floorSide), 'cpuSec');
        rows.push({
          benchmark: 'production',
          case: `${label} (median of ${PAIRS} pairs) / ${name}`,
          metrics: {
            wallSec: round(productWall, 1),
            ...(name === 'total' ? { seenByStudioSec: round(median(products.map((r) => r.seenByStudioSec)), 1) } : {}),
            cpuSec: round(productCpu, 1),
            coresBusy: round(productCpu / productWall),
            floorWallSec: round(floorWall, 1),
            floorCpuSec: round(floorCpu, 1),
            floorCoresBusy: round(floorCpu / floorWall),
            wallRatio: round(productWall / floorWall),
            cpuRatio: round(productCpu / floorCpu),
          },
        });
      }
    rows.push(...roleRows('CPU by process', products), ...roleRows('CPU by process (floor)', floors));

    const fullRunSec = median(products.map((r) => r.phases.find((p) => p.name === 'total')!.wallSec));
    rows.push(
      await measurePollCost(
        platform,
        last.projectId,
        products.at(-1)!.jobId,
        sampler,
        products.map((r) => r.polls),
        fullRunSec,
      ),
    );
    rows.push(await regeneration(platform, last, fullRunSec, context, 'early'));
    rows.push(await regeneration(platform, last, fullRunSec, context, 'middle'));
    rows.push(await rerun(platform, last, fullRunSec, context));
  } finally {
    const peaks = memory.stop();
    for (const [role, mb] of [...peaks.entries()].sort())
      rows.push({ benchmark: 'production', case: `peak RSS / ${role}`, metrics: { peakRssMb: round(mb, 0) } });
    await platform?.stop();
  }
  return rows;
}

/** Wall time to the job's recorded end, and to when the studio's polling saw it, as metrics of a run's row. */
function endMetrics(end: ReturnType<typeof jobEnd>, fullRunSec: number): Record<string, MetricValue> {
  return {
    wallSec: round(end.wallSec, 2),
    seenByStudioSec: round(end.seenByStudioSec, 1),
    shareOfFullRun: round(end.wallSec / fullRunSec, 3),
    ...(end.recorded ? {} : { endFrom: 'poll (no finishedAt)' }),
  };
}

/**
 * One segment of the first produced chapter regenerated: from the request to updated packages. The early one (the
 * chapter's third line) leaves almost the whole chapter to render again; the middle one shows what re-rendering only
 * from the changed line on gives a typical edit.
 */
async function regeneration(
  platform: TestPlatform,
  project: PlannedProject,
  fullRunSec: number,
  context: BenchContext,
  where: 'early' | 'middle',
): Promise<BenchRow> {
  const segments = await json<{ items: { id: string }[] }>(
    await api(platform, `/v1/projects/${project.projectId}/segments?chapterId=${project.chapterIds[0]}`),
    200,
  );
  const index = where === 'early' ? 2 : Math.floor(segments.items.length / 2);
  const segment = segments.items[Math.min(index, segments.items.length - 1)]!;
  // Watching the platform's ffmpeg processes costs this process a /proc scan every 100 ms (processes shorter than
  // that may be missed; the breakdown is for the long ones).
  const tools = new ToolWatcher(platform.pid);
  tools.start();
  const startedAtMs = Date.now();
  const metrics: Record<string, MetricValue> = {};
  try {
    const jobId = await startJob(platform, project.projectId, `/segments/${segment.id}/regenerate`, {});
    const { job, seenAtMs } = await waitForJob(platform, project.projectId, jobId);
    Object.assign(metrics, endMetrics(jobEnd(startedAtMs, job.finishedAt, seenAtMs), fullRunSec));
    metrics.status = job.status;
    if (job.status !== 'succeeded') metrics.error = (job.error?.message ?? '').slice(0, 120);
    const activities = await activitySpans(hostUrl(platform), jobId, tools.startedAtMs);
    const longest = (name: string) =>
      round(Math.max(0, ...activities.filter((a) => a.name === name).map((a) => a.durationSec)), 2);
    metrics.masterSec = longest('productionMasterChapter');
    metrics.packageSec = longest('productionPackage');
    metrics.masterPath = await masterPathOf(platform, project.projectId, project.chapterIds[0]);
    context.log(`regeneration (${where}), where the time went:\n${describeBreakdown(activities, tools.stop())}`);
  } catch (error) {
    metrics.status = 'error';
    metrics.error = String(error).slice(0, 120);
  } finally {
    tools.stop();
  }
  context.log(`regeneration (${where}): ${JSON.stringify(metrics)}`);
  const caseName =
    where === 'early'
      ? 'regenerate one segment → updated packages'
      : 'regenerate one segment in the middle of its chapter → updated packages';
  return { benchmark: 'production', case: caseName, metrics };
}

/** How the chapter's master was last rendered, as its record says: `region from <segment>` or `whole (<fallback>)`. */
async function masterPathOf(platform: TestPlatform, projectId: string, chapterId: string): Promise<string> {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  try {
    const { resources } = await client
      .database('khipu')
      .container('chapters')
      .items.query<Pick<ChapterRecord, 'master'>>({
        query: 'SELECT c.master FROM c WHERE c.id = @id AND c.projectId = @projectId',
        parameters: [
          { name: '@id', value: chapterId },
          { name: '@projectId', value: projectId },
        ],
      })
      .fetchAll();
    const path = resources[0]?.master?.rendering?.path;
    if (!path) return 'not recorded';
    if (path.kind === 'whole') return `whole (${path.fallback ?? 'no previous'})`;
    return `region from ${path.fromSegment}${path.aacWhole ? ` (AAC whole: ${path.aacWhole})` : ''}`;
  } finally {
    client.dispose();
  }
}

async function rerun(
  platform: TestPlatform,
  project: PlannedProject,
  fullRunSec: number,
  context: BenchContext,
): Promise<BenchRow> {
  const startedAtMs = Date.now();
  const metrics: Record<string, MetricValue> = {};
  try {
    const jobId = await startProduction(platform, project);
    const { job, seenAtMs } = await waitForJob(platform, project.projectId, jobId);
    Object.assign(metrics, endMetrics(jobEnd(startedAtMs, job.finishedAt, seenAtMs), fullRunSec));
    metrics.synthesisCalls = job.result?.synthesisCalls ?? -1;
    metrics.status = job.status;
  } catch (error) {
    metrics.status = 'error';
    metrics.error = String(error).slice(0, 120);
  }
  context.log(`rerun: ${JSON.stringify(metrics)}`);
  return { benchmark: 'production', case: 'rerun with nothing changed', metrics };
}

const production: BenchModule = {
  name: 'production',
  description:
    'Six chapters of Pride and Prejudice (offline engine, Apple Books + ACX) through the local platform and its API, ' +
    'interleaved with the floor (same engine and ffmpeg, only the unavoidable work: the chapters synthesized, each ' +
    'mastered in one pass with its MP3 and the WAV for one M4B, every output measured; no credits, no retail ' +
    'sample) and, right after each floor run, what the floor with the same files adds (the two spoken credits ' +
    "synthesized and mastered with MP3 and AAC, a retail sample of the product's window length cut from the first " +
    'chapter, each output measured), reported apart and in the second ratio. A product run, a regeneration ' +
    "and a rerun last from just before the start request to the job's recorded end (its finishedAt, written after " +
    'the packages are stored; same machine clock); seenByStudioSec is when a client polling as the studio does ' +
    "(0.5 s growing by half, at most 5 s) saw it. The product's synthesis ends when its last synthesis activity " +
    'completed (Durable history). CPU from /proc readings of the process tree every 100 ms during product runs and at ' +
    "the floor's phase ends; CPU at an instant is the first reading at or after it (late by at most 100 ms: " +
    'conservative); the cost of the readings and of the peak-memory sampling is left out. CPU by process: median ' +
    'of the pairs per role; ffmpeg ' +
    "processes by their last reading, what they used after it (or short ones never read) from the platform's " +
    'reaped-children time; espeak-ng runs in worker threads of the platform\'s process (its "other threads"); the ' +
    "floor's ffmpeg is its reaped-children time. Then one segment regenerated and an unchanged rerun",
  run,
};

export default production;
