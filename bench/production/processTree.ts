/**
 * Processes of a tree and their peak memory, read from /proc (Linux): the benchmark runs the product (the platform in
 * a child process with its own children: the emulators, ffmpeg) and the floor (worker threads and ffmpeg children of
 * the benchmark process) in one tree. CPU is read by cpuSampler.ts, which reads only the tree's processes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { thisThreadCpuSec } from './cpuSampler';

const CLOCK_TICKS_PER_SECOND = 100;

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** Executable name (`node`, `ffmpeg`…) from /proc/<pid>/stat. */
  name: string;
  /** utime + stime + cutime + cstime, in seconds. */
  cpuSec: number;
  /** Peak resident set (VmHWM) in MB. */
  peakRssMb: number;
  commandLine: string;
}

function readProcess(pid: number): ProcessInfo | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The name is in parentheses and may contain spaces; fields after it are space-separated.
    const close = stat.lastIndexOf(')');
    const name = stat.slice(stat.indexOf('(') + 1, close);
    const fields = stat
      .slice(close + 2)
      .split(' ')
      .map((f) => Number(f));
    // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
    const ticks = fields[11] + fields[12] + fields[13] + fields[14];
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const hwm = /VmHWM:\s+(\d+)\s+kB/.exec(status);
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
    return {
      pid,
      ppid: fields[1],
      name,
      cpuSec: ticks / CLOCK_TICKS_PER_SECOND,
      peakRssMb: hwm ? Number(hwm[1]) / 1024 : 0,
      commandLine,
    };
  } catch {
    return undefined; // exited between the directory listing and the read
  }
}

/** Every live process under `rootPid`, the root included. */
export function processTree(rootPid: number): ProcessInfo[] {
  const all = new Map<number, ProcessInfo>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const info = readProcess(Number(entry));
    if (info) all.set(info.pid, info);
  }
  const children = new Map<number, ProcessInfo[]>();
  for (const info of all.values()) children.set(info.ppid, [...(children.get(info.ppid) ?? []), info]);
  const tree: ProcessInfo[] = [];
  const visit = (pid: number) => {
    const info = all.get(pid);
    if (!info) return;
    tree.push(info);
    for (const child of children.get(pid) ?? []) visit(child.pid);
  };
  visit(rootPid);
  return tree;
}

export function subtree(processes: ProcessInfo[], rootPid: number): ProcessInfo[] {
  const inside = new Set([rootPid]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of processes)
      if (!inside.has(p.pid) && inside.has(p.ppid)) {
        inside.add(p.pid);
        grew = true;
      }
  }
  return processes.filter((p) => inside.has(p.pid));
}

/** A role for each process, so peak memory is reported per kind of process rather than per pid. */
export type RoleOf = (process: ProcessInfo, tree: ProcessInfo[]) => string;

/**
 * Samples the tree every `intervalMs` and keeps, per role, the highest VmHWM seen. ffmpeg processes live a few
 * seconds at most, so their peak is caught while they run; VmHWM is the process's own lifetime peak, so a sample late
 * in its life is enough.
 */
export class PeakMemorySampler {
  private readonly peaks = new Map<string, number>();
  private spentSec = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rootPid: number,
    private readonly roleOf: RoleOf,
    private readonly intervalMs = 200,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.intervalMs);
    this.timer.unref();
  }

  stop(): Map<string, number> {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    return new Map(this.peaks);
  }

  sample(): void {
    const costFrom = thisThreadCpuSec();
    const tree = processTree(this.rootPid);
    for (const p of tree) {
      const role = this.roleOf(p, tree);
      this.peaks.set(role, Math.max(this.peaks.get(role) ?? 0, p.peakRssMb));
    }
    this.spentSec += thisThreadCpuSec() - costFrom;
  }

  /** CPU this process has spent sampling (a scan of every process of the machine), seconds. */
  get costSec(): number {
    return this.spentSec;
  }

  reset(): void {
    this.peaks.clear();
  }
}
