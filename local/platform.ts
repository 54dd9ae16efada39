import { CosmosClient } from '@azure/cosmos';
import { BlobServiceClient } from '@azure/storage-blob';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_TASK_HUB, REPO_ROOT, startAppHost } from './appHost';
import { startAzurite } from './emulators/azurite';
import { startCosmos, COSMOS_EMULATOR_KEY } from './emulators/cosmos';
import { startDevIdentityProvider } from './identity/devIdentityProvider';
import { seedUsers } from './identity/seedUsers';
import { startEventGridEmulator } from './eventgrid/eventGridEmulator';
import { EVENT_GRID_WEBHOOK_PATH } from './host/eventGridWebhook';
import { findFreePort, startSupervisedAppHost, type SupervisedAppHost } from './supervisedAppHost';
import { seedDirectory, userLookup } from './seed';

export { LOCAL_TASK_HUB, REPO_ROOT };

/** Fixed ports for `npm start`; tests pass 0 everywhere and run beside a developer's platform. */
export const defaultPorts = {
  functions: 7071,
  identity: 7073,
  eventGrid: 7074,
  cosmos: 8081,
  blob: 10000,
  queue: 10001,
  table: 10002,
  web: 4280,
};
export type PlatformPorts = typeof defaultPorts;

export const LOCAL_AUDIENCE = 'api://khipu-local';
/** The app's Event Grid–triggered function that fans events out to tenant webhooks (functions/webhookDispatcher.ts). */
const DISPATCHER_FUNCTION = 'webhookDispatcher';
const EVENTGRID_LOCAL_KEY = 'local-eventgrid-key-not-a-secret';

export interface PlatformOptions {
  dataDir: string;
  ports: PlatformPorts;
  /** Serve the built web app too (needs web/dist). */
  web?: boolean;
  log?: (line: string) => void;
  /** Extra environment for the app (e.g. WEBHOOK_ALLOW_LOOPBACK in tests). */
  env?: Record<string, string>;
  /** Run the Functions host in a child process that can be killed alone, as a worker dies in Azure. */
  separateHostProcess?: boolean;
}

export interface RunningPlatform {
  env: Record<string, string>;
  urls: { api: string; identity: string; eventGrid: string; cosmos: string; blob: string; web?: string };
  identity: Awaited<ReturnType<typeof startDevIdentityProvider>>;
  /** With `separateHostProcess`: SIGKILL the Functions host and start a new one on the same storage. */
  crashHost?: () => Promise<void>;
  stop(): Promise<void>;
}

/**
 * Brings up the whole platform on 127.0.0.1: Azurite, the Cosmos emulator, the dev identity provider, the Event Grid
 * emulator, the Functions host (with the Durable engine) and optionally the web app. The app itself reads only its
 * environment, exactly as in Azure.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const stop of stops.reverse()) await stop().catch((e: unknown) => log(`stop failed: ${String(e)}`));
  };
  try {
    fs.mkdirSync(options.dataDir, { recursive: true });
    // A host in its own process gets events the way Azure delivers them to a function: the Event Grid webhook.
    const functionsPort =
      options.separateHostProcess && options.ports.functions === 0 ? await findFreePort() : options.ports.functions;
    // The emulators are separate processes that need nothing from each other to start: started together, Azurite and
    // Cosmos boot on both cores and the platform waits for the slower one instead of for both in turn. Each one's stop
    // is registered as soon as it is up, so a failure of another still stops it.
    const started = <T extends { stop(): Promise<void> }>(service: Promise<T>) =>
      service.then((running) => {
        stops.push(running.stop);
        return running;
      });
    const [azurite, cosmos, eventGrid] = await allStarted([
      started(
        startAzurite({
          location: path.join(options.dataDir, 'azurite'),
          blobPort: options.ports.blob,
          queuePort: options.ports.queue,
          tablePort: options.ports.table,
        }),
      ),
      started(
        startCosmos({
          port: options.ports.cosmos,
          database: 'khipu',
          dataDir: path.join(options.dataDir, 'cosmos'),
        }),
      ),
      started(
        startEventGridEmulator({
          port: options.ports.eventGrid,
          topicKey: EVENTGRID_LOCAL_KEY,
          subscriptions: [
            {
              name: 'dispatcher',
              destination: options.separateHostProcess
                ? {
                    kind: 'webhook',
                    url: `http://127.0.0.1:${functionsPort}${EVENT_GRID_WEBHOOK_PATH}?functionName=${DISPATCHER_FUNCTION}`,
                  }
                : { kind: 'function' },
            },
          ],
          dataDir: path.join(options.dataDir, 'eventgrid'),
        }),
      ),
    ] as const);
    const cosmosClient = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: COSMOS_EMULATOR_KEY,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    stops.push(async () => cosmosClient.dispose());
    const [identity] = await allStarted([
      started(
        startDevIdentityProvider({
          port: options.ports.identity,
          audience: LOCAL_AUDIENCE,
          keyDir: path.join(options.dataDir, 'identity'),
          users: seedUsers,
          tenantClaim: 'khipu_tenant',
          rolesClaim: 'roles',
          lookupUser: userLookup(cosmosClient, 'khipu'),
        }),
      ),
      BlobServiceClient.fromConnectionString(azurite.connectionString).getContainerClient('khipu').createIfNotExists(),
      seedDirectory(cosmosClient, 'khipu'),
    ] as const);

    const env: Record<string, string> = {
      KHIPU_MODE: 'local',
      DURABLE_TASK_HUB_NAME: LOCAL_TASK_HUB,
      STORAGE_CONNECTION_STRING: azurite.connectionString,
      AzureWebJobsStorage: azurite.connectionString,
      COSMOS_ENDPOINT: cosmos.endpoint,
      COSMOS_KEY: cosmos.key,
      EVENTGRID_TOPIC_ENDPOINT: eventGrid.topicEndpoint,
      EVENTGRID_TOPIC_KEY: EVENTGRID_LOCAL_KEY,
      AUTH_ISSUER: identity.issuer,
      AUTH_AUDIENCE: LOCAL_AUDIENCE,
      ...options.env,
    };
    let hostUrl: string;
    let supervised: SupervisedAppHost | undefined;
    if (options.separateHostProcess) {
      supervised = await startSupervisedAppHost({ env, port: functionsPort });
      stops.push(supervised.stop);
      hostUrl = supervised.url;
    } else {
      const host = await startAppHost({
        env,
        port: functionsPort,
        log,
        extraExtensions: [eventGrid.asHostExtension()],
      });
      stops.push(host.stop);
      hostUrl = host.url;
    }

    const urls: RunningPlatform['urls'] = {
      api: `${hostUrl}/api`,
      identity: identity.url,
      eventGrid: eventGrid.topicEndpoint,
      cosmos: cosmos.endpoint,
      blob: `http://127.0.0.1:${azurite.blobPort}`,
    };
    if (options.web) {
      const { startWebServer } = await import('./web/webServer');
      const web = await startWebServer({
        port: options.ports.web,
        distDir: path.join(REPO_ROOT, 'web', 'dist'),
        apiBaseUrl: hostUrl,
      });
      stops.push(web.stop);
      urls.web = web.url;
    }
    return { env, urls, identity, crashHost: supervised?.crashAndRestart, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/**
 * Like Promise.all, but settles only once every start has settled, so that a failure is reported after whatever
 * else was starting has either failed too or registered its stop: nothing is left running behind the error.
 */
async function allStarted<T extends readonly unknown[]>(starts: { [K in keyof T]: Promise<T[K]> }): Promise<{
  -readonly [K in keyof T]: T[K];
}> {
  const settled = await Promise.allSettled(starts);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<unknown>).value) as {
    -readonly [K in keyof T]: T[K];
  };
}
