import { ForbiddenError, NotFoundError, UnauthenticatedError } from '../errors';
import type { OperatorPrincipal, Principal, TenantPrincipal } from './principal';

/**
 * The permission matrix (docs/domain.md §Roles and permissions), in one place. Handlers ask `authorize…` and never
 * compare roles themselves. Objects a principal may not see throw NotFound (other tenants' objects must look
 * nonexistent); visible objects with a forbidden action throw Forbidden.
 */
export const tenantActions = [
  'users.manage',
  'projects.create',
  'projects.list',
  'tenant.settings',
  'tenant.read',
  'costs.read',
  /** Export anyone's personal data, erase users, export or delete the whole organization. */
  'privacy.manage',
] as const;
export type TenantAction = (typeof tenantActions)[number];

export const projectActions = [
  'project.read',
  'project.update',
  'project.archive',
  'project.restore',
  'project.members',
  'project.generateAudio',
  'project.export',
  'project.costs',
  'project.comment',
  'project.approve',
  /** Stopping a running job; allowed on an archived project, where it only winds work down. */
  'project.cancelJob',
] as const;
export type ProjectAction = (typeof projectActions)[number];

/**
 * Actions that change what is stored for the project; an archived project refuses them all (`ProjectService.load`),
 * because past its retention period the daily run purges it and an edit landing meanwhile would outlive it. Reading,
 * archiving, restoring and cancelling jobs stay open. Exporting is not here: a package download is a read, and
 * starting an export is a job start, which refuses an archived project itself.
 */
const editingActions: ReadonlySet<ProjectAction> = new Set<ProjectAction>([
  'project.update',
  'project.members',
  'project.generateAudio',
  'project.comment',
  'project.approve',
]);

export function changesProject(action: ProjectAction): boolean {
  return editingActions.has(action);
}

/** What the platform operator may do; the operator belongs to no tenant and acts on any tenant's behalf. */
export const operatorActions = ['tenants.manage', 'projects.checkConsistency', 'metrics.read'] as const;
export type OperatorAction = (typeof operatorActions)[number];

/** What a principal needs to know about a project to decide access. */
export interface ProjectAccessFacts {
  tenantId: string;
  ownerId: string;
  memberIds: readonly string[];
  validatorIds: readonly string[];
}

const tenantMatrix: Record<TenantAction, readonly TenantPrincipal['role'][]> = {
  'users.manage': ['admin'],
  'projects.create': ['admin', 'creator'],
  'projects.list': ['admin', 'creator', 'validator'],
  'tenant.settings': ['admin'],
  'tenant.read': ['admin', 'creator', 'validator'],
  'costs.read': ['admin', 'creator', 'validator'],
  'privacy.manage': ['admin'],
};

export function requireTenantPrincipal(principal: Principal | undefined): TenantPrincipal {
  if (!principal) throw new UnauthenticatedError();
  if (principal.kind !== 'tenant-user') throw new ForbiddenError('This operation needs a tenant account');
  return principal;
}

export function requireOperator(principal: Principal | undefined): OperatorPrincipal {
  if (!principal) throw new UnauthenticatedError();
  if (principal.kind !== 'operator') throw new ForbiddenError('This operation is for the platform operator');
  return principal;
}

/** Every operator action is the operator's alone; tenant users, whatever their role, are refused. */
export function authorizeOperatorAction(principal: Principal | undefined, _action: OperatorAction): OperatorPrincipal {
  return requireOperator(principal);
}

export function canDoInTenant(principal: TenantPrincipal, action: TenantAction): boolean {
  return tenantMatrix[action].includes(principal.role);
}

export function authorizeTenantAction(principal: Principal | undefined, action: TenantAction): TenantPrincipal {
  const tenantPrincipal = requireTenantPrincipal(principal);
  if (!canDoInTenant(tenantPrincipal, action)) throw new ForbiddenError(`Your role may not ${action}`);
  return tenantPrincipal;
}

type ProjectRelation = 'admin' | 'owner' | 'member' | 'validator' | 'none';

function relationTo(principal: TenantPrincipal, project: ProjectAccessFacts): ProjectRelation {
  if (principal.tenantId !== project.tenantId) return 'none';
  if (principal.role === 'admin') return 'admin';
  if (principal.role === 'creator') {
    if (project.ownerId === principal.userId) return 'owner';
    if (project.memberIds.includes(principal.userId)) return 'member';
    return 'none';
  }
  return project.validatorIds.includes(principal.userId) ? 'validator' : 'none';
}

const projectMatrix: Record<ProjectAction, readonly ProjectRelation[]> = {
  'project.read': ['admin', 'owner', 'member', 'validator'],
  'project.update': ['admin', 'owner'],
  'project.archive': ['admin', 'owner'],
  'project.restore': ['admin'],
  'project.members': ['admin', 'owner'],
  'project.generateAudio': ['admin', 'owner'],
  'project.export': ['admin', 'owner'],
  'project.costs': ['admin', 'owner', 'validator'],
  // Review: everyone on the project discusses; approving a chapter is the QA reviewer's call (or an admin's).
  'project.comment': ['admin', 'owner', 'member', 'validator'],
  'project.approve': ['admin', 'validator'],
  'project.cancelJob': ['admin', 'owner'],
};

export function canDoOnProject(
  principal: TenantPrincipal,
  action: ProjectAction,
  project: ProjectAccessFacts,
): boolean {
  return projectMatrix[action].includes(relationTo(principal, project));
}

/** Throws NotFound when the project is invisible to the principal, Forbidden when visible but the action is not allowed. */
export function authorizeProjectAction(
  principal: TenantPrincipal,
  action: ProjectAction,
  project: ProjectAccessFacts | undefined,
): void {
  if (!project || relationTo(principal, project) === 'none') throw new NotFoundError('Project');
  if (!canDoOnProject(principal, action, project)) throw new ForbiddenError(`Your role may not ${action}`);
}

/** Permission names the web uses to show or hide controls. */
export function permissionsOf(principal: Principal): string[] {
  if (principal.kind === 'operator') return [...operatorActions];
  if (principal.kind === 'unaffiliated') return ['tenants.signup'];
  const perms: string[] = tenantActions.filter((a) => canDoInTenant(principal, a));
  perms.push('review.comment');
  if (principal.role !== 'creator') perms.push('review.approve');
  if (principal.role !== 'validator')
    perms.push('projects.update', 'projects.archive', 'audio.generate', 'packages.export');
  if (principal.role === 'admin') perms.push('projects.restore');
  return perms;
}
