/**
 * Where a side's CPU went, per kind of process, from readings of the process tree (bench/production/cpuSampler.ts).
 *
 * How it is counted, between the first and the last reading of a window:
 * - a process alive at the end is charged its own CPU (utime + stime of all its threads, ended threads included)
 *   minus what it had at the first reading; a process split by thread is charged its main thread and the rest apart;
 * - a process that ended within the window is charged the CPU its last reading showed, and its whole CPU so far
 *   (own and reaped) is taken out of its parent's reaped-children time, which holds it once the parent has waited for
 *   it. What is left of the parent's reaped time (the end of processes after their last reading, and processes that
 *   lived between two readings) is charged to the parent's "unseen children" role;
 * - the sampler's own cost is taken out of the process it runs in.
 * So the roles add up to the tree's CPU at the last reading minus the first (`treeCpuSec`), nothing counted twice.
 */
import { toolKind } from './regenerationBreakdown';

export interface ProcessCpu {
  pid: number;
  ppid: number;
  /** Executable name from /proc/<pid>/stat (`node`, `ffmpeg`…). */
  name: string;
  commandLine: string;
  /** utime + stime of the process (all its threads, ended ones included), seconds. */
  ownSec: number;
  /** cutime + cstime: children that ended and were waited for, seconds. */
  reapedSec: number;
  /** utime + stime of the main thread alone, for the processes read that way. */
  mainThreadSec?: number;
}

export interface TreeReading {
  /** Epoch milliseconds. */
  atMs: number;
  processes: ProcessCpu[];
  /** CPU the sampler has used so far, seconds. */
  samplerSec: number;
}

export interface Roles {
  of(process: ProcessCpu): string;
  /** For a process read by thread: the roles of its main thread and of its other threads. */
  threads(process: ProcessCpu): { main: string; others: string } | undefined;
  unseenChildren(parent: ProcessCpu): string;
  /** The process the sampler runs in (its main thread). */
  samplerPid: number;
}

type Include = (process: ProcessCpu) => boolean;

const everything: Include = () => true;

/** The tree's CPU at a reading: every included process's own and reaped time, less the sampler's cost. */
export function treeCpuSec(reading: TreeReading, include: Include = everything): number {
  const processes = reading.processes.filter(include);
  return processes.reduce((sum, p) => sum + p.ownSec + p.reapedSec, 0) - reading.samplerSec;
}

/** CPU seconds per role between the first and the last of `readings` (in time order). */
export function cpuByRole(readings: TreeReading[], roles: Roles, include: Include = everything): Map<string, number> {
  const first = readings[0];
  const last = readings.at(-1);
  const cpu = new Map<string, number>();
  if (!first || !last) return cpu;
  const add = (role: string, sec: number) => cpu.set(role, (cpu.get(role) ?? 0) + sec);
  const before = new Map(first.processes.map((p) => [p.pid, p]));
  const alive = new Set(last.processes.map((p) => p.pid));
  const lastSeen = new Map<number, ProcessCpu>();
  for (const reading of readings)
    for (const p of reading.processes) {
      if (!include(p)) continue;
      // An exited process not yet waited for (and one caught mid-exec) shows an empty command line: keep the one it
      // was seen with, so its role follows what it ran.
      const earlier = lastSeen.get(p.pid)?.commandLine;
      lastSeen.set(p.pid, p.commandLine === '' && earlier ? { ...p, commandLine: earlier } : p);
    }
  const samplerSec = last.samplerSec - first.samplerSec;
  const reapedPool = new Map<number, number>();
  const pool = (pid: number, sec: number) => reapedPool.set(pid, (reapedPool.get(pid) ?? 0) + sec);

  for (const p of lastSeen.values()) {
    const start = before.get(p.pid);
    const sampler = p.pid === roles.samplerPid ? samplerSec : 0;
    const own = p.ownSec - (start?.ownSec ?? 0) - sampler;
    const threads = roles.threads(p);
    if (threads && p.mainThreadSec !== undefined) {
      const main = p.mainThreadSec - (start?.mainThreadSec ?? 0) - sampler;
      add(threads.main, main);
      add(threads.others, own - main);
    } else add(roles.of(p), own);
    pool(p.pid, p.reapedSec - (start?.reapedSec ?? 0));
    // Ended: all it used, before the window too, is now in its parent's reaped time.
    if (!alive.has(p.pid)) pool(p.ppid, -(p.ownSec + p.reapedSec));
  }
  for (const [pid, sec] of reapedPool) {
    const parent = lastSeen.get(pid);
    if (parent && sec !== 0) add(roles.unseenChildren(parent), sec);
  }
  return cpu;
}

/**
 * Per role, the median over runs of its CPU (0 in a run where it did not appear), largest first, and its share of
 * the median of the runs' totals.
 */
export function medianByRole(runs: Map<string, number>[]): { role: string; cpuSec: number; share: number }[] {
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
  };
  const total = median(runs.map((run) => [...run.values()].reduce((sum, sec) => sum + sec, 0)));
  return [...new Set(runs.flatMap((run) => [...run.keys()]))]
    .map((role) => ({ role, cpuSec: median(runs.map((run) => run.get(role) ?? 0)) }))
    .map(({ role, cpuSec }) => ({ role, cpuSec, share: total > 0 ? cpuSec / total : 0 }))
    .sort((a, b) => b.cpuSec - a.cpuSec)
    .concat([{ role: 'total', cpuSec: total, share: 1 }]);
}

/** The first reading at or after `atMs`, or the last one: CPU at an instant, late by at most one interval. */
export function readingAtOrAfter(readings: TreeReading[], atMs: number): number {
  const index = readings.findIndex((r) => r.atMs >= atMs);
  return index === -1 ? readings.length - 1 : index;
}

/** Pids of `rootPid` and its descendants in any of the readings. */
export function subtreePids(readings: TreeReading[], rootPid: number): Set<number> {
  const inside = new Set([rootPid]);
  const edges = readings.flatMap((r) => r.processes.map((p) => [p.pid, p.ppid] as const));
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, ppid] of edges)
      if (!inside.has(pid) && inside.has(ppid)) {
        inside.add(pid);
        grew = true;
      }
  }
  return inside;
}

function scriptOf(p: ProcessCpu): string {
  return /([\w-]+)\.(ts|js)\b/.exec(p.commandLine)?.[1] ?? p.name;
}

function isTool(p: ProcessCpu): boolean {
  return p.name === 'ffmpeg' || p.name === 'ffprobe';
}

/** The product: the platform's process tree and the benchmark's process as its API client. */
export function productRoles(platformPid: number, benchPid: number): Roles {
  return {
    samplerPid: benchPid,
    of: (p) => {
      if (p.pid === benchPid) return 'benchmark process as API client';
      if (isTool(p)) return p.name === 'ffprobe' ? 'ffprobe' : `ffmpeg: ${toolKind(p.commandLine)}`;
      if (p.commandLine.includes('cosmosProcess')) return 'Cosmos emulator';
      if (p.commandLine.includes('azurite')) return 'Azurite';
      return `other: ${scriptOf(p)}`;
    },
    threads: (p) =>
      p.pid === platformPid
        ? {
            main: 'platform node process: main thread',
            others: 'platform node process: other threads (espeak-ng workers, V8, libuv pool)',
          }
        : undefined,
    unseenChildren: (parent) =>
      parent.pid === platformPid
        ? 'ffmpeg/ffprobe: after their last reading or between two'
        : `ended children of ${scriptOf(parent)}`,
  };
}

/** The floor: the benchmark's process (its worker threads synthesize) and the ffmpeg processes it starts. */
export function floorRoles(benchPid: number): Roles {
  return {
    samplerPid: benchPid,
    of: (p) => `other: ${scriptOf(p)}`,
    threads: (p) =>
      p.pid === benchPid
        ? {
            main: 'floor node process: main thread',
            others: 'floor node process: other threads (espeak-ng workers, V8, libuv pool)',
          }
        : undefined,
    unseenChildren: (parent) => (parent.pid === benchPid ? 'floor ffmpeg' : `ended children of ${scriptOf(parent)}`),
  };
}
