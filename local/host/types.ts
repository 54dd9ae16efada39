/**
 * Contract between the local Functions host and the extensions that plug into it (the Durable engine,
 * the Event Grid emulator). The host stands in for the Functions runtime + Node worker: it collects the
 * app's registrations through the `@azure/functions-core` stand-in, and invokes them through the
 * programming model's own InvocationModel, exactly as the real worker does (RPC-shaped data in and out).
 */
import type * as http from 'node:http';

/** A binding as the programming model registered it (RpcBindingInfo plus its name). */
export interface RegisteredBinding {
  name: string;
  type: string; // 'httpTrigger' | 'eventGridTrigger' | 'orchestrationTrigger' | 'activityTrigger' | 'entityTrigger' | 'durableClient' | 'http' | ...
  direction: 'in' | 'out' | 'inout';
  /** Raw binding properties (route, methods, authLevel, ...) as the worker would send them to the host. */
  properties: Record<string, unknown>;
}

export interface RegisteredFunction {
  name: string;
  trigger: RegisteredBinding;
  bindings: RegisteredBinding[];
}

/** Value of one binding for an invocation, already in the worker's RpcTypedData shape (e.g. `{ json: '...' }`). */
export type RpcTypedDataLike = Record<string, unknown>;

export interface InvocationInput {
  /** Trigger payload in RpcTypedData shape. */
  trigger: RpcTypedDataLike;
  /** Extra input bindings by binding name (e.g. the `durableClient` binding's JSON). Missing ones are asked of extensions. */
  inputs?: Record<string, RpcTypedDataLike>;
  triggerMetadata?: Record<string, RpcTypedDataLike>;
}

export interface InvocationOutput {
  /** The function's return value, converted back from RpcTypedData (JSON parsed where applicable). */
  returnValue: unknown;
  /** Output bindings by name, converted back from RpcTypedData. */
  outputs: Record<string, unknown>;
}

export interface HostApi {
  functions(): RegisteredFunction[];
  invoke(functionName: string, input: InvocationInput): Promise<InvocationOutput>;
  /** Base URL of the host's HTTP listener, e.g. http://127.0.0.1:7071 */
  baseUrl(): string;
  /** Values from host.json (already parsed) */
  hostJson(): Record<string, unknown>;
}

export interface HostExtension {
  name: string;
  /** Binding types this extension supplies values for (e.g. 'durableClient'). */
  inputBindingTypes?: string[];
  /** Called once all functions are registered and the HTTP listener is up. */
  start(host: HostApi): Promise<void>;
  stop(): Promise<void>;
  /** Value for an input binding this extension owns, for one invocation. */
  inputBindingValue?(binding: RegisteredBinding, fn: RegisteredFunction): RpcTypedDataLike;
  /**
   * Non-`/api` HTTP paths the extension serves on the host's port (e.g. `/runtime/webhooks/durabletask/...`).
   * Return true when handled.
   */
  handleHttp?(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
}
