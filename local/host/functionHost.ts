/**
 * The local Azure Functions host: loads the app once through the `@azure/functions-core` stand-in, serves its HTTP
 * triggers and the runtime webhooks on one node:http listener, invokes any function through the programming model's
 * InvocationModel (HostApi.invoke), and runs the extensions (Durable engine, Event Grid emulator) beside it.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { loadFunctionApp } from './appLoader';
import type { RpcHttpData, RpcInvocationResponse, RpcTypedData } from './coreTypes';
import { eventGridInvocationInput } from './eventGridWebhook';
import { currentProgrammingModel, FunctionRegistry, type CoreFunction } from './functionsCoreShim';
import { errorMessage, writeJsonLine, type HostLogger } from './hostLog';
import { createRequestListener } from './httpDispatcher';
import { DEFAULT_MAX_REQUEST_BODY_BYTES } from './httpIO';
import { FunctionInvoker } from './invoker';
import { capturingStreamingProxy } from './streamingProxyServer';
import { buildInputData, toRegisteredFunction } from './registeredFunctions';
import { compileRoute, RouteTable, type HttpRoute } from './routeTable';
import { fromRpcTypedData } from './rpcData';
import { keepRunningOnUnhandledRejections } from '../supervision/processGuards';
import type { HostApi, HostExtension, InvocationInput, InvocationOutput, RegisteredFunction } from './types';

export { FunctionInvocationError } from './invoker';

export interface FunctionHostOptions {
  /** The app's entry module (TypeScript through tsx, or compiled JS), e.g. `functions/index.ts`. */
  appEntry: string;
  /** 0 picks an ephemeral port. */
  port: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  hostJsonPath: string;
  extensions?: HostExtension[];
  /** Receives one object per log line; defaults to JSON lines on stdout. */
  logger?: HostLogger;
  /** `functionAppDirectory` for appStart hooks; defaults to the folder holding host.json. */
  functionAppDirectory?: string;
  /** Hard cap on buffered request bodies (413 beyond); defaults to 60 MiB. */
  maxRequestBodyBytes?: number;
}

export interface RunningFunctionHost {
  url: string;
  api: HostApi;
  stop(): Promise<void>;
}

function readHostJson(hostJsonPath: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(fs.readFileSync(hostJsonPath, 'utf8'));
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new Error(`${hostJsonPath} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

function routePrefixSegments(hostJson: Record<string, unknown>): string[] {
  const httpSettings = (hostJson.extensions as { http?: { routePrefix?: unknown } } | undefined)?.http;
  const prefix = typeof httpSettings?.routePrefix === 'string' ? httpSettings.routePrefix : 'api';
  return prefix.split('/').filter((segment) => segment !== '');
}

function buildRoutes(functions: RegisteredFunction[], logger: HostLogger): HttpRoute[] {
  return functions
    .filter((fn) => fn.trigger.type.toLowerCase() === 'httptrigger')
    .map((fn, order) => {
      const { route, methods, authLevel } = fn.trigger.properties as {
        route?: string;
        methods?: string[];
        authLevel?: string;
      };
      if (authLevel && authLevel.toLowerCase() !== 'anonymous') {
        logger({
          type: 'host',
          level: 'warning',
          message: `Function "${fn.name}" has authLevel "${authLevel}"; the local host accepts every request, like Core Tools.`,
        });
      }
      return compileRoute(fn.name, route || fn.name, methods ?? null, order);
    });
}

/** The function's http output: the `$return` binding or a named http output binding. */
function httpOutput(fn: RegisteredFunction, response: RpcInvocationResponse): RpcHttpData | null {
  const httpBindings = fn.bindings.filter((b) => b.direction === 'out' && b.type.toLowerCase() === 'http');
  for (const binding of httpBindings) {
    const data =
      binding.name === '$return'
        ? response.returnValue
        : response.outputData?.find((o) => o.name === binding.name)?.data;
    if (data?.http) return data.http;
  }
  return null;
}

function invocationOutput(response: RpcInvocationResponse): InvocationOutput {
  const outputs: Record<string, unknown> = {};
  for (const binding of response.outputData ?? []) {
    if (binding.name) outputs[binding.name] = fromRpcTypedData(binding.data);
  }
  return { returnValue: fromRpcTypedData(response.returnValue), outputs };
}

function listen(server: http.Server, port: number, host: string): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address() as AddressInfo;
      resolve(`http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`);
    });
  });
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeIdleConnections();
    // Requests still in flight get a moment to finish; then their connections are cut so stop() always returns.
    setTimeout(() => server.closeAllConnections(), 2000).unref();
  });
}

export async function startFunctionHost(options: FunctionHostOptions): Promise<RunningFunctionHost> {
  const logger = options.logger ?? writeJsonLine;
  // A stray rejected promise in the app or an extension is logged; it must not take every other request down.
  keepRunningOnUnhandledRejections(logger);
  const extensions = options.extensions ?? [];
  const hostJsonPath = path.resolve(options.hostJsonPath);
  const hostJson = readHostJson(hostJsonPath);
  const maxRequestBodyBytes = options.maxRequestBodyBytes ?? DEFAULT_MAX_REQUEST_BODY_BYTES;

  const registry = new FunctionRegistry(
    path.resolve(options.functionAppDirectory ?? path.dirname(hostJsonPath)),
    (level, category, message) => logger({ type: 'log', level, category, message }),
  );
  loadFunctionApp(options.appEntry, registry);
  const programmingModel = currentProgrammingModel();
  if (!programmingModel)
    throw new Error(`${options.appEntry} registered no programming model: does it use @azure/functions?`);
  const coreFunctions = new Map<string, CoreFunction>(
    [...registry.functions.values()].map((fn) => [fn.metadata.name, fn]),
  );
  const functions = [...coreFunctions.values()].map(toRegisteredFunction);
  const functionsByName = new Map(functions.map((fn) => [fn.name, fn]));
  if (functions.length === 0) logger({ type: 'host', level: 'warning', message: 'No job functions found.' });

  // As the worker does once the app is loaded: the model reports its capabilities (and locks `app.setup`).
  const { result: capabilities, proxyServer } = await capturingStreamingProxy(
    async () => (await programmingModel.getCapabilities?.({})) ?? {},
  );
  const httpStreamUri = capabilities.HttpUri || undefined;
  const invoker = new FunctionInvoker(registry, programmingModel, logger);
  await invoker.runAppStartHooks();

  const lookupFunction = (functionName: string): { core: CoreFunction; registered: RegisteredFunction } => {
    const core = coreFunctions.get(functionName);
    const registered = functionsByName.get(functionName);
    if (!core || !registered) throw new Error(`No function named "${functionName}" is registered`);
    return { core, registered };
  };
  const invokeRaw = (
    functionName: string,
    input: InvocationInput,
    invocationId?: string,
  ): Promise<RpcInvocationResponse> => {
    const { core, registered } = lookupFunction(functionName);
    return invoker.invoke(
      core,
      {
        inputData: buildInputData(registered, input.trigger, input.inputs, extensions),
        triggerMetadata: input.triggerMetadata as Record<string, RpcTypedData> | undefined,
      },
      invocationId,
    );
  };

  let url = '';
  const api: HostApi = {
    functions: () => JSON.parse(JSON.stringify(functions)) as RegisteredFunction[],
    invoke: async (functionName, input) => invocationOutput(await invokeRaw(functionName, input)),
    baseUrl: () => url,
    hostJson: () => structuredClone(hostJson),
  };

  const routes = new RouteTable(buildRoutes(functions, logger));
  const server = http.createServer(
    createRequestListener({
      routePrefixSegments: routePrefixSegments(hostJson),
      routes,
      extensions,
      functions: api.functions,
      baseUrl: api.baseUrl,
      maxRequestBodyBytes,
      logger,
      httpStreamUri,
      httpStreamServer: httpStreamUri ? proxyServer : undefined,
      invokeHttp: async (functionName, request, invocationId) => {
        const triggerMetadata: Record<string, RpcTypedData> = {
          Query: { json: JSON.stringify(request.query ?? {}) },
          Headers: { json: JSON.stringify(request.headers ?? {}) },
        };
        for (const [name, value] of Object.entries(request.params ?? {})) triggerMetadata[name] = { string: value };
        const response = await invokeRaw(
          functionName,
          { trigger: { http: request }, triggerMetadata: triggerMetadata as InvocationInput['triggerMetadata'] },
          invocationId,
        );
        return httpOutput(lookupFunction(functionName).registered, response);
      },
      eventGrid: {
        findFunction: (name) => functionsByName.get(name),
        invokeWithEvent: async (functionName, event) => {
          await invokeRaw(functionName, eventGridInvocationInput(event));
        },
        maxRequestBodyBytes,
      },
    }),
  );
  url = await listen(server, options.port, options.host ?? '127.0.0.1');

  const started: HostExtension[] = [];
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await closeServer(server);
      // The model's proxy lives as long as its worker; here the host is the worker.
      if (proxyServer) await closeServer(proxyServer);
      for (const extension of [...started].reverse()) {
        await extension.stop().catch((error: unknown) =>
          logger({
            type: 'host',
            level: 'error',
            message: `Extension ${extension.name} failed to stop: ${errorMessage(error)}`,
          }),
        );
      }
      await invoker.runAppTerminateHooks();
      logger({ type: 'host', level: 'information', message: 'Host stopped' });
    })();
    return stopping;
  };

  try {
    for (const extension of extensions) {
      await extension.start(api);
      started.push(extension);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  for (const route of routes.routes) {
    logger({
      type: 'host',
      level: 'information',
      message: `${route.functionName}: [${route.methods ? [...route.methods].join(',') : 'ALL'}] ${url}/${[...routePrefixSegments(hostJson), route.template.replace(/^\/+/, '')].join('/')}`,
    });
  }
  logger({
    type: 'host',
    level: 'information',
    message: 'Host started',
    url,
    functions: functions.map((fn) => fn.name),
  });
  return { url, api, stop };
}
