/**
 * A signed-in identity and the tenants it has created through self-service signup. One identity owns at most one
 * tenant unless the platform operator allows more. The record is the claim: signup adds the new tenant to it with
 * a create-only or ETag-conditional write before the tenant exists, so parallel signups cannot both pass the check.
 */

/** Tenants an identity may create when the operator has not said otherwise. */
export const DEFAULT_TENANT_ALLOWANCE = 1;

/**
 * A claim whose tenant still does not exist this long after it was made belongs to a signup that died between the
 * claim and the tenant's creation: it no longer counts. Signups finish in well under a second.
 */
export const UNFULFILLED_CLAIM_GRACE_MS = 2 * 60_000;

export interface TenantClaim {
  tenantId: string;
  claimedAt: string;
}

export interface IdentityRecord {
  /** The identity provider's subject (`oid`/`sub`), as in the token. */
  userId: string;
  tenants: TenantClaim[];
  /** Set by the operator; null means the default allowance. */
  tenantAllowance: number | null;
  updatedAt: string;
  etag?: string;
}

/** Port: identity records, one per identity. */
export interface IdentityStore {
  get(userId: string): Promise<IdentityRecord | undefined>;
  /** Create-only: throws ConflictError when the identity already has a record. */
  create(record: IdentityRecord): Promise<IdentityRecord>;
  /** Throws PreconditionFailedError when the record changed since `etag`. */
  replace(record: IdentityRecord, etag: string): Promise<IdentityRecord>;
}

export function allowanceOf(record: IdentityRecord | undefined): number {
  return record?.tenantAllowance ?? DEFAULT_TENANT_ALLOWANCE;
}
