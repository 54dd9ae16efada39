import { ForbiddenError, NotFoundError } from '../errors';
import { authorizeProjectAction, authorizeTenantAction, permissionsOf } from './permissions';
import type { TenantPrincipal } from './principal';

const user = (role: TenantPrincipal['role'], userId = `u-${role}`, tenantId = 't1'): TenantPrincipal => ({
  kind: 'tenant-user',
  role,
  userId,
  tenantId,
});
const project = { tenantId: 't1', ownerId: 'u-creator', memberIds: ['u-shared'], validatorIds: ['u-validator'] };

describe('permission matrix (docs/domain.md §Roles and permissions)', () => {
  it('hides other tenants’ projects from everyone, admins included', () => {
    expect(() => authorizeProjectAction(user('admin', 'a', 't2'), 'project.read', project)).toThrow(NotFoundError);
  });
  it('lets creators read shared projects but update only their own', () => {
    const shared = user('creator', 'u-shared');
    expect(() => authorizeProjectAction(shared, 'project.read', project)).not.toThrow();
    expect(() => authorizeProjectAction(shared, 'project.update', project)).toThrow(ForbiddenError);
    expect(() => authorizeProjectAction(user('creator'), 'project.update', project)).not.toThrow();
    expect(() => authorizeProjectAction(user('creator', 'u-stranger'), 'project.read', project)).toThrow(NotFoundError);
  });
  it('lets validators read assigned projects only, never change them', () => {
    expect(() => authorizeProjectAction(user('validator'), 'project.read', project)).not.toThrow();
    expect(() => authorizeProjectAction(user('validator'), 'project.update', project)).toThrow(ForbiddenError);
    expect(() => authorizeProjectAction(user('validator', 'u-other'), 'project.read', project)).toThrow(NotFoundError);
  });
  it('restores and manages users only as admin', () => {
    expect(() => authorizeProjectAction(user('creator'), 'project.restore', project)).toThrow(ForbiddenError);
    expect(() => authorizeProjectAction(user('admin'), 'project.restore', project)).not.toThrow();
    expect(() => authorizeTenantAction(user('creator'), 'users.manage')).toThrow(ForbiddenError);
    expect(() => authorizeTenantAction(user('validator'), 'projects.create')).toThrow(ForbiddenError);
  });
  it('lets everyone on a project comment, and only assigned validators and admins approve chapters', () => {
    for (const who of [user('admin'), user('creator'), user('creator', 'u-shared'), user('validator')]) {
      expect(() => authorizeProjectAction(who, 'project.comment', project)).not.toThrow();
    }
    expect(() => authorizeProjectAction(user('validator'), 'project.approve', project)).not.toThrow();
    expect(() => authorizeProjectAction(user('admin'), 'project.approve', project)).not.toThrow();
    expect(() => authorizeProjectAction(user('creator'), 'project.approve', project)).toThrow(ForbiddenError);
    expect(() => authorizeProjectAction(user('validator', 'u-other'), 'project.comment', project)).toThrow(
      NotFoundError,
    );
    expect(permissionsOf(user('validator'))).toEqual(expect.arrayContaining(['review.comment', 'review.approve']));
    expect(permissionsOf(user('creator'))).not.toContain('review.approve');
  });
  it('tells the web which controls to show', () => {
    expect(permissionsOf(user('validator'))).not.toContain('projects.update');
    expect(permissionsOf(user('creator'))).toEqual(expect.arrayContaining(['projects.create', 'projects.update']));
    expect(permissionsOf(user('admin'))).toEqual(expect.arrayContaining(['users.manage', 'projects.restore']));
  });
});
