/**
 * Tells jest's integration suites (run one at a time) from its unit suites (safe to run side by side) by what a
 * suite can start, not by where it lives, so a new test file is sorted without anyone listing it. A suite is
 * integration when it, or any repository file it imports (directly or through other files), mentions one of STARTS:
 * child processes (ffmpeg, espeak, the local platform), worker threads, listening servers, or the emulators and the
 * browser. Packages under node_modules are not followed: the repository's own files are what start them. Importing a
 * file that could start something is enough, so the sort errs towards integration.
 * Plain JavaScript: jest.config.js requires it.
 */
const fs = require('node:fs');
const path = require('node:path');

// No pattern matches its own source text (its escapes and `\b`s break the match), so a test that imports this file
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

/** Per file: whether its own text starts something, and the repository files it imports. */
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
      entry = { starts: STARTS.some((pattern) => pattern.test(text)), imports };
      scanned.set(file, entry);
    }
    return entry;
  };
}

/**
 * A predicate on test file paths: true for an integration suite. Files are read once per call of this function, so
 * one run of jest reads each file once.
 */
function integrationSuites() {
  const scan = scanner();
  return (testFile) => {
    const seen = new Set([testFile]);
    const queue = [testFile];
    while (queue.length > 0) {
      const entry = scan(queue.pop());
      if (entry.starts) return true;
      for (const imported of entry.imports) {
        if (!seen.has(imported)) {
          seen.add(imported);
          queue.push(imported);
        }
      }
    }
    return false;
  };
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

module.exports = { integrationSuites, testFiles };
