/**
 * Production against its floor, in one process tree, interleaved (product, floor, product, floor…):
 *
 * - the product: the real local platform in a child process, driven through the public API as the command-line
 *   client does (project, cover, manuscript, characters, casting, plan, then a production of six chapters for Apple
 *   Books and ACX on the offline engine); the production job is timed from its POST to its end, and followed as the
 *   studio follows a job (production/jobPolling.ts), with the cost of one poll measured on its own;
 * - the floor (bench/production/floor.ts): the same SSML through the same espeak-ng build and the same ffmpeg, doing
 *   only the unavoidable work.
 *
 * Per phase: wall time, CPU (summed over the processes of each side, from /proc), cores busy (CPU / wall), seconds of
 * audio, real-time factor (wall / audio) and the product/floor ratios; peak resident memory per kind of process. After
 * the pairs, on the last product project: one segment regenerated (time to updated packages, as a share of the full
 * run) and a rerun with nothing changed.
 */
import fs from 'node:fs';
import sharp from 'sharp';
import { PRIDE_AND_PREJUDICE } from '../test/support/corpus';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';
import { runFloor, type FloorChapter } from './production/floor';
import { pollUntilEnded } from './production/jobPolling';
import { cpuSplit, PeakMemorySampler, processTree, subtree, type ProcessInfo } from './production/processTree';
import { activitySpans, describeBreakdown, ToolWatcher } from './production/regenerationBreakdown';
import type { BenchContext, BenchModule, BenchRow, MetricValue } from './types';

const USER = 'creator@andes.test';
const PAIRS = 2;
/** The manuscript is the book up to this heading: the title page and eight chapters. */
const CUT_BEFORE_HEADING = /^Chapter 9\s*$/m;
/** Positions produced (1-based, as `--chapters 2-7`): six chapters, leaving the title page and two chapters out. */
const PRODUCED_POSITIONS = [2, 3, 4, 5, 6, 7];
const PLATFORMS = ['apple', 'acx'];
/** Reads of an ended job, back to back, to measure what one poll of the job costs. */
const COST_POLLS = 100;

interface JobView {
  id: string;
  status: string;
  error: { message: string } | null;
  result: { durationSec?: number; synthesisCalls?: number } | null;
  progress: { segmentsDone?: number; segmentsTotal?: number };
  finishedAt: string | null;
}

interface PhaseSample {
  atMs: number;
  platformSec: number;
  benchSec: number;
}

interface Phase {
  name: string;
  wallSec: number;
  cpuSec: number;
}

interface RunResult {
  phases: Phase[];
  audioSec: number;
}

/** The platform's process: this process's child running local/platformProcess.ts. */
function platformPid(): number | undefined {
  return processTree(process.pid).find((p) => p.ppid === process.pid && p.commandLine.includes('platformProcess'))?.pid;
}

/** CPU so far, split between the platform's processes and the rest of this tree (the floor, the API client). */
function sample(origin: number): PhaseSample {
  const split = cpuSplit(process.pid, platformPid());
  return { atMs: performance.now() - origin, ...split };
}

function phase(name: string, from: PhaseSample, to: PhaseSample, side: 'product' | 'floor'): Phase {
  // The product is the platform's processes plus this process acting as its API client; the floor is this process.
  const cpu = (s: PhaseSample) => (side === 'product' ? s.platformSec + s.benchSec : s.benchSec);
  return { name, wallSec: (to.atMs - from.atMs) / 1000, cpuSec: cpu(to) - cpu(from) };
}

async function json<T>(res: Response, expected: number): Promise<T> {
  const text = await res.text();
  if (res.status !== expected) throw new Error(`expected ${expected}, got ${res.status}: ${text.slice(0, 500)}`);
  return JSON.parse(text) as T;
}

async function waitForJob(
  platform: TestPlatform,
  projectId: string,
  jobId: string,
  onPoll?: (job: JobView) => void,
): Promise<JobView> {
  return (await pollUntilEnded(() => readJob(platform, projectId, jobId), onPoll)).job;
}

async function readJob(platform: TestPlatform, projectId: string, jobId: string): Promise<JobView> {
  return json<JobView>(await platform.api(USER, `/v1/projects/${projectId}/jobs/${jobId}`), 200);
}

async function startJob(platform: TestPlatform, projectId: string, route: string, body?: unknown): Promise<string> {
  const res = await platform.api(USER, `/v1/projects/${projectId}${route}`, {
    method: route === '/manuscript?fileName=pride-and-prejudice.txt' ? 'PUT' : 'POST',
    ...(typeof body === 'string' ? { body, headers: { 'content-type': 'text/plain' } } : { json: body ?? {} }),
  });
  return (await json<{ job: { id: string } }>(res, 202)).job.id;
}

async function runToEnd(platform: TestPlatform, projectId: string, route: string, body?: unknown): Promise<JobView> {
  const job = await waitForJob(platform, projectId, await startJob(platform, projectId, route, body));
  if (job.status !== 'succeeded') throw new Error(`${route}: ${job.status} ${job.error?.message ?? ''}`);
  return job;
}

/** A planned project through the public API, as `npm run produce` makes it; returns the chapters to produce. */
async function plannedProject(platform: TestPlatform, manuscript: string, cover: Buffer) {
  const project = await json<{ id: string }>(
    await platform.api(USER, '/v1/projects', {
      method: 'POST',
      json: {
        metadata: {
          title: 'Pride and Prejudice',
          authors: ['Jane Austen'],
          language: 'en-GB',
          description: 'Chapters 1 to 6 of the novel.',
        },
      },
    }),
    201,
  );
  const base = `/v1/projects/${project.id}`;
  await json(
    await platform.api(USER, `${base}/cover`, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array(cover),
    }),
    200,
  );
  await runToEnd(platform, project.id, '/manuscript?fileName=pride-and-prejudice.txt', manuscript);
  await runToEnd(platform, project.id, '/characters/detect');
  await json(await platform.api(USER, `${base}/casting/auto`, { method: 'POST' }), 200);
  await runToEnd(platform, project.id, '/plan', {});
  const chapters = await json<{ items: { id: string; title: string }[] }>(
    await platform.api(USER, `${base}/chapters`),
    200,
  );
  const chapterIds = PRODUCED_POSITIONS.map((position) => chapters.items[position - 1]!.id);
  return { projectId: project.id, chapterIds };
}

async function floorInput(platform: TestPlatform, projectId: string, chapterIds: string[]): Promise<FloorChapter[]> {
  const chapters: FloorChapter[] = [];
  for (const chapterId of chapterIds) {
    const preview = await json<{ requests: { ssml: string }[] }>(
      await platform.api(USER, `/v1/projects/${projectId}/chapters/${chapterId}/ssml`),
      200,
    );
    chapters.push({ title: chapterId, ssml: preview.requests.map((r) => r.ssml) });
  }
  return chapters;
}

/**
 * A production job timed from its POST: synthesis ends when a poll first sees every segment done; the rest is the tail.
 * The run ends when the job says it finished (its `finishedAt`, from the same machine's clock), not when a poll sees
 * it, so the client's back-off does not lengthen the measured wall time; the CPU is read when the poll sees the end
 * (the platform is idle in between).
 */
async function timedProduction(
  platform: TestPlatform,
  projectId: string,
  chapterIds: string[],
): Promise<RunResult & { job: JobView; polls: number }> {
  const origin = performance.now();
  const originEpochMs = Date.now();
  const start = sample(origin);
  const jobId = await startJob(platform, projectId, '/productions', {
    platforms: PLATFORMS,
    chapterIds,
    allowUnknownSpeakers: true,
  });
  let synthesized: PhaseSample | undefined;
  const { job, polls } = await pollUntilEnded(
    () => readJob(platform, projectId, jobId),
    (snapshot) => {
      const { segmentsDone = 0, segmentsTotal = 0 } = snapshot.progress;
      if (!synthesized && segmentsTotal > 0 && segmentsDone >= segmentsTotal) synthesized = sample(origin);
    },
  );
  const seenEnded = sample(origin);
  if (job.status !== 'succeeded') throw new Error(`production ${job.status}: ${job.error?.message ?? ''}`);
  const finishedAtMs = job.finishedAt ? Date.parse(job.finishedAt) - originEpochMs : seenEnded.atMs;
  const end = { ...seenEnded, atMs: Math.min(seenEnded.atMs, finishedAtMs) };
  const mid = synthesized ? { ...synthesized, atMs: Math.min(synthesized.atMs, end.atMs) } : end;
  return {
    job,
    polls,
    audioSec: job.result?.durationSec ?? 0,
    phases: [
      phase('synthesis', start, mid, 'product'),
      phase('tail', mid, end, 'product'),
      phase('total', start, end, 'product'),
    ],
  };
}

/**
 * What one poll of a job costs the product (the platform's processes and this process as the client), on its own:
 * an ended job read back to back. Reported beside the production so that a client polling more often than the studio
 * can add it back.
 */
async function measurePollCost(
  platform: TestPlatform,
  projectId: string,
  jobId: string,
  polls: number[],
  productionWallSec: number,
): Promise<BenchRow> {
  const origin = performance.now();
  const before = sample(origin);
  for (let read = 0; read < COST_POLLS; read++) await readJob(platform, projectId, jobId);
  const after = sample(origin);
  const cpuMsPerPoll =
    ((after.platformSec + after.benchSec - before.platformSec - before.benchSec) * 1000) / COST_POLLS;
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

async function timedFloor(chapters: FloorChapter[]): Promise<RunResult> {
  const origin = performance.now();
  const marks: Record<string, PhaseSample> = { start: sample(origin) };
  const times = await runFloor(chapters, (name) => (marks[name] = sample(origin)));
  return {
    audioSec: times.audioSec,
    phases: [
      phase('synthesis', marks.start, marks.synthesis, 'floor'),
      phase('tail', marks.synthesis, marks.measure, 'floor'),
      phase('total', marks.start, marks.measure, 'floor'),
    ],
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

function phaseRow(side: string, run: number, result: RunResult, phaseName: string): BenchRow {
  const p = result.phases.find((candidate) => candidate.name === phaseName)!;
  return {
    benchmark: 'production',
    case: `${side} ${run} / ${phaseName}`,
    metrics: {
      wallSec: round(p.wallSec, 1),
      cpuSec: round(p.cpuSec, 1),
      coresBusy: round(p.cpuSec / Math.max(p.wallSec, 1e-9)),
      audioSec: round(result.audioSec, 1),
      rtf: round(p.wallSec / Math.max(result.audioSec, 1e-9), 4),
    },
  };
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
  let platformProcess: number | undefined;
  const memory = new PeakMemorySampler(
    process.pid,
    roleOf(() => platformProcess),
  );
  memory.start();
  const rows: BenchRow[] = [];
  try {
    platform = await startTestPlatform({ env: { LOG_LEVEL: 'warn' } });
    platformProcess = platformPid();
    context.log('platform up; planning the floor input');
    const first = await plannedProject(platform, manuscript, cover);
    const floorChapters = await floorInput(platform, first.projectId, first.chapterIds);

    const products: (RunResult & { job: JobView; polls: number })[] = [];
    const floors: RunResult[] = [];
    let last = first;
    for (let pair = 1; pair <= PAIRS; pair++) {
      // A fresh project per product run, so no run finds audio an earlier one stored.
      const project = pair === 1 ? first : await plannedProject(platform, manuscript, cover);
      last = project;
      const product = await timedProduction(platform, project.projectId, project.chapterIds);
      products.push(product);
      context.log(`product ${pair}: ${product.phases.map((p) => `${p.name} ${p.wallSec.toFixed(1)} s`).join(', ')}`);
      const floor = await timedFloor(floorChapters);
      floors.push(floor);
      context.log(`floor ${pair}: ${floor.phases.map((p) => `${p.name} ${p.wallSec.toFixed(1)} s`).join(', ')}`);
    }

    for (const [index, result] of products.entries())
      for (const name of ['synthesis', 'tail', 'total']) rows.push(phaseRow('product', index + 1, result, name));
    for (const [index, result] of floors.entries())
      for (const name of ['synthesis', 'tail', 'total']) rows.push(phaseRow('floor', index + 1, result, name));
    for (const name of ['synthesis', 'tail', 'total']) {
      const pick = (results: RunResult[], key: 'wallSec' | 'cpuSec') =>
        median(results.map((r) => r.phases.find((p) => p.name === name)![key]));
      const productWall = pick(products, 'wallSec');
      const productCpu = pick(products, 'cpuSec');
      const floorWall = pick(floors, 'wallSec');
      const floorCpu = pick(floors, 'cpuSec');
      rows.push({
        benchmark: 'production',
        case: `product/floor (median of ${PAIRS} pairs) / ${name}`,
        metrics: {
          wallSec: round(productWall, 1),
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

    const fullRunSec = median(products.map((r) => r.phases.find((p) => p.name === 'total')!.wallSec));
    rows.push(
      await measurePollCost(
        platform,
        last.projectId,
        products.at(-1)!.job.id,
        products.map((r) => r.polls),
        fullRunSec,
      ),
    );
    rows.push(await regeneration(platform, last, fullRunSec, context));
    rows.push(await rerun(platform, last, fullRunSec, context));
  } finally {
    const peaks = memory.stop();
    for (const [role, mb] of [...peaks.entries()].sort())
      rows.push({ benchmark: 'production', case: `peak RSS / ${role}`, metrics: { peakRssMb: round(mb, 0) } });
    await platform?.stop();
  }
  return rows;
}

/** One segment of the first produced chapter regenerated: from the request to updated packages. */
async function regeneration(
  platform: TestPlatform,
  project: { projectId: string; chapterIds: string[] },
  fullRunSec: number,
  context: BenchContext,
): Promise<BenchRow> {
  const segments = await json<{ items: { id: string }[] }>(
    await platform.api(USER, `/v1/projects/${project.projectId}/segments?chapterId=${project.chapterIds[0]}`),
    200,
  );
  const segment = segments.items[Math.min(2, segments.items.length - 1)]!;
  // Watching the platform's ffmpeg processes costs this process a /proc scan every 100 ms (processes shorter than
  // that may be missed; the breakdown is for the long ones).
  const tools = new ToolWatcher(platform.pid);
  tools.start();
  const started = performance.now();
  const metrics: Record<string, MetricValue> = {};
  try {
    const jobId = await startJob(platform, project.projectId, `/segments/${segment.id}/regenerate`, {});
    const job = await waitForJob(platform, project.projectId, jobId);
    const wallSec = (performance.now() - started) / 1000;
    metrics.wallSec = round(wallSec, 1);
    metrics.shareOfFullRun = round(wallSec / fullRunSec, 3);
    metrics.status = job.status;
    if (job.status !== 'succeeded') metrics.error = (job.error?.message ?? '').slice(0, 120);
    const activities = await activitySpans(platform.urls.api.replace(/\/api\/?$/, ''), jobId, tools.startedAtMs);
    const longest = (name: string) =>
      round(Math.max(0, ...activities.filter((a) => a.name === name).map((a) => a.durationSec)), 2);
    metrics.masterSec = longest('productionMasterChapter');
    metrics.packageSec = longest('productionPackage');
    context.log(`regeneration, where the time went:\n${describeBreakdown(activities, tools.stop())}`);
  } catch (error) {
    metrics.status = 'error';
    metrics.error = String(error).slice(0, 120);
  } finally {
    tools.stop();
  }
  context.log(`regeneration: ${JSON.stringify(metrics)}`);
  return { benchmark: 'production', case: 'regenerate one segment → updated packages', metrics };
}

async function rerun(
  platform: TestPlatform,
  project: { projectId: string; chapterIds: string[] },
  fullRunSec: number,
  context: BenchContext,
): Promise<BenchRow> {
  const started = performance.now();
  const metrics: Record<string, MetricValue> = {};
  try {
    const jobId = await startJob(platform, project.projectId, '/productions', {
      platforms: PLATFORMS,
      chapterIds: project.chapterIds,
      allowUnknownSpeakers: true,
    });
    const job = await waitForJob(platform, project.projectId, jobId);
    const wallSec = (performance.now() - started) / 1000;
    metrics.wallSec = round(wallSec, 1);
    metrics.shareOfFullRun = round(wallSec / fullRunSec, 3);
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
    'Six chapters of Pride and Prejudice (offline engine, Apple Books + ACX) through the local platform and its API, interleaved with the floor (same engine and ffmpeg, only the unavoidable work); CPU from /proc per side; regeneration of one segment and an unchanged rerun',
  run,
};

export default production;
