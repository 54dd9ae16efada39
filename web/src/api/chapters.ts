import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiJson, apiSend } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { Chapter, ChapterSummary, SpokenPreview } from './types';

const chaptersPath = (projectId: string) => `${projectPath(projectId)}/chapters`;
const chapterPath = (projectId: string, chapterId: string) =>
  `${chaptersPath(projectId)}/${encodeURIComponent(chapterId)}`;

export function useChapters(projectId: string, includeDeleted = false) {
  return useQuery({
    queryKey: bookKeys.chapters(projectId, includeDeleted),
    queryFn: async ({ signal }) =>
      (
        await apiJson<{ items: ChapterSummary[] }>(`${chaptersPath(projectId)}?includeDeleted=${includeDeleted}`, {
          signal,
        })
      ).items,
  });
}

export function useChapter(projectId: string, chapterId: string | undefined) {
  return useQuery({
    queryKey: bookKeys.chapter(projectId, chapterId ?? ''),
    enabled: Boolean(chapterId),
    queryFn: ({ signal }) => apiJson<Chapter>(chapterPath(projectId, chapterId!), { signal }),
  });
}

export function useSpokenPreview(projectId: string, chapter: Pick<Chapter, 'id' | 'textVersion'> | undefined) {
  return useQuery({
    queryKey: bookKeys.spoken(projectId, chapter?.id ?? '', chapter?.textVersion ?? 0),
    enabled: Boolean(chapter),
    staleTime: Infinity,
    queryFn: ({ signal }) =>
      apiJson<SpokenPreview>(`${chapterPath(projectId, chapter!.id)}/spoken?limit=500`, { signal }),
  });
}

/** Every chapter edit can change titles, order and counts elsewhere: refresh the book's chapter data afterwards. */
function useRefreshChapters(projectId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), 'chapters'] }),
      queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), 'chapter'] }),
      queryClient.invalidateQueries({ queryKey: bookKeys.facts(projectId) }),
      queryClient.invalidateQueries({ queryKey: bookKeys.review(projectId) }),
    ]);
}

export interface ChapterPatch {
  title?: string;
  chapterType?: Chapter['chapterType'];
  text?: string;
}

export function useUpdateChapter(projectId: string) {
  const refresh = useRefreshChapters(projectId);
  return useMutation({
    mutationFn: ({ chapterId, etag, patch }: { chapterId: string; etag: string; patch: ChapterPatch }) =>
      apiJson<Chapter>(chapterPath(projectId, chapterId), {
        method: 'PATCH',
        json: patch,
        headers: { 'If-Match': etag },
      }),
    onSettled: refresh,
  });
}

export function useReorderChapters(projectId: string) {
  const queryClient = useQueryClient();
  const refresh = useRefreshChapters(projectId);
  return useMutation({
    mutationFn: (chapterIds: string[]) =>
      apiJson<{ items: ChapterSummary[] }>(`${chaptersPath(projectId)}/reorder`, {
        method: 'POST',
        json: { chapterIds },
      }),
    // Show the new order at once; the server's answer (or a refetch after a refusal) settles it.
    onMutate: async (chapterIds) => {
      const key = bookKeys.chapters(projectId, false);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<ChapterSummary[]>(key);
      if (previous) {
        const byId = new Map(previous.map((chapter) => [chapter.id, chapter]));
        queryClient.setQueryData(
          key,
          chapterIds.flatMap((id, order) => (byId.has(id) ? [{ ...byId.get(id)!, order }] : [])),
        );
      }
      return { previous };
    },
    onError: (_error, _ids, context) => {
      if (context?.previous) queryClient.setQueryData(bookKeys.chapters(projectId, false), context.previous);
    },
    onSettled: refresh,
  });
}

type ChapterAction = 'merge-next' | 'restore' | 'delete';

export function useChapterAction(projectId: string) {
  const refresh = useRefreshChapters(projectId);
  return useMutation({
    mutationFn: async ({ chapterId, action, etag }: { chapterId: string; action: ChapterAction; etag?: string }) => {
      const headers: Record<string, string> = etag ? { 'If-Match': etag } : {};
      if (action === 'delete') return apiSend(chapterPath(projectId, chapterId), { method: 'DELETE', headers });
      await (
        await apiFetch(`${chapterPath(projectId, chapterId)}/${action}`, { method: 'POST', headers })
      ).arrayBuffer();
    },
    onSettled: refresh,
  });
}

export function useSplitChapter(projectId: string) {
  const refresh = useRefreshChapters(projectId);
  return useMutation({
    mutationFn: ({
      chapterId,
      offset,
      title,
      etag,
    }: {
      chapterId: string;
      offset: number;
      title?: string;
      etag: string;
    }) =>
      apiJson<{ first: Chapter; second: Chapter }>(`${chapterPath(projectId, chapterId)}/split`, {
        method: 'POST',
        json: title ? { offset, title } : { offset },
        headers: { 'If-Match': etag },
      }),
    onSettled: refresh,
  });
}
