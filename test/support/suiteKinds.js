/**
 * Tells jest's integration suites (platforms, emulators, child processes: two at a time) from its unit suites (pure
 * code: two at a time, in a run of their own), and the few integration suites that must have the machine to
 * themselves (one at a time, after the others), by what a suite does, not by where it lives, so a new test file is
 * sorted without anyone listing it. A suite is
 * integration when it, or any repository file it imports (directly or through other files), mentions one of STARTS:
 * child processes (ffmpeg, espeak, the local platform), worker threads, listening servers, or the emulators and the
 * browser. Packages under node_modules are not followed: the repository's own files are what start them. Importing a
 * file that could start something is enough, so the sort errs towards integration.
 * Plain JavaScript: jest.config.js requires it.
 */
const fs = require('node:fs');
const path = require('node:path');

// No pattern here matches its own source text (its escapes and `\b`s break the match), so a test that imports this file
// stays a unit suite.
const STARTS = [
  /\bchild_process\b/,
  /\bworker_threads\b/,
  /\.listen\(/,
  /\bcreateServer\(/,
  /['"]playwright-core['"]/,
  /['"]azurite/,
  /\bcosmosdb-server/,
  /\bstartTestPlatform\b/,
];
/**
 * What a suite does that another suite running beside it would disturb, or be disturbed by; like STARTS, followed
 * through the repository files it imports. Each platform a suite starts is its own (ephemeral ports, a throwaway data
 * folder) and only its own descendants are ever signalled, so sharing the machine is the rule; these are the
 * exceptions a rule can see:
 * - finding or signalling processes by name, which reaches processes another suite started;
 * - reading the machine's process list with the ps command;
 * - measuring the whole machine's load.
 */
const ALONE = [/\bp(?:grep|kill)\b|\bkillall\b/, /\b(?:spawn|exec|execFile)(?:Sync)?\(\s*['"]ps['"]/, /\bloadavg\(/];

/**
 * What a rule cannot see (a wall-clock limit that another suite's work on the same cores would break, say) a suite
 * says itself: a comment line of its own file that starts with this marker and gives the reason, e.g.
 * `// @runsAlone: counts every thread of the machine`. Only the test file's own text counts.
 */
const RUNS_ALONE_MARKER = /^\s*(?:\/\/|\/?\*+)\s*@runsAlone\b/m;

const IMPORTS =
  /\bfrom\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)|\bimport\s+['"]([^'"]+)['"]/g;
const EXTENSIONS = ['', '.ts', '.tsx', '.js', '.cjs', '.mjs', '/index.ts', '/index.js'];

function resolveRelative(fromFile, specifier) {
  const base = path.resolve(path.dirname(fromFile), specifier);
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

/** Per file: whether its own text starts something or asks for the machine alone, and the repository files it imports. */
function scanner() {
  const scanned = new Map();
  return (file) => {
    let entry = scanned.get(file);
    if (!entry) {
      const text = fs.readFileSync(file, 'utf8');
      const imports = [];
      for (const match of text.matchAll(IMPORTS)) {
        const specifier = match[1] ?? match[2] ?? match[3] ?? match[4];
        if (!specifier.startsWith('.')) continue;
        const resolved = resolveRelative(file, specifier);
        if (resolved) imports.push(resolved);
      }
      entry = {
        starts: STARTS.some((pattern) => pattern.test(text)),
        alone: ALONE.some((pattern) => pattern.test(text)),
        marked: RUNS_ALONE_MARKER.test(text),
        imports,
      };
      scanned.set(file, entry);
    }
    return entry;
  };
}

/** Whether `testFile` or a repository file it imports (directly or through other files) has `property`. */
function reaches(scan, testFile, property) {
  const seen = new Set([testFile]);
  const queue = [testFile];
  while (queue.length > 0) {
    const entry = scan(queue.pop());
    if (entry[property]) return true;
    for (const imported of entry.imports) {
      if (!seen.has(imported)) {
        seen.add(imported);
        queue.push(imported);
      }
    }
  }
  return false;
}

/**
 * A predicate on test file paths: true for an integration suite. Files are read once per call of this function, so
 * one run of jest reads each file once.
 */
function integrationSuites() {
  const scan = scanner();
  return (testFile) => reaches(scan, testFile, 'starts');
}

/**
 * A predicate on integration suites' paths: true for one that must not share the machine with another suite, by
 * ALONE or by its own RUNS_ALONE_MARKER.
 */
function soloSuites() {
  const scan = scanner();
  return (testFile) => scan(testFile).marked || reaches(scan, testFile, 'alone');
}

/** Every `*.test.ts` under `roots` (folders of `rootDir`), as absolute paths. */
function testFiles(rootDir, roots) {
  const files = [];
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.test.ts')) files.push(full);
    }
  };
  for (const root of roots) {
    const dir = path.join(rootDir, root);
    if (fs.existsSync(dir)) walk(dir);
  }
  return files;
}

module.exports = { integrationSuites, soloSuites, testFiles };
