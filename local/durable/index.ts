/**
 * The local Durable Functions engine as a host extension: it supplies the `durableClient` binding, serves the
 * durable HTTP API, and runs orchestrations (through the app's orchestrationTrigger functions, replaying history)
 * and activities, with all state in Azure Storage (Azurite locally) under the task hub's name.
 */
import type * as http from 'node:http';
import type { HostApi, HostExtension, RegisteredBinding, RegisteredFunction, RpcTypedDataLike } from '../host/types';
import { ActivityScheduler } from './activityScheduler';
import { durableClientInput } from './clientBinding';
import { handleDurableHttp } from './httpApi';
import { InstanceStore } from './instanceStore';
import { EngineLogger, OrchestrationDispatcher } from './orchestrationDispatcher';
import { recoverEffects } from './recovery';
import { HubStorage, openHubStorage, validateTaskHubName } from './storage';
import { ActivityQueue, Inbox } from './workQueues';

export interface DurableExtensionOptions {
  storageConnectionString: string;
  taskHubName: string;
  /** Receives one object per log line (the host's logger shape). */
  logger?: (line: object) => void;
  /** Engine time; defaults to the wall clock. */
  clock?: () => Date;
  /** How often idle loops look at storage for work posted by other processes (default 250 ms; a loop that keeps
   * finding nothing backs off to IDLE_POLL_GROWTH times this, see wakeup.ts). */
  pollIntervalMs?: number;
  /** Activity lease; a crashed worker's activity runs again this long after its last renewal (default 10 s). */
  activityLeaseMs?: number;
}

interface DurableTaskSettings {
  maxConcurrentActivityFunctions?: unknown;
  maxConcurrentOrchestratorFunctions?: unknown;
}

function positiveInt(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : fallback;
}

export function createDurableExtension(options: DurableExtensionOptions): HostExtension {
  validateTaskHubName(options.taskHubName);
  const now = options.clock ?? (() => new Date());
  const pollMs = options.pollIntervalMs ?? 250;
  const leaseMs = options.activityLeaseMs ?? 10_000;
  const logger = options.logger ?? ((line: object) => process.stdout.write(`${JSON.stringify(line)}\n`));
  const log: EngineLogger = (level, message, detail) =>
    logger({ type: 'host', level, message: `[durable] ${message}`, ...detail });

  let host: HostApi | undefined;
  let storage: HubStorage | undefined;
  let store: InstanceStore | undefined;
  let inbox: Inbox | undefined;
  let dispatcher: OrchestrationDispatcher | undefined;
  let scheduler: ActivityScheduler | undefined;

  const orchestratorNames = () =>
    new Set((host?.functions() ?? []).filter((fn) => fn.trigger.type === 'orchestrationTrigger').map((fn) => fn.name));

  return {
    name: 'durable',
    inputBindingTypes: ['durableClient', 'orchestrationClient'],

    async start(hostApi: HostApi): Promise<void> {
      host = hostApi;
      storage = await openHubStorage(options.storageConnectionString, options.taskHubName);
      store = new InstanceStore(storage);
      inbox = new Inbox(storage);
      const activities = new ActivityQueue(storage, leaseMs);
      const settings = ((hostApi.hostJson().extensions as { durableTask?: DurableTaskSettings } | undefined)
        ?.durableTask ?? {}) as DurableTaskSettings;

      dispatcher = new OrchestrationDispatcher({
        store,
        inbox,
        activities,
        now,
        log,
        pollMs,
        maxConcurrentOrchestrations: positiveInt(settings.maxConcurrentOrchestratorFunctions, 4),
        onActivitiesEnqueued: () => scheduler?.wakeup.kick(),
        invoke: async (functionName, payload) =>
          (await hostApi.invoke(functionName, { trigger: { string: JSON.stringify(payload) } })).returnValue,
      });
      scheduler = new ActivityScheduler({
        queue: activities,
        inbox,
        now,
        log,
        pollMs,
        leaseMs,
        maxConcurrent: positiveInt(settings.maxConcurrentActivityFunctions, 10),
        onResultPosted: () => dispatcher?.wakeup.kick(),
        invoke: async (functionName, inputJson) =>
          (await hostApi.invoke(functionName, { trigger: { json: inputJson ?? 'null' } })).returnValue,
      });

      await dispatcher.dispatch(await recoverEffects(store, storage, now()));
      dispatcher.start();
      scheduler.start();
      log('information', `task hub ${options.taskHubName} started`);
    },

    async stop(): Promise<void> {
      await dispatcher?.stop();
      await scheduler?.stop();
    },

    inputBindingValue(_binding: RegisteredBinding, _fn: RegisteredFunction): RpcTypedDataLike {
      if (!host) throw new Error('the durable extension has not started');
      return { string: JSON.stringify(durableClientInput(host.baseUrl(), options.taskHubName)) };
    },

    async handleHttp(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
      if (!store || !inbox || !host) return false;
      const currentInbox = inbox;
      return handleDurableHttp(
        {
          store,
          inbox: currentInbox,
          taskHubName: options.taskHubName,
          baseUrl: () => host?.baseUrl() ?? '',
          now,
          isOrchestrator: (name) => orchestratorNames().has(name),
          kick: () => dispatcher?.wakeup.kick(),
        },
        req,
        res,
      );
    },
  };
}
