/**
 * The figures of one tenant (or the whole platform) for one UTC day, as sums and histograms: everything in it adds
 * up, so deltas measured by any number of processes merge into the day's document in any order. Active users are
 * counted through one-way keys (a hash of tenant and user id), never the ids themselves.
 */
import { createHash } from 'node:crypto';
import type { JobKind } from '../jobs/job';
import type { Measurement } from '../ports/metrics';
import { emptyHistogram, mergeHistograms, observe, type Histogram } from './histogram';

export interface SpeechTotals {
  requests: number;
  throttled: number;
  failed: number;
  cancelled: number;
  billableCharacters: number;
  /** Every request, whatever its outcome (a throttled request still took the service's time). */
  latency: Histogram;
}

export interface JobTotals {
  succeeded: number;
  failed: number;
  cancelled: number;
  duration: Histogram;
}

export interface HttpTotals {
  requests: number;
  /** 4xx: refusals (validation, permissions, rate limits), the caller's to fix. */
  clientErrors: number;
  /** 5xx: the platform's failures. */
  serverErrors: number;
  latency: Histogram;
}

export interface MetricsTotals {
  speech: SpeechTotals;
  segments: { cacheHits: number; synthesized: number };
  llm: {
    calls: number;
    failed: number;
    modelCalls: number;
    promptTokens: number;
    completionTokens: number;
    latency: Histogram;
  };
  jobs: Partial<Record<JobKind, JobTotals>>;
  /** By OpenAPI operation id (a closed set fixed by code). */
  http: Record<string, HttpTotals>;
  projects: {
    created: number;
    /** Projects created on this day whose first production has succeeded since (recorded on the creation day). */
    completedOfCreated: number;
  };
  /** Distinct tenant users who made a request this day. */
  activeUsers: number;
}

export function emptyTotals(): MetricsTotals {
  return {
    speech: { requests: 0, throttled: 0, failed: 0, cancelled: 0, billableCharacters: 0, latency: emptyLatency() },
    segments: { cacheHits: 0, synthesized: 0 },
    llm: { calls: 0, failed: 0, modelCalls: 0, promptTokens: 0, completionTokens: 0, latency: emptyLatency() },
    jobs: {},
    http: {},
    projects: { created: 0, completedOfCreated: 0 },
    activeUsers: 0,
  };
}

function emptyLatency(): Histogram {
  return emptyHistogram('latencyMs');
}

function emptyJob(): JobTotals {
  return { succeeded: 0, failed: 0, cancelled: 0, duration: emptyHistogram('jobSeconds') };
}

function emptyHttp(): HttpTotals {
  return { requests: 0, clientErrors: 0, serverErrors: 0, latency: emptyLatency() };
}

/** The one-way key a user is counted by: stable within a tenant, meaningless outside it. */
export function activeUserKey(tenantId: string, userId: string): string {
  return createHash('sha256').update(`${tenantId}\u0000${userId}`).digest('base64url').slice(0, 16);
}

/**
 * Adds one measurement to running totals (in place: totals are private to the buffer that owns them). `user.active`
 * and `project.completed` are not plain sums; the buffer handles them (distinct keys, the creation day).
 */
export function addMeasurement(totals: MetricsTotals, m: Measurement): void {
  switch (m.name) {
    case 'speech.request': {
      const speech = totals.speech;
      speech.requests += 1;
      if (m.outcome === 'throttled') speech.throttled += 1;
      if (m.outcome === 'failed') speech.failed += 1;
      if (m.outcome === 'cancelled') speech.cancelled += 1;
      speech.billableCharacters += m.billableCharacters;
      speech.latency = observe(speech.latency, m.durationMs);
      return;
    }
    case 'speech.segments':
      totals.segments.cacheHits += m.cacheHits;
      totals.segments.synthesized += m.synthesized;
      return;
    case 'llm.request': {
      const llm = totals.llm;
      llm.calls += 1;
      if (m.outcome === 'failed') llm.failed += 1;
      llm.modelCalls += m.modelCalls;
      llm.promptTokens += m.promptTokens;
      llm.completionTokens += m.completionTokens;
      llm.latency = observe(llm.latency, m.durationMs);
      return;
    }
    case 'job.ended': {
      const job = (totals.jobs[m.kind] ??= emptyJob());
      job[m.outcome] += 1;
      job.duration = observe(job.duration, m.durationMs / 1000);
      return;
    }
    case 'http.request': {
      const http = (totals.http[m.operation] ??= emptyHttp());
      http.requests += 1;
      if (m.status >= 500) http.serverErrors += 1;
      else if (m.status >= 400) http.clientErrors += 1;
      http.latency = observe(http.latency, m.durationMs);
      return;
    }
    case 'project.created':
      totals.projects.created += 1;
      return;
    case 'project.completed':
      totals.projects.completedOfCreated += 1;
      return;
    case 'user.active':
      return;
  }
}

/** a + b, as a new value. */
export function mergeTotals(a: MetricsTotals, b: MetricsTotals): MetricsTotals {
  const jobs: MetricsTotals['jobs'] = { ...a.jobs };
  for (const [kind, more] of Object.entries(b.jobs) as [JobKind, JobTotals][]) {
    const have = jobs[kind];
    jobs[kind] = have
      ? {
          succeeded: have.succeeded + more.succeeded,
          failed: have.failed + more.failed,
          cancelled: have.cancelled + more.cancelled,
          duration: mergeHistograms(have.duration, more.duration),
        }
      : more;
  }
  const http: MetricsTotals['http'] = { ...a.http };
  for (const [operation, more] of Object.entries(b.http)) {
    const have = http[operation];
    http[operation] = have
      ? {
          requests: have.requests + more.requests,
          clientErrors: have.clientErrors + more.clientErrors,
          serverErrors: have.serverErrors + more.serverErrors,
          latency: mergeHistograms(have.latency, more.latency),
        }
      : more;
  }
  return {
    speech: {
      requests: a.speech.requests + b.speech.requests,
      throttled: a.speech.throttled + b.speech.throttled,
      failed: a.speech.failed + b.speech.failed,
      cancelled: a.speech.cancelled + b.speech.cancelled,
      billableCharacters: a.speech.billableCharacters + b.speech.billableCharacters,
      latency: mergeHistograms(a.speech.latency, b.speech.latency),
    },
    segments: {
      cacheHits: a.segments.cacheHits + b.segments.cacheHits,
      synthesized: a.segments.synthesized + b.segments.synthesized,
    },
    llm: {
      calls: a.llm.calls + b.llm.calls,
      failed: a.llm.failed + b.llm.failed,
      modelCalls: a.llm.modelCalls + b.llm.modelCalls,
      promptTokens: a.llm.promptTokens + b.llm.promptTokens,
      completionTokens: a.llm.completionTokens + b.llm.completionTokens,
      latency: mergeHistograms(a.llm.latency, b.llm.latency),
    },
    jobs,
    http,
    projects: {
      created: a.projects.created + b.projects.created,
      completedOfCreated: a.projects.completedOfCreated + b.projects.completedOfCreated,
    },
    activeUsers: a.activeUsers + b.activeUsers,
  };
}

/** Whether anything was measured (an empty delta is not worth a write). */
export function isEmptyTotals(totals: MetricsTotals): boolean {
  return (
    totals.speech.requests === 0 &&
    totals.segments.cacheHits + totals.segments.synthesized === 0 &&
    totals.llm.calls === 0 &&
    Object.keys(totals.jobs).length === 0 &&
    Object.keys(totals.http).length === 0 &&
    totals.projects.created + totals.projects.completedOfCreated === 0 &&
    totals.activeUsers === 0
  );
}
