import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, apiJson } from './client';
import { bookKeys, projectPath } from './keys';
import type { LexiconEntry, LexiconEntryChange, PausePolicy } from './types';

const lexiconPath = (projectId: string) => `${projectPath(projectId)}/lexicon`;

export function useLexicon(projectId: string) {
  return useQuery({
    queryKey: bookKeys.lexicon(projectId),
    queryFn: ({ signal }) => apiJson<{ version: number; items: LexiconEntry[] }>(lexiconPath(projectId), { signal }),
  });
}

export type LexiconInput = Pick<
  LexiconEntry,
  'grapheme' | 'locale' | 'kind' | 'value' | 'wholeWord' | 'caseSensitive'
> & {
  notes?: string;
};

export function useSaveLexiconEntry(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entry, input }: { entry?: LexiconEntry; input: LexiconInput }) =>
      entry
        ? apiJson<LexiconEntryChange>(`${lexiconPath(projectId)}/${encodeURIComponent(entry.id)}`, {
            method: 'PATCH',
            json: input,
            headers: { 'If-Match': entry.etag },
          })
        : apiJson<LexiconEntryChange>(lexiconPath(projectId), { method: 'POST', json: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookKeys.lexicon(projectId) }),
  });
}

export function useDeleteLexiconEntry(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: LexiconEntry) =>
      apiJson<unknown>(`${lexiconPath(projectId)}/${encodeURIComponent(entry.id)}`, {
        method: 'DELETE',
        headers: { 'If-Match': entry.etag },
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookKeys.lexicon(projectId) }),
  });
}

export function useImportPls(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (file: File) =>
      apiJson<{ created: number; updated: number; segmentsAffected: number }>(`${lexiconPath(projectId)}/import`, {
        method: 'POST',
        body: await file.arrayBuffer(),
        contentType: 'application/pls+xml',
      }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: bookKeys.lexicon(projectId) }),
  });
}

export async function exportPls(projectId: string): Promise<Blob> {
  return (await apiFetch(`${lexiconPath(projectId)}/export`)).blob();
}

export function usePausePolicy(projectId: string) {
  return useQuery({
    queryKey: bookKeys.pausePolicy(projectId),
    queryFn: ({ signal }) => apiJson<PausePolicy>(`${projectPath(projectId)}/pause-policy`, { signal }),
  });
}

export function useSavePausePolicy(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ overrides, etag }: { overrides: Partial<PausePolicy['effective']>; etag?: string }) =>
      apiJson<PausePolicy>(`${projectPath(projectId)}/pause-policy`, {
        method: 'PUT',
        json: overrides,
        headers: etag ? { 'If-Match': etag } : {},
      }),
    onSuccess: (saved) => queryClient.setQueryData(bookKeys.pausePolicy(projectId), saved),
    // Refused because someone else saved first: read their version, so the form shows it and a new save carries its
    // ETag (with the stale one, every later save would be refused too).
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412)
        void queryClient.invalidateQueries({ queryKey: bookKeys.pausePolicy(projectId) });
    },
  });
}
