import type { TenantPrincipal } from '../../core/auth/principal';
import type { TenantRecord } from '../../core/tenants/tenant';
import type { Services } from '../../adapters/compositionRoot';
import type { AnyEndpoint } from './catalog';
import { confirmMember } from './authentication';

const creator: TenantPrincipal = { kind: 'tenant-user', userId: 'u-1', tenantId: 't-1', role: 'creator' };
const tenantEndpoint = { access: 'tenant' } as AnyEndpoint;

/** The two services authorization reads through, counting their reads. */
function countingServices() {
  const counts = { tenant: 0, member: 0 };
  const svc = {
    tenants: {
      async assertActive(tenantId: string): Promise<TenantRecord> {
        counts.tenant++;
        return { id: tenantId, status: 'active', runningProductions: [] } as unknown as TenantRecord;
      },
    },
    users: {
      async currentMember(principal: TenantPrincipal): Promise<TenantPrincipal> {
        counts.member++;
        return { ...principal };
      },
    },
    privacy: { consent: { termsVersion: '2026-01' } },
  } as unknown as Services;
  return { counts, svc };
}

describe('confirming a tenant member', () => {
  // The first request's reads are sent at once (none on their way); the requests that ask while they are share theirs.
  it('reads once for requests that ask together, and gives each its own principal and tenant', async () => {
    const { counts, svc } = countingServices();
    const [, first, second] = await Promise.all([
      confirmMember(tenantEndpoint, creator, svc),
      confirmMember(tenantEndpoint, creator, svc),
      confirmMember(tenantEndpoint, { ...creator }, svc),
    ]);
    expect(counts).toEqual({ tenant: 2, member: 2 });
    expect(first).toEqual(second);
    expect(first.principal).not.toBe(second.principal);
    expect(first.tenant).not.toBe(second.tenant);
    expect(first.tenant!.runningProductions).not.toBe(second.tenant!.runningProductions);
  });

  it('does not share a member read between callers whose tokens say different things', async () => {
    const { counts, svc } = countingServices();
    const [, creatorAnswer, validatorAnswer] = await Promise.all([
      confirmMember(tenantEndpoint, creator, svc),
      confirmMember(tenantEndpoint, creator, svc),
      confirmMember(tenantEndpoint, { ...creator, role: 'validator' }, svc),
    ]);
    expect(counts).toEqual({ tenant: 2, member: 3 });
    expect(creatorAnswer.principal).toMatchObject({ role: 'creator' });
    expect(validatorAnswer.principal).toMatchObject({ role: 'validator' });
  });
});
