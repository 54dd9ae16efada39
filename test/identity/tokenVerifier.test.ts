import { promises as fs } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { base64url, exportSPKI, generateKeyPair, importJWK, SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import type { TokenVerifier } from '../../core/auth/principal';
import { UnauthenticatedError } from '../../core/errors';
import { createJwtTokenVerifier, type TokenRejection } from '../../adapters/identity/jwtTokenVerifier';
import { startDevIdentityProvider, type DevIdentityProvider } from '../../local/identity/devIdentityProvider';
import { seedUsers } from '../../local/identity/seedUsers';
import { loadOrCreateSigningKey, type DevSigningKey } from '../../local/identity/signingKey';

/** The dev identity provider issues working-day tokens; the local setting of AUTH_MAX_TOKEN_LIFETIME_SECONDS. */
const DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;

/** The token battery: the real verifier against the real dev IdP over HTTP, discovery included. */

const audience = 'api://khipu-test';
const tenantClaim = 'khipu_tenant';
const rolesClaim = 'roles';

let keyDir: string;
let idp: DevIdentityProvider;
let signingKey: DevSigningKey;
let verifier: TokenVerifier;
const rejections: TokenRejection[] = [];

beforeAll(async () => {
  keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'khipu-idp-battery-'));
  idp = await startDevIdentityProvider({ port: 0, audience, keyDir, users: seedUsers, tenantClaim, rolesClaim });
  signingKey = await loadOrCreateSigningKey(keyDir);
  verifier = createJwtTokenVerifier({
    maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
    issuer: idp.issuer,
    audience,
    tenantClaim,
    rolesClaim,
    onRejected: (rejection) => rejections.push(rejection),
  });
});

afterAll(async () => {
  await idp?.stop();
  await fs.rm(keyDir, { recursive: true, force: true });
});

beforeEach(() => {
  rejections.length = 0;
});

const now = () => Math.floor(Date.now() / 1000);

async function expectRejected(token: string, expectedCode?: string): Promise<void> {
  const failure = await verifier.verify(token).then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(failure).toBeInstanceOf(UnauthenticatedError);
  // The caller learns nothing about why: the message is the generic default.
  expect((failure as Error).message).toBe(new UnauthenticatedError().message);
  expect(rejections).toHaveLength(1);
  if (expectedCode) expect(rejections[0]?.code).toBe(expectedCode);
}

function validClaims(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    iss: idp.issuer,
    aud: audience,
    sub: 'u-andes-admin',
    [tenantClaim]: 't-andes',
    [rolesClaim]: ['admin'],
    iat: now(),
    exp: now() + 600,
    ...extra,
  };
}

function signWith(key: CryptoKey, claims: Record<string, unknown>, kid = signingKey.kid): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' }).sign(key);
}

describe('valid tokens map to the right principal', () => {
  it.each([
    ['admin@andes.test', { kind: 'tenant-user', tenantId: 't-andes', role: 'admin', userId: 'u-andes-admin' }],
    ['creator@andes.test', { kind: 'tenant-user', tenantId: 't-andes', role: 'creator', userId: 'u-andes-creator' }],
    [
      'validator@pampa.test',
      { kind: 'tenant-user', tenantId: 't-pampa', role: 'validator', userId: 'u-pampa-validator' },
    ],
    ['operator@khipu.test', { kind: 'operator', userId: 'u-operator' }],
    ['newcomer@example.test', { kind: 'unaffiliated', email: 'newcomer@example.test' }],
  ])('%s', async (email, expected) => {
    const principal = await verifier.verify(await idp.mintToken(email));
    expect(principal).toMatchObject(expected);
    if (principal.kind !== 'tenant-user') expect(principal).not.toHaveProperty('tenantId');
    expect(rejections).toEqual([]);
  });

  it('carries email and display name', async () => {
    const principal = await verifier.verify(await idp.mintToken('u-pampa-creator'));
    expect(principal).toEqual({
      kind: 'tenant-user',
      userId: 'u-pampa-creator',
      tenantId: 't-pampa',
      role: 'creator',
      email: 'creator@pampa.test',
      displayName: 'Martín Gómez',
    });
  });

  it('prefers oid over sub for the user id', async () => {
    const token = await idp.mintToken('admin@andes.test', { claims: { oid: 'object-id-1', sub: 'pairwise-sub' } });
    expect(await verifier.verify(token)).toMatchObject({ userId: 'object-id-1' });
    const withoutOid = await idp.mintToken('admin@andes.test', { claims: { oid: undefined, sub: 'pairwise-sub' } });
    expect(await verifier.verify(withoutOid)).toMatchObject({ userId: 'pairwise-sub' });
  });

  it('takes the highest tenant role when several are present', async () => {
    const token = await idp.mintToken('validator@andes.test', { claims: { roles: ['validator', 'admin', 'creator'] } });
    expect(await verifier.verify(token)).toMatchObject({ kind: 'tenant-user', role: 'admin' });
  });

  it('accepts a token a little past exp, within the clock tolerance', async () => {
    const token = await idp.mintToken('admin@andes.test', { claims: { exp: now() - 10 } });
    expect(await verifier.verify(token)).toMatchObject({ kind: 'tenant-user' });
  });
});

describe('claims that do not make a tenant principal', () => {
  it('missing tenant claim → unaffiliated, not a tenant principal', async () => {
    const token = await idp.mintToken('admin@andes.test', { claims: { [tenantClaim]: undefined } });
    expect(await verifier.verify(token)).toEqual(
      expect.objectContaining({ kind: 'unaffiliated', userId: 'u-andes-admin' }),
    );
  });

  it('a bogus role → unaffiliated', async () => {
    const token = await idp.mintToken('admin@andes.test', {
      claims: { roles: ['superuser', 'Admin', 'tenant.admin'] },
    });
    const principal = await verifier.verify(token);
    expect(principal.kind).toBe('unaffiliated');
    expect(principal).not.toHaveProperty('tenantId');
  });

  it('a roles claim that is not a list of strings → unaffiliated', async () => {
    const token = await idp.mintToken('admin@andes.test', { claims: { roles: { admin: true } } });
    expect((await verifier.verify(token)).kind).toBe('unaffiliated');
  });

  it('a tenant id that could escape a blob prefix is rejected', async () => {
    await expectRejected(
      await idp.mintToken('admin@andes.test', { claims: { [tenantClaim]: '../t-pampa' } }),
      'ERR_TOKEN_TENANT',
    );
  });

  it('no subject at all is rejected', async () => {
    await expectRejected(await idp.mintToken('admin@andes.test', { claims: { oid: undefined, sub: undefined } }));
  });
});

describe('hostile and invalid tokens are rejected with a generic error', () => {
  it('alg: none', async () => {
    await expectRejected(new UnsecuredJWT(validClaims()).encode());
  });

  it('alg: none with the real kid and an empty signature', async () => {
    const header = base64url.encode(JSON.stringify({ alg: 'none', kid: signingKey.kid, typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(validClaims()));
    await expectRejected(`${header}.${payload}.`);
  });

  it('HS256 signed with the public key (key confusion)', async () => {
    const pem = await exportSPKI(await publicKeyOf(signingKey));
    for (const secret of [pem, JSON.stringify(signingKey.publicJwk)]) {
      rejections.length = 0;
      const token = await new SignJWT(validClaims())
        .setProtectedHeader({ alg: 'HS256', kid: signingKey.kid })
        .sign(new TextEncoder().encode(secret));
      await expectRejected(token, 'ERR_JOSE_ALG_NOT_ALLOWED');
    }
  });

  it('wrong issuer', async () => {
    await expectRejected(
      await idp.mintToken('admin@andes.test', { claims: { iss: 'http://127.0.0.1:1/evil' } }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('wrong audience', async () => {
    await expectRejected(
      await idp.mintToken('admin@andes.test', { claims: { aud: 'api://someone-else' } }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('expired', async () => {
    const token = await idp.mintToken('admin@andes.test', {
      claims: { iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 },
    });
    await expectRejected(token, 'ERR_JWT_EXPIRED');
  });

  it('not yet valid (nbf in the future)', async () => {
    const token = await idp.mintToken('admin@andes.test', { claims: { nbf: now() + 3600, exp: now() + 7200 } });
    await expectRejected(token, 'ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('missing exp', async () => {
    await expectRejected(
      await idp.mintToken('admin@andes.test', { claims: { exp: undefined } }),
      'ERR_JWT_CLAIM_VALIDATION_FAILED',
    );
  });

  it('unknown kid', async () => {
    await expectRejected(
      await signWith(signingKey.privateKey, validClaims(), 'not-a-known-kid'),
      'ERR_JWKS_NO_MATCHING_KEY',
    );
  });

  it('tampered payload (signature mismatch)', async () => {
    const [header, , signature] = (await idp.mintToken('creator@andes.test')).split('.');
    const forged = base64url.encode(JSON.stringify(validClaims({ sub: 'u-operator', roles: ['platform.operator'] })));
    await expectRejected(`${header}.${forged}.${signature}`, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('a different RSA key using the same kid', async () => {
    const { privateKey: impostorKey } = await generateKeyPair('RS256');
    await expectRejected(await signWith(impostorKey, validClaims()), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('RS512 with the real key (algorithm pinned to RS256)', async () => {
    const privateJwk = JSON.parse(await fs.readFile(path.join(keyDir, 'signing-key.private.jwk.json'), 'utf8'));
    const rs512Key = (await importJWK({ ...privateJwk, alg: 'RS512' }, 'RS512')) as CryptoKey;
    const token = await new SignJWT(validClaims())
      .setProtectedHeader({ alg: 'RS512', kid: signingKey.kid })
      .sign(rs512Key);
    await expectRejected(token, 'ERR_JOSE_ALG_NOT_ALLOWED');
  });

  it.each([
    ['empty', ''],
    ['garbage', 'not.a.jwt'],
    ['oversized', 'a'.repeat(20_000)],
  ])('%s input', async (_label, token) => {
    await expectRejected(token);
  });

  it('the real key and claims still verify after all that (control)', async () => {
    expect(await verifier.verify(await signWith(signingKey.privateKey, validClaims()))).toMatchObject({
      kind: 'tenant-user',
      tenantId: 't-andes',
      role: 'admin',
    });
  });
});

describe('key discovery', () => {
  it('works with an explicit jwksUri', async () => {
    const explicit = createJwtTokenVerifier({
      maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
      issuer: idp.issuer,
      audience,
      tenantClaim,
      rolesClaim,
      jwksUri: `${idp.url}/.well-known/jwks.json`,
    });
    expect((await explicit.verify(await idp.mintToken('operator@khipu.test'))).kind).toBe('operator');
  });

  it('fetches discovery once, and retries after a failure instead of caching it', async () => {
    let discoveryRequests = 0;
    const discovery = http.createServer((_request, response) => {
      discoveryRequests += 1;
      if (discoveryRequests === 1) return response.writeHead(503).end();
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: discoveryIssuer, jwks_uri: `${idp.url}/.well-known/jwks.json` }));
    });
    await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
    const discoveryIssuer = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}/tenant-x/v2.0`;
    try {
      const codes: string[] = [];
      const discovering = createJwtTokenVerifier({
        maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
        issuer: discoveryIssuer,
        audience,
        tenantClaim,
        rolesClaim,
        onRejected: (rejection) => codes.push(rejection.code),
      });
      const token = await idp.mintToken('admin@pampa.test', { claims: { iss: discoveryIssuer } });
      await expect(discovering.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
      expect(codes).toEqual(['ERR_TOKEN_VERIFICATION']);
      expect(await discovering.verify(token)).toMatchObject({ kind: 'tenant-user', tenantId: 't-pampa' });
      expect(await discovering.verify(token)).toMatchObject({ kind: 'tenant-user', tenantId: 't-pampa' });
      expect(discoveryRequests).toBe(2);
    } finally {
      discovery.closeAllConnections();
      await new Promise((resolve) => discovery.close(resolve));
    }
  });

  it('refuses a discovery document that names another issuer', async () => {
    const discovery = http.createServer((_request, response) => {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ issuer: 'https://evil.example', jwks_uri: `${idp.url}/.well-known/jwks.json` }));
    });
    await new Promise<void>((resolve) => discovery.listen(0, '127.0.0.1', resolve));
    const discoveryIssuer = `http://127.0.0.1:${(discovery.address() as AddressInfo).port}`;
    try {
      const mismatched = createJwtTokenVerifier({
        maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
        issuer: discoveryIssuer,
        audience,
        tenantClaim,
        rolesClaim,
        onRejected: () => {},
      });
      const token = await idp.mintToken('admin@pampa.test', { claims: { iss: discoveryIssuer } });
      await expect(mismatched.verify(token)).rejects.toBeInstanceOf(UnauthenticatedError);
    } finally {
      discovery.closeAllConnections();
      await new Promise((resolve) => discovery.close(resolve));
    }
  });
});

async function publicKeyOf(key: DevSigningKey): Promise<CryptoKey> {
  return (await importJWK({ ...key.publicJwk }, 'RS256')) as CryptoKey;
}
