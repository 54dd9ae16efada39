import {
  cpuByRole,
  floorRoles,
  medianByRole,
  productRoles,
  readingAtOrAfter,
  subtreePids,
  treeCpuSec,
  type ProcessCpu,
  type TreeReading,
} from '../../bench/production/cpuByRole';

/**
 * The production benchmark charges the product's CPU to kinds of process from readings of the process tree taken
 * every 100 ms. Processes that end between readings are only partly seen; their parent's reaped-children time holds
 * all of it once they are waited for, so each role gets what was seen and the rest is charged once, to the parent's
 * "unseen children". These readings are made up; the roles must add up to the tree's CPU over the window.
 */
const BENCH = 100;
const PLATFORM = 200;
const COSMOS = 300;

function proc(pid: number, ppid: number, name: string, commandLine: string, cpu: Partial<ProcessCpu>): ProcessCpu {
  return { pid, ppid, name, commandLine, ownSec: 0, reapedSec: 0, ...cpu };
}

const bench = (ownSec: number, mainThreadSec = ownSec) =>
  proc(BENCH, 1, 'node', 'node bench/run.ts production', { ownSec, mainThreadSec });
const platform = (ownSec: number, mainThreadSec: number, reapedSec: number) =>
  proc(PLATFORM, BENCH, 'node', 'node --import tsx local/platformProcess.ts {}', { ownSec, mainThreadSec, reapedSec });
const cosmos = (ownSec: number) =>
  proc(COSMOS, PLATFORM, 'node', 'node --import tsx local/emulators/cosmosProcess.ts', { ownSec });
const render = (pid: number, ownSec: number) =>
  proc(pid, PLATFORM, 'ffmpeg', '/ffmpeg -f concat -i list.ffconcat -af alimiter=limit=0.9 out.flac', { ownSec });

function reading(atMs: number, processes: ProcessCpu[], samplerSec = 0): TreeReading {
  return { atMs, processes, samplerSec };
}

const roles = productRoles(PLATFORM, BENCH);
const sum = (cpu: Map<string, number>) => [...cpu.values()].reduce((total, sec) => total + sec, 0);

test('a render seen while it ran is charged what it was seen using; its end after the last reading goes to unseen children', () => {
  const readings = [
    reading(0, [bench(1), platform(10, 6, 0), cosmos(5)]),
    reading(100, [bench(1), platform(11, 6.5, 0), cosmos(5.5), render(400, 2)]),
    // The render ended (having used 2.5 s) and was waited for: its CPU is in the platform's reaped time.
    reading(200, [bench(1.2), platform(12, 7, 2.5), cosmos(6)]),
  ];
  const cpu = cpuByRole(readings, roles);
  expect(cpu.get('ffmpeg: chapter render')).toBeCloseTo(2);
  expect(cpu.get('ffmpeg/ffprobe: after their last reading or between two')).toBeCloseTo(0.5);
  expect(cpu.get('platform node process: main thread')).toBeCloseTo(1);
  expect(cpu.get('platform node process: other threads (espeak-ng workers, V8, libuv pool)')).toBeCloseTo(1);
  expect(cpu.get('Cosmos emulator')).toBeCloseTo(1);
  expect(cpu.get('benchmark process as API client')).toBeCloseTo(0.2);
  expect(sum(cpu)).toBeCloseTo(treeCpuSec(readings[2]!) - treeCpuSec(readings[0]!));
});

test('a render last seen exited and not yet waited for (an empty command line) keeps the role it was seen with', () => {
  const zombie = { ...render(400, 2.5), commandLine: '' };
  const readings = [
    reading(0, [bench(1), platform(10, 6, 0)]),
    reading(100, [bench(1), platform(11, 6.5, 0), render(400, 2)]),
    reading(200, [bench(1), platform(12, 7, 0), zombie]),
  ];
  const cpu = cpuByRole(readings, roles);
  expect(cpu.get('ffmpeg: chapter render')).toBeCloseTo(2.5);
  expect(cpu.get('ffmpeg: other ffmpeg')).toBeUndefined();
});

test('a process that lived between two readings is charged once, to the unseen children', () => {
  const readings = [reading(0, [bench(1), platform(10, 6, 0)]), reading(100, [bench(1), platform(10, 6, 0.7)])];
  const cpu = cpuByRole(readings, roles);
  expect(cpu.get('ffmpeg/ffprobe: after their last reading or between two')).toBeCloseTo(0.7);
  expect(sum(cpu)).toBeCloseTo(0.7);
});

test('a process already running at the first reading is charged only what it used inside the window', () => {
  const readings = [
    reading(0, [bench(1), platform(10, 6, 0), render(400, 3)]),
    reading(100, [bench(1), platform(10, 6, 0), render(400, 4)]),
    reading(200, [bench(1), platform(10, 6, 4.2)]),
  ];
  const cpu = cpuByRole(readings, roles);
  expect(cpu.get('ffmpeg: chapter render')).toBeCloseTo(1);
  expect(cpu.get('ffmpeg/ffprobe: after their last reading or between two')).toBeCloseTo(0.2);
  expect(sum(cpu)).toBeCloseTo(1.2);
  expect(sum(cpu)).toBeCloseTo(treeCpuSec(readings[2]!) - treeCpuSec(readings[0]!));
});

test("the readings' own cost is taken out of the benchmark process, and out of the tree's CPU", () => {
  const readings = [
    reading(0, [bench(1), platform(10, 6, 0)], 0.1),
    reading(100, [bench(1.5), platform(10, 6, 0)], 0.4),
  ];
  const cpu = cpuByRole(readings, roles);
  expect(cpu.get('benchmark process as API client')).toBeCloseTo(0.2);
  expect(treeCpuSec(readings[1]!) - treeCpuSec(readings[0]!)).toBeCloseTo(0.2);
});

test("the floor is charged the benchmark's process by thread and its ffmpeg from its reaped time, not the idle platform", () => {
  const readings = [
    reading(0, [bench(1, 0.5), platform(10, 6, 0), cosmos(5)]),
    reading(100, [{ ...bench(13, 2.5), reapedSec: 40 }, platform(10.3, 6.2, 0), cosmos(5.1)]),
  ];
  const platformPids = subtreePids(readings, PLATFORM);
  const include = (p: ProcessCpu) => !platformPids.has(p.pid);
  const cpu = cpuByRole(readings, floorRoles(BENCH), include);
  expect(Object.fromEntries(cpu)).toEqual({
    'floor node process: main thread': 2,
    'floor node process: other threads (espeak-ng workers, V8, libuv pool)': 10,
    'floor ffmpeg': 40,
  });
  expect(treeCpuSec(readings[1]!, include) - treeCpuSec(readings[0]!, include)).toBeCloseTo(52);
});

test('the CPU at an instant is the first reading at or after it, or the last one', () => {
  const readings = [reading(1000, []), reading(1100, []), reading(1200, [])];
  expect(readingAtOrAfter(readings, 1000)).toBe(0);
  expect(readingAtOrAfter(readings, 1001)).toBe(1);
  expect(readingAtOrAfter(readings, 1150)).toBe(2);
  expect(readingAtOrAfter(readings, 5000)).toBe(2);
});

test('the table gives each role its median over the runs, counting 0 where it did not appear, and its share', () => {
  const runs = [
    new Map([
      ['Azurite', 10],
      ['ffmpeg: chapter render', 30],
    ]),
    new Map([
      ['Azurite', 20],
      ['ffmpeg: chapter render', 30],
      ['ffprobe', 10],
    ]),
  ];
  expect(medianByRole(runs)).toEqual([
    { role: 'ffmpeg: chapter render', cpuSec: 30, share: 0.6 },
    { role: 'Azurite', cpuSec: 15, share: 0.3 },
    { role: 'ffprobe', cpuSec: 5, share: 0.1 },
    { role: 'total', cpuSec: 50, share: 1 },
  ]);
});
