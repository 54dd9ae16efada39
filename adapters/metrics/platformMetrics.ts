/**
 * The metrics of one process, built once by the composition root: every measurement goes to OpenTelemetry at once
 * and into the in-memory aggregate, which is flushed to the `metrics` container every FLUSH_INTERVAL_MS, as soon as
 * a job ends, before the operator's API reads, and when the host shuts down.
 */
import type { Container } from '@azure/cosmos';
import { DailyMetricsStore, type DailyMetricsRecord } from '../../core/metrics/dailyMetricsStore';
import { MetricsAggregator } from '../../core/metrics/metricsAggregator';
import { MetricsService } from '../../core/metrics/metricsService';
import type { TenantDirectory } from '../../core/ports/documents';
import { allOf, type MetricsRecorder } from '../../core/ports/metrics';
import type { Clock, IdGenerator, Logger } from '../../core/ports/system';
import type { TenantRecord } from '../../core/tenants/tenant';
import { CosmosTenantCollection } from '../cosmos/cosmosCollections';
import { OpenTelemetryMetrics } from './openTelemetryMetrics';

/** How stale the stored figures may get while a process is busy (and how much a killed process can lose). */
export const FLUSH_INTERVAL_MS = 10_000;

export interface PlatformMetrics {
  recorder: MetricsRecorder;
  service: MetricsService;
  /** Writes what this process measured so far; never rejects. */
  flush(): Promise<void>;
}

const built = new Set<PlatformMetrics>();

/** For the host's shutdown hook: flushes every process-wide metrics instance built so far (none: nothing to do). */
export async function flushBuiltMetrics(): Promise<void> {
  await Promise.all([...built].map((metrics) => metrics.flush()));
}

export function buildPlatformMetrics(deps: {
  container: Container;
  tenants: TenantDirectory<TenantRecord>;
  clock: Clock;
  ids: IdGenerator;
  logger: Logger;
}): PlatformMetrics {
  const openTelemetry = new OpenTelemetryMetrics();
  const store = new DailyMetricsStore({
    documents: new CosmosTenantCollection<DailyMetricsRecord>(deps.container),
    clock: deps.clock,
  });
  const aggregator = new MetricsAggregator({
    store,
    clock: deps.clock,
    ids: deps.ids,
    logger: deps.logger,
    onNewActiveUsers: (tenantId, count) => openTelemetry.activeUsersAdded(tenantId, count),
  });
  const flush = () => aggregator.flush();
  // unref: a pending flush never keeps a process alive that is otherwise done.
  setInterval(() => void flush(), FLUSH_INTERVAL_MS).unref();
  const recorder = allOf(openTelemetry, aggregator, {
    record(measurement) {
      // A job's figures are what people look for when it ends: store them now rather than at the next tick.
      if (measurement.name === 'job.ended') void flush();
    },
  });
  const metrics: PlatformMetrics = {
    recorder,
    service: new MetricsService({ store, tenants: deps.tenants, clock: deps.clock, flushLocal: flush }),
    flush,
  };
  built.add(metrics);
  return metrics;
}
