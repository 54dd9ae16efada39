import { ConflictError, PreconditionFailedError } from '../errors';
import type { Clock } from '../ports/system';
import {
  allowanceOf,
  UNFULFILLED_CLAIM_GRACE_MS,
  type IdentityRecord,
  type IdentityStore,
  type TenantClaim,
} from './identity';

export interface TenantClaimsDeps {
  identities: IdentityStore;
  tenantExists(tenantId: string): Promise<boolean>;
  clock: Clock;
}

/** Each attempt is one read and one conditional write; only a write that lost a race tries again. */
const MAX_ATTEMPTS = 50;

/** The signup check "may this identity create another tenant?", made atomic with the claim itself. */
export class TenantClaims {
  constructor(private readonly deps: TenantClaimsDeps) {}

  /** Records that `userId` is creating `tenantId`, or throws ConflictError when its allowance is used up. */
  async claim(userId: string, tenantId: string): Promise<void> {
    const claim: TenantClaim = { tenantId, claimedAt: this.now() };
    await this.change(userId, async (record) => {
      const held = await this.liveClaims(record);
      const allowance = allowanceOf(record);
      if (held.length >= allowance) {
        throw new ConflictError(
          allowance === 1
            ? 'You already own an organization; ask the platform operator if you need another'
            : `You already own ${held.length} organizations, the most this identity may create`,
          { reason: 'tenant_allowance_reached', allowance },
        );
      }
      return { tenants: [...held, claim] };
    });
  }

  /** Gives a claim back when the signup that made it failed. */
  async release(userId: string, tenantId: string): Promise<void> {
    await this.change(userId, async (record) => ({
      tenants: (record?.tenants ?? []).filter((claim) => claim.tenantId !== tenantId),
    }));
  }

  async get(userId: string): Promise<IdentityRecord> {
    return (await this.deps.identities.get(userId)) ?? this.blank(userId);
  }

  /** Operator: how many tenants this identity may create (null: the default). */
  async setAllowance(userId: string, tenantAllowance: number | null): Promise<IdentityRecord> {
    return this.change(userId, async () => ({ tenantAllowance }));
  }

  /** Claims whose tenant exists, or that are young enough to belong to a signup still in flight. */
  private async liveClaims(record: IdentityRecord | undefined): Promise<TenantClaim[]> {
    const claims = record?.tenants ?? [];
    const now = this.deps.clock.now().getTime();
    const live = await Promise.all(
      claims.map(
        async (claim) =>
          now - Date.parse(claim.claimedAt) < UNFULFILLED_CLAIM_GRACE_MS ||
          (await this.deps.tenantExists(claim.tenantId)),
      ),
    );
    return claims.filter((_, index) => live[index]);
  }

  /** Create-or-replace under optimistic concurrency: the patch is recomputed from the record each attempt. */
  private async change(
    userId: string,
    patch: (
      record: IdentityRecord | undefined,
    ) => Promise<Partial<Pick<IdentityRecord, 'tenants' | 'tenantAllowance'>>>,
  ): Promise<IdentityRecord> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.deps.identities.get(userId);
      // A refusal from the patch is final; only the write below can lose a race.
      const changes = await patch(current);
      const next: IdentityRecord = { ...(current ?? this.blank(userId)), ...changes, updatedAt: this.now() };
      try {
        return current
          ? await this.deps.identities.replace(next, current.etag!)
          : await this.deps.identities.create(next);
      } catch (error) {
        const lostRace = error instanceof PreconditionFailedError || error instanceof ConflictError;
        if (!lostRace || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private blank(userId: string): IdentityRecord {
    return { userId, tenants: [], tenantAllowance: null, updatedAt: this.now() };
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}
