import { growHeapInLargerSteps } from './heapGrowth';
import { startPlatform, type PlatformPorts, type RunningPlatform } from './platform';
import { exitWithParent } from './supervision/parentWatch';
import { keepRunningOnUnhandledRejections, logToStderr } from './supervision/processGuards';

/**
 * Runs the platform in its own process for tests and the CLI: options come as JSON in argv[2]; when ready it prints
 * one line `KHIPU_PLATFORM_READY {json}` with the URLs; SIGTERM stops it cleanly, and so does the end of the process
 * that started it (its stdin pipe closes: see supervision/parentWatch.ts).
 */
export const READY_MARKER = 'KHIPU_PLATFORM_READY';
/** Printed after SIGUSR2 has killed the separate host process and a new one serves requests (or `FAILED <why>`). */
export const HOST_RESTARTED_MARKER = 'KHIPU_HOST_RESTARTED';

interface ProcessOptions {
  dataDir: string;
  ports: PlatformPorts;
  web?: boolean;
  env?: Record<string, string>;
  verbose?: boolean;
  separateHostProcess?: boolean;
}

async function main(): Promise<void> {
  growHeapInLargerSteps();
  const options = JSON.parse(process.argv[2] ?? '{}') as ProcessOptions;
  keepRunningOnUnhandledRejections(logToStderr);
  const started: { platform?: RunningPlatform } = {};
  exitWithParent(async () => {
    await started.platform?.stop();
  });
  const platform = await startPlatform({
    dataDir: options.dataDir,
    ports: options.ports,
    web: options.web,
    env: options.env,
    separateHostProcess: options.separateHostProcess,
    log: options.verbose ? (line) => process.stderr.write(`${line}\n`) : undefined,
  });
  started.platform = platform;
  process.stdout.write(`${READY_MARKER} ${JSON.stringify({ urls: platform.urls, env: platform.env })}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await platform.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  const crashHost = platform.crashHost;
  if (crashHost) {
    process.on('SIGUSR2', () => {
      crashHost().then(
        () => process.stdout.write(`${HOST_RESTARTED_MARKER} OK\n`),
        (error: unknown) => process.stdout.write(`${HOST_RESTARTED_MARKER} FAILED ${String(error).split('\n')[0]}\n`),
      );
    });
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`platform failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
