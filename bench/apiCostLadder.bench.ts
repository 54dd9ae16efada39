/**
 * Where the host's CPU per API request goes, as a ladder of requests that each add one kind of work to the one
 * before: a public GET that touches no store (the HTTP server, the programming model, the local host and the
 * endpoint pipeline with its log line), `GET /v1/me` (plus the token and the caller's user and tenant reads), one
 * project (plus a point read and a view), a listing of one and of 25 (plus the page query). Beside each Cosmos step
 * the same operation sent straight to the emulator with the SDK (the query without its plan request, as the API sends
 * it), so the host's cost of a step can be set against the bare client's. Rounds of every case alternate, 20 in
 * flight, after a warm-up of each; CPU per request from /proc. What the figures mean: docs/api-performance.md.
 */
import { withoutQueryPlan } from '../adapters/cosmos/singlePartitionQuery';
import {
  BENCH_USER,
  descendantWith,
  load,
  percentile,
  processCpuMs,
  round,
  selfCpuMs,
  startListingBench,
} from './apiLoad';
import type { BenchContext, BenchModule, BenchRow } from './types';

const PROJECTS = 40;
const IN_FLIGHT = 20;
const ROUNDS = 2;
const WARM_UP_REQUESTS = 1000;

function requestsPerRound(env: BenchContext['env']): number {
  const value = Number(env.API_LADDER_REQUESTS);
  return Number.isInteger(value) && value > 0 ? value : 1000;
}

interface Step {
  name: string;
  /** Sent through the API (the host's CPU is what it costs) or straight to Cosmos (this process's CPU is). */
  side: 'api' | 'direct';
  request: () => Promise<void>;
}

const bench: BenchModule = {
  name: 'apiCostLadder',
  description:
    "Host CPU per request for a public GET, GET /v1/me, one project, a listing of 1 and of 25, each Cosmos step beside the bare SDK's client CPU for the same operation, 20 in flight, rounds alternated",
  async run({ env, log }) {
    const total = requestsPerRound(env);
    const { platform, container, tenantId, token, listing: spec, stop } = await startListingBench(PROJECTS);
    try {
      const first = (await (await platform.api(BENCH_USER, '/v1/projects?pageSize=1')).json()) as {
        items: { id: string }[];
      };
      const projectId = first.items[0]!.id;
      const viaApi =
        (path: string, signedIn = true) =>
        async () => {
          const res = await fetch(`${platform.urls.api}${path}`, {
            headers: signedIn ? { authorization: `Bearer ${token}` } : {},
          });
          await res.arrayBuffer();
          if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
        };
      const directQuery = (pageSize: number) => async () => {
        const iterator = container.items.query(spec, { partitionKey: tenantId, maxItemCount: pageSize });
        const page = await withoutQueryPlan(iterator).fetchNext();
        if (page.resources.length !== pageSize) throw new Error(`direct query returned ${page.resources.length}`);
      };
      const steps: Step[] = [
        { name: 'public GET /docs, no store', side: 'api', request: viaApi('/docs', false) },
        { name: 'GET /v1/me', side: 'api', request: viaApi('/v1/me') },
        { name: 'GET /v1/projects/{id}', side: 'api', request: viaApi(`/v1/projects/${projectId}`) },
        {
          name: 'direct point read',
          side: 'direct',
          request: async () => {
            const read = await container.item(projectId, tenantId).read();
            if (read.statusCode !== 200) throw new Error(`direct read: ${read.statusCode}`);
          },
        },
        { name: 'GET /v1/projects, 1', side: 'api', request: viaApi('/v1/projects?pageSize=1') },
        { name: 'direct query, 1', side: 'direct', request: directQuery(1) },
        { name: 'GET /v1/projects, 25', side: 'api', request: viaApi('/v1/projects?pageSize=25') },
        { name: 'direct query, 25', side: 'direct', request: directQuery(25) },
      ];
      for (const step of steps) await load(IN_FLIGHT, WARM_UP_REQUESTS, step.request);

      const emulatorPid = descendantWith(platform.pid, 'cosmosProcess');
      const cpu = (pid: number | undefined) => (pid === undefined ? NaN : (processCpuMs(pid) ?? NaN));
      const measured = new Map(steps.map((step) => [step, { own: 0, emulator: 0, latencies: [] as number[] }]));
      for (let r = 0; r < ROUNDS; r++) {
        for (const step of steps) {
          const spent = measured.get(step)!;
          const own = () => (step.side === 'api' ? cpu(platform.pid) : selfCpuMs());
          const [ownBefore, emulatorBefore] = [own(), cpu(emulatorPid)];
          spent.latencies.push(...(await load(IN_FLIGHT, total, step.request)));
          spent.own += own() - ownBefore;
          spent.emulator += cpu(emulatorPid) - emulatorBefore;
        }
      }
      return steps.map((step): BenchRow => {
        const spent = measured.get(step)!;
        const requests = spent.latencies.length;
        const row: BenchRow = {
          benchmark: 'apiCostLadder',
          case: step.name,
          metrics: {
            // The API's host process, or this process for a direct step (its load loop is the same for both sides).
            cpuMsPerRequest: round(spent.own / requests, 3),
            cpuOf: step.side === 'api' ? 'host' : 'client',
            emulatorCpuMs: round(spent.emulator / requests, 3),
            p50Ms: round(percentile(spent.latencies, 50)),
            requests,
          },
        };
        log(`${row.case}: ${JSON.stringify(row.metrics)}`);
        return row;
      });
    } finally {
      await stop();
    }
  },
};

export default bench;
