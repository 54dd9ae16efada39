import path from 'node:path';
import { defaultPorts, REPO_ROOT, startPlatform } from '../platform';

export interface ApiTarget {
  apiUrl: string;
  token: string | undefined;
  stop(): Promise<void>;
}

const LOCAL_API = `http://127.0.0.1:${defaultPorts.functions}/api`;
const LOCAL_IDENTITY = `http://127.0.0.1:${defaultPorts.identity}`;

async function reachable(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

async function devToken(identityUrl: string, user: string): Promise<string> {
  const response = await fetch(`${identityUrl}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'password', username: user }),
  });
  if (!response.ok) throw new Error(`The local identity provider refused ${user}: ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/**
 * Uses the local platform `npm start` runs when it is up; otherwise starts one in this process on the same ports
 * and data directory (`.khipu/`), and stops it at the end.
 */
export async function ensureLocalPlatform(user: string): Promise<ApiTarget> {
  if (await reachable(`${LOCAL_API}/openapi.json`)) {
    return { apiUrl: LOCAL_API, token: await devToken(LOCAL_IDENTITY, user), stop: async () => {} };
  }
  console.log('Starting the local platform…');
  const platform = await startPlatform({
    dataDir: path.join(REPO_ROOT, '.khipu'),
    ports: defaultPorts,
    env: { LOG_LEVEL: 'warn' },
  });
  // Ctrl-C must not leave Azurite and the Cosmos emulator holding the ports the next run needs.
  const interrupted = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: stopping the local platform…`);
    void platform.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  return {
    apiUrl: platform.urls.api,
    token: await devToken(platform.urls.identity, user),
    stop: async () => {
      process.off('SIGINT', interrupted);
      process.off('SIGTERM', interrupted);
      await platform.stop();
    },
  };
}
