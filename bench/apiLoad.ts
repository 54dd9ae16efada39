/**
 * What the API benchmarks share: a closed-loop load generator, CPU time per process from /proc, and the query the API
 * makes for a creator's first page of projects, to send straight to Cosmos as the baseline.
 */
import { CosmosClient, type Container, type SqlQuerySpec } from '@azure/cosmos';
import { readdirSync, readFileSync } from 'node:fs';
import { startTestPlatform, type TestPlatform } from '../test/support/testPlatform';

export const BENCH_USER = 'creator@andes.test';

const CLOCK_TICKS_PER_MS = 0.1;

/** CPU a process has used so far (user + system), ms, from /proc (Linux); undefined elsewhere. */
export function processCpuMs(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_MS;
  } catch {
    return undefined;
  }
}

/** The descendant of `pid` whose command line contains `marker` (the platform's Cosmos emulator). */
export function descendantWith(pid: number, marker: string): number | undefined {
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const children = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
      for (const child of children.map(Number)) {
        if (readFileSync(`/proc/${child}/cmdline`, 'utf8').includes(marker)) return child;
        const deeper = descendantWith(child, marker);
        if (deeper !== undefined) return deeper;
      }
    }
  } catch {
    // not Linux, or the process exited meanwhile: no CPU figures
  }
  return undefined;
}

export const selfCpuMs = () => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Runs `request` `total` times with `inFlight` at once; the latency of each, in ms. */
export async function load(inFlight: number, total: number, request: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  let started = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (started < total) {
        started++;
        const begin = process.hrtime.bigint();
        await request();
        latencies.push(Number(process.hrtime.bigint() - begin) / 1e6);
      }
    }),
  );
  return latencies;
}

export async function tenantOf(platform: TestPlatform): Promise<{ tenantId: string; userId: string }> {
  const res = await platform.api(BENCH_USER, '/v1/me');
  const me = (await res.json()) as { principal: { tenantId?: string; userId: string } };
  const { tenantId, userId } = me.principal;
  if (!tenantId || !userId) throw new Error(`unexpected /v1/me: ${JSON.stringify(me)}`);
  return { tenantId, userId };
}

/** The query ProjectService.list makes for a creator's first page (adapters/cosmos/queryBuilder.ts spells it). */
export function creatorListing(tenantId: string, userId: string): SqlQuerySpec {
  return {
    query:
      'SELECT * FROM c WHERE c.tenantId = @p0 AND ((c.ownerId = @p1 OR ARRAY_CONTAINS(c.memberIds, @p2)) AND c.status != @p3) ORDER BY c.updatedAt DESC',
    parameters: [
      { name: '@p0', value: tenantId },
      { name: '@p1', value: userId },
      { name: '@p2', value: userId },
      { name: '@p3', value: 'archived' },
    ],
  };
}

export const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};
export const round = (value: number, digits = 1) => Number(value.toFixed(digits));

/** `count` projects owned by the benchmark's creator, through the API as a studio would create them. */
export async function createProjects(platform: TestPlatform, count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    const res = await platform.api(BENCH_USER, '/v1/projects', {
      method: 'POST',
      json: { metadata: { title: `Latency ${i}`, authors: ['Bench'], language: 'en-GB' } },
    });
    if (res.status !== 201) throw new Error(`create project: ${res.status} ${await res.text()}`);
  }
}

/** A local platform holding the creator's projects, and the emulator's projects container to query beside the API. */
export interface ListingBench {
  platform: TestPlatform;
  container: Container;
  tenantId: string;
  userId: string;
  /** The creator's bearer token. */
  token: string;
  /** The query the API makes for the creator's first page. */
  listing: SqlQuerySpec;
  stop(): Promise<void>;
}

/** The rate limiter still runs on every request (its cost is part of what is measured); it just never refuses here. */
const UNLIMITED = { RATE_LIMIT_PER_MINUTE: '100000000' };

export async function startListingBench(projects: number): Promise<ListingBench> {
  const platform = await startTestPlatform({ env: UNLIMITED });
  const cosmos = new CosmosClient({
    endpoint: platform.urls.cosmos,
    key: platform.env.COSMOS_KEY,
    connectionPolicy: { enableEndpointDiscovery: false },
  });
  const stop = async () => {
    cosmos.dispose();
    await platform.stop();
  };
  try {
    await createProjects(platform, projects);
    const { tenantId, userId } = await tenantOf(platform);
    const token = await platform.token(BENCH_USER);
    const container = cosmos.database(platform.env.COSMOS_DATABASE ?? 'khipu').container('projects');
    return { platform, container, tenantId, userId, token, listing: creatorListing(tenantId, userId), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
