import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { apiJson } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { ProductionEstimate } from './types';

/** What producing the book (or only `chapterIds`, when given) would cost and take. */
export function useEstimate(projectId: string, platforms: string[], chapterIds?: string[]) {
  const list = [...platforms].sort().join(',');
  const chapters = chapterIds ? [...chapterIds].sort().join(',') : '';
  return useQuery({
    queryKey: bookKeys.estimate(projectId, list, chapters),
    enabled: platforms.length > 0 && (chapterIds === undefined || chapterIds.length > 0),
    queryFn: ({ signal }) =>
      apiJson<ProductionEstimate>(
        `${projectPath(projectId)}/productions/estimate?platforms=${encodeURIComponent(list)}${
          chapters ? `&chapterIds=${encodeURIComponent(chapters)}` : ''
        }`,
        { signal },
      ),
  });
}

/** Whether an estimate of the book, for any choice of retailers, has been fetched in this browser (and is kept). */
export function useEstimateShown(projectId: string): boolean {
  const queryClient = useQueryClient();
  return useSyncExternalStore(
    (onChange) => queryClient.getQueryCache().subscribe(onChange),
    () =>
      queryClient
        .getQueriesData({ queryKey: [...projectScope(projectId), 'estimate'] })
        .some(([, estimate]) => estimate !== undefined),
  );
}
