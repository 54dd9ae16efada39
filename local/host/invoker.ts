/**
 * Invokes a registered function the way the Node worker's InvocationHandler does: the programming model's
 * InvocationModel builds the arguments from an RpcInvocationRequest, preInvocation hooks may swap inputs or the
 * callback, the function runs, postInvocation hooks may swap the result or error, and the model converts the result
 * back to an RpcInvocationResponse.
 */
import { randomUUID } from 'node:crypto';
import type {
  AppStartContext,
  CoreInvocationContext,
  HookContext,
  HookData,
  HookName,
  LogHookContext,
  PostInvocationContext,
  PreInvocationContext,
  ProgrammingModel,
  RpcInvocationRequest,
  RpcInvocationResponse,
  RpcLogCategory,
  RpcLogLevel,
} from './coreTypes';
import type { CoreFunction, FunctionRegistry } from './functionsCoreShim';
import { errorMessage, type HostLogger, type InvocationLogLine } from './hostLog';

export type InvocationRequestData = Omit<RpcInvocationRequest, 'invocationId' | 'functionId'>;

/** A function invocation failed; `message` and `stack` are those of the error the function (or a hook) threw. */
export class FunctionInvocationError extends Error {
  constructor(
    readonly functionName: string,
    readonly invocationId: string,
    readonly thrown: unknown,
  ) {
    super(errorMessage(thrown));
    this.name = 'FunctionInvocationError';
    const thrownStack = (thrown as { stack?: unknown } | null)?.stack;
    if (typeof thrownStack === 'string') this.stack = thrownStack;
  }
}

function readonlyHookContext<T extends object>(hookData: HookData, appHookData: HookData, extra: T): T & HookContext {
  return Object.defineProperties(extra, {
    hookData: { get: () => hookData, enumerable: true },
    appHookData: { get: () => appHookData, enumerable: true },
  }) as T & HookContext;
}

export class FunctionInvoker {
  constructor(
    private readonly registry: FunctionRegistry,
    private readonly programmingModel: ProgrammingModel,
    private readonly logger: HostLogger,
  ) {}

  private async executeHooks(hookName: HookName, context: HookContext): Promise<void> {
    for (const callback of this.registry.hooksFor(hookName)) {
      await callback(context);
    }
  }

  async runAppStartHooks(): Promise<void> {
    const context = readonlyHookContext<Partial<AppStartContext>>(
      this.registry.appLevelHookData,
      this.registry.appHookData,
      {
        functionAppDirectory: this.registry.functionAppDirectory,
      },
    );
    await this.executeHooks('appStart', context);
  }

  async runAppTerminateHooks(): Promise<void> {
    await this.executeHooks(
      'appTerminate',
      readonlyHookContext(this.registry.appLevelHookData, this.registry.appHookData, {}),
    );
  }

  private runLogHooks(
    level: RpcLogLevel,
    category: RpcLogCategory,
    message: string,
    invocationContext: unknown,
  ): { level: string; message: string } {
    const callbacks = this.registry.hooksFor('log');
    if (callbacks.length === 0) return { level, message };
    const context = readonlyHookContext<Omit<LogHookContext, 'hookData' | 'appHookData'>>(
      {},
      this.registry.appHookData,
      {
        level,
        message,
        category,
        invocationContext,
      },
    );
    for (const callback of callbacks) {
      try {
        void callback(context); // the worker runs log hooks synchronously and does not await them
      } catch (error) {
        this.logger({ type: 'host', level: 'error', message: `log hook failed: ${errorMessage(error)}` });
      }
    }
    return { level: context.level, message: context.message };
  }

  private createCoreContext(
    fn: CoreFunction,
    invocationId: string,
    request: RpcInvocationRequest,
    userContext: { value: unknown },
  ): CoreInvocationContext {
    const functionName = fn.metadata.name;
    return {
      invocationId,
      request,
      metadata: fn.metadata,
      state: undefined,
      log: (level, category, rawMessage) => {
        const { level: finalLevel, message } = this.runLogHooks(level, category, rawMessage, userContext.value);
        this.logger({ type: 'log', level: finalLevel, category, message, function: functionName, invocationId });
      },
    };
  }

  /**
   * Runs one invocation; resolves with the worker's response or rejects with FunctionInvocationError. A streamed
   * HTTP invocation is given the id its request was forwarded to the programming model's proxy under.
   */
  async invoke(
    fn: CoreFunction,
    data: InvocationRequestData,
    invocationId: string = randomUUID(),
  ): Promise<RpcInvocationResponse> {
    const startedAt = performance.now();
    const trigger = Object.values(fn.metadata.bindings).find((binding) => /trigger$/i.test(binding.type ?? ''));
    const logLine = (outcome: InvocationLogLine['outcome'], error?: unknown): InvocationLogLine => ({
      type: 'invocation',
      function: fn.metadata.name,
      invocationId,
      trigger: trigger?.type ?? 'unknown',
      durationMs: Math.round((performance.now() - startedAt) * 1000) / 1000,
      outcome,
      ...(error === undefined ? {} : { error: errorMessage(error) }),
    });
    try {
      const response = await this.runPipeline(fn, invocationId, {
        ...data,
        invocationId,
        functionId: fn.metadata.functionId,
      });
      this.logger(logLine('success'));
      return response;
    } catch (error) {
      this.logger(logLine('failure', error));
      throw new FunctionInvocationError(fn.metadata.name, invocationId, error);
    }
  }

  private async runPipeline(
    fn: CoreFunction,
    invocationId: string,
    request: RpcInvocationRequest,
  ): Promise<RpcInvocationResponse> {
    const userContext = { value: undefined as unknown };
    const coreContext = this.createCoreContext(fn, invocationId, request, userContext);
    const invocationModel = this.programmingModel.getInvocationModel(coreContext);
    const { context, inputs } = await invocationModel.getArguments();
    userContext.value = context;

    const hookData: HookData = {};
    const appHookData = this.registry.appHookData;
    const preContext = readonlyHookContext<Omit<PreInvocationContext, 'hookData' | 'appHookData'>>(
      hookData,
      appHookData,
      {
        invocationContext: context,
        inputs,
        functionCallback: fn.callback,
      },
    );
    coreContext.state = 'preInvocationHooks';
    try {
      await this.executeHooks('preInvocation', preContext);
    } finally {
      coreContext.state = undefined;
    }

    const postContext = readonlyHookContext<Omit<PostInvocationContext, 'hookData' | 'appHookData'>>(
      hookData,
      appHookData,
      {
        invocationContext: context,
        inputs: preContext.inputs,
        result: null,
        error: null,
      },
    );
    coreContext.state = 'invocation';
    try {
      postContext.result = await invocationModel.invokeFunction(
        context,
        preContext.inputs,
        preContext.functionCallback,
      );
    } catch (error) {
      postContext.error = error;
    } finally {
      coreContext.state = undefined;
    }

    coreContext.state = 'postInvocationHooks';
    try {
      await this.executeHooks('postInvocation', postContext);
    } finally {
      coreContext.state = undefined;
    }
    if (postContext.error !== null && postContext.error !== undefined) throw postContext.error;
    return invocationModel.getResponse(context, postContext.result);
  }
}
