import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from './client';
import { bookKeys, projectPath, projectScope } from './keys';
import type { Segment } from './types';

const PAGE_SIZE = 100;
/** A chapter never has more segments than this in practice; the cap keeps a runaway loop from hammering the API. */
const MAX_PAGES = 200;

/** The chapter's segments page by page, each page handed to `onPage` with all read so far. */
async function readPages(
  projectId: string,
  chapterId: string,
  signal: AbortSignal | undefined,
  onPage?: (items: Segment[]) => void,
): Promise<Segment[]> {
  const items: Segment[] = [];
  let token: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params = new URLSearchParams({ chapterId, pageSize: String(PAGE_SIZE) });
    if (token) params.set('continuationToken', token);
    const result: { items: Segment[]; continuationToken: string | null } = await apiJson(
      `${projectPath(projectId)}/segments?${params.toString()}`,
      { signal },
    );
    items.push(...result.items);
    token = result.continuationToken;
    if (!token) break;
    onPage?.(items);
  }
  return items;
}

/** Every segment of one chapter as the server holds it now, in reading order. */
export async function readChapterSegments(projectId: string, chapterId: string, signal?: AbortSignal) {
  return (await readPages(projectId, chapterId, signal)).sort((a, b) => a.index - b.index);
}

/**
 * Every segment of one chapter, in reading order (pages fetched until the continuation runs out). On a first load
 * the lines show as their pages arrive, so a long chapter is readable after its first page; a refetch replaces the
 * list once, complete.
 */
export function useChapterSegments(projectId: string, chapterId: string | undefined) {
  const queryClient = useQueryClient();
  const key = bookKeys.segments(projectId, chapterId ?? '');
  return useQuery({
    queryKey: key,
    enabled: Boolean(chapterId),
    queryFn: async ({ signal }) => {
      const progressive = queryClient.getQueryData<Segment[]>(key) === undefined;
      // Lines already on screen may have been edited while later pages loaded: the screen's version is newer.
      const withEdits = (items: Segment[]) => {
        const shown = new Map((queryClient.getQueryData<Segment[]>(key) ?? []).map((item) => [item.id, item]));
        return items.map((item) => shown.get(item.id) ?? item).sort((a, b) => a.index - b.index);
      };
      const items = await readPages(
        projectId,
        chapterId!,
        signal,
        progressive ? (read) => queryClient.setQueryData(key, withEdits(read)) : undefined,
      );
      return progressive ? withEdits(items) : items.sort((a, b) => a.index - b.index);
    },
  });
}

/** Up to a page of the book's flagged lines: enough to say "12 flagged" or "100+". */
export function useFlaggedSegments(projectId: string, enabled = true) {
  return useQuery({
    queryKey: bookKeys.flagged(projectId),
    enabled,
    queryFn: ({ signal }) =>
      apiJson<{ items: Segment[]; continuationToken: string | null }>(
        `${projectPath(projectId)}/segments?flagged=true&pageSize=${PAGE_SIZE}`,
        { signal },
      ),
  });
}

export interface SegmentPatch {
  speakerId?: string;
  text?: string;
  flagged?: boolean;
  revisionNote?: string | null;
}

/**
 * Saves one segment edit with the ETag it was made on. The cache is updated optimistically and put back when the
 * server refuses (a 412 carries the current segment, which the caller shows as a conflict).
 */
export function useUpdateSegment(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ segment, patch }: { segment: Segment; patch: SegmentPatch }) =>
      apiJson<Segment>(`${projectPath(projectId)}/segments/${encodeURIComponent(segment.id)}`, {
        method: 'PATCH',
        json: patch,
        headers: { 'If-Match': segment.etag },
      }),
    onMutate: async ({ segment, patch }) => {
      const key = bookKeys.segments(projectId, segment.chapterId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Segment[]>(key);
      queryClient.setQueryData<Segment[]>(key, (list) =>
        list?.map((item) => (item.id === segment.id ? { ...item, ...patch } : item)),
      );
      return { previous, key };
    },
    onSuccess: (saved, { segment }) => {
      const key = bookKeys.segments(projectId, saved.chapterId);
      queryClient.setQueryData<Segment[]>(key, (list) => list?.map((item) => (item.id === segment.id ? saved : item)));
      // New words are saved with the chapter text as a new plan generation: every segment of the chapter has a new id.
      if (saved.id !== segment.id) void queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(context.key, context.previous);
    },
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: bookKeys.flagged(projectId) });
      void queryClient.invalidateQueries({ queryKey: bookKeys.facts(projectId) });
      // The chapter list carries each chapter's flagged and unknown counts, which the edit may have moved.
      void queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), 'chapters'] });
    },
  });
}

/**
 * Split and merge write the chapter's plan again: every line of the chapter gets a new id. The answer is the line the
 * producer was working on under its new id (the first part of a split, the merged line), so the page can stay on it;
 * it resolves once the chapter's lines were read again, so that id is among them.
 */
export function useSegmentStructure(
  projectId: string,
  {
    onLineReplaced,
  }: {
    /**
     * The line answered under its new id. Told here, before the chapter is read again, and not through `mutate`'s own
     * callbacks: those are dropped when the panel that asked unmounts, which it does if the chapter's new lines
     * arrive first (the old id gone, the panel has no line to show).
     */
    onLineReplaced?(fromId: string, toId: string): void;
  } = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({
      segment,
      action,
      offset,
    }: {
      segment: Segment;
      action: 'split' | 'merge-next';
      offset?: number;
    }): Promise<Segment> => {
      const path = `${projectPath(projectId)}/segments/${encodeURIComponent(segment.id)}/${action}`;
      const headers = { 'If-Match': segment.etag };
      if (action === 'split') {
        const parts = await apiJson<{ segments: Segment[] }>(path, { method: 'POST', json: { offset }, headers });
        return parts.segments[0];
      }
      return apiJson<Segment>(path, { method: 'POST', headers });
    },
    onSuccess: (line, { segment }) => {
      if (line.id !== segment.id) onLineReplaced?.(segment.id, line.id);
    },
    onSettled: (_data, _error, { segment }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: bookKeys.segments(projectId, segment.chapterId) }),
        queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), 'chapter'] }),
        queryClient.invalidateQueries({ queryKey: [...projectScope(projectId), 'chapters'] }),
      ]),
  });
}
