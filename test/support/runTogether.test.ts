/**
 * scripts/runTogether.js, which `npm test` and `npm run lint` use to run their single-threaded checks side by side:
 * in a throwaway package whose scripts are small node commands, through the real npm.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const RUNNER = path.resolve(__dirname, '..', '..', 'scripts', 'runTogether.js');

let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'run-together-'));
  fs.mkdirSync(path.join(dir, 'scripts'));
  fs.copyFileSync(RUNNER, path.join(dir, 'scripts', 'runTogether.js'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

/** A package.json with these scripts; `node -e` bodies are given as plain JavaScript. */
function writePackage(scripts: Record<string, string>): void {
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'together', private: true, scripts }));
}

const nodeEval = (body: string) => `node -e ${JSON.stringify(body)}`;

function runTogether(...names: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [path.join(dir, 'scripts', 'runTogether.js'), ...names], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('runs every script and fails, after all of them ran, when one fails', () => {
  writePackage({
    first: nodeEval("console.log('first ran'); process.exit(3)"),
    second: nodeEval("console.log('second ran')"),
    third: nodeEval("console.log('third ran')"),
  });
  const run = runTogether('first', 'second', 'third');
  expect(run.status).toBe(1);
  for (const name of ['first', 'second', 'third']) expect(run.stdout).toContain(`${name} ran`);
  expect(run.stdout).toMatch(/── first: FAILED \(exit 3\)/);
  expect(run.stdout).toMatch(/── second: passed/);
  expect(run.stdout).toMatch(/── third: passed/);
  expect(run.stderr).toContain('failed: first');
});

test('passes when every script passes', () => {
  writePackage({ one: nodeEval('0'), two: nodeEval('0') });
  expect(runTogether('one', 'two').status).toBe(0);
});

test('a script that is itself a run of the runner stands for its scripts, each run once', () => {
  const marker = path.join(dir, 'runs.log');
  const note = (name: string) => nodeEval(`require('fs').appendFileSync(${JSON.stringify(marker)}, '${name}\\n')`);
  writePackage({
    checks: 'node scripts/runTogether.js lint build',
    lint: note('lint'),
    build: note('build'),
    tests: note('tests'),
  });
  const run = runTogether('tests', 'checks', 'lint');
  expect(run.status).toBe(0);
  expect(fs.readFileSync(marker, 'utf8').trim().split('\n').sort()).toEqual(['build', 'lint', 'tests']);
  // The nested runner was not started: its scripts ran in this one's slots.
  expect(run.stdout).not.toContain('── checks');
});

test('refuses a script the package does not have, running nothing', () => {
  const marker = path.join(dir, 'ran');
  writePackage({ real: nodeEval(`require('fs').writeFileSync(${JSON.stringify(marker)}, '')`) });
  const run = runTogether('real', 'missing');
  expect(run.status).toBe(2);
  expect(run.stderr).toContain('no such script: missing');
  expect(fs.existsSync(marker)).toBe(false);
});

const twoCores = (os.availableParallelism?.() ?? os.cpus().length) >= 2;

/**
 * Each script waits for the other to have started (a file each): run one after another, the first would wait in vain
 * and fail at its hang guard. Each prints two lines around its wait, which must come out together.
 */
(twoCores ? test : test.skip)('on two cores, runs two scripts at once and prints each one’s output whole', () => {
  const waitsFor = (self: string, other: string) =>
    nodeEval(
      [
        "const fs = require('fs');",
        `console.log('${self} begins');`,
        `fs.writeFileSync(${JSON.stringify(path.join(dir, self))}, '');`,
        'const end = Date.now() + 60000;',
        `while (!fs.existsSync(${JSON.stringify(path.join(dir, other))})) {`,
        "  if (Date.now() > end) { console.log('waited in vain'); process.exit(1); }",
        '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);',
        '}',
        `console.log('${self} ends');`,
      ].join(' '),
    );
  writePackage({ left: waitsFor('left', 'right'), right: waitsFor('right', 'left') });
  const run = runTogether('left', 'right');
  // (npm echoes each script's command first, this text among it: whole lines only.)
  expect(run.stdout.split('\n')).not.toContain('waited in vain');
  expect(run.status).toBe(0);
  const lines = run.stdout.split('\n').filter((line) => / (begins|ends)$/.test(line));
  expect(lines).toHaveLength(4);
  // Whole: a script's two lines are neighbours, whichever ended first.
  expect(lines[0].split(' ')[0]).toBe(lines[1].split(' ')[0]);
  expect(lines[2].split(' ')[0]).toBe(lines[3].split(' ')[0]);
});
