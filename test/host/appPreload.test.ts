/**
 * A platform loads most of the app (its composition root) while its emulators boot, before the app's entry can load:
 * the entry must then use those modules as they are, and a later host in the same process must still get fresh ones.
 */
import * as path from 'node:path';
import { loadFunctionApp, preloadAppModules } from '../../local/host/appLoader';
import { FunctionRegistry, realNodeModule } from '../../local/host/functionsCoreShim';

const FIXTURE = path.join(__dirname, 'fixtures', 'preloadApp');
const ENTRY = path.join(FIXTURE, 'index.ts');
const SERVICES = path.join(FIXTURE, 'services.ts');
/** What the fixture records on Node's own Module (the app's modules run outside jest's sandbox). */
const recorded = realNodeModule() as unknown as Record<symbol, number | undefined>;
const loads = () => recorded[Symbol.for('khipu.test.preloadFixture.loads')];
const entrySaw = () => recorded[Symbol.for('khipu.test.preloadFixture.entrySaw')];

beforeEach(() => {
  recorded[Symbol.for('khipu.test.preloadFixture.loads')] = undefined;
});

const load = () => loadFunctionApp(ENTRY, new FunctionRegistry(FIXTURE));

test('the entry uses the modules preloaded for it, and a later load gets fresh ones', () => {
  preloadAppModules([SERVICES]);
  expect(loads()).toBe(1);
  load();
  expect(loads()).toBe(1);
  expect(entrySaw()).toBe(1);

  // A second host without a preload: the previous app's modules are dropped, as they always were.
  load();
  expect(loads()).toBe(2);
  expect(entrySaw()).toBe(2);

  // A preload for a third host drops the second one's modules too, then the third uses what it preloaded.
  preloadAppModules([SERVICES]);
  expect(loads()).toBe(3);
  load();
  expect(loads()).toBe(3);
  expect(entrySaw()).toBe(3);
});
