/**
 * The Cosmos DB emulator in a process of its own, so its queries and disk writes never share an event loop with the
 * Functions host. Options come as JSON in argv[2]; when ready it prints `KHIPU_COSMOS_READY <endpoint>`. It stops on
 * SIGTERM, and by itself when the process that started it is gone.
 */
import { exitWithParent } from '../supervision/parentWatch';
import { keepRunningOnUnhandledRejections, logToStderr } from '../supervision/processGuards';
import { COSMOS_READY_MARKER } from './cosmos';
import {
  startJournaledCosmosServer,
  type JournaledCosmosOptions,
  type JournaledCosmosServer,
} from './journaledCosmosServer';

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as Omit<JournaledCosmosOptions, 'log'>;
  const log = (line: string) => process.stderr.write(`${line}\n`);
  keepRunningOnUnhandledRejections(logToStderr);
  const started: { server?: JournaledCosmosServer } = {};
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (started.server?.stop() ?? Promise.resolve()).finally(() => process.exit(0)));
  exitWithParent(stop);
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  const server = await startJournaledCosmosServer({ ...options, log });
  started.server = server;
  process.stdout.write(`${COSMOS_READY_MARKER} ${server.endpoint}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`Cosmos emulator failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
