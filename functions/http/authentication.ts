/**
 * Who is calling: the principal a request's bearer token names (verified, nothing read from the store), then for a
 * tenant user the principal and tenant as the store knows them now, read on every request so that a demotion, a
 * deactivation, new terms or a suspension count on the caller's next request.
 */
import type { HttpRequest } from '@azure/functions';
import type { Principal } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import type { TenantRecord } from '../../core/tenants/tenant';
import type { Services } from '../../adapters/compositionRoot';
import { extractBearerToken } from '../../adapters/identity/jwtTokenVerifier';
import type { AnyEndpoint } from './catalog';

/** The principal the request's token names (verified), before anything is read from the store. */
export async function verifyCaller(
  definition: AnyEndpoint,
  request: HttpRequest,
  svc: Services,
): Promise<Principal | undefined> {
  const token = extractBearerToken(request.headers);
  if (definition.access === 'public') {
    return token ? await svc.tokenVerifier.verify(token).catch(() => undefined) : undefined;
  }
  if (!token) throw new UnauthenticatedError();
  return svc.tokenVerifier.verify(token);
}

/** For a tenant user, the principal and tenant as the store knows them now; anyone else as their token says. */
export async function confirmMember(
  definition: AnyEndpoint,
  caller: Principal | undefined,
  svc: Services,
): Promise<{ principal?: Principal; tenant?: TenantRecord }> {
  if (definition.access === 'public' || caller?.kind !== 'tenant-user') return { principal: caller };
  // The role comes from the user document (the token's claim can only narrow it), so a change is immediate.
  const [tenant, member] = await Promise.all([
    svc.tenants.assertActive(caller.tenantId),
    svc.users.currentMember(caller, definition.beforeConsent ? undefined : svc.privacy.consent.termsVersion),
  ]);
  return { principal: member, tenant };
}

/** The rate limiter's bucket: a tenant user's tenant, anyone else by id. */
export const limitKey = (principal: Principal) =>
  principal.kind === 'tenant-user' ? `t:${principal.tenantId}` : `u:${principal.userId}`;
