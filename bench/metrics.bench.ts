/**
 * What measuring costs (docs/operations.md): recording one API request's measurements in the app's recorder
 * (OpenTelemetry instruments with the SDK collecting, plus the in-memory daily aggregate), flushing a busy interval
 * to the Cosmos emulator (documents written, time, size of the largest day document), and the operator's reads over
 * stored days (the platform over 92 days, a page of 20 tenants over 31 days).
 */
import { CosmosClient } from '@azure/cosmos';
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from '@opentelemetry/sdk-metrics';
import {
  AlwaysOffSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import { containerDefinitions } from '../adapters/cosmos/containers';
import { CosmosTenantCollection, CosmosTenantDirectory } from '../adapters/cosmos/cosmosCollections';
import { OpenTelemetryMetrics } from '../adapters/metrics/openTelemetryMetrics';
import { randomIds } from '../adapters/system/system';
import { DailyMetricsStore, type DailyMetricsRecord } from '../core/metrics/dailyMetricsStore';
import { MetricsAggregator } from '../core/metrics/metricsAggregator';
import { PLATFORM_SCOPE } from '../core/metrics/metricsBuffer';
import { MetricsService } from '../core/metrics/metricsService';
import { allOf, type Measurement } from '../core/ports/metrics';
import type { TenantRecord } from '../core/tenants/tenant';
import { startCosmos } from '../local/emulators/cosmos';
import type { BenchModule, BenchRow } from './types';

const TENANTS = 20;
const OPERATIONS = 150;
const RECORDS = 200_000;
const operator = { kind: 'operator' as const, userId: 'u-operator' };
const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function requestMeasurements(i: number): Measurement[] {
  const tenantId = `t-bench-${i % TENANTS}`;
  return [
    {
      name: 'http.request',
      tenantId,
      operation: `operation${i % OPERATIONS}`,
      status: i % 50 === 0 ? 503 : 200,
      durationMs: 5 + (i % 700),
    },
    { name: 'user.active', tenantId, userId: `u-${i % 500}` },
  ];
}

const bench: BenchModule = {
  name: 'metrics',
  description:
    'Cost of measuring: one API request recorded (OpenTelemetry SDK collecting + the daily aggregate), a flush of ' +
    `${TENANTS} tenants × ${OPERATIONS} operations to the Cosmos emulator, and the operator's reads`,
  async run({ log }) {
    const rows: BenchRow[] = [];
    const cosmos = await startCosmos({ port: 0, database: 'khipu' });
    const client = new CosmosClient({
      endpoint: cosmos.endpoint,
      key: cosmos.key,
      connectionPolicy: { enableEndpointDiscovery: false },
    });
    const meterProvider = new MeterProvider({
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new InMemoryMetricExporter(AggregationTemporality.DELTA),
          exportIntervalMillis: 60_000,
        }),
      ],
    });
    // Every span recorded and exported (the worst case), and every span sampled out: Azure Monitor's default
    // sampler keeps 5 traces a second, so under load nearly every span is the second kind.
    const recordingTracer = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new InMemorySpanExporter())],
    });
    const sampledOutTracer = new BasicTracerProvider({ sampler: new AlwaysOffSampler() });
    try {
      const database = client.database('khipu');
      const documents = new CosmosTenantCollection<DailyMetricsRecord>(
        database.container(containerDefinitions.metrics.id),
      );
      let today = new Date('2031-06-30T12:00:00Z');
      const clock = { now: () => today };
      const store = new DailyMetricsStore({ documents, clock });
      const aggregator = new MetricsAggregator({ store, clock, ids: randomIds, logger: silent });
      for (const [spans, tracerProvider] of [
        ['every span recorded', recordingTracer],
        ['spans sampled out', sampledOutTracer],
      ] as const) {
        const openTelemetry = new OpenTelemetryMetrics({
          meter: () => meterProvider.getMeter('khipu'),
          tracer: () => tracerProvider.getTracer('khipu'),
        });
        const recorder = allOf(openTelemetry, aggregator);
        for (let i = 0; i < 20_000; i++) for (const m of requestMeasurements(i)) recorder.record(m);
        await aggregator.flush();
        const started = process.hrtime.bigint();
        for (let i = 0; i < RECORDS; i++) for (const m of requestMeasurements(i)) recorder.record(m);
        const perRequestUs = Number(process.hrtime.bigint() - started) / 1e3 / RECORDS;
        rows.push({
          benchmark: 'metrics',
          case: `record one API request, ${spans}`,
          metrics: { 'µs per request': round(perRequestUs, 2), requests: RECORDS },
        });
        log(`record (${spans}): ${perRequestUs.toFixed(2)} µs per request`);
      }

      const flushStarted = process.hrtime.bigint();
      await aggregator.flush();
      const flushMs = Number(process.hrtime.bigint() - flushStarted) / 1e6;
      const written = await Promise.all(
        Array.from({ length: TENANTS }, (_, t) => documents.get(`t-bench-${t}`, '2031-06-30')),
      );
      const largest = Math.max(...written.map((doc) => Buffer.byteLength(JSON.stringify(doc))));
      rows.push({
        benchmark: 'metrics',
        case: `flush ${RECORDS} requests of ${TENANTS} tenants (${OPERATIONS} operations) into existing days`,
        metrics: {
          'flush ms': round(flushMs),
          'documents written': TENANTS + 1,
          'largest day KB': round(largest / 1024),
        },
      });
      log(`flush: ${flushMs.toFixed(0)} ms, largest day ${(largest / 1024).toFixed(1)} KB`);

      // 92 days of the platform and of every tenant, then the operator's two reads.
      for (let day = 0; day < 92; day++) {
        today = new Date(Date.UTC(2031, 3, 1 + day, 12));
        for (let i = 0; i < 2_000; i++) for (const m of requestMeasurements(i)) aggregator.record(m);
        await aggregator.flush();
      }
      const tenants = new CosmosTenantDirectory<TenantRecord>(database.container(containerDefinitions.tenants.id));
      for (let t = 0; t < TENANTS; t++) {
        await tenants.create({
          id: `t-bench-${t}`,
          type: 'tenant',
          name: `Bench ${t}`,
          plan: 'standard',
          status: 'active',
          createdAt: new Date(Date.UTC(2031, 0, 1 + t)).toISOString(),
        } as TenantRecord);
      }
      const service = new MetricsService({ store, tenants, clock, flushLocal: () => aggregator.flush() });
      const time = async (work: () => Promise<unknown>, times = 10) => {
        const samples: number[] = [];
        for (let i = 0; i < times; i++) {
          const begin = process.hrtime.bigint();
          await work();
          samples.push(Number(process.hrtime.bigint() - begin) / 1e6);
        }
        return samples.sort((a, b) => a - b)[Math.floor(samples.length / 2)]!;
      };
      const platformDay = await documents.get(PLATFORM_SCOPE, '2031-06-01');
      const platformDayKb = round(Buffer.byteLength(JSON.stringify(platformDay)) / 1024);
      const platformMs = await time(() => service.report(operator, { days: 92 }));
      const tenantMs = await time(() => service.report(operator, { days: 92, tenantId: 't-bench-3' }));
      const tableMs = await time(() => service.byTenant(operator, { days: 31, pageSize: 20 }));
      rows.push(
        {
          benchmark: 'metrics',
          case: 'operator report, platform, 92 days',
          metrics: { 'median ms': round(platformMs), 'documents read': 92, 'largest day KB': platformDayKb },
        },
        {
          benchmark: 'metrics',
          case: 'operator report, one tenant, 92 days',
          metrics: { 'median ms': round(tenantMs), 'documents read': 92 },
        },
        {
          benchmark: 'metrics',
          case: `per-tenant table, ${TENANTS} tenants, 31 days`,
          metrics: { 'median ms': round(tableMs), 'documents read': TENANTS * 31 },
        },
      );
      log(
        `reads: platform ${platformMs.toFixed(0)} ms, tenant ${tenantMs.toFixed(0)} ms, table ${tableMs.toFixed(0)} ms`,
      );
      return rows;
    } finally {
      await meterProvider.shutdown();
      await recordingTracer.shutdown();
      await sampledOutTracer.shutdown();
      client.dispose();
      await cosmos.stop();
    }
  },
};

export default bench;
