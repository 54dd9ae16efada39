/**
 * The OpenTelemetry side of the metrics, read back through the SDK's in-memory exporters (the same SDK
 * `@azure/monitor-opentelemetry` drives): every measurement becomes the documented instruments with the tenant as a
 * dimension and nothing personal, latency histograms use the same buckets as the stored aggregates, and every
 * timed measurement is also a span with its duration (Application Insights keeps no histogram buckets; the
 * workbook's percentiles come from these spans).
 */
import type { Meter } from '@opentelemetry/api';
import {
  AggregationTemporality,
  DataPointType,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
  type MetricData,
} from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { OpenTelemetryMetrics, SPAN_NAMES } from '../../adapters/metrics/openTelemetryMetrics';
import { LATENCY_BOUNDS_MS } from '../../core/metrics/histogram';
import type { Measurement } from '../../core/ports/metrics';

let metricExporter: InMemoryMetricExporter;
let reader: PeriodicExportingMetricReader;
let meterProvider: MeterProvider;
let spanExporter: InMemorySpanExporter;
let tracerProvider: BasicTracerProvider;

beforeEach(() => {
  metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
  meterProvider = new MeterProvider({ readers: [reader] });
  spanExporter = new InMemorySpanExporter();
  tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spanExporter)] });
});
afterEach(async () => {
  await meterProvider.shutdown();
  await tracerProvider.shutdown();
});

function recorder(): OpenTelemetryMetrics {
  return new OpenTelemetryMetrics({
    meter: (): Meter => meterProvider.getMeter('khipu'),
    tracer: () => tracerProvider.getTracer('khipu'),
    now: () => 1_000_000,
  });
}

async function exported(): Promise<Map<string, MetricData>> {
  await reader.forceFlush();
  const metrics = metricExporter.getMetrics().flatMap((resource) => resource.scopeMetrics.flatMap((s) => s.metrics));
  return new Map(metrics.map((metric) => [metric.descriptor.name, metric]));
}

function points(metric: MetricData | undefined): { attributes: Record<string, unknown>; value: unknown }[] {
  return (metric?.dataPoints ?? []).map((point) => ({ attributes: { ...point.attributes }, value: point.value }));
}

const everyMeasurement: Measurement[] = [
  {
    name: 'speech.request',
    tenantId: 't-andes',
    engine: 'azure',
    outcome: 'ok',
    durationMs: 812,
    billableCharacters: 240,
  },
  {
    name: 'speech.request',
    tenantId: 't-andes',
    engine: 'azure',
    outcome: 'throttled',
    durationMs: 35,
    billableCharacters: 0,
  },
  { name: 'speech.segments', tenantId: 't-andes', cacheHits: 9, synthesized: 3 },
  {
    name: 'llm.request',
    tenantId: 't-pampa',
    engine: 'azure-openai',
    operation: 'attribution',
    outcome: 'ok',
    durationMs: 2400,
    promptTokens: 1500,
    completionTokens: 300,
    modelCalls: 2,
  },
  { name: 'job.ended', tenantId: 't-andes', kind: 'produce', outcome: 'failed', durationMs: 95_000 },
  { name: 'http.request', tenantId: 't-andes', operation: 'listProjects', status: 200, durationMs: 48 },
  { name: 'http.request', tenantId: undefined, operation: 'getAuthConfig', status: 503, durationMs: 3 },
  { name: 'user.active', tenantId: 't-andes', userId: 'u-andes-creator' },
  { name: 'project.created', tenantId: 't-andes' },
  { name: 'project.completed', tenantId: 't-andes', createdDay: '2031-03-01' },
];

test('every measurement becomes its instruments, with the tenant and closed-set dimensions only', async () => {
  const otel = recorder();
  for (const measurement of everyMeasurement) otel.record(measurement);
  otel.activeUsersAdded('t-andes', 2);
  const metrics = await exported();

  expect(points(metrics.get('khipu.tts.requests'))).toEqual(
    expect.arrayContaining([
      { attributes: { tenant_id: 't-andes', engine: 'azure', outcome: 'ok' }, value: 1 },
      { attributes: { tenant_id: 't-andes', engine: 'azure', outcome: 'throttled' }, value: 1 },
    ]),
  );
  expect(points(metrics.get('khipu.tts.billable_characters'))).toEqual([
    { attributes: { tenant_id: 't-andes', engine: 'azure' }, value: 240 },
  ]);
  expect(points(metrics.get('khipu.production.segments'))).toEqual(
    expect.arrayContaining([
      { attributes: { tenant_id: 't-andes', source: 'cache' }, value: 9 },
      { attributes: { tenant_id: 't-andes', source: 'synthesized' }, value: 3 },
    ]),
  );
  expect(points(metrics.get('khipu.llm.tokens'))).toEqual(
    expect.arrayContaining([
      {
        attributes: { tenant_id: 't-pampa', engine: 'azure-openai', operation: 'attribution', token_type: 'prompt' },
        value: 1500,
      },
      {
        attributes: {
          tenant_id: 't-pampa',
          engine: 'azure-openai',
          operation: 'attribution',
          token_type: 'completion',
        },
        value: 300,
      },
    ]),
  );
  expect(points(metrics.get('khipu.jobs.completed'))).toEqual([
    { attributes: { tenant_id: 't-andes', job_kind: 'produce', outcome: 'failed' }, value: 1 },
  ]);
  const jobDuration = metrics.get('khipu.jobs.duration')!;
  expect(jobDuration.descriptor.unit).toBe('s');
  expect((jobDuration.dataPoints[0]!.value as { sum: number }).sum).toBe(95);
  expect(points(metrics.get('khipu.http.requests'))).toEqual(
    expect.arrayContaining([
      { attributes: { tenant_id: 't-andes', operation: 'listProjects', status_class: '2xx' }, value: 1 },
      // A request outside any tenant carries no tenant dimension at all.
      { attributes: { operation: 'getAuthConfig', status_class: '5xx' }, value: 1 },
    ]),
  );
  expect(points(metrics.get('khipu.users.active'))).toEqual([{ attributes: { tenant_id: 't-andes' }, value: 2 }]);
  expect(points(metrics.get('khipu.projects.created'))).toEqual([{ attributes: { tenant_id: 't-andes' }, value: 1 }]);
  expect(points(metrics.get('khipu.projects.completed'))).toEqual([
    { attributes: { tenant_id: 't-andes', created_day: '2031-03-01' }, value: 1 },
  ]);

  // No user id (or anything derived from one) reaches telemetry.
  expect(JSON.stringify([...metrics.values()].map((m) => m.dataPoints))).not.toContain('u-andes-creator');
  expect(JSON.stringify(spanExporter.getFinishedSpans().map((s) => s.attributes))).not.toContain('u-andes');
});

test('latency histograms use the stored aggregates’ buckets, so both views have one resolution', async () => {
  const otel = recorder();
  otel.record(everyMeasurement[0]!);
  otel.record(everyMeasurement[5]!);
  const metrics = await exported();
  for (const name of ['khipu.tts.duration', 'khipu.http.duration']) {
    const metric = metrics.get(name)!;
    expect(metric.dataPointType).toBe(DataPointType.HISTOGRAM);
    expect(metric.descriptor.unit).toBe('ms');
    const value = metric.dataPoints[0]!.value as { buckets: { boundaries: number[] } };
    expect(value.buckets.boundaries).toEqual([...LATENCY_BOUNDS_MS]);
  }
});

test('timed measurements are spans with their duration, failures marked, for percentiles in the workbook', () => {
  const otel = recorder();
  for (const measurement of everyMeasurement) otel.record(measurement);
  const spans = spanExporter.getFinishedSpans();
  const durationMs = (span: (typeof spans)[number]) => span.duration[0] * 1000 + span.duration[1] / 1e6;
  const speech = spans.filter((span) => span.name === SPAN_NAMES.speech);
  expect(speech.map(durationMs).sort((a, b) => a - b)).toEqual([35, 812]);
  expect(speech.every((span) => span.attributes.tenant_id === 't-andes')).toBe(true);
  const llm = spans.find((span) => span.name === SPAN_NAMES.llm)!;
  expect(durationMs(llm)).toBe(2400);
  const http = spans.filter((span) => span.name === SPAN_NAMES.http);
  expect(http.map((span) => [span.attributes.operation, span.attributes.status, span.status.code])).toEqual([
    ['listProjects', 200, 0],
    ['getAuthConfig', 503, 2],
  ]);
  // Counts without a duration (segments, jobs, users, projects) are not spans.
  expect(spans).toHaveLength(5);
});
