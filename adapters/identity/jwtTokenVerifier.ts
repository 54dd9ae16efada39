import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import type { Principal, TenantRole, TokenVerifier } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import { createDiscoveredJwksUri } from './openIdDiscovery';
import { VerifiedTokens } from './verifiedTokens';

export { extractBearerToken, KHIPU_AUTHORIZATION_HEADER, UNTRUSTED_CLIENT_PRINCIPAL_HEADER } from './bearerToken';

export interface JwtTokenVerifierOptions {
  issuer: string;
  audience: string;
  /** When absent, read once from `{issuer}/.well-known/openid-configuration`. */
  jwksUri?: string;
  tenantClaim: string;
  rolesClaim: string;
  /**
   * Longest lifetime (`exp - iat`) a token may claim. Tokens must carry `iat`; one issued for longer, or issued
   * longer ago, is refused, so a leaked token is useful for at most this long.
   */
  maxTokenLifetimeSeconds: number;
  /** Default 'platform.operator'. */
  operatorRole?: string;
  /** Default 60 s. */
  clockToleranceSeconds?: number;
  /** Receives why a token was rejected; the caller only ever sees a generic error. Default: console.warn. */
  onRejected?: (rejection: TokenRejection) => void;
}

export interface TokenRejection {
  /** A jose error code such as ERR_JWT_EXPIRED, or one of ours (ERR_TOKEN_*). Never contains the token. */
  code: string;
  message: string;
}

const SIGNING_ALGORITHM = 'RS256';
/** Far above any real access token (Entra's are 1-3 KB); keeps hostile input from costing parse time. */
const MAX_TOKEN_LENGTH = 16 * 1024;
const MAX_CLAIM_LENGTH = 256;
/** Tenant ids end up in blob names and partition keys: accept only a conservative alphabet. */
const TENANT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Highest first: a token that carries several tenant roles gets the strongest one. */
const tenantRolesByRank: readonly TenantRole[] = ['admin', 'creator', 'validator'];

class TokenClaimsError extends Error {
  constructor(
    public readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Production token verification (Entra External ID) and local verification (dev IdP) alike.
 * Build one per process: the JWKS resolver caches keys and rate-limits refetches for unknown `kid`s.
 */
export function createJwtTokenVerifier(options: JwtTokenVerifierOptions): TokenVerifier {
  const issuer = options.issuer;
  const operatorRole = options.operatorRole ?? 'platform.operator';
  const clockTolerance = options.clockToleranceSeconds ?? 60;
  const onRejected = options.onRejected ?? logRejection;
  const resolveKey = createKeyResolver(options);
  const verified = new VerifiedTokens();

  return {
    async verify(token: string): Promise<Principal> {
      try {
        if (typeof token !== 'string' || token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
          throw new TokenClaimsError('ERR_TOKEN_SIZE', 'token is empty or too long');
        }
        const now = Date.now();
        const known = verified.get(token, now);
        if (known) return known;
        const { payload } = await jwtVerify(token, resolveKey, {
          issuer,
          audience: options.audience,
          algorithms: [SIGNING_ALGORITHM],
          requiredClaims: ['exp', 'iat'],
          clockTolerance,
          // Also refuses an `iat` in the future.
          maxTokenAge: options.maxTokenLifetimeSeconds,
        });
        assertLifetimeWithin(payload, options.maxTokenLifetimeSeconds);
        const principal = toPrincipal(payload, options.tenantClaim, options.rolesClaim, operatorRole);
        // Until it expires or grows too old, whichever comes first (without the clock tolerance jose allows).
        const endsSec = Math.min(payload.exp!, payload.iat! + options.maxTokenLifetimeSeconds);
        verified.remember(token, principal, now, endsSec * 1000);
        return principal;
      } catch (error) {
        onRejected(describeRejection(error));
        throw new UnauthenticatedError();
      }
    },
  };
}

function createKeyResolver(options: JwtTokenVerifierOptions): JWTVerifyGetKey {
  if (options.jwksUri) return createRemoteJWKSet(new URL(options.jwksUri));
  const discoverJwksUri = createDiscoveredJwksUri(options.issuer);
  let remoteKeySet: JWTVerifyGetKey | undefined;
  return async (protectedHeader, token) => {
    remoteKeySet ??= createRemoteJWKSet(await discoverJwksUri());
    return remoteKeySet(protectedHeader, token);
  };
}

/** A token that claims a longer life than allowed is refused outright, not only once it grows old. */
function assertLifetimeWithin(payload: JWTPayload, maxSeconds: number): void {
  const lifetime = (payload.exp ?? 0) - (payload.iat ?? 0);
  if (!(lifetime <= maxSeconds)) {
    throw new TokenClaimsError('ERR_TOKEN_LIFETIME', `token lifetime ${lifetime} s exceeds ${maxSeconds} s`);
  }
}

function toPrincipal(payload: JWTPayload, tenantClaim: string, rolesClaim: string, operatorRole: string): Principal {
  const userId = boundedString(payload.oid) ?? boundedString(payload.sub);
  if (!userId) throw new TokenClaimsError('ERR_TOKEN_SUBJECT', 'token has neither oid nor sub');
  const identity = { userId, ...optionalProfile(payload) };
  const roles = readRoles(payload[rolesClaim]);

  if (roles.includes(operatorRole)) return { kind: 'operator', ...identity };

  const tenantId = payload[tenantClaim];
  const role = tenantRolesByRank.find((candidate) => roles.includes(candidate));
  if (tenantId === undefined || tenantId === null || tenantId === '' || !role) {
    return { kind: 'unaffiliated', ...identity };
  }
  if (typeof tenantId !== 'string' || !TENANT_ID_PATTERN.test(tenantId)) {
    throw new TokenClaimsError('ERR_TOKEN_TENANT', `claim ${tenantClaim} is not a valid tenant id`);
  }
  return { kind: 'tenant-user', tenantId, role, ...identity };
}

/** Entra emits app roles as an array; some issuers use a single string. Anything else counts as no roles. */
function readRoles(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((role): role is string => typeof role === 'string');
  return [];
}

function optionalProfile(payload: JWTPayload): { email?: string; displayName?: string } {
  const preferredUsername = boundedString(payload.preferred_username);
  const email = boundedString(payload.email) ?? (preferredUsername?.includes('@') ? preferredUsername : undefined);
  const displayName = boundedString(payload.name);
  return { ...(email && { email }), ...(displayName && { displayName }) };
}

function boundedString(value: unknown): string | undefined {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_CLAIM_LENGTH ? value : undefined;
}

function describeRejection(error: unknown): TokenRejection {
  if (error instanceof TokenClaimsError) return { code: error.code, message: error.message };
  if (error instanceof joseErrors.JOSEError) return { code: error.code, message: error.message };
  return { code: 'ERR_TOKEN_VERIFICATION', message: error instanceof Error ? error.message : String(error) };
}

function logRejection(rejection: TokenRejection): void {
  console.warn(`bearer token rejected: ${rejection.code}: ${rejection.message}`);
}
