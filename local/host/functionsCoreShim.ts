/**
 * Stand-in for `@azure/functions-core`, the module the Azure Functions Node worker injects at runtime. The app's
 * `@azure/functions` (and `durable-functions`, applicationinsights, ...) register functions, hooks and the programming
 * model through it; we collect them in a FunctionRegistry that the local host then serves.
 *
 * `@azure/functions` caches the module object it first gets, and under jest one process loads many test files
 * (each with its own copy of this file). So the object handed out is one long-lived facade kept on Node's real
 * `Module` constructor; each install refreshes its methods and each app load points it at a fresh registry.
 */
import type {
  FunctionCallback,
  FunctionMetadata,
  HookCallback,
  HookData,
  HookName,
  ProgrammingModel,
  RpcBindingInfo,
  RpcFunctionMetadata,
  RpcLogCategory,
  RpcLogLevel,
} from './coreTypes';

export const FUNCTIONS_CORE_MODULE = '@azure/functions-core';
const HOOK_NAMES: readonly HookName[] = ['appStart', 'appTerminate', 'preInvocation', 'postInvocation', 'log'];

/** Same shape as the worker's Disposable (the programming model returns these from registrations). */
export class Disposable {
  #callOnDispose: (() => unknown) | undefined;

  static from(...disposableLikes: { dispose: () => unknown }[]): Disposable {
    return new Disposable(() => disposableLikes.forEach((item) => item.dispose()));
  }

  constructor(callOnDispose: () => unknown) {
    this.#callOnDispose = callOnDispose;
  }

  dispose(): unknown {
    const callOnDispose = this.#callOnDispose;
    this.#callOnDispose = undefined;
    return callOnDispose?.();
  }
}

export interface CoreFunction {
  metadata: RpcFunctionMetadata & { name: string; functionId: string; bindings: Record<string, RpcBindingInfo> };
  callback: FunctionCallback;
}

export type SystemLogSink = (level: RpcLogLevel, category: RpcLogCategory, message: string) => void;

/** Everything one load of the app registered. */
export class FunctionRegistry {
  readonly functions = new Map<string, CoreFunction>();
  readonly hooks = new Map<HookName, HookCallback[]>(HOOK_NAMES.map((name) => [name, []]));
  /** Shared by every hook of the app (`appHookData`). */
  readonly appHookData: HookData = {};
  /** Shared only by appStart and appTerminate hooks (their `hookData`), as in the worker. */
  readonly appLevelHookData: HookData = {};
  #acceptingFunctions = true;

  constructor(
    readonly functionAppDirectory: string,
    public systemLog: SystemLogSink = () => undefined,
  ) {}

  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable {
    if (!this.#acceptingFunctions) {
      throw new Error('A function can only be registered during app startup.');
    }
    const functionId = metadata.functionId || metadata.name;
    if (this.functions.has(functionId)) {
      throw new Error(`A function with id "${functionId}" has already been registered.`);
    }
    const rawBindings = Object.entries(metadata.bindings).map(([name, binding]) =>
      JSON.stringify({ ...binding, name }),
    );
    this.functions.set(functionId, {
      metadata: { ...metadata, functionId, rawBindings, directory: this.functionAppDirectory },
      callback,
    });
    return new Disposable(() => {
      if (!this.#acceptingFunctions) throw new Error('A function can only be disposed during app startup.');
      this.functions.delete(functionId);
    });
  }

  registerHook(hookName: string, callback: HookCallback): Disposable {
    const callbacks = this.hooks.get(hookName as HookName);
    if (!callbacks) throw new RangeError(`Unrecognized hook "${hookName}"`);
    callbacks.push(callback);
    return new Disposable(() => {
      const index = callbacks.indexOf(callback);
      if (index >= 0) callbacks.splice(index, 1);
    });
  }

  hooksFor(hookName: HookName): readonly HookCallback[] {
    return this.hooks.get(hookName) ?? [];
  }

  /** The worker stops accepting registrations once the entry point has loaded. */
  closeRegistration(): void {
    this.#acceptingFunctions = false;
  }
}

export interface FunctionsCoreApi {
  version: string;
  hostVersion: string;
  Disposable: typeof Disposable;
  registerFunction(metadata: FunctionMetadata, callback: FunctionCallback): Disposable;
  registerHook(hookName: string, callback: HookCallback): Disposable;
  setProgrammingModel(programmingModel: ProgrammingModel): void;
  getProgrammingModel(): ProgrammingModel;
  log(level: RpcLogLevel, category: RpcLogCategory, message: string): void;
}

interface ShimState {
  facade: FunctionsCoreApi;
  registry: FunctionRegistry | null;
  programmingModel: ProgrammingModel | null;
}

type ModuleLoad = (request: string, parent: unknown, isMain: boolean) => unknown;
interface NodeModuleInternals {
  _load: ModuleLoad;
  createRequire(path: string): NodeJS.Require;
  [stateKey: symbol]: ShimState | undefined;
}

const STATE_KEY = Symbol.for('khipu.localHost.functionsCoreShim');

/**
 * Node's own `module` builtin, so the app is loaded, and `@azure/functions-core` resolved, by the real Node module
 * system in every environment. Test runners may hand out a subclass of Node's Module whose `createRequire` feeds
 * their sandboxed registry (jest does, even through `process.getBuiltinModule`); Node's own class is its base.
 */
export function realNodeModule(): NodeModuleInternals {
  // `_load` is internal to Node and untyped; the cast names the members we use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- must be the loader-visible module object, not an ESM binding
  let candidate = require('node:module') as NodeModuleInternals;
  for (
    let parent = Object.getPrototypeOf(candidate) as Partial<NodeModuleInternals> | null;
    typeof parent?._load === 'function';
    parent = Object.getPrototypeOf(candidate) as Partial<NodeModuleInternals> | null
  ) {
    candidate = parent as NodeModuleInternals;
  }
  return candidate;
}

function sharedState(): ShimState {
  const nodeModule = realNodeModule();
  let state = nodeModule[STATE_KEY];
  if (!state) {
    state = { facade: {} as FunctionsCoreApi, registry: null, programmingModel: null };
    nodeModule[STATE_KEY] = state;
  }
  return state;
}

function activeRegistry(state: ShimState): FunctionRegistry {
  if (!state.registry) throw new Error('The local Functions host is not loading an app: nothing can register now.');
  return state.registry;
}

function createCoreApi(state: ShimState): FunctionsCoreApi {
  return {
    version: '3.12.0-khipu-local',
    hostVersion: '4.1000.0-khipu-local',
    Disposable,
    registerFunction: (metadata, callback) => activeRegistry(state).registerFunction(metadata, callback),
    registerHook: (hookName, callback) => activeRegistry(state).registerHook(hookName, callback),
    setProgrammingModel: (programmingModel) => {
      state.programmingModel = programmingModel;
      state.registry?.systemLog(
        'information',
        'system',
        `Setting Node.js programming model to "${programmingModel.name}" version "${programmingModel.version}"`,
      );
    },
    getProgrammingModel: () => {
      if (!state.programmingModel) throw new Error('No programming model has been set by the app.');
      return state.programmingModel;
    },
    log: (level, category, message) => state.registry?.systemLog(level, category, message),
  };
}

const WRAPPED_LOAD = Symbol.for('khipu.localHost.wrappedLoad');
type ShimLoad = ModuleLoad & { [WRAPPED_LOAD]?: ModuleLoad };

/** Makes `require('@azure/functions-core')` return the shim, in the real Node module system. Idempotent. */
export function installFunctionsCoreShim(): FunctionsCoreApi {
  const nodeModule = realNodeModule();
  const state = sharedState();
  Object.assign(state.facade, createCoreApi(state));
  const current = nodeModule._load as ShimLoad;
  // Re-installing (another test file's copy of this module) replaces our own wrapper rather than stacking on it.
  const underlying = current[WRAPPED_LOAD] ?? current;
  const facade = state.facade;
  const loadWithFunctionsCore: ShimLoad = function (this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (request === FUNCTIONS_CORE_MODULE) return facade;
    return underlying.call(this, request, parent, isMain);
  };
  loadWithFunctionsCore[WRAPPED_LOAD] = underlying;
  nodeModule._load = loadWithFunctionsCore;
  return facade;
}

/** Routes registrations made from now on to `registry`; the programming model set by an earlier load carries over. */
export function beginAppRegistration(registry: FunctionRegistry): void {
  sharedState().registry = registry;
}

export function currentProgrammingModel(): ProgrammingModel | null {
  return sharedState().programmingModel;
}
