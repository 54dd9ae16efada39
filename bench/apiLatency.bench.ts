/**
 * What the API adds to a listing: `GET /v1/projects` through the local platform (token verification, the caller's
 * tenant and user, rate limiting, the query, the view, logging) against the query the API makes, sent straight to the
 * same Cosmos emulator with the SDK, for the same 25 documents. Each side runs with 20 and then 50 requests in flight
 * (one connection each), alternating API and direct rounds so both see the same machine, after the same warm-up of
 * each; p50 and p99 per side and the API/direct ratio of the medians (target: at most 2), and the CPU each process
 * spent per request (from /proc), which a shared machine disturbs far less than latency. What the figures mean and
 * where the API's time goes: docs/api-performance.md.
 *
 * The direct side sends the query as the SDK does by default: with its speculative query-plan request beside it,
 * which the API does not send (`adapters/cosmos/singlePartitionQuery.ts`) and which the emulator answers by running
 * the query a second time. So the same query is also sent without the plan request, exactly the wire traffic of the
 * API's query, in rounds of its own (`noPlan…` metrics): the stricter baseline.
 */
import { withoutQueryPlan } from '../adapters/cosmos/singlePartitionQuery';
import { descendantWith, load, percentile, processCpuMs, round, selfCpuMs, startListingBench } from './apiLoad';
import type { BenchContext, BenchModule, BenchRow } from './types';

const PROJECTS = 40;
const PAGE_SIZE = 25;
const CONNECTIONS = [20, 50];
const ROUNDS = 2;
const WARM_UP_REQUESTS = 2000;

function requestsPerRound(env: BenchContext['env']): number {
  const value = Number(env.API_LATENCY_REQUESTS);
  return Number.isInteger(value) && value > 0 ? value : 1000;
}

/** CPU per request of the platform's process (the Functions host), its Cosmos emulator and this process. */
class CpuPerRequest {
  private readonly spent = { host: 0, emulator: 0, client: 0 };
  private requests = 0;

  constructor(
    private readonly hostPid: number | undefined,
    private readonly emulatorPid: number | undefined,
  ) {}

  async during(requests: number, work: () => Promise<unknown>): Promise<void> {
    const before = this.read();
    await work();
    const after = this.read();
    this.spent.host += after.host - before.host;
    this.spent.emulator += after.emulator - before.emulator;
    this.spent.client += after.client - before.client;
    this.requests += requests;
  }

  /** Per request, ms; NaN where /proc could not be read. */
  perRequest(): { host: number; emulator: number; client: number } {
    return {
      host: this.spent.host / this.requests,
      emulator: this.spent.emulator / this.requests,
      client: this.spent.client / this.requests,
    };
  }

  private read() {
    const cpu = (pid: number | undefined) => (pid === undefined ? NaN : (processCpuMs(pid) ?? NaN));
    return { host: cpu(this.hostPid), emulator: cpu(this.emulatorPid), client: selfCpuMs() };
  }
}

const bench: BenchModule = {
  name: 'apiLatency',
  description:
    'GET /v1/projects (25 of 40 projects) through the API vs the same query sent directly with the Cosmos SDK (as it sends it by default, and without its query-plan request as the API does), at 20 and 50 requests in flight after 2,000 warm-up requests per side, alternating rounds; p50/p99 and API/direct ratio of p50 (target ≤ 2)',
  async run({ env, log }) {
    const total = requestsPerRound(env);
    const { platform, container, tenantId, token, listing: spec, stop } = await startListingBench(PROJECTS);
    try {
      const url = `${platform.urls.api}/v1/projects?pageSize=${PAGE_SIZE}`;
      const viaApi = async () => {
        // Node's fetch keeps one connection per request in flight (its pool is unbounded per origin).
        const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
        const body = (await res.json()) as { items: unknown[] };
        if (res.status !== 200 || body.items.length !== PAGE_SIZE) throw new Error(`API answered ${res.status}`);
      };
      const direct = async () => {
        const page = await container.items.query(spec, { partitionKey: tenantId, maxItemCount: PAGE_SIZE }).fetchNext();
        if (page.resources.length !== PAGE_SIZE) throw new Error(`direct query returned ${page.resources.length}`);
      };
      const directNoPlan = async () => {
        const iterator = container.items.query(spec, { partitionKey: tenantId, maxItemCount: PAGE_SIZE });
        const page = await withoutQueryPlan(iterator).fetchNext();
        if (page.resources.length !== PAGE_SIZE) throw new Error(`direct query returned ${page.resources.length}`);
      };
      // Warm both paths before measuring: connections, JWKS and query plans, and V8's optimised code. A fresh process
      // runs its first thousands of requests partly unoptimised (measured: 22-36 % more CPU per listing in the
      // platform process over requests 200-2,200 than over the next 3,000, 25-40 % more in the direct side's client),
      // which would be charged to whichever rounds come first; both sides get the same warm-up.
      await load(20, WARM_UP_REQUESTS, viaApi);
      await load(20, WARM_UP_REQUESTS, direct);
      await load(20, WARM_UP_REQUESTS, directNoPlan);

      const emulatorPid = descendantWith(platform.pid, 'cosmosProcess');
      const rows: BenchRow[] = [];
      for (const inFlight of CONNECTIONS) {
        const api: number[] = [];
        const sdk: number[] = [];
        const noPlan: number[] = [];
        const apiCpu = new CpuPerRequest(platform.pid, emulatorPid);
        const sdkCpu = new CpuPerRequest(undefined, emulatorPid);
        const noPlanCpu = new CpuPerRequest(undefined, emulatorPid);
        for (let r = 0; r < ROUNDS; r++) {
          await apiCpu.during(total, async () => api.push(...(await load(inFlight, total, viaApi))));
          await sdkCpu.during(total, async () => sdk.push(...(await load(inFlight, total, direct))));
          await noPlanCpu.during(total, async () => noPlan.push(...(await load(inFlight, total, directNoPlan))));
        }
        const apiPer = apiCpu.perRequest();
        const sdkPer = sdkCpu.perRequest();
        const noPlanPer = noPlanCpu.perRequest();
        const apiP50 = percentile(api, 50);
        const sdkP50 = percentile(sdk, 50);
        const noPlanP50 = percentile(noPlan, 50);
        const row: BenchRow = {
          benchmark: 'apiLatency',
          case: `list projects, ${inFlight} in flight`,
          metrics: {
            apiP50Ms: round(apiP50),
            apiP99Ms: round(percentile(api, 99)),
            directP50Ms: round(sdkP50),
            directP99Ms: round(percentile(sdk, 99)),
            p50Ratio: round(apiP50 / sdkP50, 2),
            // CPU ms per request: the API's host process, emulator and client; the direct side's client and emulator.
            apiHostCpuMs: round(apiPer.host, 3),
            apiEmulatorCpuMs: round(apiPer.emulator, 3),
            apiClientCpuMs: round(apiPer.client, 3),
            directClientCpuMs: round(sdkPer.client, 3),
            directEmulatorCpuMs: round(sdkPer.emulator, 3),
            hostToDirectClientCpu: round(apiPer.host / sdkPer.client, 2),
            // The same query without the SDK's plan request, as the API sends it.
            noPlanP50Ms: round(noPlanP50),
            noPlanP50Ratio: round(apiP50 / noPlanP50, 2),
            noPlanClientCpuMs: round(noPlanPer.client, 3),
            noPlanEmulatorCpuMs: round(noPlanPer.emulator, 3),
            requests: api.length,
          },
        };
        log(`${row.case}: ${JSON.stringify(row.metrics)}`);
        rows.push(row);
      }
      return rows;
    } finally {
      await stop();
    }
  },
};

export default bench;
