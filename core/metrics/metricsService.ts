/**
 * The operator's view of the platform metrics, read from the stored daily aggregates (so it answers the same in
 * Azure and on a laptop). Cost per request is bounded: the platform or one tenant is one partition of at most
 * MAX_WINDOW_DAYS documents; the per-tenant table reads one page of tenants, one partition each.
 */
import type { MetricsReport, TenantMetricsRow } from './report';
import { authorizeOperatorAction } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import { NotFoundError } from '../errors';
import type { Page, TenantDirectory } from '../ports/documents';
import type { Clock } from '../ports/system';
import type { TenantRecord } from '../tenants/tenant';
import type { DailyMetricsStore } from './dailyMetricsStore';
import { figuresOf, summaryOf } from './figures';
import { PLATFORM_SCOPE, utcDay } from './metricsBuffer';

export interface MetricsServiceDeps {
  store: DailyMetricsStore;
  tenants: TenantDirectory<TenantRecord>;
  clock: Clock;
  /** Writes what this process measured but has not flushed yet, so a read sees its own requests. */
  flushLocal: () => Promise<void>;
}

/** The last `count` UTC days, oldest first, today included. */
export function windowDays(today: Date, count: number): string[] {
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: count }, (_, i) => utcDay(new Date(start - (count - 1 - i) * 86_400_000)));
}

export class MetricsService {
  constructor(private readonly deps: MetricsServiceDeps) {}

  /** The whole platform's figures, or one tenant's, over the last `days` days. */
  async report(principal: Principal | undefined, query: { days: number; tenantId?: string }): Promise<MetricsReport> {
    authorizeOperatorAction(principal, 'metrics.read');
    if (query.tenantId !== undefined && !(await this.deps.tenants.get(query.tenantId))) {
      throw new NotFoundError('Tenant');
    }
    await this.deps.flushLocal();
    const days = windowDays(this.deps.clock.now(), query.days);
    const records = await this.deps.store.read(query.tenantId ?? PLATFORM_SCOPE, days);
    const byDay = new Map(records.map((record) => [record.day, record.totals]));
    return {
      tenantId: query.tenantId ?? null,
      from: days[0]!,
      to: days[days.length - 1]!,
      figures: figuresOf(
        records.map((record) => record.totals),
        days.length,
      ),
      daily: days.map((day) => {
        const totals = byDay.get(day);
        return { day, ...summaryOf(totals ? [totals] : []) };
      }),
    };
  }

  /** One page of tenants (newest first), each with its headline figures over the last `days` days. */
  async byTenant(
    principal: Principal | undefined,
    query: { days: number; pageSize: number; continuationToken?: string },
  ): Promise<Page<TenantMetricsRow> & { from: string; to: string }> {
    authorizeOperatorAction(principal, 'metrics.read');
    await this.deps.flushLocal();
    const days = windowDays(this.deps.clock.now(), query.days);
    const tenants = await this.deps.tenants.list({
      orderBy: { field: 'createdAt', direction: 'DESC' },
      page: { pageSize: query.pageSize, continuationToken: query.continuationToken },
    });
    const items = await Promise.all(
      tenants.items.map(async (tenant) => {
        const records = await this.deps.store.read(tenant.id, days);
        return {
          tenantId: tenant.id,
          name: tenant.name,
          status: tenant.status,
          summary: summaryOf(records.map((record) => record.totals)),
        };
      }),
    );
    return { from: days[0]!, to: days[days.length - 1]!, items, continuationToken: tenants.continuationToken };
  }
}
