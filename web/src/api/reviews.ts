import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client';
import { bookKeys, projectPath } from './keys';
import type { ChapterApproval, ReviewSummary, ReviewThread } from './types';

const reviewPath = (projectId: string) => `${projectPath(projectId)}/review`;

export function useReviewSummary(projectId: string) {
  return useQuery({
    queryKey: bookKeys.review(projectId),
    queryFn: ({ signal }) => apiJson<ReviewSummary>(reviewPath(projectId), { signal }),
  });
}

/** Every thread of the project (a book has few enough); pages filter them by chapter or segment. */
export function useThreads(projectId: string) {
  return useQuery({
    queryKey: bookKeys.threads(projectId),
    queryFn: async ({ signal }) =>
      (await apiJson<{ items: ReviewThread[] }>(`${reviewPath(projectId)}/threads`, { signal })).items,
  });
}

function useRefreshReview(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: bookKeys.threads(projectId) }),
      queryClient.invalidateQueries({ queryKey: bookKeys.review(projectId) }),
    ]);
}

/** A fresh key per user action: a retried request (a flaky network) then cannot open the thread twice. */
const requestKey = () => `web-${crypto.randomUUID()}`;

export interface NewThread {
  chapterId: string;
  segmentId?: string | null;
  quote?: string | null;
  body: string;
}

export function useCreateThread(projectId: string) {
  const refresh = useRefreshReview(projectId);
  return useMutation({
    mutationFn: (thread: NewThread) =>
      apiJson<ReviewThread>(`${reviewPath(projectId)}/threads`, {
        method: 'POST',
        json: thread,
        headers: { 'Idempotency-Key': requestKey() },
      }),
    onSettled: refresh,
  });
}

export function useReply(projectId: string) {
  const refresh = useRefreshReview(projectId);
  return useMutation({
    mutationFn: ({ threadId, body }: { threadId: string; body: string }) =>
      apiJson<ReviewThread>(`${reviewPath(projectId)}/threads/${encodeURIComponent(threadId)}/comments`, {
        method: 'POST',
        json: { body },
        headers: { 'Idempotency-Key': requestKey() },
      }),
    onSettled: refresh,
  });
}

export function useSetThreadStatus(projectId: string) {
  const refresh = useRefreshReview(projectId);
  return useMutation({
    mutationFn: ({ threadId, action }: { threadId: string; action: 'resolve' | 'reopen' }) =>
      apiJson<ReviewThread>(`${reviewPath(projectId)}/threads/${encodeURIComponent(threadId)}/${action}`, {
        method: 'POST',
      }),
    onSettled: refresh,
  });
}

export function useSetDecision(projectId: string) {
  const refresh = useRefreshReview(projectId);
  return useMutation({
    mutationFn: ({
      chapterId,
      decision,
      note,
      etag,
    }: {
      chapterId: string;
      decision: ChapterApproval['decision'];
      note?: string | null;
      etag?: string;
    }) =>
      apiJson<ChapterApproval>(`${projectPath(projectId)}/chapters/${encodeURIComponent(chapterId)}/approval`, {
        method: 'PUT',
        json: note ? { decision, note } : { decision },
        headers: etag ? { 'If-Match': etag } : {},
      }),
    onSettled: refresh,
  });
}
