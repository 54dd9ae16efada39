/**
 * The figures the operator reads, as the metrics service derives them from the stored daily aggregates. The API's
 * schemas (core/api/metrics.ts) describe these shapes; the domain does not depend on them.
 */
import type { JobKind } from '../jobs/job';
import type { LatencySummary } from './histogram';

export type { LatencySummary };

export interface HttpFigures {
  requests: number;
  clientErrors: number;
  serverErrors: number;
  /** Server errors (5xx) over requests; null when there were none. */
  errorRate: number | null;
  latencyMs: LatencySummary;
}

export interface MetricsFigures {
  speech: {
    requests: number;
    throttled: number;
    failed: number;
    cancelled: number;
    billableCharacters: number;
    latencyMs: LatencySummary;
  };
  segments: { cacheHits: number; synthesized: number; cacheHitRatio: number | null };
  llm: {
    calls: number;
    failed: number;
    modelCalls: number;
    promptTokens: number;
    completionTokens: number;
    latencyMs: LatencySummary;
  };
  jobs: { kind: JobKind; succeeded: number; failed: number; cancelled: number; durationSeconds: LatencySummary }[];
  http: HttpFigures & { operations: (HttpFigures & { operation: string })[] };
  activeUsers: { peakDay: number; averagePerDay: number | null };
  /** Of the projects created in the window, those whose first production has succeeded. */
  projects: { created: number; completed: number; completionRate: number | null };
}

/** The headline figures of one day or one tenant. */
export interface MetricsSummary {
  httpRequests: number;
  serverErrors: number;
  errorRate: number | null;
  httpP95Ms: number | null;
  speechRequests: number;
  throttled: number;
  billableCharacters: number;
  synthesisP95Ms: number | null;
  cacheHitRatio: number | null;
  llmTokens: number;
  jobsSucceeded: number;
  jobsFailed: number;
  activeUsers: number;
  projectsCreated: number;
  projectsCompleted: number;
}

export interface MetricsReport {
  /** Null for the whole platform. */
  tenantId: string | null;
  from: string;
  to: string;
  figures: MetricsFigures;
  daily: (MetricsSummary & { day: string })[];
}

export interface TenantMetricsRow {
  tenantId: string;
  name: string;
  status: string;
  summary: MetricsSummary;
}
