import path from 'node:path';
import { integrationSuites, soloSuites } from './suiteKinds';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const repoFile = (relative: string) => path.join(REPO_ROOT, relative);

describe('which suites are integration suites', () => {
  const isIntegration = integrationSuites();

  test.each([
    ['starts the platform itself', 'test/api/tenantIsolation.api.test.ts'],
    ['starts the platform through a helper', 'test/e2e/studio.e2e.test.ts'],
    ['starts an in-process Cosmos emulator through a helper', 'test/readside/segmentListing.test.ts'],
    ['runs ffmpeg through an adapter', 'test/audio/ffmpeg.test.ts'],
    ['runs espeak', 'test/audio/espeak.test.ts'],
    ['starts Azurite', 'test/platform/azuriteJournal.test.ts'],
  ])('a suite that %s is integration', (_what, file) => {
    expect(isIntegration(repoFile(file))).toBe(true);
  });

  test.each([
    ['text normalization', 'test/manuscript/normalize.test.ts'],
    ['SSML building', 'test/ssml/ssml.test.ts'],
    ['permissions', 'core/auth/permissions.test.ts'],
  ])('a suite of pure %s is a unit suite', (_what, file) => {
    expect(isIntegration(repoFile(file))).toBe(false);
  });

  test('this suite, which imports the list of what starts something, is a unit suite', () => {
    expect(isIntegration(__filename)).toBe(false);
  });

  describe('a new test file (fixtures/suiteKinds: suites named .suite.ts, so that jest does not run them)', () => {
    const fixture = (name: string) => path.join(__dirname, 'fixtures', 'suiteKinds', name);

    test('is integration when a file it imports two steps away starts a child process', () => {
      expect(integrationSuites()(fixture('deep.suite.ts'))).toBe(true);
    });

    test('is integration through an import cycle', () => {
      expect(integrationSuites()(fixture('cycle.suite.ts'))).toBe(true);
    });

    test('is a unit suite when nothing it imports starts anything', () => {
      expect(integrationSuites()(fixture('pure.suite.ts'))).toBe(false);
    });
  });

  describe('which integration suites run alone, after the others', () => {
    const fixture = (name: string) => path.join(__dirname, 'fixtures', 'suiteKinds', name);

    test('one whose file says so with the marker line', () => {
      expect(soloSuites()(fixture('marked.suite.ts'))).toBe(true);
    });

    test('one that imports a helper that finds processes by name', () => {
      expect(soloSuites()(fixture('byName.suite.ts'))).toBe(true);
    });

    test('not one that only mentions the marker in a sentence, nor one that only starts something', () => {
      expect(soloSuites()(fixture('markerInProse.suite.ts'))).toBe(false);
      expect(soloSuites()(fixture('deep.suite.ts'))).toBe(false);
    });

    test('not the suite that starts platforms itself', () => {
      expect(soloSuites()(repoFile('test/api/tenantIsolation.api.test.ts'))).toBe(false);
    });
  });
});
