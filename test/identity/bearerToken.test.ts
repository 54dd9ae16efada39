import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UnauthenticatedError } from '../../core/errors';
import {
  createJwtTokenVerifier,
  extractBearerToken,
  KHIPU_AUTHORIZATION_HEADER,
  UNTRUSTED_CLIENT_PRINCIPAL_HEADER,
} from '../../adapters/identity/jwtTokenVerifier';
import { startDevIdentityProvider, type DevIdentityProvider } from '../../local/identity/devIdentityProvider';
import { seedUsers } from '../../local/identity/seedUsers';

/** The dev identity provider issues working-day tokens; the local setting of AUTH_MAX_TOKEN_LIFETIME_SECONDS. */
const DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;

/** Header extraction, including the Static Web Apps custom header and the never-trusted client principal. */

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('extractBearerToken', () => {
  it('reads Authorization: Bearer', () => {
    expect(extractBearerToken(headers({ authorization: 'Bearer abc.def.ghi' }))).toBe('abc.def.ghi');
    expect(extractBearerToken(headers({ Authorization: 'bearer abc.def-_ghi' }))).toBe('abc.def-_ghi');
  });

  it('reads the custom header, which wins over Authorization', () => {
    expect(KHIPU_AUTHORIZATION_HEADER).toBe('x-khipu-authorization');
    expect(extractBearerToken(headers({ 'x-khipu-authorization': 'Bearer custom.token.x' }))).toBe('custom.token.x');
    expect(
      extractBearerToken(
        headers({ authorization: 'Bearer swa-rewritten.token.y', 'x-khipu-authorization': 'Bearer custom.token.x' }),
      ),
    ).toBe('custom.token.x');
  });

  it('does not fall back to Authorization when the custom header is malformed', () => {
    expect(
      extractBearerToken(headers({ authorization: 'Bearer a.b.c', 'x-khipu-authorization': 'Basic dXNlcjpwdw==' })),
    ).toBeUndefined();
  });

  it.each([
    ['no header', {}],
    ['another scheme', { authorization: 'Basic dXNlcjpwdw==' }],
    ['a bare token', { authorization: 'abc.def.ghi' }],
    ['an empty bearer', { authorization: 'Bearer ' }],
    ['two tokens', { authorization: 'Bearer a.b.c d.e.f' }],
    ['characters outside b64token', { authorization: 'Bearer a.b.c<script>' }],
  ])('returns undefined for %s', (_label, entries) => {
    expect(extractBearerToken(headers(entries))).toBeUndefined();
  });
});

describe('x-ms-client-principal', () => {
  let keyDir: string;
  let idp: DevIdentityProvider;

  beforeAll(async () => {
    keyDir = await fs.mkdtemp(path.join(os.tmpdir(), 'khipu-idp-headers-'));
    idp = await startDevIdentityProvider({
      port: 0,
      audience: 'api://khipu-test',
      keyDir,
      users: seedUsers,
      tenantClaim: 'khipu_tenant',
      rolesClaim: 'roles',
    });
  });

  afterAll(async () => {
    await idp?.stop();
    await fs.rm(keyDir, { recursive: true, force: true });
  });

  const forgedClientPrincipal = Buffer.from(
    JSON.stringify({
      identityProvider: 'aad',
      userId: 'u-operator',
      userDetails: 'operator@khipu.test',
      userRoles: ['anonymous', 'authenticated', 'platform.operator', 'admin'],
      claims: [{ typ: 'khipu_tenant', val: 't-andes' }],
    }),
  ).toString('base64');

  it('never authenticates on its own', async () => {
    expect(UNTRUSTED_CLIENT_PRINCIPAL_HEADER).toBe('x-ms-client-principal');
    const request = headers({ [UNTRUSTED_CLIENT_PRINCIPAL_HEADER]: forgedClientPrincipal });
    expect(extractBearerToken(request)).toBeUndefined();

    // Even handed to the verifier as if it were a token, it is rejected.
    const verifier = createJwtTokenVerifier({
      maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
      issuer: idp.issuer,
      audience: 'api://khipu-test',
      tenantClaim: 'khipu_tenant',
      rolesClaim: 'roles',
      onRejected: () => {},
    });
    await expect(verifier.verify(forgedClientPrincipal)).rejects.toBeInstanceOf(UnauthenticatedError);
  });

  it('does not change whose token is used when a real token is present', async () => {
    const token = await idp.mintToken('validator@pampa.test');
    const request = headers({
      authorization: `Bearer ${token}`,
      [UNTRUSTED_CLIENT_PRINCIPAL_HEADER]: forgedClientPrincipal,
    });
    const verifier = createJwtTokenVerifier({
      maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
      issuer: idp.issuer,
      audience: 'api://khipu-test',
      tenantClaim: 'khipu_tenant',
      rolesClaim: 'roles',
    });
    expect(await verifier.verify(extractBearerToken(request)!)).toMatchObject({
      kind: 'tenant-user',
      tenantId: 't-pampa',
      role: 'validator',
    });
  });
});
