/** The reporter that prints each suite's CPU seconds after an in-band run (test/support/suiteCpuReporter.js). */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import SuiteCpuReporter from './suiteCpuReporter';

const ROOT = '/repo';
/** Burns this much CPU (not wall) time in a child process, which then ends and is waited for. */
const burnInChild = (cpuMs: number) =>
  spawnSync(process.execPath, [
    '-e',
    `const s = process.cpuUsage(); while ((process.cpuUsage(s).user + process.cpuUsage(s).system) / 1000 < ${cpuMs});`,
  ]);

function reporter(maxWorkers: number): { report: SuiteCpuReporter; printed: string[] } {
  const printed: string[] = [];
  const report = new SuiteCpuReporter({ maxWorkers, rootDir: ROOT }, { write: (text: string) => printed.push(text) });
  return { report, printed };
}

test('in band, counts the CPU of the child processes that ended during a suite, and ranks the suites', () => {
  const { report, printed } = reporter(1);
  const busy = { path: path.join(ROOT, 'test', 'busy.test.ts') };
  const idle = { path: path.join(ROOT, 'test', 'idle.test.ts') };
  report.onTestFileStart(busy);
  burnInChild(400);
  report.onTestFileResult(busy);
  report.onTestFileStart(idle);
  report.onTestFileResult(idle);
  report.onRunComplete();
  const text = printed.join('');
  expect(text).toContain('2 suites');
  const rows = text.trim().split('\n').slice(1);
  expect(rows.map((row) => row.trim().split(/\s+/)[1])).toEqual(['test/busy.test.ts', 'test/idle.test.ts']);
  const seconds = rows.map((row) => Number(row.trim().split(/\s+/)[0]));
  expect(seconds[0]).toBeGreaterThanOrEqual(0.3);
  expect(seconds[1]).toBeLessThan(seconds[0]);
});

test('with workers, prints nothing (the suites ran in processes it cannot see into)', () => {
  const { report, printed } = reporter(2);
  const suite = { path: path.join(ROOT, 'test', 'a.test.ts') };
  report.onTestFileStart(suite);
  report.onTestFileResult(suite);
  report.onRunComplete();
  expect(printed).toEqual([]);
});
