import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SignJWT } from 'jose';
import { allowedRedirectUri, readSmallBody, sendHtml, sendJson, type RequestFields } from './httpHelpers';
import type { DevUser } from './seedUsers';
import { renderErrorPage, renderSignInPage, type AuthorizeParams } from './signInPage';
import { loadOrCreateSigningKey, SIGNING_ALGORITHM, type DevSigningKey } from './signingKey';

export type { DevUser } from './seedUsers';

/**
 * A tiny OpenID provider for the local platform: the same RS256 + JWKS verification path production uses
 * against Entra, with a sign-in page instead of passwords. Never started in Azure mode.
 */

export interface DevIdentityProviderOptions {
  /** 0 picks an ephemeral port. */
  port: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default `http://127.0.0.1:{port}`. Discovery endpoints always point at the listening address. */
  issuer?: string;
  audience: string;
  /** Holds the RS256 key pair as JWK files so tokens survive restarts. */
  keyDir: string;
  users: readonly DevUser[];
  tenantClaim: string;
  rolesClaim: string;
  /** The app's user store, so users created through the API can sign in; consulted before `users`. */
  lookupUser?: (email: string) => Promise<DevUser | undefined>;
  /** Default 8 hours: a working day without signing in again. */
  tokenTtlSeconds?: number;
}

export interface MintOverrides {
  /** Merged over the standard claims; a value of `undefined` removes that claim (e.g. `{ exp: undefined }`). */
  claims?: Record<string, unknown>;
  expiresInSeconds?: number;
}

export interface DevIdentityProvider {
  issuer: string;
  /** Where the server listens, e.g. http://127.0.0.1:54321. */
  url: string;
  stop(): Promise<void>;
  /** Signs a token for a seeded or stored user (by id or email); an unknown email gets an unaffiliated identity. */
  mintToken(userIdOrEmail: string, overrides?: MintOverrides): Promise<string>;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
}

const DEFAULT_TOKEN_TTL_SECONDS = 8 * 60 * 60;
const MAX_PARAM_LENGTH = 512;
const REQUEST_TIMEOUT_MS = 10_000;

type RouteHandler = (
  request: http.IncomingMessage,
  response: http.ServerResponse,
  query: URLSearchParams,
) => Promise<void>;
const EMAIL_PATTERN = /^[^\s@<>"]{1,64}@[^\s@<>"]{1,190}$/;

export async function startDevIdentityProvider(options: DevIdentityProviderOptions): Promise<DevIdentityProvider> {
  const signingKey = await loadOrCreateSigningKey(options.keyDir);
  const host = options.host ?? '127.0.0.1';
  const server = http.createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${toUrlHost(host)}:${port}`;
  const issuer = options.issuer ?? `http://127.0.0.1:${port}`;
  const tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;

  async function resolveUser(userIdOrEmail: string): Promise<DevUser | undefined> {
    const wanted = userIdOrEmail.trim();
    const email = wanted.toLowerCase();
    const isEmail = EMAIL_PATTERN.test(email);
    const stored = isEmail && options.lookupUser ? await options.lookupUser(email) : undefined;
    const seeded = options.users.find((user) => user.id === wanted || user.email.toLowerCase() === email);
    if (stored ?? seeded) return stored ?? seeded;
    return isEmail ? unaffiliatedUser(email) : undefined;
  }

  async function issueToken(user: DevUser, overrides: MintOverrides = {}): Promise<TokenResponse> {
    const expiresIn = overrides.expiresInSeconds ?? tokenTtlSeconds;
    const token = await signToken(signingKey, buildClaims(user, expiresIn, overrides.claims));
    return { access_token: token, token_type: 'Bearer', expires_in: expiresIn };
  }

  function buildClaims(user: DevUser, expiresIn: number, extra: Record<string, unknown> = {}): Record<string, unknown> {
    const now = Math.floor(Date.now() / 1000);
    const claims: Record<string, unknown> = {
      iss: issuer,
      aud: options.audience,
      sub: user.id,
      oid: user.id,
      email: user.email,
      name: user.displayName,
      ...(user.tenantId && { [options.tenantClaim]: user.tenantId }),
      [options.rolesClaim]: [...user.roles],
      iat: now,
      nbf: now,
      exp: now + expiresIn,
      jti: randomUUID(),
      ...extra,
    };
    return Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
  }

  const routes = new Map<string, RouteHandler>(
    Object.entries({
      'GET /.well-known/openid-configuration': async (_request, response) =>
        sendJson(response, 200, openIdConfiguration(issuer, url, options)),
      'GET /.well-known/jwks.json': async (_request, response) =>
        sendJson(response, 200, { keys: [signingKey.publicJwk] }),
      'GET /authorize': async (_request, response, query) => {
        const params = readAuthorizeParams(query);
        if (typeof params === 'string') return sendHtml(response, 400, renderErrorPage(params));
        sendHtml(response, 200, renderSignInPage(options.users, params));
      },
      'POST /authorize': async (request, response) => {
        const fields = await readSmallBody(request);
        const params = readAuthorizeParams(fields);
        if (typeof params === 'string') return sendHtml(response, 400, renderErrorPage(params));
        const user = await resolveUser(fields.get('login_hint') ?? '');
        if (!user)
          return sendHtml(response, 400, renderSignInPage(options.users, params, 'Enter a valid email address.'));
        const issued = await issueToken(user, params.nonce ? { claims: { nonce: params.nonce } } : {});
        const fragment = new URLSearchParams({
          access_token: issued.access_token,
          token_type: issued.token_type,
          expires_in: String(issued.expires_in),
          ...(params.state !== undefined && { state: params.state }),
        });
        response.writeHead(303, { location: `${params.redirectUri}#${fragment}`, 'cache-control': 'no-store' }).end();
      },
      'POST /token': async (request, response) => {
        const fields = await readSmallBody(request);
        const grantType = fields.get('grant_type');
        if (grantType !== null && grantType !== 'password') {
          return sendJson(response, 400, { error: 'unsupported_grant_type' });
        }
        const user = await resolveUser(fields.get('username') ?? fields.get('email') ?? '');
        if (!user)
          return sendJson(response, 400, {
            error: 'invalid_request',
            error_description: 'username must be an email or a seeded user id',
          });
        sendJson(response, 200, await issueToken(user));
      },
    } satisfies Record<string, RouteHandler>),
  );

  server.requestTimeout = REQUEST_TIMEOUT_MS;
  server.headersTimeout = REQUEST_TIMEOUT_MS;
  server.on('request', (request: http.IncomingMessage, response: http.ServerResponse) => {
    const fail = (error: unknown) => {
      const status = (error as { statusCode?: number }).statusCode ?? 500;
      if (response.headersSent) return response.destroy();
      sendJson(response, status, { error: status === 500 ? 'server_error' : 'invalid_request' });
    };
    try {
      const requestUrl = new URL(request.url ?? '/', 'http://dev-idp.invalid');
      const route = routes.get(`${request.method} ${requestUrl.pathname}`);
      if (!route) return sendJson(response, 404, { error: 'not_found' });
      route(request, response, requestUrl.searchParams).catch(fail);
    } catch (error) {
      fail(error);
    }
  });

  return {
    issuer,
    url,
    async mintToken(userIdOrEmail, overrides) {
      const user = await resolveUser(userIdOrEmail);
      if (!user) throw new Error(`No dev user ${JSON.stringify(userIdOrEmail)}`);
      return (await issueToken(user, overrides)).access_token;
    },
    stop: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function signToken(signingKey: DevSigningKey, claims: Record<string, unknown>): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: signingKey.kid, typ: 'JWT' })
    .sign(signingKey.privateKey);
}

/** Someone who signs in with an email nobody knows yet: a stable id, so self-service signup can adopt it. */
function unaffiliatedUser(email: string): DevUser {
  const id = `dev-${createHash('sha256').update(email).digest('hex').slice(0, 24)}`;
  return { id, email, displayName: email.split('@')[0] ?? email, roles: [] };
}

/** Returns the parameters, or a message explaining why the request cannot go on (never redirected anywhere). */
function readAuthorizeParams(fields: RequestFields): AuthorizeParams | string {
  const tooLong = ['client_id', 'redirect_uri', 'state', 'nonce'].find(
    (name) => (fields.get(name)?.length ?? 0) > MAX_PARAM_LENGTH,
  );
  if (tooLong) return `The ${tooLong} parameter is too long.`;
  const redirectUri = allowedRedirectUri(fields.get('redirect_uri') ?? '');
  if (!redirectUri) {
    return 'redirect_uri must be an http://127.0.0.1:port or http://localhost:port address without a fragment.';
  }
  if (fields.get('response_type') !== 'token') return 'Only response_type=token is supported.';
  return {
    redirectUri,
    clientId: fields.get('client_id') ?? undefined,
    state: fields.get('state') ?? undefined,
    nonce: fields.get('nonce') ?? undefined,
  };
}

function openIdConfiguration(
  issuer: string,
  url: string,
  options: DevIdentityProviderOptions,
): Record<string, unknown> {
  return {
    issuer,
    jwks_uri: `${url}/.well-known/jwks.json`,
    authorization_endpoint: `${url}/authorize`,
    token_endpoint: `${url}/token`,
    response_types_supported: ['token'],
    response_modes_supported: ['fragment'],
    grant_types_supported: ['implicit', 'password'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: [SIGNING_ALGORITHM],
    token_endpoint_auth_methods_supported: ['none'],
    scopes_supported: ['openid', 'profile', 'email'],
    claims_supported: [
      'iss',
      'aud',
      'sub',
      'oid',
      'email',
      'name',
      'iat',
      'nbf',
      'exp',
      options.tenantClaim,
      options.rolesClaim,
    ],
  };
}

function toUrlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return '127.0.0.1';
  return host.includes(':') ? `[${host}]` : host;
}
