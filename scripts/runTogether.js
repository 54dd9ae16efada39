/**
 * Runs package.json scripts side by side, as many at a time as the machine has cores, and fails when any of them
 * fails (after all have run, so one run reports every failure). For checks that are each single-threaded (tsc, ESLint,
 * Prettier, the dependency rules, knip, one vitest worker): run one after another they leave a core idle.
 *
 *   node scripts/runTogether.js <script> [<script>…]
 *
 * Scripts start in the order given (longest first keeps the cores busy to the end); a script that is itself a run of
 * this file is replaced by its scripts. Each one's output is printed whole when it ends, so the logs of scripts that
 * ran together do not interleave.
 * Plain JavaScript: it runs before anything is compiled.
 */
'use strict';
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const SELF = /^node scripts\/runTogether\.js((?:\s+[\w:.-]+)+)\s*$/;
const scripts = JSON.parse(fs.readFileSync(path.join(process.cwd(), 'package.json'), 'utf8')).scripts ?? {};

/** A script that itself runs scripts together stands for them, in its place: one set of slots serves all. */
function expand(name) {
  const nested = SELF.exec(scripts[name] ?? '');
  return nested ? nested[1].trim().split(/\s+/).flatMap(expand) : [name];
}

const names = [...new Set(process.argv.slice(2).flatMap(expand))];
const unknown = names.filter((name) => !(name in scripts));
if (names.length === 0 || unknown.length > 0) {
  console.error(
    names.length === 0 ? 'usage: node scripts/runTogether.js <script>…' : `no such script: ${unknown.join(', ')}`,
  );
  process.exit(2);
}
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const slots = Math.max(1, Math.min(cores, names.length));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const running = new Set();
const failed = [];

/** Runs one script through npm (its PATH, its workspace), its output kept until it ends. */
function run(name) {
  return new Promise((resolve) => {
    const started = Date.now();
    const output = [];
    const child = spawn(npm, ['run', name], { stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('close', (code, signal) => {
      running.delete(child);
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      const ok = code === 0;
      if (!ok) failed.push(name);
      process.stdout.write(Buffer.concat(output));
      process.stdout.write(`── ${name}: ${ok ? 'passed' : `FAILED (${signal ?? `exit ${code}`})`} in ${seconds} s\n\n`);
      resolve();
    });
  });
}

async function main() {
  const queue = [...names];
  const worker = async () => {
    while (queue.length > 0) await run(queue.shift());
  };
  await Promise.all(Array.from({ length: slots }, worker));
  if (failed.length > 0) {
    console.error(`failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

// A stopped run stops what it started.
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of running) child.kill(signal);
    process.exit(1);
  });
}

main();
