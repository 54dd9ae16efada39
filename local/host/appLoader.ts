/**
 * Loads the app's entry module the way the worker does: once, with `@azure/functions-core` available, through Node's
 * own CommonJS loader (never a test runner's sandboxed `require`), compiling TypeScript with tsx when needed.
 *
 * A second host in the same process (jest runs many test files in one process) must see the app register again, so
 * the app's own modules loaded by the previous load are dropped from the require cache first. Packages under
 * node_modules stay cached: `@azure/functions` keeps its programming model, which the shim carries over.
 *
 * Modules of the app that register nothing and read no configuration when loaded may be required ahead of the entry
 * (`preloadAppModules`), while the process waits for something else; the next load of the entry then finds them
 * cached instead of dropping them.
 */
import * as path from 'node:path';
import { beginAppRegistration, FunctionRegistry, installFunctionsCoreShim, realNodeModule } from './functionsCoreShim';

const APP_MODULES_KEY = Symbol.for('khipu.localHost.appModuleKeys');
const PRELOADED_KEY = Symbol.for('khipu.localHost.appPreloaded');
const TYPESCRIPT_FILE = /\.(c|m)?tsx?$/i;

interface AppModuleMemory {
  [APP_MODULES_KEY]?: Set<string>;
  /** Set by `preloadAppModules`: the app's modules now cached are this load's, not a previous one's. */
  [PRELOADED_KEY]?: boolean;
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
  const { requireFrom, memory } = appRequire(appEntry);
  if (!memory[PRELOADED_KEY]) forgetPreviousApp(requireFrom.cache, memory);
  memory[PRELOADED_KEY] = false;
  const resolvedEntry = requireFrom.resolve(path.resolve(appEntry));
  delete requireFrom.cache[resolvedEntry];
  beginAppRegistration(registry);
  try {
    requireRemembered(requireFrom, resolvedEntry, memory);
  } finally {
    registry.closeRegistration();
  }
}

/**
 * Requires modules of the app ahead of its entry (the next `loadFunctionApp` uses them as they are). Each must
 * register no function and read no configuration when loaded: nothing is registered yet and the environment may not
 * be set.
 */
export function preloadAppModules(modules: string[]): void {
  const { requireFrom, memory } = appRequire(modules[0] ?? __filename);
  if (!memory[PRELOADED_KEY]) forgetPreviousApp(requireFrom.cache, memory);
  memory[PRELOADED_KEY] = true;
  for (const module of modules) requireRemembered(requireFrom, path.resolve(module), memory);
}

function appRequire(file: string): { requireFrom: NodeJS.Require; memory: AppModuleMemory } {
  installFunctionsCoreShim();
  const nodeModule = realNodeModule();
  const requireFrom = nodeModule.createRequire(path.resolve(file));
  if (TYPESCRIPT_FILE.test(file)) ensureTypeScriptLoader(requireFrom);
  // A symbol-keyed slot on Node's Module, shared by every copy of this file.
  return { requireFrom, memory: nodeModule as unknown as AppModuleMemory };
}

function forgetPreviousApp(cache: NodeJS.Require['cache'], memory: AppModuleMemory): void {
  for (const key of memory[APP_MODULES_KEY] ?? []) delete cache[key];
  memory[APP_MODULES_KEY] = new Set();
}

/** Requires `module`, remembering it and every app module it loaded, so that a later host loads them afresh. */
function requireRemembered(requireFrom: NodeJS.Require, module: string, memory: AppModuleMemory): void {
  const cache = requireFrom.cache;
  const before = new Set(Object.keys(cache));
  try {
    requireFrom(module);
  } finally {
    const loaded = Object.keys(cache).filter((key) => !before.has(key) && isAppModule(key));
    memory[APP_MODULES_KEY] = new Set([...(memory[APP_MODULES_KEY] ?? []), ...loaded, requireFrom.resolve(module)]);
  }
}
