import { createHash } from 'node:crypto';
import { authorizeTenantAction } from '../auth/permissions';
import { narrowerRole, type Principal, type TenantPrincipal, type TenantRole } from '../auth/principal';
import { ConflictError, ForbiddenError, NotFoundError, PreconditionFailedError, ValidationError } from '../errors';
import type { Page, TenantCollection } from '../ports/documents';
import type { Clock } from '../ports/system';
import { typedTenantCollection, type TypedTenantCollection } from '../ports/typedCollection';
import { assertTermsAccepted } from '../privacy/consent';
import { AdminRoster, isActiveAdmin } from './adminRoster';
import type { UserRecord } from './user';

/** Rounds of an update without If-Match: each lost race is one, so two dozen changes at once all land. */
const MAX_UPDATE_ATTEMPTS = 64;

export interface UserServiceDeps {
  /** The users container: user records, and beside them each tenant's admin roster (./adminRoster.ts). */
  users: TenantCollection<UserRecord>;
  clock: Clock;
}

export class UserService {
  private readonly users: TypedTenantCollection<UserRecord>;
  private readonly admins: AdminRoster;

  constructor(private readonly deps: UserServiceDeps) {
    this.users = typedTenantCollection<UserRecord>(deps.users, 'user');
    this.admins = new AdminRoster({ container: deps.users, clock: deps.clock });
  }

  async list(
    principal: Principal | undefined,
    page: { pageSize: number; continuationToken?: string },
  ): Promise<Page<UserRecord>> {
    const admin = authorizeTenantAction(principal, 'users.manage');
    return this.users.list(admin.tenantId, { orderBy: { field: 'email', direction: 'ASC' }, page });
  }

  async get(principal: Principal | undefined, userId: string): Promise<UserRecord> {
    const admin = authorizeTenantAction(principal, 'users.manage');
    const user = await this.users.get(admin.tenantId, userId);
    if (!user) throw new NotFoundError('User');
    return user;
  }

  /** Invites a user: they can sign in with this email and get the role. */
  async invite(
    principal: Principal | undefined,
    request: { email: string; displayName: string; role: TenantRole },
  ): Promise<UserRecord> {
    const admin = authorizeTenantAction(principal, 'users.manage');
    const existing = await this.users.list(admin.tenantId, {
      filter: { field: 'email', op: 'eq', value: request.email },
      page: { pageSize: 1 },
    });
    if (existing.items.length > 0) {
      throw emailTaken();
    }
    const now = this.deps.clock.now().toISOString();
    // The id follows from the address, so of concurrent invitations of one address the create-only write lets one
    // through; the listing above finds the address under any other id (an identity's own, from signup).
    const invited = await this.users
      .create({
        id: invitedUserId(admin.tenantId, request.email),
        type: 'user',
        tenantId: admin.tenantId,
        email: request.email,
        displayName: request.displayName,
        role: request.role,
        status: 'invited',
        createdAt: now,
        updatedAt: now,
      })
      .catch((error: unknown) => {
        if (error instanceof ConflictError) throw emailTaken();
        throw error;
      });
    // A new admin joins the roster after their record exists (never before: the roster may list fewer, not more).
    // The invitation is stored either way; a roster that did not follow is repaired at its next refusal.
    if (isActiveAdmin(invited)) await this.admins.reconcile(admin.tenantId).catch(() => undefined);
    return invited;
  }

  /**
   * With If-Match the change lands on that version or not at all (412). Without it the caller asked for no version, so
   * a change stored between the read and the write is no reason to refuse: the request is decided again on the fresh
   * record and carries only the fields it names, so the last one stored wins and nothing another request changed is
   * lost.
   */
  async update(
    principal: Principal | undefined,
    userId: string,
    ifMatch: string | undefined,
    update: { displayName?: string; role?: TenantRole; status?: 'active' | 'deactivated' },
  ): Promise<UserRecord> {
    const admin = authorizeTenantAction(principal, 'users.manage');
    for (let attempt = 1; ; attempt++) {
      const user = await this.get(principal, userId);
      if (user.id === admin.userId && ((update.role && update.role !== 'admin') || update.status === 'deactivated')) {
        throw new ValidationError('You cannot demote or deactivate yourself', [
          { field: update.status ? 'status' : 'role', message: 'ask another admin' },
        ]);
      }
      // The change is decided on the record just read, so it may only land on that version: a client's older (or
      // newer) one is stale here.
      if (ifMatch !== undefined && ifMatch !== user.etag) {
        throw new PreconditionFailedError('The object changed since you loaded it', user);
      }
      try {
        // Through the admin roster: of two admins demoting each other at once, one is refused (409 `last_admin`).
        return await this.admins.write(user, {
          ...user,
          displayName: update.displayName ?? user.displayName,
          role: update.role ?? user.role,
          status: update.status ?? user.status,
          updatedAt: this.deps.clock.now().toISOString(),
        });
      } catch (error) {
        const overtaken = error instanceof PreconditionFailedError && ifMatch === undefined;
        if (!overtaken || attempt >= MAX_UPDATE_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * The caller as the users container knows them now, on every request: a role change or a deactivation takes
   * effect on the next request, whatever the token still says. The token's role can only narrow the stored one;
   * a token for someone who is not (or no longer) a user of the tenant is refused. With `termsVersion`, someone who
   * has not accepted those terms is refused too (403 `consent_required`).
   */
  async currentMember(principal: TenantPrincipal, termsVersion?: string): Promise<TenantPrincipal> {
    const user = await this.users.get(principal.tenantId, principal.userId);
    if (!user) throw new ForbiddenError('Your account does not belong to this organization');
    if (user.status === 'deactivated') throw new ForbiddenError('Your account is deactivated');
    if (termsVersion !== undefined) assertTermsAccepted(user.consent, termsVersion);
    return { ...principal, role: narrowerRole(user.role, principal.role) };
  }
}

function emailTaken(): ConflictError {
  return new ConflictError('A user with this email already exists in your organization', { field: 'email' });
}

/**
 * An invited user's id: one per organization and (lower-case) email address. Erasing the person deletes the record,
 * so inviting the address again creates it anew.
 */
function invitedUserId(tenantId: string, email: string): string {
  return `usr_${createHash('sha256').update(`${tenantId}\n${email.toLowerCase()}`).digest('hex').slice(0, 40)}`;
}
