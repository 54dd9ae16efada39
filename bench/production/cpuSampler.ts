/**
 * Readings of the benchmark's process tree from /proc (Linux), cheap enough to take every 100 ms during a production:
 * the tree is walked from the benchmark's process through each thread's `children` file, so only the few processes
 * of the tree are read, not every process of the machine. Each reading keeps, per process, its own CPU, the CPU of
 * its children that exited and were reaped, and (for the processes asked for) its main thread's CPU; what the
 * readings add up to, and to whom, is bench/production/cpuByRole.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { ProcessCpu, TreeReading } from './cpuByRole';

const CLOCK_TICKS_PER_SECOND = 100;

/** utime, stime, cutime, cstime (seconds), ppid and name from a /proc …/stat file. */
function readStat(file: string): { ppid: number; name: string; ownSec: number; reapedSec: number } | undefined {
  let stat: string;
  try {
    stat = readFileSync(file, 'utf8');
  } catch {
    return undefined; // exited since its parent listed it
  }
  // The name is in parentheses and may contain spaces; fields after it are space-separated.
  const close = stat.lastIndexOf(')');
  const fields = stat
    .slice(close + 2)
    .split(' ')
    .map((f) => Number(f));
  // After the name: state(0) ppid(1) … utime(11) stime(12) cutime(13) cstime(14).
  return {
    ppid: fields[1],
    name: stat.slice(stat.indexOf('(') + 1, close),
    ownSec: (fields[11] + fields[12]) / CLOCK_TICKS_PER_SECOND,
    reapedSec: (fields[13] + fields[14]) / CLOCK_TICKS_PER_SECOND,
  };
}

/**
 * CPU of the calling thread so far, seconds: what a measurement costs, without the worker threads that run meanwhile
 * (process.cpuUsage would count theirs too, and the floor's synthesize during its readings).
 */
export function thisThreadCpuSec(): number {
  return readStat('/proc/thread-self/stat')?.ownSec ?? 0;
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  let tasks: string[];
  try {
    tasks = readdirSync(`/proc/${pid}/task`);
  } catch {
    return children;
  }
  // A child is listed under the thread that started it, so every thread's list is read.
  for (const tid of tasks) {
    try {
      for (const child of readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').split(' '))
        if (child.trim()) children.push(Number(child));
    } catch {
      // the thread ended meanwhile
    }
  }
  return children;
}

function readCommandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/**
 * Command lines, read once per pid and executable name: a child read between its fork and its exec still shows its
 * parent's command line, and the name changes at the exec. (A pid is not reused within a run of a few minutes.)
 * An empty command line is not kept but read again next time: a process caught inside its exec already shows its new
 * name while its arguments are not in place yet, and keeping that would leave a long encoder unnamed for its whole
 * life ("other ffmpeg"); an exited process not yet waited for shows one too.
 */
export class CommandLines {
  private readonly known = new Map<string, string>();

  constructor(private readonly read: (pid: number) => string = readCommandLine) {}

  of(pid: number, name: string): string {
    const key = `${pid} ${name}`;
    const known = this.known.get(key);
    if (known) return known;
    const read = this.read(pid);
    if (read) this.known.set(key, read);
    return read;
  }
}

/**
 * Takes readings of the tree under `rootPid`, on demand (`read`) and every `intervalMs` between `start` and `stop`.
 * What the readings cost this process (the CPU it used while reading), and what other measurements in it cost, is
 * kept in each reading's `samplerSec`, so it can be left out of the benchmark's own figures.
 */
export class CpuSampler {
  private readonly readings: TreeReading[] = [];
  private readonly commandLines = new CommandLines();
  private samplerSec = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly rootPid: number,
    /** Processes whose main thread is read apart from the rest of their threads. */
    private readonly threadsOf: () => number[],
    /** CPU other measurements in this process have spent so far, left out with the readings' own. */
    private readonly otherMeasurementSec: () => number = () => 0,
    private readonly intervalMs = 100,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.read(), this.intervalMs);
  }

  stop(): TreeReading[] {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    return this.drain();
  }

  /** The readings so far, in time order; later readings start a new list. */
  drain(): TreeReading[] {
    return this.readings.splice(0);
  }

  /** One reading now (epoch milliseconds, the clock the platform's job records use). */
  read(): TreeReading {
    const costFrom = thisThreadCpuSec();
    const atMs = Date.now();
    const split = new Set(this.threadsOf());
    const processes: ProcessCpu[] = [];
    const pending = [this.rootPid];
    while (pending.length > 0) {
      const pid = pending.pop()!;
      const stat = readStat(`/proc/${pid}/stat`);
      if (!stat) continue;
      const main = split.has(pid) ? readStat(`/proc/${pid}/task/${pid}/stat`) : undefined;
      processes.push({
        pid,
        ppid: stat.ppid,
        name: stat.name,
        commandLine: this.commandLines.of(pid, stat.name),
        ownSec: stat.ownSec,
        reapedSec: stat.reapedSec,
        ...(main ? { mainThreadSec: main.ownSec } : {}),
      });
      pending.push(...childrenOf(pid));
    }
    this.samplerSec += thisThreadCpuSec() - costFrom;
    const reading = { atMs, processes, samplerSec: this.samplerSec + this.otherMeasurementSec() };
    this.readings.push(reading);
    return reading;
  }
}
