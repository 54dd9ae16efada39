/**
 * Loads the app's entry module the way the worker does: once, with `@azure/functions-core` available, through Node's
 * own CommonJS loader (never a test runner's sandboxed `require`), compiling TypeScript with tsx when needed.
 *
 * A second host in the same process (jest runs many test files in one process) must see the app register again, so
 * the app's own modules loaded by the previous load are dropped from the require cache first. Packages under
 * node_modules stay cached: `@azure/functions` keeps its programming model, which the shim carries over.
 */
import * as path from 'node:path';
import { beginAppRegistration, FunctionRegistry, installFunctionsCoreShim, realNodeModule } from './functionsCoreShim';

const APP_MODULES_KEY = Symbol.for('khipu.localHost.appModuleKeys');
const TYPESCRIPT_FILE = /\.(c|m)?tsx?$/i;

interface AppModuleMemory {
  [APP_MODULES_KEY]?: Set<string>;
}

function ensureTypeScriptLoader(requireFromEntry: NodeJS.Require): void {
  if (requireFromEntry.extensions['.ts']) return; // already running under tsx (or ts-node)
  const tsxApi = requireFromEntry('tsx/cjs/api') as { register: () => () => void };
  tsxApi.register();
}

function isAppModule(cacheKey: string): boolean {
  return !cacheKey.split(path.sep).includes('node_modules');
}

/** Requires `appEntry` and returns everything it registered; registration closes once the entry has loaded. */
export function loadFunctionApp(appEntry: string, registry: FunctionRegistry): void {
  installFunctionsCoreShim();
  const nodeModule = realNodeModule();
  const entryPath = path.resolve(appEntry);
  const requireFromEntry = nodeModule.createRequire(entryPath);
  if (TYPESCRIPT_FILE.test(entryPath)) ensureTypeScriptLoader(requireFromEntry);

  const memory = nodeModule as unknown as AppModuleMemory; // a symbol-keyed slot on Node's Module, shared by every copy of this file
  const cache = requireFromEntry.cache;
  for (const key of memory[APP_MODULES_KEY] ?? []) delete cache[key];
  const resolvedEntry = requireFromEntry.resolve(entryPath);
  delete cache[resolvedEntry];

  const before = new Set(Object.keys(cache));
  beginAppRegistration(registry);
  try {
    requireFromEntry(resolvedEntry);
  } finally {
    registry.closeRegistration();
    const loaded = Object.keys(cache).filter((key) => !before.has(key) && isAppModule(key));
    memory[APP_MODULES_KEY] = new Set([...(memory[APP_MODULES_KEY] ?? []), ...loaded, resolvedEntry]);
  }
}
