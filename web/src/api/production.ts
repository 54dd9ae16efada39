import {
  keepPreviousData,
  useMutation,
  useMutationState,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import type { PackageView, StartProductionRequest } from '@core/api/production';
import type { TenantView } from '@core/api/tenants';
import type { CostReportView } from '@core/api/costs';
import { apiJson } from './client';
import { isFinished } from './jobs';
import { bookKeys, projectPath, projectScope } from './keys';
import type { ChapterSummary, Job, ProductionEstimate, ProjectFacts } from './types';

export type Package = PackageView;
export type Tenant = z.infer<typeof TenantView>;
export type CostReport = z.infer<typeof CostReportView>;
export type ProductionRequest = z.input<typeof StartProductionRequest>;
export type Platform = Package['platform'];

/** Every platform a production can build, in the order the retail stores are usually worked through. */
export const PLATFORMS: Platform[] = ['apple', 'acx', 'google', 'spotify', 'kobo'];

const productionKeys = {
  packages: (projectId: string) => [...projectScope(projectId), 'packages'] as const,
  produceJobs: (projectId: string) => [...projectScope(projectId), 'jobs', 'history'] as const,
  tenant: ['tenant'] as const,
  start: (projectId: string) => [...projectScope(projectId), 'start-production'] as const,
};

/** The job list's cache key: a finished job refreshes it (jobs are left out of the project-wide refresh). */
export const jobHistoryKey = productionKeys.produceJobs;

/** A fresh key per user action: a retried request cannot start the job twice. */
const requestKey = () => `web-${crypto.randomUUID()}`;

/**
 * A job the API just accepted is the project's running job at once: the navigation, the stage badge and the job view
 * follow it from this moment, not from the next time the project's facts are read.
 */
export function showJobStarted(queryClient: QueryClient, projectId: string, job: Job): Promise<void> {
  queryClient.setQueryData(bookKeys.job(projectId, job.id), job);
  queryClient.setQueryData<ProjectFacts>(bookKeys.facts(projectId), (facts) =>
    facts ? { ...facts, activeJobId: job.id } : facts,
  );
  return queryClient.invalidateQueries({
    queryKey: projectScope(projectId),
    predicate: (query) => query.queryKey[2] !== 'facts' && query.queryKey[3] !== job.id,
  });
}

export function useStartProduction(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: productionKeys.start(projectId),
    mutationFn: (request: ProductionRequest) =>
      apiJson<{ job: Job; estimate?: ProductionEstimate }>(`${projectPath(projectId)}/productions`, {
        method: 'POST',
        json: request,
        headers: { 'Idempotency-Key': requestKey() },
      }),
    onSuccess: ({ job }) => showJobStarted(queryClient, projectId, job),
  });
}

/**
 * What a production being asked for (its start request not answered yet) was asked to build, or undefined: the page
 * shows the job as starting from the click on, not only once the server has checked the plan and the quota.
 */
export function useStartingProduction(projectId: string): ProductionRequest | undefined {
  return useMutationState({
    filters: { mutationKey: productionKeys.start(projectId), status: 'pending' },
    select: (mutation) => mutation.state.variables as ProductionRequest | undefined,
  }).at(-1);
}

/**
 * The project's jobs, newest first (one page: a book has few enough to list), read again every few seconds while one
 * of them is still running, so the list never keeps showing a finished job as running.
 */
export function useJobHistory(projectId: string, refetchWhileRunning = false) {
  return useQuery({
    queryKey: productionKeys.produceJobs(projectId),
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: Job[] }>(`${projectPath(projectId)}/jobs?pageSize=50`, { signal })).items,
    refetchInterval: (query) =>
      refetchWhileRunning || query.state.data?.some((job) => !isFinished(job)) ? 5_000 : false,
    placeholderData: keepPreviousData,
  });
}

function useJobAction(projectId: string, action: 'cancel' | 'retry') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) =>
      apiJson<Job | { job: Job }>(`${projectPath(projectId)}/jobs/${encodeURIComponent(jobId)}/${action}`, {
        method: 'POST',
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}

export const useCancelJob = (projectId: string) => useJobAction(projectId, 'cancel');
export const useRetryJob = (projectId: string) => useJobAction(projectId, 'retry');

/**
 * The project's chapters (the same cache entry the chapter pages use), read again every few seconds while a production
 * runs, so the job view shows each chapter as soon as it is mastered.
 */
export function useChaptersDuringJob(projectId: string, running: boolean) {
  return useQuery({
    queryKey: bookKeys.chapters(projectId, false),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: ChapterSummary[] }>(`${projectPath(projectId)}/chapters?includeDeleted=false`, {
          signal,
        })
      ).items,
    refetchInterval: running ? 3_000 : false,
  });
}

export function usePackages(projectId: string, enabled = true) {
  return useQuery({
    queryKey: productionKeys.packages(projectId),
    enabled,
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: Package[] }>(`${projectPath(projectId)}/packages`, { signal })).items,
  });
}

/** A short-lived download link, asked for at the moment of the click (it expires in minutes). */
export function packageDownloadLink(projectId: string, packageId: string) {
  return apiJson<{ url: string; fileName: string; expiresAt: string }>(
    `${projectPath(projectId)}/packages/${encodeURIComponent(packageId)}/download`,
  );
}

export function useCurrentTenant(enabled = true) {
  return useQuery({
    queryKey: productionKeys.tenant,
    enabled,
    queryFn: ({ signal }) => apiJson<Tenant>('/v1/tenant', { signal }),
  });
}
