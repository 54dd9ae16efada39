import { useQuery } from '@tanstack/react-query';
import { apiJson } from './client';
import type { AuthConfig, MeResponse, Project } from './types';

export const meKey = ['me'] as const;

export function useMe() {
  return useQuery({
    queryKey: meKey,
    queryFn: ({ signal }) => apiJson<MeResponse>('/v1/me', { signal }),
    staleTime: 60_000,
    // A refused identity (suspended organization, deactivated account) stays refused: a page that mounts while the
    // refusal shows must not ask again, or the gates above it flip to "loading" and back for ever.
    retryOnMount: false,
  });
}

export function fetchAuthConfig(): Promise<AuthConfig> {
  return apiJson<AuthConfig>('/v1/auth/config', { anonymous: true });
}

export type Permission =
  | 'projects.create'
  | 'projects.update'
  | 'projects.archive'
  | 'projects.restore'
  | 'users.manage'
  | 'review.comment'
  | 'review.approve';

export function hasPermission(me: MeResponse | undefined, permission: Permission): boolean {
  return me?.permissions.includes(permission) ?? false;
}

/**
 * `permissions` are what the role may do at all; creators may change only their own projects, validators review only
 * the projects they are assigned to (they see no others).
 * The API stays the judge — this only decides which controls to show.
 */
export function canOnProject(me: MeResponse | undefined, project: Project, permission: Permission): boolean {
  if (!me || !hasPermission(me, permission)) return false;
  if (me.principal.role === 'creator' && permission !== 'review.comment')
    return project.ownerId === me.principal.userId;
  return true;
}

/** What the signed-in person may do on this project: the controls a page renders. */
export function projectAccess(me: MeResponse | undefined, project: Project) {
  const archived = project.status === 'archived';
  return {
    canEdit: !archived && canOnProject(me, project, 'projects.update'),
    canComment: !archived && canOnProject(me, project, 'review.comment'),
    canApprove: !archived && canOnProject(me, project, 'review.approve'),
  };
}
export type ProjectAccess = ReturnType<typeof projectAccess>;
