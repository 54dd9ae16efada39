/**
 * The verifier remembers tokens it verified: a caller's next request skips the signature check, and a remembered token
 * is never accepted after the moment a full verification would refuse it (its expiry, its allowed age, a short cap).
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SignJWT } from 'jose';
import type { TokenVerifier } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import { createJwtTokenVerifier } from '../../adapters/identity/jwtTokenVerifier';
import { VERIFIED_TOKEN_TTL_MS, VerifiedTokens } from '../../adapters/identity/verifiedTokens';
import { startDevIdentityProvider, type DevIdentityProvider } from '../../local/identity/devIdentityProvider';
import { seedUsers } from '../../local/identity/seedUsers';
import { loadOrCreateSigningKey, type DevSigningKey } from '../../local/identity/signingKey';

const audience = 'api://khipu-verified-tokens';
const tenantClaim = 'khipu_tenant';
const rolesClaim = 'roles';
const MAX_LIFETIME_SECONDS = 3600;

const principal = { kind: 'tenant-user', userId: 'u-1', tenantId: 't-andes', role: 'creator' } as const;

describe('VerifiedTokens', () => {
  it('answers until the entry’s end, then forgets it', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a', principal, 1_000, 5_000);
    expect(tokens.get('a', 4_999)).toEqual(principal);
    expect(tokens.get('a', 5_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('never remembers past the cap, nor a token already at its end', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('long', principal, 0, 10 * VERIFIED_TOKEN_TTL_MS);
    expect(tokens.get('long', VERIFIED_TOKEN_TTL_MS - 1)).toEqual(principal);
    expect(tokens.get('long', VERIFIED_TOKEN_TTL_MS)).toBeUndefined();
    tokens.remember('ended', principal, 2_000, 2_000);
    expect(tokens.get('ended', 2_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps at most its bound, forgetting the oldest first', () => {
    const tokens = new VerifiedTokens(3);
    for (const token of ['a', 'b', 'c', 'd']) tokens.remember(token, principal, 0, 60_000);
    expect(tokens.size).toBe(3);
    expect(tokens.get('a', 1)).toBeUndefined();
    expect(tokens.get('d', 1)).toEqual(principal);
  });

  it('hands out copies: a caller changing its principal changes nothing remembered', () => {
    const tokens = new VerifiedTokens();
    tokens.remember('a', principal, 0, 60_000);
    const first = tokens.get('a', 1)! as { role: string };
    first.role = 'admin';
    expect(tokens.get('a', 2)).toEqual(principal);
  });
});

describe('the JWT verifier with remembered tokens', () => {
  let keyDir: string;
  let idp: DevIdentityProvider;
  let signingKey: DevSigningKey;
  let verifier: TokenVerifier;

  beforeAll(async () => {
    keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'khipu-verified-tokens-'));
    idp = await startDevIdentityProvider({ port: 0, audience, keyDir, users: seedUsers, tenantClaim, rolesClaim });
    signingKey = await loadOrCreateSigningKey(keyDir);
    verifier = createJwtTokenVerifier({
      maxTokenLifetimeSeconds: MAX_LIFETIME_SECONDS,
      issuer: idp.issuer,
      audience,
      tenantClaim,
      rolesClaim,
      onRejected: () => undefined,
    });
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await idp?.stop();
    await fs.rm(keyDir, { recursive: true, force: true });
  });
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  const sign = (expiresInSec: number) => {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      sub: 'u-andes-creator',
      [tenantClaim]: 't-andes',
      [rolesClaim]: ['creator'],
      iat: now,
      exp: now + expiresInSec,
    })
      .setIssuer(idp.issuer)
      .setAudience(audience)
      .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid, typ: 'JWT' })
      .sign(signingKey.privateKey);
  };

  it('checks a token’s signature once, however often it is presented', async () => {
    const token = await sign(600);
    const signatureChecks = jest.spyOn(globalThis.crypto.subtle, 'verify');
    const principals = [];
    for (let i = 0; i < 5; i++) principals.push(await verifier.verify(token));
    expect(signatureChecks).toHaveBeenCalledTimes(1);
    expect(new Set(principals.map((p) => JSON.stringify(p))).size).toBe(1);
    expect(principals[0]).toMatchObject({ kind: 'tenant-user', tenantId: 't-andes', userId: 'u-andes-creator' });
  });

  it('refuses a remembered token once it has expired, as a full verification does', async () => {
    const token = await sign(30);
    await verifier.verify(token);
    const realNow = Date.now();
    // Only the clock moves (Date.now and new Date alike): past its expiry and the tolerance verification allows.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout', 'queueMicrotask'] });
    jest.setSystemTime(realNow + 120_000);
    await expect(verifier.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('remembers nothing of a token it refused', async () => {
    const token = await sign(600);
    const forged = `${token.slice(0, -4)}AAAA`;
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
    await expect(verifier.verify(forged)).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});
