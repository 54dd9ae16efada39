import { authorizeTenantAction, requireOperator } from '../auth/permissions';
import type { Principal } from '../auth/principal';
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  PreconditionFailedError,
  UnauthenticatedError,
} from '../errors';
import { readAll, type Page, type TenantCollection, type TenantDirectory } from '../ports/documents';
import type { Clock, IdGenerator } from '../ports/system';
import type { UserRecord } from '../users/user';
import type { IdentityRecord, IdentityStore } from './identity';
import { defaultQuotasByPlan, type TenantPlan, type TenantQuotas, type TenantRecord } from './tenant';
import { TenantClaims } from './tenantClaims';

/** Rounds of an operator's update without If-Match: each lost race is one. */
const MAX_UPDATE_ATTEMPTS = 64;

export interface TenantServiceDeps {
  tenants: TenantDirectory<TenantRecord>;
  users: TenantCollection<UserRecord>;
  /** Which tenants each identity created, for the one-tenant-per-identity rule. */
  identities: IdentityStore;
  /** Whether any tenant has a deactivated user with this id or email (a cross-tenant lookup). */
  isDeactivatedAnywhere(identity: { userId: string; email: string }): Promise<boolean>;
  clock: Clock;
  ids: IdGenerator;
}

export interface TenantUpdate {
  name?: string;
  plan?: TenantPlan;
  status?: 'active' | 'suspended';
  quotas?: Partial<TenantQuotas>;
}

export class TenantService {
  private readonly claims: TenantClaims;

  constructor(private readonly deps: TenantServiceDeps) {
    this.claims = new TenantClaims({
      identities: deps.identities,
      tenantExists: async (tenantId) => (await deps.tenants.get(tenantId)) !== undefined,
      clock: deps.clock,
    });
  }

  /**
   * Self-service signup: a signed-in identity without a tenant creates one and becomes its first admin. An identity
   * owns at most its allowance of tenants (one unless the operator says otherwise), claimed atomically before the
   * tenant exists; someone deactivated in any tenant cannot start a new one.
   */
  async signup(
    principal: Principal | undefined,
    request: { tenantName: string; displayName?: string },
  ): Promise<{ tenant: TenantRecord; user: UserRecord }> {
    if (!principal) throw new UnauthenticatedError();
    if (principal.kind !== 'unaffiliated') {
      throw new ConflictError('You already belong to a tenant or operate the platform');
    }
    if (!principal.email) throw new ForbiddenError('Your identity has no verified email address');
    const email = principal.email.toLowerCase();
    if (await this.deps.isDeactivatedAnywhere({ userId: principal.userId, email })) {
      throw new ForbiddenError('Your account is deactivated; it cannot create an organization');
    }
    const tenantId = this.deps.ids.newId('tnt');
    await this.claims.claim(principal.userId, tenantId);
    try {
      const now = this.deps.clock.now().toISOString();
      const tenant = await this.deps.tenants.create({
        id: tenantId,
        type: 'tenant',
        name: request.tenantName,
        plan: 'trial',
        status: 'active',
        quotas: defaultQuotasByPlan.trial,
        createdAt: now,
        updatedAt: now,
        createdBy: principal.userId,
      });
      const user = await this.deps.users.create({
        id: principal.userId,
        type: 'user',
        tenantId: tenant.id,
        email,
        displayName: request.displayName ?? principal.displayName ?? principal.email,
        role: 'admin',
        status: 'active',
        createdAt: now,
        updatedAt: now,
      });
      return { tenant, user };
    } catch (error) {
      await this.claims.release(principal.userId, tenantId);
      throw error;
    }
  }

  /** Operator: an identity's tenants and how many it may create. */
  async identity(principal: Principal | undefined, userId: string): Promise<IdentityRecord> {
    requireOperator(principal);
    return this.claims.get(userId);
  }

  /** Operator: let an identity create more (or fewer) tenants; null restores the default of one. */
  async setTenantAllowance(
    principal: Principal | undefined,
    userId: string,
    tenantAllowance: number | null,
  ): Promise<IdentityRecord> {
    requireOperator(principal);
    return this.claims.setAllowance(userId, tenantAllowance);
  }

  /** The caller's own tenant (any role). */
  async current(principal: Principal | undefined): Promise<TenantRecord> {
    const user = authorizeTenantAction(principal, 'tenant.read');
    const tenant = await this.deps.tenants.get(user.tenantId);
    if (!tenant) throw new NotFoundError('Tenant');
    return tenant;
  }

  /**
   * A tenant admin renames the organization. Plan, quotas and status stay the operator's (they decide what the
   * tenant pays for and may use); the name is the one setting the organization owns.
   */
  async rename(principal: Principal | undefined, ifMatch: string | undefined, name: string): Promise<TenantRecord> {
    const admin = authorizeTenantAction(principal, 'tenant.settings');
    if (!ifMatch) {
      throw new DomainError('precondition_required', 'Send If-Match with the ETag of the organization you saw');
    }
    const tenant = await this.deps.tenants.get(admin.tenantId);
    if (!tenant) throw new NotFoundError('Tenant');
    return this.deps.tenants.replace({ ...tenant, name, updatedAt: this.deps.clock.now().toISOString() }, ifMatch);
  }

  async list(
    principal: Principal | undefined,
    page: { pageSize: number; continuationToken?: string },
  ): Promise<Page<TenantRecord>> {
    requireOperator(principal);
    return this.deps.tenants.list({ orderBy: { field: 'createdAt', direction: 'DESC' }, page });
  }

  async get(principal: Principal | undefined, tenantId: string): Promise<TenantRecord> {
    requireOperator(principal);
    const tenant = await this.deps.tenants.get(tenantId);
    if (!tenant) throw new NotFoundError('Tenant');
    return tenant;
  }

  /**
   * Operator: suspend/reactivate, change plan and quotas. A plan change resets quotas to the plan's defaults unless
   * given. With If-Match the change lands on that version or not at all (412); without it, a change stored since the
   * read (the tenant's own rename, another operator) is no reason to refuse: the update is applied again to the fresh
   * record, so neither loses the other's fields.
   */
  async update(
    principal: Principal | undefined,
    tenantId: string,
    ifMatch: string | undefined,
    update: TenantUpdate,
  ): Promise<TenantRecord> {
    requireOperator(principal);
    for (let attempt = 1; ; attempt++) {
      const tenant = await this.get(principal, tenantId);
      const planQuotas = update.plan && update.plan !== tenant.plan ? defaultQuotasByPlan[update.plan] : tenant.quotas;
      const next: TenantRecord = {
        ...tenant,
        name: update.name ?? tenant.name,
        plan: update.plan ?? tenant.plan,
        status: update.status ?? tenant.status,
        quotas: { ...planQuotas, ...update.quotas },
        updatedAt: this.deps.clock.now().toISOString(),
      };
      try {
        return await this.deps.tenants.replace(next, ifMatch ?? tenant.etag!);
      } catch (error) {
        const overtaken = error instanceof PreconditionFailedError && ifMatch === undefined;
        if (!overtaken || attempt >= MAX_UPDATE_ATTEMPTS) throw error;
      }
    }
  }

  /** Every tenant id, page by page: for system jobs such as retention (never exposed to a caller). */
  async *allTenantIds(): AsyncGenerator<string> {
    for await (const tenant of readAll((page) => this.deps.tenants.list({ page }), 100)) yield tenant.id;
  }

  /** Refuses work for suspended tenants; called on every tenant request. */
  async assertActive(tenantId: string): Promise<TenantRecord> {
    const tenant = await this.deps.tenants.get(tenantId);
    if (!tenant) throw new ForbiddenError('Your tenant does not exist');
    if (tenant.status === 'suspended') throw new DomainError('tenant_suspended', 'Your organization is suspended');
    if (tenant.deletion) {
      throw new DomainError('tenant_suspended', 'Your organization is closed and scheduled for deletion', {
        purgeAfter: tenant.deletion.purgeAfter,
      });
    }
    return tenant;
  }
}
