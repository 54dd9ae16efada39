import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { TenantUsageView } from '@core/api/costs';
import { apiJson } from './client';
import type { CostReport } from './production';
import type { ProjectPage } from './types';

export type CostGrouping = CostReport['groupBy'];
export type CostKind = keyof CostReport['byKind'];
export type TenantUsage = z.infer<typeof TenantUsageView>;

/** The kinds of spend, in the order the page shows them. */
export const COST_KINDS: CostKind[] = ['tts_characters', 'llm_tokens', 'compute_seconds', 'storage_bytes'];

export interface CostPeriod {
  /** `YYYY-MM-DD`, UTC, inclusive. */
  from: string;
  to: string;
}

/**
 * Spend in a period grouped one way: the tenant's (as far as the caller may see it: admins everything, creators their
 * projects, validators the ones assigned to them) or, with `projectId`, one project's.
 */
export function useCostReport(groupBy: CostGrouping, period: CostPeriod, projectId?: string) {
  const params = new URLSearchParams({ groupBy, from: period.from, to: period.to }).toString();
  return useQuery({
    queryKey: ['costs', projectId ?? 'tenant', groupBy, period.from, period.to] as const,
    queryFn: ({ signal }) =>
      apiJson<CostReport>(
        projectId ? `/v1/projects/${encodeURIComponent(projectId)}/costs?${params}` : `/v1/costs?${params}`,
        { signal },
      ),
    placeholderData: keepPreviousData,
  });
}

/** The organization's use of its quotas this month (any member may read it: the quota is the organization's). */
export function useTenantUsage(enabled = true) {
  return useQuery({
    queryKey: ['tenant', 'usage'] as const,
    enabled,
    queryFn: ({ signal }) => apiJson<TenantUsage>('/v1/tenant/usage', { signal }),
  });
}

/** Names of the projects the caller can see, archived ones included (their spend still shows), by id. */
export function useProjectNames() {
  return useQuery({
    queryKey: ['projects', 'names'] as const,
    queryFn: async ({ signal }) => {
      const names = new Map<string, string>();
      let token: string | null = null;
      do {
        const params = new URLSearchParams({ pageSize: '100', includeArchived: 'true' });
        if (token) params.set('continuationToken', token);
        const page: ProjectPage = await apiJson(`/v1/projects?${params.toString()}`, { signal });
        for (const project of page.items) names.set(project.id, project.metadata.title);
        token = page.continuationToken;
      } while (token);
      return names;
    },
  });
}
