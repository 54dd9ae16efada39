/** The rule the request pipeline applies to every tenant caller: the stored user decides, the token can only narrow. */
import type { TenantPrincipal, TenantRole } from '../../core/auth/principal';
import { ForbiddenError } from '../../core/errors';
import type { TenantCollection } from '../../core/ports/documents';
import type { UserRecord } from '../../core/users/user';
import { UserService } from '../../core/users/userService';

function serviceWith(users: UserRecord[]): UserService {
  const collection: Pick<TenantCollection<UserRecord>, 'get'> = {
    get: async (tenantId, id) => users.find((u) => u.tenantId === tenantId && u.id === id),
  };
  return new UserService({
    users: collection as TenantCollection<UserRecord>,
    clock: { now: () => new Date() },
  });
}

const stored = (role: TenantRole, status: UserRecord['status'] = 'active'): UserRecord => ({
  id: 'u1',
  type: 'user',
  tenantId: 't1',
  email: 'u1@example.test',
  displayName: 'U1',
  role,
  status,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
});
const caller = (role: TenantRole): TenantPrincipal => ({ kind: 'tenant-user', userId: 'u1', tenantId: 't1', role });

test.each<[TenantRole, TenantRole, TenantRole]>([
  ['admin', 'admin', 'admin'],
  ['creator', 'admin', 'creator'],
  ['validator', 'admin', 'validator'],
  ['admin', 'creator', 'creator'],
  ['admin', 'validator', 'validator'],
  ['creator', 'validator', 'validator'],
  ['validator', 'creator', 'validator'],
])('stored %s with a %s token acts as %s', async (storedRole, tokenRole, effective) => {
  const member = await serviceWith([stored(storedRole)]).currentMember(caller(tokenRole));
  expect(member).toEqual({ ...caller(tokenRole), role: effective });
});

test('deactivated users and tokens for nobody in the tenant are refused', async () => {
  await expect(serviceWith([stored('admin', 'deactivated')]).currentMember(caller('admin'))).rejects.toThrow(
    ForbiddenError,
  );
  await expect(serviceWith([]).currentMember(caller('admin'))).rejects.toThrow(ForbiddenError);
  await expect(serviceWith([{ ...stored('admin'), tenantId: 't2' }]).currentMember(caller('admin'))).rejects.toThrow(
    ForbiddenError,
  );
});
