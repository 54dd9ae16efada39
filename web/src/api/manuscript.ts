import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, apiFetch, apiJson, apiUpload } from './client';
import { bookKeys, projectPath } from './keys';
import type { Job, Manuscript } from './types';

/** Formats the API reads, by extension, with the content type to send (the server sniffs the bytes anyway). */
export const MANUSCRIPT_TYPES: Record<string, string> = {
  txt: 'text/plain',
  md: 'text/markdown',
  markdown: 'text/markdown',
  html: 'text/html',
  htm: 'text/html',
  xhtml: 'application/xhtml+xml',
  pdf: 'application/pdf',
  epub: 'application/epub+zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export function manuscriptContentType(fileName: string): string | null {
  const extension = fileName.split('.').pop()?.toLowerCase() ?? '';
  return MANUSCRIPT_TYPES[extension] ?? null;
}

export function useManuscript(projectId: string) {
  return useQuery({
    queryKey: bookKeys.manuscript(projectId),
    queryFn: async ({ signal }) => {
      try {
        return await apiJson<Manuscript>(`${projectPath(projectId)}/manuscript`, { signal });
      } catch (error) {
        // No manuscript yet is a state, not an error.
        if (error instanceof ApiError && error.status === 404) return null;
        throw error;
      }
    },
  });
}

/** Upload with byte progress; resolves with the import job the server started. */
export function useUploadManuscript(projectId: string) {
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<{ loaded: number; total: number } | null>(null);
  const mutation = useMutation({
    mutationFn: ({ file, replace }: { file: File; replace: boolean }) => {
      setProgress({ loaded: 0, total: file.size });
      const params = new URLSearchParams({ fileName: file.name, replace: String(replace) });
      return apiUpload<{ manuscript: Manuscript; job: Job }>(
        `${projectPath(projectId)}/manuscript?${params.toString()}`,
        file,
        {
          contentType: manuscriptContentType(file.name) ?? (file.type || 'application/octet-stream'),
          onProgress: (loaded, total) => setProgress({ loaded, total }),
        },
      );
    },
    onSuccess: ({ manuscript }) => {
      queryClient.setQueryData(bookKeys.manuscript(projectId), manuscript);
      void queryClient.invalidateQueries({ queryKey: bookKeys.facts(projectId) });
    },
    onSettled: () => setProgress(null),
  });
  return { ...mutation, progress };
}

/** The original file as uploaded, saved through the browser. */
export async function downloadOriginal(projectId: string, fileName: string): Promise<void> {
  const blob = await (await apiFetch(`${projectPath(projectId)}/manuscript/original`)).blob();
  saveBlob(blob, fileName);
}

export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
