/**
 * A jest reporter that prints, after a run of suites one at a time (`--runInBand`), the CPU seconds each suite took:
 * the test process's own and that of the child processes that ended during the suite (platforms, emulators, ffmpeg,
 * espeak, the browser), so a suite's cost can be compared before and after a change on a machine whose wall times are
 * noisy. A shared platform (sharedPlatform.ts) is counted in the suite during which it stops. Runs with workers print
 * nothing: each suite then runs in a worker process this one cannot see into.
 * Plain JavaScript: jest loads reporters without transpiling them.
 */
const fs = require('node:fs');

/** Linux counts child CPU in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;
const SHOWN = 25;

/** CPU seconds used so far by this process and by its children that have ended (and were waited for). */
function cpuSeconds() {
  const own = process.cpuUsage();
  let children = 0;
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    // The fields after the command name (which may hold spaces) in parentheses; cutime and cstime are the 16th and 17th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
  } catch {
    // Not Linux: the test process's own CPU only.
  }
  return (own.user + own.system) / 1e6 + children;
}

class SuiteCpuReporter {
  constructor(globalConfig, options = {}) {
    this.inBand = globalConfig.maxWorkers === 1;
    this.rootDir = globalConfig.rootDir ?? process.cwd();
    this.write = options.write ?? ((text) => process.stdout.write(text));
    this.started = new Map();
    this.suites = [];
  }

  onTestFileStart(test) {
    if (this.inBand) this.started.set(test.path, cpuSeconds());
  }

  onTestFileResult(test) {
    const start = this.started.get(test.path);
    if (start === undefined) return;
    this.started.delete(test.path);
    this.suites.push({ path: test.path, cpuSeconds: cpuSeconds() - start });
  }

  onRunComplete() {
    if (this.suites.length === 0) return;
    const total = this.suites.reduce((sum, suite) => sum + suite.cpuSeconds, 0);
    const relative = (file) => (file.startsWith(`${this.rootDir}/`) ? file.slice(this.rootDir.length + 1) : file);
    const rows = [...this.suites]
      .sort((a, b) => b.cpuSeconds - a.cpuSeconds)
      .slice(0, SHOWN)
      .map((suite) => `${suite.cpuSeconds.toFixed(1).padStart(8)} ${relative(suite.path)}`);
    this.write(
      `\nCPU seconds per suite (this process and its ended children), ${this.suites.length} suites, ` +
        `${total.toFixed(1)} s in all; the ${rows.length} largest:\n${rows.join('\n')}\n`,
    );
  }

  getLastError() {
    return undefined;
  }
}

module.exports = SuiteCpuReporter;
