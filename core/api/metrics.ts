import { z } from 'zod';
import { jobKinds } from '../jobs/job';
import type * as Domain from '../metrics/report';
import { Id, type SameShape } from './common';

/** The operator's platform metrics: request shapes and the figures derived from the stored daily aggregates. */

export const MetricsQuery = z.strictObject({
  /** The window: the last `days` UTC days, today included. */
  days: z.coerce.number().int().min(1).max(92).default(7),
  /** One tenant's figures; without it, the whole platform's. */
  tenantId: Id.optional(),
});

export const TenantMetricsQuery = z.strictObject({
  days: z.coerce.number().int().min(1).max(31).default(7),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
  continuationToken: z.string().max(4096).optional(),
});

const Count = z.number().int().min(0);
/** A share in [0, 1]; null when there is nothing to divide by. */
const Ratio = z.number().min(0).max(1).nullable();

export const LatencySummaryView = z
  .object({
    count: Count,
    mean: z.number().nullable(),
    p50: z.number().nullable(),
    p95: z.number().nullable(),
    p99: z.number().nullable(),
    max: z.number().nullable(),
  })
  .meta({
    id: 'LatencySummary',
    description: 'Estimated from fixed buckets: a percentile is exact to within its bucket (docs/operations.md)',
  });

const HttpFiguresBase = z.object({
  requests: Count,
  clientErrors: Count,
  serverErrors: Count,
  /** Server errors (5xx) over requests. */
  errorRate: Ratio,
  latencyMs: LatencySummaryView,
});

export const MetricsFiguresView = z
  .object({
    speech: z.object({
      requests: Count,
      throttled: Count,
      failed: Count,
      cancelled: Count,
      billableCharacters: Count,
      latencyMs: LatencySummaryView,
    }),
    segments: z.object({ cacheHits: Count, synthesized: Count, cacheHitRatio: Ratio }),
    llm: z.object({
      calls: Count,
      failed: Count,
      modelCalls: Count,
      promptTokens: Count,
      completionTokens: Count,
      latencyMs: LatencySummaryView,
    }),
    jobs: z.array(
      z.object({
        kind: z.enum(jobKinds),
        succeeded: Count,
        failed: Count,
        cancelled: Count,
        durationSeconds: LatencySummaryView,
      }),
    ),
    http: HttpFiguresBase.extend({
      operations: z.array(HttpFiguresBase.extend({ operation: z.string() })),
    }),
    activeUsers: z.object({ peakDay: Count, averagePerDay: z.number().nullable() }),
    projects: z.object({
      created: Count,
      /** Of the projects created in the window, those whose first production has succeeded. */
      completed: Count,
      completionRate: Ratio,
    }),
  })
  .meta({ id: 'MetricsFigures' });

/** The headline figures of one day or one tenant. */
export const MetricsSummaryView = z
  .object({
    httpRequests: Count,
    serverErrors: Count,
    errorRate: Ratio,
    httpP95Ms: z.number().nullable(),
    speechRequests: Count,
    throttled: Count,
    billableCharacters: Count,
    synthesisP95Ms: z.number().nullable(),
    cacheHitRatio: Ratio,
    llmTokens: Count,
    jobsSucceeded: Count,
    jobsFailed: Count,
    activeUsers: Count,
    projectsCreated: Count,
    projectsCompleted: Count,
  })
  .meta({ id: 'MetricsSummary' });

export const MetricsReportView = z
  .object({
    /** Null for the whole platform. */
    tenantId: z.string().nullable(),
    from: z.string(),
    to: z.string(),
    figures: MetricsFiguresView,
    daily: z.array(MetricsSummaryView.extend({ day: z.string() })),
  })
  .meta({
    id: 'MetricsReport',
    description:
      'Platform metrics between `from` and `to` (UTC days, inclusive), from the stored daily aggregates; ' +
      'active users are per day (peak and average over the window)',
  });

export const TenantMetricsPage = z
  .object({
    from: z.string(),
    to: z.string(),
    items: z.array(
      z.object({ tenantId: z.string(), name: z.string(), status: z.string(), summary: MetricsSummaryView }),
    ),
    continuationToken: z.string().nullable(),
  })
  .meta({ id: 'TenantMetricsPage' });

export type MetricsFigures = z.infer<typeof MetricsFiguresView>;
export type MetricsSummary = z.infer<typeof MetricsSummaryView>;
export type MetricsReport = z.infer<typeof MetricsReportView>;
export type TenantMetricsRow = z.infer<typeof TenantMetricsPage>['items'][number];

// The schemas describe what the metrics service returns.
void (true satisfies SameShape<MetricsReport, Domain.MetricsReport>);
void (true satisfies SameShape<TenantMetricsRow, Domain.TenantMetricsRow>);
