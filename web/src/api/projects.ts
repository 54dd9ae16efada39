import { useEffect, useState } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, apiJson } from './client';
import type { BookMetadata, CoverVariant, Project, ProjectPage, ProjectStatus } from './types';

export interface ProjectFilters {
  q: string;
  status: ProjectStatus | '';
}

/** A project together with the ETag the next update must send in `If-Match`. */
export interface VersionedProject {
  project: Project;
  etag: string;
}

export const projectKeys = {
  all: ['projects'] as const,
  lists: () => [...projectKeys.all, 'list'] as const,
  list: (filters: ProjectFilters) => [...projectKeys.lists(), filters] as const,
  detail: (id: string) => [...projectKeys.all, 'detail', id] as const,
  cover: (id: string, variant: CoverVariant, version: string) =>
    [...projectKeys.all, 'cover', id, variant, version] as const,
};

const PAGE_SIZE = 20;

export function useProjectList(filters: ProjectFilters) {
  return useInfiniteQuery({
    queryKey: projectKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const params = new URLSearchParams({ pageSize: String(PAGE_SIZE) });
      if (filters.q.trim()) params.set('q', filters.q.trim());
      if (filters.status) params.set('status', filters.status);
      if (pageParam) params.set('continuationToken', pageParam);
      return apiJson<ProjectPage>(`/v1/projects?${params.toString()}`, { signal });
    },
    getNextPageParam: (last) => last.continuationToken ?? undefined,
  });
}

async function readVersioned(response: Response): Promise<VersionedProject> {
  const project = (await response.json()) as Project;
  return { project, etag: response.headers.get('ETag') ?? project.etag };
}

const projectPath = (id: string) => `/v1/projects/${encodeURIComponent(id)}`;

export function useProject(id: string) {
  return useQuery({
    queryKey: projectKeys.detail(id),
    queryFn: async ({ signal }) => readVersioned(await apiFetch(projectPath(id), { signal })),
  });
}

/** Keeps the detail cache and every list in step after a write. */
function useStoreProject() {
  const queryClient = useQueryClient();
  return (versioned: VersionedProject) => {
    queryClient.setQueryData(projectKeys.detail(versioned.project.id), versioned);
    void queryClient.invalidateQueries({ queryKey: projectKeys.lists() });
  };
}

export function useCreateProject() {
  const store = useStoreProject();
  return useMutation({
    mutationFn: async (metadata: BookMetadata) =>
      readVersioned(await apiFetch('/v1/projects', { method: 'POST', json: { metadata } })),
    onSuccess: store,
  });
}

export interface UpdateProjectInput {
  etag: string;
  metadata?: Partial<BookMetadata>;
  status?: Exclude<ProjectStatus, 'archived'>;
}

export function useUpdateProject(id: string) {
  const store = useStoreProject();
  return useMutation({
    mutationFn: async ({ etag, ...changes }: UpdateProjectInput) =>
      readVersioned(await apiFetch(projectPath(id), { method: 'PATCH', json: changes, headers: { 'If-Match': etag } })),
    onSuccess: store,
  });
}

export function useProjectAction(id: string, action: 'archive' | 'restore') {
  const store = useStoreProject();
  return useMutation({
    mutationFn: async () => readVersioned(await apiFetch(`${projectPath(id)}/${action}`, { method: 'POST' })),
    onSuccess: store,
  });
}

export function useUploadCover(id: string) {
  const store = useStoreProject();
  return useMutation({
    mutationFn: async (file: File) =>
      readVersioned(await apiFetch(`${projectPath(id)}/cover`, { method: 'PUT', body: file, contentType: file.type })),
    onSuccess: store,
  });
}

/**
 * Cover images need the bearer header, so they cannot be plain `<img src>`: fetch them as blobs and hand out an
 * object URL that lives as long as the component using it.
 */
export function useCoverImage(project: Project, variant: CoverVariant): string | null {
  const version = project.cover?.uploadedAt ?? '';
  const query = useQuery({
    queryKey: projectKeys.cover(project.id, variant, version),
    enabled: project.cover !== null,
    staleTime: Infinity,
    queryFn: async ({ signal }) =>
      (await apiFetch(`${projectPath(project.id)}/cover?variant=${variant}`, { signal })).blob(),
  });
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!query.data) {
      setUrl(null);
      return undefined;
    }
    const objectUrl = URL.createObjectURL(query.data);
    setUrl(objectUrl);
    return () => URL.revokeObjectURL(objectUrl);
  }, [query.data]);
  return url;
}
