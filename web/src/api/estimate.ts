import { useQuery } from '@tanstack/react-query';
import { apiJson } from './client';
import { bookKeys, projectPath } from './keys';
import type { ProductionEstimate } from './types';

export function useEstimate(projectId: string, platforms: string[]) {
  const list = [...platforms].sort().join(',');
  return useQuery({
    queryKey: bookKeys.estimate(projectId, list),
    enabled: platforms.length > 0,
    queryFn: ({ signal }) =>
      apiJson<ProductionEstimate>(
        `${projectPath(projectId)}/productions/estimate?platforms=${encodeURIComponent(list)}`,
        { signal },
      ),
  });
}
