import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { growHeapInLargerSteps } from './heapGrowth';
import { defaultPorts, REPO_ROOT, startPlatform } from './platform';

/**
 * `npm start`: the whole platform on 127.0.0.1 with data under `.khipu/` (git-ignored). Ctrl-C stops everything
 * cleanly and keeps the data for next time.
 */
async function main(): Promise<void> {
  growHeapInLargerSteps();
  const dataDir = path.join(REPO_ROOT, '.khipu');
  const verbose = process.argv.includes('--verbose');
  const webBuilt = ensureWebBuilt();
  const platform = await startPlatform({
    dataDir,
    ports: defaultPorts,
    web: webBuilt,
    log: verbose ? (line) => console.log(line) : undefined,
  });
  const rows: [string, string][] = [
    ['Web app', platform.urls.web ?? '(the web build failed: run `npm run build -w web` to see why)'],
    ['API', `${platform.urls.api}/v1`],
    ['API docs', `${platform.urls.api}/docs`],
    ['Identity provider', `${platform.urls.identity}/.well-known/openid-configuration`],
    ['Event Grid topic', platform.urls.eventGrid],
    ['Cosmos DB emulator', platform.urls.cosmos],
    ['Azurite blob', platform.urls.blob],
    ['Data', dataDir],
  ];
  console.log('\nKhipu Cloud is running locally:\n');
  for (const [name, url] of rows) console.log(`  ${name.padEnd(20)} ${url}`);
  console.log(
    '\nSign in with admin@andes.test, creator@andes.test, validator@andes.test (or @pampa.test), operator@khipu.test.',
  );
  console.log('Press Ctrl-C to stop.\n');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await platform.stop();
    console.log('Stopped. Data kept in', dataDir);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** The first `npm start` on a fresh clone builds the web app once (a few seconds); later starts reuse web/dist. */
function ensureWebBuilt(): boolean {
  if (fs.existsSync(path.join(REPO_ROOT, 'web', 'dist', 'index.html'))) return true;
  console.log('Building the web app (first start)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', 'build', '-w', 'web'], { cwd: REPO_ROOT, stdio: 'inherit' });
  return result.status === 0;
}

main().catch((error: unknown) => {
  console.error('Failed to start the local platform:', error instanceof Error ? error.message : error);
  process.exit(1);
});
