/** Jest runs TypeScript through SWC (fast, no type checking: `npm run lint` type-checks). */
const { integrationSuites, soloSuites, testFiles } = require('./test/support/suiteKinds');

const roots = ['core', 'adapters', 'functions', 'orchestrations', 'local', 'test'];
const isIntegration = integrationSuites();
const isSolo = soloSuites();
const suites = testFiles(__dirname, roots);
const integration = suites.filter(isIntegration);
const unit = suites.filter((file) => !integration.includes(file));
const solo = integration.filter(isSolo);
const together = integration.filter((file) => !solo.includes(file));
const exactPath = (file) => `^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`;

const shared = {
  testEnvironment: 'node',
  roots: roots.map((root) => `<rootDir>/${root}`),
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      { jsc: { target: 'es2022', parser: { syntax: 'typescript' } }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: [
    '/node_modules/(?!(jose|music-metadata|strtok3|token-types|file-type|peek-readable|@tokenizer|uint8array-extras|n2words|htmlparser2|entities|domhandler|domelementtype|domutils|dom-serializer)/)',
  ],
  testTimeout: 120000,
};

/**
 * Three projects, sorted by what a suite does (test/support/suiteKinds.js), so a new test file joins the right one by
 * itself. `npm test` runs the unit suites in two workers, then the integration suites (platforms, emulators, ffmpeg,
 * espeak, chromium) one at a time (two workers on two cores were no faster: their processes already keep both cores
 * busy), then the solo suites (integration suites that must have the machine to themselves when workers run side by
 * side) one at a time with `--runInBand`. Integration suites that need only *a* running platform share one per
 * worker (test/support/sharedPlatform.ts).
 */
const integrationProject = (displayName, ignored) => ({
  ...shared,
  displayName,
  testPathIgnorePatterns: ignored.map(exactPath),
  // Where suites that opt in (test/support/sharedPlatform.ts) find the platform a suite before them started.
  globalSetup: '<rootDir>/test/support/sharedPlatformsSetup.ts',
  globalTeardown: '<rootDir>/test/support/sharedPlatformsTeardown.ts',
});

/** @type {import('jest').Config} */
module.exports = {
  testTimeout: 120000,
  // After an in-band run (the integration and solo stages), each suite's CPU seconds: wall times on a shared machine
  // are noisy, CPU is what a suite costs.
  reporters: ['default', '<rootDir>/test/support/suiteCpuReporter.js'],
  projects: [
    { ...shared, displayName: 'unit', testPathIgnorePatterns: integration.map(exactPath) },
    integrationProject('integration', [...unit, ...solo]),
    integrationProject('solo', [...unit, ...together]),
  ],
};
