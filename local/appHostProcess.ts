/**
 * The Functions host alone in its own process, as a worker instance runs in Azure: the backing services live
 * elsewhere (the platform process) and survive when this one is killed. Options come as JSON in argv[2]; when ready
 * it prints `KHIPU_HOST_READY <url>`.
 */
import { startAppHost } from './appHost';

export const HOST_READY_MARKER = 'KHIPU_HOST_READY';

interface HostProcessOptions {
  env: Record<string, string>;
  port: number;
  verbose?: boolean;
}

async function main(): Promise<void> {
  const options = JSON.parse(process.argv[2] ?? '{}') as HostProcessOptions;
  const host = await startAppHost({
    env: options.env,
    port: options.port,
    log: options.verbose ? (line) => process.stderr.write(`${line}\n`) : () => undefined,
  });
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
