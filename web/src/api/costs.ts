import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiJson } from './client';
import type { CostReport } from './production';

export type CostGrouping = CostReport['groupBy'];

export function useCostReport(groupBy: CostGrouping, from: string, to: string) {
  return useQuery({
    queryKey: ['costs', 'tenant', groupBy, from, to] as const,
    queryFn: ({ signal }) =>
      apiJson<CostReport>(`/v1/costs?${new URLSearchParams({ groupBy, from, to }).toString()}`, { signal }),
    placeholderData: keepPreviousData,
  });
}
