/**
 * The Functions host alone in its own process, as a worker instance runs in Azure: the backing services live
 * elsewhere (the platform process) and survive when this one is killed. Options come as JSON in argv[2]; when ready
 * it prints `KHIPU_HOST_READY <url>`.
 */
import { startAppHost } from './appHost';
import type { RunningFunctionHost } from './host/functionHost';
import { exitWithParent } from './supervision/parentWatch';
import { keepRunningOnUnhandledRejections, logToStderr } from './supervision/processGuards';

export const HOST_READY_MARKER = 'KHIPU_HOST_READY';

interface HostProcessOptions {
  env: Record<string, string>;
  port: number;
  verbose?: boolean;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostProcessOptions;
  const log = options.verbose ? (line: string) => process.stderr.write(`${line}\n`) : () => undefined;
  keepRunningOnUnhandledRejections(logToStderr);
  const started: { host?: RunningFunctionHost } = {};
  exitWithParent(async () => {
    await started.host?.stop();
  });
  const host = await startAppHost({ env: options.env, port: options.port, log });
  started.host = host;
  process.stdout.write(`${HOST_READY_MARKER} ${host.url}\n`);
  const stop = () => void host.stop().finally(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`host failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
