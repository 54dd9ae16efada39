import { useQuery } from '@tanstack/react-query';
import { apiJson } from './client';
import type { AuthConfig, MeResponse, Project } from './types';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => apiJson<MeResponse>('/v1/me', { signal }),
    staleTime: 60_000,
  });
}

export function fetchAuthConfig(): Promise<AuthConfig> {
  return apiJson<AuthConfig>('/v1/auth/config', { anonymous: true });
}

export type Permission =
  'projects.create' | 'projects.update' | 'projects.archive' | 'projects.restore' | 'users.manage';

export function hasPermission(me: MeResponse | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/**
 * `permissions` are what the role may do at all; creators may change only their own projects (SPEC §2).
 * The API stays the judge — this only decides which controls to show.
 */
export function canOnProject(me: MeResponse | undefined, project: Project, permission: Permission): boolean {
  if (!me || !hasPermission(me, permission)) return false;
  if (me.principal.role === 'creator') return project.ownerId === me.principal.userId;
  return true;
}
