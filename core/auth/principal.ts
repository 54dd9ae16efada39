/** Who is calling, as established from a verified token. Never built from request bodies or unverified headers. */
export const tenantRoles = ['admin', 'creator', 'validator'] as const;
export type TenantRole = (typeof tenantRoles)[number];

/** Roles from the least to the most powerful: what "narrowing" a role means. */
const roleStrength: Record<TenantRole, number> = { validator: 0, creator: 1, admin: 2 };

/** The weaker of two roles: a token's role claim may narrow what the stored role allows, never widen it. */
export function narrowerRole(stored: TenantRole, claimed: TenantRole): TenantRole {
  return roleStrength[claimed] < roleStrength[stored] ? claimed : stored;
}

export interface TenantPrincipal {
  kind: 'tenant-user';
  /** Stable subject id from the identity provider (`sub`/`oid`). */
  userId: string;
  tenantId: string;
  role: TenantRole;
  email?: string;
  displayName?: string;
}

/** The platform operator lives outside every tenant and provisions tenants. */
export interface OperatorPrincipal {
  kind: 'operator';
  userId: string;
  email?: string;
  displayName?: string;
}

/** A signed-in identity that does not belong to a tenant yet (may call self-service signup). */
export interface UnaffiliatedPrincipal {
  kind: 'unaffiliated';
  userId: string;
  email?: string;
  displayName?: string;
}

export type Principal = TenantPrincipal | OperatorPrincipal | UnaffiliatedPrincipal;

/** Port: turns a raw bearer token into a principal, or throws `UnauthenticatedError`. */
export interface TokenVerifier {
  verify(token: string): Promise<Principal>;
}
