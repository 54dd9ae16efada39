/**
 * The derived figures the operator reads: ratios, percentiles and per-kind breakdowns computed from summed daily
 * totals. Every ratio is null when there is nothing to divide by, never a made-up zero.
 */
import type { MetricsFigures, MetricsSummary } from './report';
import { jobKinds } from '../jobs/job';
import { emptyTotals, mergeTotals, type HttpTotals, type MetricsTotals } from './dailyMetrics';
import { emptyHistogram, mergeHistograms, quantile, summarize } from './histogram';

function ratio(part: number, whole: number): number | null {
  return whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
}

function roundedQuantile(...args: Parameters<typeof quantile>): number | null {
  const value = quantile(...args);
  return value === null ? null : Math.round(value * 10) / 10;
}

export function sumTotals(days: readonly MetricsTotals[]): MetricsTotals {
  return days.reduce(mergeTotals, emptyTotals());
}

function httpOverall(http: MetricsTotals['http']): HttpTotals {
  return Object.values(http).reduce(
    (all, one) => ({
      requests: all.requests + one.requests,
      clientErrors: all.clientErrors + one.clientErrors,
      serverErrors: all.serverErrors + one.serverErrors,
      latency: mergeHistograms(all.latency, one.latency),
    }),
    { requests: 0, clientErrors: 0, serverErrors: 0, latency: emptyHistogram('latencyMs') },
  );
}

function httpFigures(http: HttpTotals) {
  return {
    requests: http.requests,
    clientErrors: http.clientErrors,
    serverErrors: http.serverErrors,
    errorRate: ratio(http.serverErrors, http.requests),
    latencyMs: summarize(http.latency),
  };
}

/** Figures over a window: `days` are its days' totals (days with nothing measured may be left out). */
export function figuresOf(days: readonly MetricsTotals[], windowDays: number): MetricsFigures {
  const total = sumTotals(days);
  const { speech, segments, llm, projects } = total;
  const operations = Object.entries(total.http)
    .map(([operation, http]) => ({ operation, ...httpFigures(http) }))
    .sort((a, b) => b.requests - a.requests || a.operation.localeCompare(b.operation));
  return {
    speech: {
      requests: speech.requests,
      throttled: speech.throttled,
      failed: speech.failed,
      cancelled: speech.cancelled,
      billableCharacters: speech.billableCharacters,
      latencyMs: summarize(speech.latency),
    },
    segments: {
      cacheHits: segments.cacheHits,
      synthesized: segments.synthesized,
      cacheHitRatio: ratio(segments.cacheHits, segments.cacheHits + segments.synthesized),
    },
    llm: {
      calls: llm.calls,
      failed: llm.failed,
      modelCalls: llm.modelCalls,
      promptTokens: llm.promptTokens,
      completionTokens: llm.completionTokens,
      latencyMs: summarize(llm.latency),
    },
    jobs: jobKinds.flatMap((kind) => {
      const job = total.jobs[kind];
      if (!job) return [];
      const { succeeded, failed, cancelled } = job;
      return [{ kind, succeeded, failed, cancelled, durationSeconds: summarize(job.duration) }];
    }),
    http: { ...httpFigures(httpOverall(total.http)), operations },
    activeUsers: {
      peakDay: Math.max(0, ...days.map((day) => day.activeUsers)),
      averagePerDay: windowDays > 0 ? Math.round((total.activeUsers / windowDays) * 10) / 10 : null,
    },
    projects: {
      created: projects.created,
      // Completions are filed under their creation day; a project created before measuring began has no creation
      // counted, so its completion could push the share past one.
      completed: Math.min(projects.completedOfCreated, projects.created),
      completionRate: ratio(Math.min(projects.completedOfCreated, projects.created), projects.created),
    },
  };
}

/** The headline numbers of a set of days (one day for the daily series, the window for a tenant's row). */
export function summaryOf(days: readonly MetricsTotals[]): MetricsSummary {
  const total = sumTotals(days);
  const http = httpOverall(total.http);
  const jobs = Object.values(total.jobs);
  return {
    httpRequests: http.requests,
    serverErrors: http.serverErrors,
    errorRate: ratio(http.serverErrors, http.requests),
    httpP95Ms: roundedQuantile(http.latency, 0.95),
    speechRequests: total.speech.requests,
    throttled: total.speech.throttled,
    billableCharacters: total.speech.billableCharacters,
    synthesisP95Ms: roundedQuantile(total.speech.latency, 0.95),
    cacheHitRatio: ratio(total.segments.cacheHits, total.segments.cacheHits + total.segments.synthesized),
    llmTokens: total.llm.promptTokens + total.llm.completionTokens,
    jobsSucceeded: jobs.reduce((sum, job) => sum + job.succeeded, 0),
    jobsFailed: jobs.reduce((sum, job) => sum + job.failed, 0),
    activeUsers: Math.max(0, ...days.map((day) => day.activeUsers)),
    projectsCreated: total.projects.created,
    projectsCompleted: Math.min(total.projects.completedOfCreated, total.projects.created),
  };
}
