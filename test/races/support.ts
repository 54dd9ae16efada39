/** Helpers for the race tests: fire N identical requests at once and tally what came back. */
import { CosmosClient, type Container, type Database } from '@azure/cosmos';
import type { Services } from '../../adapters/compositionRoot';
import type { TestPlatform } from '../support/testPlatform';

export interface Outcome {
  status: number;
  body: any;
  headers: Headers;
}

/** Starts every request before awaiting any, so they reach the host together. */
export async function inParallel(count: number, send: (index: number) => Promise<Response>): Promise<Outcome[]> {
  const responses = await Promise.all(Array.from({ length: count }, (_, index) => send(index)));
  return Promise.all(
    responses.map(async (res) => {
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
    }),
  );
}

/** How many responses had each status, e.g. `{ 201: 1, 409: 19 }`. */
export function tally(outcomes: Outcome[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const { status } of outcomes) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
}

/** A container of the platform's Cosmos emulator, for checking what was really stored. */
export function cosmosContainer(platform: TestPlatform, name: string): { container: Container; close(): void } {
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return { container: client.database('khipu').container(name), close: () => client.dispose() };
}

/** Race platforms send hundreds of requests in seconds: no tenant rate limit. */
export const RACE_PLATFORM_ENV = { RATE_LIMIT_PER_MINUTE: '1000000' };

/**
 * The app's own services in the test process, wired to the platform's emulators: a second worker beside the host,
 * for a race one side of which has no API (a retention run, a delivery sweep). Call once per test file.
 */
export async function appServicesFor(platform: TestPlatform): Promise<{ services: Services; database: Database }> {
  for (const [key, value] of Object.entries(platform.env)) process.env[key] = value;
  process.env.LOG_LEVEL = 'silent';
  const { services } = await import('../../adapters/compositionRoot');
  const client = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  return { services: services(), database: client.database(platform.env.COSMOS_DATABASE ?? 'khipu') };
}
