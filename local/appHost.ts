/**
 * The app's Functions host with the extensions it needs in every topology: the Durable engine on Azurite and the
 * timer triggers. The Event Grid emulator's function delivery is attached only when the host shares its process.
 */
import path from 'node:path';
import { parseConfig } from '../adapters/config/config';
import { createDurableExtension } from './durable';
import { startFunctionHost, type RunningFunctionHost } from './host/functionHost';
import { createTimerExtension } from './host/timerTriggers';
import type { HostExtension } from './host/types';

export const REPO_ROOT = path.resolve(__dirname, '..');
export const LOCAL_TASK_HUB = 'KhipuLocal';

export interface AppHostOptions {
  /** The app's whole environment (connection strings, issuer, engine…), as app settings are in Azure. */
  env: Record<string, string>;
  port: number;
  log: (line: string) => void;
  extraExtensions?: HostExtension[];
}

/** The app reads its configuration from the environment, as it does under the real Functions host. */
export function applyAppEnvironment(env: Record<string, string>): void {
  // The host loads the app with Node's own loader, so set the real process environment (a test runner may sandbox
  // `process`).
  const realProcess = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule?.('node:process') as
    NodeJS.Process | undefined;
  Object.assign((realProcess ?? process).env, env);
  Object.assign(process.env, env);
  parseConfig(process.env);
}

export async function startAppHost(options: AppHostOptions): Promise<RunningFunctionHost> {
  applyAppEnvironment(options.env);
  return startFunctionHost({
    appEntry: path.join(REPO_ROOT, 'functions', 'index.ts'),
    port: options.port,
    hostJsonPath: path.join(REPO_ROOT, 'host.json'),
    extensions: [
      createDurableExtension({
        storageConnectionString: options.env.AzureWebJobsStorage!,
        taskHubName: options.env.DURABLE_TASK_HUB_NAME ?? LOCAL_TASK_HUB,
        logger: (line) => options.log(JSON.stringify(line)),
      }),
      ...(options.extraExtensions ?? []),
      createTimerExtension({ settings: options.env, logger: (line) => options.log(JSON.stringify(line)) }),
    ],
    logger: (line) => options.log(JSON.stringify(line)),
  });
}
