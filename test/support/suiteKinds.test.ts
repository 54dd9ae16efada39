import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { integrationSuites } from './suiteKinds';

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const repoFile = (relative: string) => path.join(REPO_ROOT, relative);

describe('which suites run one at a time', () => {
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

  describe('a new test file', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'khipu-suite-kinds-'));
      fs.writeFileSync(
        path.join(dir, 'spawner.ts'),
        "import { spawn } from 'node:child_process';\nexport { spawn };\n",
      );
      fs.writeFileSync(path.join(dir, 'middle.ts'), "export * from './spawner';\n");
      fs.writeFileSync(path.join(dir, 'pure.ts'), 'export const double = (n: number) => 2 * n;\n');
      fs.writeFileSync(path.join(dir, 'deep.test.ts'), "import { spawn } from './middle';\nvoid spawn;\n");
      fs.writeFileSync(path.join(dir, 'pure.test.ts'), "import { double } from './pure';\nvoid double;\n");
      fs.writeFileSync(path.join(dir, 'cycle.test.ts'), "import './cycleA';\n");
      fs.writeFileSync(path.join(dir, 'cycleA.ts'), "import './cycleB';\nexport const a = 1;\n");
      fs.writeFileSync(path.join(dir, 'cycleB.ts'), "import './cycleA';\nimport './middle';\nexport const b = 1;\n");
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    test('is integration when a file it imports two steps away starts a child process', () => {
      expect(integrationSuites()(path.join(dir, 'deep.test.ts'))).toBe(true);
    });

    test('is integration through an import cycle', () => {
      expect(integrationSuites()(path.join(dir, 'cycle.test.ts'))).toBe(true);
    });

    test('is a unit suite when nothing it imports starts anything', () => {
      expect(integrationSuites()(path.join(dir, 'pure.test.ts'))).toBe(false);
    });
  });
});
