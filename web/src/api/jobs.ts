import { useEffect, useRef } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { Job, ProjectFacts } from './types';

const TERMINAL = new Set<Job['status']>(['succeeded', 'failed', 'cancelled']);
export const isFinished = (job: Pick<Job, 'status'>) => TERMINAL.has(job.status);

/** Poll quickly while a job has just started, then back off: 0.5 s growing by half each time, at most 5 s. */
export function pollDelay(pollsSoFar: number): number {
  return Math.min(5000, Math.round(500 * 1.5 ** pollsSoFar));
}

export function useProjectFacts(projectId: string) {
  return useQuery({
    queryKey: bookKeys.facts(projectId),
    queryFn: ({ signal }) => apiJson<ProjectFacts>(`${projectPath(projectId)}/facts`, { signal }),
    staleTime: 5_000,
  });
}

/**
 * Follows one job until it ends, polling with backoff; when it ends, everything of the project is refetched
 * (chapters after an import, characters after detection …). Every long step (import, detection, planning, and
 * production later) shows its progress through this one hook.
 */
export function useJobProgress(projectId: string, jobId: string | null | undefined, onFinished?: (job: Job) => void) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: bookKeys.job(projectId, jobId ?? ''),
    enabled: Boolean(jobId),
    queryFn: ({ signal }) => apiJson<Job>(`${projectPath(projectId)}/jobs/${encodeURIComponent(jobId!)}`, { signal }),
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && isFinished(q.state.data) ? false : pollDelay(q.state.dataUpdateCount)),
  });
  const finishedRef = useRef<string | null>(null);
  const callbackRef = useRef(onFinished);
  useEffect(() => {
    callbackRef.current = onFinished;
  }, [onFinished]);
  const job = query.data;
  useEffect(() => {
    if (!job || !isFinished(job) || finishedRef.current === job.id) return;
    finishedRef.current = job.id;
    // Each job's own entry is left alone (a finished one does not change); the job list is read again, since the view
    // that followed the job may be gone by now (a job started elsewhere is shown only while it runs).
    void queryClient.invalidateQueries({
      queryKey: projectScope(projectId),
      predicate: (q) => q.queryKey[2] !== 'jobs' || q.queryKey[3] === 'history',
    });
    void queryClient.invalidateQueries({ queryKey: ['projects'] });
    callbackRef.current?.(job);
  }, [job, projectId, queryClient]);
  return query;
}

/**
 * While no job runs, how long to wait before reading the facts again: 5 s at first, half as long again after each read
 * that changed nothing, at most a minute.
 */
export function idleFactsDelay(unchangedReads: number): number {
  return Math.min(60_000, Math.round(5_000 * 1.5 ** unchangedReads));
}

/**
 * The project facts, read again now and then while the tab is visible, so a job started elsewhere (another tab, a
 * colleague, the API) shows on an open page. While a job runs the job itself is followed (`useJobProgress`), whose end
 * refreshes the facts; while nothing changes the reads slow down.
 */
function useWatchedProjectFacts(projectId: string) {
  const queryClient = useQueryClient();
  // The facts last seen to change and the read that brought them: the same answer (kept as the same object) since then
  // counts as an idle read. Worked out from the query's own state, so asking twice gives the same delay.
  const changed = useRef<{ facts: ProjectFacts | undefined; atRead: number }>({ facts: undefined, atRead: 0 });
  return useQuery({
    queryKey: bookKeys.facts(projectId),
    queryFn: ({ signal }) => apiJson<ProjectFacts>(`${projectPath(projectId)}/facts`, { signal }),
    staleTime: 5_000,
    refetchIntervalInBackground: false,
    refetchInterval: (query) => {
      const facts = query.state.data;
      const activeJobId = facts?.activeJobId;
      const followed = activeJobId ? queryClient.getQueryData<Job>(bookKeys.job(projectId, activeJobId)) : undefined;
      if (activeJobId && !(followed && isFinished(followed))) return false;
      if (facts !== changed.current.facts) changed.current = { facts, atRead: query.state.dataUpdateCount };
      return idleFactsDelay(query.state.dataUpdateCount - changed.current.atRead);
    },
  });
}

/** The project's running job, if any (from the project facts, watched for one started elsewhere), followed live. */
export function useActiveJob(projectId: string) {
  const facts = useWatchedProjectFacts(projectId);
  const activeJobId = facts.data?.activeJobId ?? null;
  const job = useJobProgress(projectId, activeJobId);
  return { jobId: activeJobId, job: job.data && !isFinished(job.data) ? job.data : undefined };
}

/**
 * Fraction done in [0, 1] from whichever counts the job reports, or null when it has none yet. Planning counts its
 * lines as it goes (their total grows with them), so its chapters say how far it is.
 */
export function jobFraction(job: Job): number | null {
  const { segmentsDone, segmentsTotal, chaptersDone, chaptersTotal } = job.progress;
  if (job.kind === 'plan' && chaptersTotal > 0) return Math.min(1, chaptersDone / chaptersTotal);
  if (segmentsTotal > 0) return Math.min(1, segmentsDone / segmentsTotal);
  if (chaptersTotal > 0) return Math.min(1, chaptersDone / chaptersTotal);
  return null;
}
