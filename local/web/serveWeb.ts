import path from 'node:path';
import { startWebServer } from './webServer';

/**
 * Serves the built web on its own: `tsx local/web/serveWeb.ts [--port 4280] [--api http://127.0.0.1:7071]`.
 * `npm start` uses startWebServer directly; this is for working on the web against an already running host.
 */
function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 && process.argv[index + 1] ? process.argv[index + 1] : fallback;
}

async function main(): Promise<void> {
  const server = await startWebServer({
    port: Number(option('port', '4280')),
    distDir: path.resolve(option('dist', path.join(__dirname, '..', '..', 'web', 'dist'))),
    apiBaseUrl: option('api', 'http://127.0.0.1:7071'),
  });
  console.log(`web  ${server.url}`);
  const shutdown = () => void server.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
