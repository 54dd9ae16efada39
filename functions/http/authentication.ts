/**
 * Who is calling: the principal a request's bearer token names (verified, nothing read from the store), then for a
 * tenant user the principal and tenant as the store knows them now, read for every request so that a demotion, a
 * deactivation, new terms or a suspension count on the caller's next request. Requests that ask for the same user or
 * tenant before its read is sent share that read (`readsSentTogether.ts`): each still gets a read sent after it arrived.
 */
import type { HttpRequest } from '@azure/functions';
import type { Principal, TenantPrincipal } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import type { TenantRecord } from '../../core/tenants/tenant';
import type { Services } from '../../adapters/compositionRoot';
import { extractBearerToken } from '../../adapters/identity/jwtTokenVerifier';
import type { AnyEndpoint } from './catalog';
import { ReadsSentTogether } from './readsSentTogether';

const tenantReads = new ReadsSentTogether<TenantRecord>();
const memberReads = new ReadsSentTogether<TenantPrincipal>();

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
  const termsVersion = definition.beforeConsent ? undefined : svc.privacy.consent.termsVersion;
  // Keyed by everything the answer depends on (the token's whole principal, the terms asked for), so a request only
  // ever shares the answer it would have got from a read of its own; each gets its own copy of what it may change.
  const [tenant, member] = await Promise.all([
    tenantReads.read(caller.tenantId, () => svc.tenants.assertActive(caller.tenantId)),
    memberReads.read(JSON.stringify([caller, termsVersion ?? null]), () =>
      svc.users.currentMember(caller, termsVersion),
    ),
  ]);
  return { principal: { ...member }, tenant: structuredClone(tenant) };
}

/** The rate limiter's bucket: a tenant user's tenant, anyone else by id. */
export const limitKey = (principal: Principal) =>
  principal.kind === 'tenant-user' ? `t:${principal.tenantId}` : `u:${principal.userId}`;
