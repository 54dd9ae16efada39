/**
 * Measurements as OpenTelemetry instruments, exported by the same `@azure/monitor-opentelemetry` setup as traces
 * and logs (adapters/logging/telemetry.ts): counters and histograms become `customMetrics` in Application Insights.
 * That exporter keeps a histogram's count, sum, min and max but not its buckets, so every timed measurement is also
 * an internal span (`dependencies`, one row each): the workbook and the latency alert compute p50/p95/p99 from
 * those. Without a connection string the global providers are no-ops and all of this costs next to nothing.
 *
 * Attribute names and values are fixed here and in core/ports/metrics.ts: the tenant id and closed sets, never a
 * user. docs/operations.md lists every instrument.
 */
import {
  metrics,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Counter,
  type Histogram,
  type Meter,
  type Tracer,
} from '@opentelemetry/api';
import { JOB_DURATION_BOUNDS_S, LATENCY_BOUNDS_MS } from '../../core/metrics/histogram';
import type { Measurement, MetricsRecorder } from '../../core/ports/metrics';

export const INSTRUMENTATION_SCOPE = 'khipu';

/** Span names of the timed measurements (the workbook's KQL filters on them). */
export const SPAN_NAMES = {
  speech: 'khipu.tts.synthesize',
  llm: 'khipu.llm.call',
  http: 'khipu.http.request',
} as const;

/** Instrument names (the workbook's and the alerts' KQL name them; docs/operations.md describes each). */
export const METRIC_NAMES = {
  ttsRequests: 'khipu.tts.requests',
  ttsCharacters: 'khipu.tts.billable_characters',
  ttsDuration: 'khipu.tts.duration',
  segments: 'khipu.production.segments',
  llmRequests: 'khipu.llm.requests',
  llmTokens: 'khipu.llm.tokens',
  llmDuration: 'khipu.llm.duration',
  jobsCompleted: 'khipu.jobs.completed',
  jobsDuration: 'khipu.jobs.duration',
  httpRequests: 'khipu.http.requests',
  httpDuration: 'khipu.http.duration',
  activeUsers: 'khipu.users.active',
  projectsCreated: 'khipu.projects.created',
  projectsCompleted: 'khipu.projects.completed',
} as const;

/** One instrument per name, no more, no fewer. */
interface Instruments extends Record<keyof typeof METRIC_NAMES, Counter | Histogram> {
  ttsRequests: Counter;
  ttsCharacters: Counter;
  ttsDuration: Histogram;
  segments: Counter;
  llmRequests: Counter;
  llmTokens: Counter;
  llmDuration: Histogram;
  jobsCompleted: Counter;
  jobsDuration: Histogram;
  httpRequests: Counter;
  httpDuration: Histogram;
  activeUsers: Counter;
  projectsCreated: Counter;
  projectsCompleted: Counter;
}

function createInstruments(meter: Meter): Instruments {
  const latency = (name: string, description: string) =>
    meter.createHistogram(name, {
      unit: 'ms',
      description,
      advice: { explicitBucketBoundaries: [...LATENCY_BOUNDS_MS] },
    });
  return {
    ttsRequests: meter.createCounter(METRIC_NAMES.ttsRequests, {
      unit: '{request}',
      description: 'Requests to the TTS engine, by outcome (ok, throttled, failed, cancelled)',
    }),
    ttsCharacters: meter.createCounter(METRIC_NAMES.ttsCharacters, {
      unit: '{character}',
      description: 'Characters billed by the TTS engine',
    }),
    ttsDuration: latency(METRIC_NAMES.ttsDuration, 'Time of one TTS request'),
    segments: meter.createCounter(METRIC_NAMES.segments, {
      unit: '{segment}',
      description: 'Production segments served from stored audio (source=cache) or synthesized (source=synthesized)',
    }),
    llmRequests: meter.createCounter(METRIC_NAMES.llmRequests, {
      unit: '{call}',
      description: 'Calls of an analysis engine (character detection, attribution), by outcome',
    }),
    llmTokens: meter.createCounter(METRIC_NAMES.llmTokens, {
      unit: '{token}',
      description: 'Model tokens used, by token_type (prompt, completion)',
    }),
    llmDuration: latency(METRIC_NAMES.llmDuration, 'Time of one analysis-engine call'),
    jobsCompleted: meter.createCounter(METRIC_NAMES.jobsCompleted, {
      unit: '{job}',
      description: 'Jobs that ended, by job_kind and outcome (succeeded, failed, cancelled)',
    }),
    jobsDuration: meter.createHistogram(METRIC_NAMES.jobsDuration, {
      unit: 's',
      description: 'Time from a job being queued to its end',
      advice: { explicitBucketBoundaries: [...JOB_DURATION_BOUNDS_S] },
    }),
    httpRequests: meter.createCounter(METRIC_NAMES.httpRequests, {
      unit: '{request}',
      description: 'API requests, by operation and status_class (2xx, 3xx, 4xx, 5xx)',
    }),
    httpDuration: latency(METRIC_NAMES.httpDuration, 'Time to answer one API request'),
    activeUsers: meter.createCounter(METRIC_NAMES.activeUsers, {
      unit: '{user}',
      description: "Users active for the first time in a tenant's UTC day (sum per day: daily active users)",
    }),
    projectsCreated: meter.createCounter(METRIC_NAMES.projectsCreated, {
      unit: '{project}',
      description: 'New projects',
    }),
    projectsCompleted: meter.createCounter(METRIC_NAMES.projectsCompleted, {
      unit: '{project}',
      description: "Projects whose first production succeeded, with the project's creation day (created_day)",
    }),
  };
}

function withTenant(tenantId: string | undefined, attributes: Attributes): Attributes {
  return tenantId === undefined ? attributes : { tenant_id: tenantId, ...attributes };
}

function statusClass(status: number): string {
  return `${Math.min(5, Math.max(1, Math.floor(status / 100)))}xx`;
}

export class OpenTelemetryMetrics implements MetricsRecorder {
  private instruments: Instruments | undefined;

  /**
   * Meter and tracer come from the global providers unless given (tests). The meter is asked for on first use: the
   * metrics API has no stand-in provider, so instruments made before telemetry starts would stay no-ops.
   */
  constructor(private readonly options: { meter?: () => Meter; tracer?: () => Tracer; now?: () => number } = {}) {}

  record(m: Measurement): void {
    const instruments = this.instrumentsNow();
    switch (m.name) {
      case 'speech.request': {
        const attributes = withTenant(m.tenantId, { engine: m.engine, outcome: m.outcome });
        instruments.ttsRequests.add(1, attributes);
        if (m.billableCharacters > 0) {
          instruments.ttsCharacters.add(m.billableCharacters, withTenant(m.tenantId, { engine: m.engine }));
        }
        instruments.ttsDuration.record(m.durationMs, attributes);
        this.span(SPAN_NAMES.speech, m.durationMs, attributes, m.outcome === 'failed');
        return;
      }
      case 'speech.segments':
        if (m.cacheHits > 0) instruments.segments.add(m.cacheHits, withTenant(m.tenantId, { source: 'cache' }));
        if (m.synthesized > 0) {
          instruments.segments.add(m.synthesized, withTenant(m.tenantId, { source: 'synthesized' }));
        }
        return;
      case 'llm.request': {
        const attributes = withTenant(m.tenantId, { engine: m.engine, operation: m.operation, outcome: m.outcome });
        instruments.llmRequests.add(1, attributes);
        const tokenAttributes = (type: string) =>
          withTenant(m.tenantId, { engine: m.engine, operation: m.operation, token_type: type });
        if (m.promptTokens > 0) instruments.llmTokens.add(m.promptTokens, tokenAttributes('prompt'));
        if (m.completionTokens > 0) instruments.llmTokens.add(m.completionTokens, tokenAttributes('completion'));
        instruments.llmDuration.record(m.durationMs, attributes);
        this.span(SPAN_NAMES.llm, m.durationMs, attributes, m.outcome === 'failed');
        return;
      }
      case 'job.ended': {
        const attributes = withTenant(m.tenantId, { job_kind: m.kind, outcome: m.outcome });
        instruments.jobsCompleted.add(1, attributes);
        instruments.jobsDuration.record(m.durationMs / 1000, attributes);
        return;
      }
      case 'http.request': {
        const attributes = withTenant(m.tenantId, { operation: m.operation, status_class: statusClass(m.status) });
        instruments.httpRequests.add(1, attributes);
        instruments.httpDuration.record(m.durationMs, attributes);
        this.span(SPAN_NAMES.http, m.durationMs, { ...attributes, status: m.status }, m.status >= 500);
        return;
      }
      case 'project.created':
        instruments.projectsCreated.add(1, { tenant_id: m.tenantId });
        return;
      case 'project.completed':
        instruments.projectsCompleted.add(1, { tenant_id: m.tenantId, created_day: m.createdDay });
        return;
      case 'user.active':
        // Counted where the stored aggregate says the user is new in the day (activeUsersAdded): exact across
        // instances, and no key of the user ever reaches telemetry.
        return;
    }
  }

  /** Users a tenant's stored day had not seen (see MetricsAggregator's onNewActiveUsers). */
  activeUsersAdded(tenantId: string, count: number): void {
    this.instrumentsNow().activeUsers.add(count, { tenant_id: tenantId });
  }

  private instrumentsNow(): Instruments {
    return (this.instruments ??= createInstruments(this.options.meter?.() ?? metrics.getMeter(INSTRUMENTATION_SCOPE)));
  }

  private span(name: string, durationMs: number, attributes: Attributes, failed: boolean): void {
    const tracer = this.options.tracer?.() ?? trace.getTracer(INSTRUMENTATION_SCOPE);
    const end = this.options.now?.() ?? Date.now();
    const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL, startTime: end - durationMs, attributes });
    if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end(end);
  }
}
