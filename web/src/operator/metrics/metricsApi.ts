import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { MetricsReport, TenantMetricsPage } from '@core/api/metrics';
import { apiJson } from '../../api/client';

export type TenantMetricsPageView = z.infer<typeof TenantMetricsPage>;

/** Periods the page offers; the tenants table covers at most the API's 31 days. */
export const WINDOWS = [1, 7, 30, 90] as const;
export const TENANT_TABLE_MAX_DAYS = 31;

const metricsKeys = {
  report: (days: number, tenantId: string | null) => ['operator', 'metrics', days, tenantId] as const,
  tenants: (days: number) => ['operator', 'metrics', 'tenants', days] as const,
};

/** The platform's figures, or one tenant's, over the last `days` days. */
export function usePlatformMetrics(days: number, tenantId: string | null) {
  return useQuery({
    queryKey: metricsKeys.report(days, tenantId),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ days: String(days) });
      if (tenantId) params.set('tenantId', tenantId);
      return apiJson<MetricsReport>(`/v1/operator/metrics?${params.toString()}`, { signal });
    },
  });
}

/** Tenants with their headline figures, a page at a time. */
export function useTenantMetrics(days: number, enabled: boolean) {
  const windowDays = Math.min(days, TENANT_TABLE_MAX_DAYS);
  return useInfiniteQuery({
    queryKey: metricsKeys.tenants(windowDays),
    enabled,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ days: String(windowDays), pageSize: '20' });
      if (pageParam) params.set('continuationToken', pageParam);
      return apiJson<TenantMetricsPageView>(`/v1/operator/metrics/tenants?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.continuationToken ?? undefined,
  });
}
