import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { createJwtTokenVerifier } from '../../adapters/identity/jwtTokenVerifier';
import {
  startDevIdentityProvider,
  type DevIdentityProvider,
  type DevIdentityProviderOptions,
  type TokenResponse,
} from '../../local/identity/devIdentityProvider';
import { seedTenants, seedUsers, type DevUser } from '../../local/identity/seedUsers';

/** The dev identity provider issues working-day tokens; the local setting of AUTH_MAX_TOKEN_LIFETIME_SECONDS. */
const DEV_TOKEN_LIFETIME_SECONDS = 8 * 3600;

const audience = 'api://khipu-test';
const tenantClaim = 'khipu_tenant';
const rolesClaim = 'roles';

const tempDirs: string[] = [];
const running: DevIdentityProvider[] = [];

async function newKeyDir(): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'khipu-idp-'));
  tempDirs.push(dir);
  return dir;
}

async function start(overrides: Partial<DevIdentityProviderOptions> = {}): Promise<DevIdentityProvider> {
  const idp = await startDevIdentityProvider({
    port: 0,
    audience,
    keyDir: overrides.keyDir ?? (await newKeyDir()),
    users: seedUsers,
    tenantClaim,
    rolesClaim,
    ...overrides,
  });
  running.push(idp);
  return idp;
}

async function stop(idp: DevIdentityProvider): Promise<void> {
  running.splice(running.indexOf(idp), 1);
  await idp.stop();
}

interface Jwks {
  keys: Record<string, unknown>[];
}

async function getJson<T>(url: string): Promise<T> {
  return (await (await fetch(url)).json()) as T;
}

afterAll(async () => {
  await Promise.all(running.map((idp) => idp.stop()));
  await Promise.all(tempDirs.map((dir) => fs.rm(dir, { recursive: true, force: true })));
});

function verifierFor(idp: DevIdentityProvider) {
  return createJwtTokenVerifier({
    issuer: idp.issuer,
    audience,
    tenantClaim,
    rolesClaim,
    maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
    onRejected: () => {},
  });
}

function authorizeQuery(redirectUri: string, extra: Record<string, string> = {}): string {
  return new URLSearchParams({
    client_id: 'web',
    redirect_uri: redirectUri,
    response_type: 'token',
    ...extra,
  }).toString();
}

describe('seed data', () => {
  it('has two tenants with an admin, a creator and a validator each, and one operator without tenant', () => {
    for (const tenant of seedTenants) {
      const roles = seedUsers.filter((user) => user.tenantId === tenant.id).flatMap((user) => user.roles);
      expect(roles.sort()).toEqual(['admin', 'creator', 'validator']);
    }
    const operators = seedUsers.filter((user) => user.roles.includes('platform.operator'));
    expect(operators).toEqual([expect.objectContaining({ email: 'operator@khipu.test' })]);
    expect(operators[0]).not.toHaveProperty('tenantId');
    expect(new Set(seedUsers.map((user) => user.id)).size).toBe(seedUsers.length);
  });
});

describe('metadata endpoints', () => {
  it('serves OpenID configuration and a public-only JWKS', async () => {
    const idp = await start();
    expect(idp.issuer).toBe(idp.url);
    const configuration = await getJson<{ jwks_uri: string }>(`${idp.url}/.well-known/openid-configuration`);
    expect(configuration).toMatchObject({
      issuer: idp.issuer,
      jwks_uri: `${idp.url}/.well-known/jwks.json`,
      authorization_endpoint: `${idp.url}/authorize`,
      token_endpoint: `${idp.url}/token`,
      id_token_signing_alg_values_supported: ['RS256'],
    });
    const jwks = await getJson<Jwks>(configuration.jwks_uri);
    expect(jwks.keys).toHaveLength(1);
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect((await fetch(`${idp.url}/nope`)).status).toBe(404);
  });
});

describe('keys', () => {
  it('persist across restarts with the same keyDir, and the private key file is owner-only', async () => {
    const keyDir = await newKeyDir();
    const first = await start({ keyDir, issuer: 'http://127.0.0.1:7000' });
    const firstJwks = await getJson<Jwks>(`${first.url}/.well-known/jwks.json`);
    const token = await first.mintToken('admin@andes.test');
    await stop(first);

    const second = await start({ keyDir, issuer: 'http://127.0.0.1:7000' });
    expect(await getJson<Jwks>(`${second.url}/.well-known/jwks.json`)).toEqual(firstJwks);
    const verifier = createJwtTokenVerifier({
      maxTokenLifetimeSeconds: DEV_TOKEN_LIFETIME_SECONDS,
      issuer: 'http://127.0.0.1:7000',
      audience,
      tenantClaim,
      rolesClaim,
      jwksUri: `${second.url}/.well-known/jwks.json`,
    });
    expect(await verifier.verify(token)).toMatchObject({ kind: 'tenant-user', tenantId: 't-andes', role: 'admin' });

    const privateFile = await fs.stat(path.join(keyDir, 'signing-key.private.jwk.json'));
    expect(privateFile.mode & 0o077).toBe(0);

    const other = await start();
    const otherJwks = await getJson<Jwks>(`${other.url}/.well-known/jwks.json`);
    expect(otherJwks.keys[0]?.kid).not.toBe(firstJwks.keys[0]?.kid);
  });

  it('two providers starting together on an empty keyDir agree on one key', async () => {
    const keyDir = await newKeyDir();
    const [a, b] = await Promise.all([start({ keyDir }), start({ keyDir })]);
    const [jwksA, jwksB] = await Promise.all([a, b].map((idp) => getJson<Jwks>(`${idp.url}/.well-known/jwks.json`)));
    expect(jwksA).toEqual(jwksB);
  });
});

describe('POST /token', () => {
  it('issues a complete RS256 token for a form or JSON request', async () => {
    const idp = await start();
    const form = await fetch(`${idp.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=creator%40pampa.test',
    });
    expect(form.status).toBe(200);
    const issued = (await form.json()) as TokenResponse;
    expect(issued).toMatchObject({ token_type: 'Bearer', expires_in: expect.any(Number) });
    const header = decodeProtectedHeader(issued.access_token);
    expect(header).toMatchObject({ alg: 'RS256', kid: expect.any(String) });
    const claims = decodeJwt(issued.access_token);
    expect(claims).toMatchObject({
      iss: idp.issuer,
      aud: audience,
      sub: 'u-pampa-creator',
      oid: 'u-pampa-creator',
      email: 'creator@pampa.test',
      name: 'Martín Gómez',
      khipu_tenant: 't-pampa',
      roles: ['creator'],
    });
    expect(claims.exp! - claims.iat!).toBe(issued.expires_in);
    expect(claims.nbf).toBe(claims.iat);

    const json = await fetch(`${idp.url}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'operator@khipu.test' }),
    });
    expect(await verifierFor(idp).verify(((await json.json()) as TokenResponse).access_token)).toMatchObject({
      kind: 'operator',
    });
  });

  it.each([
    [
      'another grant type',
      'application/x-www-form-urlencoded',
      'grant_type=client_credentials&username=admin%40andes.test',
      400,
    ],
    ['no username', 'application/json', '{}', 400],
    ['a username that is not an email or id', 'application/json', '{"username":"nobody"}', 400],
    ['a non-string username', 'application/json', '{"username":["admin@andes.test"]}', 400],
    ['malformed JSON', 'application/json', '{', 400],
    ['an unsupported content type', 'text/plain', 'username=admin@andes.test', 415],
    ['an oversized body', 'application/json', JSON.stringify({ username: 'x'.repeat(20_000) }), 413],
  ])('rejects %s', async (_label, contentType, body, status) => {
    const idp = await start();
    const response = await fetch(`${idp.url}/token`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body,
    });
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('access_token');
  });

  it('uses the app user store first, and gives unknown emails a stable unaffiliated identity', async () => {
    const stored: DevUser = {
      id: 'u-new',
      email: 'new@andes.test',
      displayName: 'New',
      tenantId: 't-andes',
      roles: ['validator'],
    };
    const promoted: DevUser = { ...seedUsers.find((user) => user.id === 'u-andes-creator')!, roles: ['admin'] };
    const lookupUser = async (email: string) => [stored, promoted].find((user) => user.email === email);
    const idp = await start({ lookupUser });
    const verifier = verifierFor(idp);
    expect(await verifier.verify(await idp.mintToken('NEW@andes.test'))).toMatchObject({
      userId: 'u-new',
      role: 'validator',
    });
    expect(await verifier.verify(await idp.mintToken('creator@andes.test'))).toMatchObject({ role: 'admin' });
    const stranger = await verifier.verify(await idp.mintToken('stranger@example.test'));
    expect(stranger).toMatchObject({ kind: 'unaffiliated', email: 'stranger@example.test' });
    expect((await verifier.verify(await idp.mintToken('stranger@example.test'))).userId).toBe(stranger.userId);
    await expect(idp.mintToken('no-such-id')).rejects.toThrow();
  });
});

describe('/authorize', () => {
  const goodRedirects = ['http://127.0.0.1:5173/auth/callback', 'http://localhost:4280/', 'http://localhost/cb?x=1'];
  const badRedirects = [
    'https://evil.example/cb',
    'http://evil.example/cb',
    'http://127.0.0.1.evil.example/cb',
    'http://localhost.evil.example:5173/cb',
    'http://user:pw@localhost:5173/cb',
    'https://localhost:5173/cb',
    'javascript:alert(1)',
    '//localhost:5173/cb',
    'http://localhost:5173/cb#already',
    'http://[::1]:5173/cb',
  ];

  it('redirects to the normalized address, not the raw input', async () => {
    const idp = await start();
    const response = await fetch(`${idp.url}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: authorizeQuery('http://LOCALHOST:5173\\@evil.example/cb', { login_hint: 'admin@andes.test' }),
    });
    expect(response.status).toBe(303);
    expect(new URL(response.headers.get('location')!).host).toBe('localhost:5173');
    expect(response.headers.get('location')!.startsWith('http://localhost:5173/@evil.example/cb#')).toBe(true);
  });

  it.each(goodRedirects)('shows the sign-in page for %s', async (redirectUri) => {
    const idp = await start();
    const response = await fetch(`${idp.url}/authorize?${authorizeQuery(redirectUri)}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const html = await response.text();
    for (const user of seedUsers) expect(html).toContain(user.email);
    expect(html).toContain('Andes Audio');
    expect(html).toContain('<label for="login-email">');
  });

  it.each(badRedirects)('refuses redirect_uri %s without redirecting', async (redirectUri) => {
    const idp = await start();
    const page = await fetch(`${idp.url}/authorize?${authorizeQuery(redirectUri)}`, { redirect: 'manual' });
    expect(page.status).toBe(400);
    expect(page.headers.get('location')).toBeNull();
    const post = await fetch(`${idp.url}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: authorizeQuery(redirectUri, { login_hint: 'admin@andes.test' }),
    });
    expect(post.status).toBe(400);
    expect(post.headers.get('location')).toBeNull();
    expect(await post.text()).not.toMatch(/eyJ/);
  });

  it('signing in redirects to the redirect_uri with the token, state and expiry in the fragment', async () => {
    const idp = await start();
    const redirectUri = 'http://127.0.0.1:5173/auth/callback';
    const response = await fetch(`${idp.url}/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: authorizeQuery(redirectUri, { login_hint: 'validator@andes.test', state: 's t&a=te', nonce: 'n-1' }),
    });
    expect(response.status).toBe(303);
    const location = response.headers.get('location')!;
    expect(location.startsWith(`${redirectUri}#`)).toBe(true);
    const fragment = new URLSearchParams(location.slice(location.indexOf('#') + 1));
    expect(fragment.get('token_type')).toBe('Bearer');
    expect(fragment.get('state')).toBe('s t&a=te');
    expect(Number(fragment.get('expires_in'))).toBeGreaterThan(0);
    const token = fragment.get('access_token')!;
    expect(decodeJwt(token).nonce).toBe('n-1');
    expect(await verifierFor(idp).verify(token)).toMatchObject({
      kind: 'tenant-user',
      tenantId: 't-andes',
      role: 'validator',
    });
  });

  it('escapes user names and echoed parameters in the HTML', async () => {
    const hostile: DevUser = {
      id: 'u-evil',
      email: 'evil"@andes.test',
      displayName: '<script>alert("owned")</script>',
      tenantId: 't-andes',
      tenantName: '<img src=x onerror=alert(1)>',
      roles: ['creator'],
    };
    const idp = await start({ users: [...seedUsers, hostile] });
    const query = authorizeQuery('http://localhost:5173/cb', {
      state: '"><script>alert(2)</script>',
      nonce: "'onmouseover='x",
    });
    const html = await (await fetch(`${idp.url}/authorize?${query}`)).text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).toContain('value="&#34;&#62;&#60;script&#62;alert(2)&#60;/script&#62;"');
    expect(html).not.toContain("'onmouseover");
    expect(html).toContain('&#60;script&#62;alert(&#34;owned&#34;)&#60;/script&#62;');
    expect(html).toContain('value="evil&#34;@andes.test"');
  });

  it('requires response_type=token', async () => {
    const idp = await start();
    const query = new URLSearchParams({ redirect_uri: 'http://localhost:5173/cb', response_type: 'code' });
    expect((await fetch(`${idp.url}/authorize?${query}`)).status).toBe(400);
  });
});
