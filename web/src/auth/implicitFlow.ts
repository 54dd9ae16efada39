import type { AuthConfig } from '../api/types';
import type { Session } from './session';

/**
 * OAuth 2.0 implicit-style sign-in against the dev identity provider (`response_type=token`): the token comes back in
 * the URL fragment. Entra External ID will replace this module with MSAL behind the same two functions.
 */

const PENDING_KEY = 'khipu.signin.pending';
export const CALLBACK_PATH = '/auth/callback';

interface PendingSignIn {
  state: string;
  nonce: string;
  returnTo: string;
}

export class SignInError extends Error {
  constructor(
    readonly reason: 'state_mismatch' | 'missing_token' | 'provider_error',
    message: string,
  ) {
    super(message);
    this.name = 'SignInError';
  }
}

function randomToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Only same-app paths may be returned to, so a crafted link cannot bounce the user elsewhere after sign-in. */
export function safeReturnPath(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith(CALLBACK_PATH)) return '/projects';
  return path;
}

export function buildAuthorizeUrl(config: AuthConfig, returnTo: string): string {
  const pending: PendingSignIn = { state: randomToken(), nonce: randomToken(), returnTo: safeReturnPath(returnTo) };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = new URL(config.authorizationEndpoint);
  url.searchParams.set('client_id', config.clientId);
  url.searchParams.set('redirect_uri', `${window.location.origin}${CALLBACK_PATH}`);
  url.searchParams.set('response_type', 'token');
  url.searchParams.set('scope', config.scope);
  url.searchParams.set('state', pending.state);
  url.searchParams.set('nonce', pending.nonce);
  return url.toString();
}

/** Reads the provider's answer from the callback URL fragment; throws `SignInError` when it cannot be trusted. */
export function completeSignIn(fragment: string, now = Date.now()): { session: Session; returnTo: string } {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  const params = new URLSearchParams(fragment.replace(/^#/, ''));
  const pending = raw ? (JSON.parse(raw) as PendingSignIn) : null;
  if (params.get('error')) {
    throw new SignInError('provider_error', params.get('error_description') ?? params.get('error') ?? 'error');
  }
  if (!pending || !params.get('state') || params.get('state') !== pending.state) {
    throw new SignInError('state_mismatch', 'The sign-in response does not match a sign-in started here.');
  }
  const accessToken = params.get('access_token');
  if (!accessToken || (params.get('token_type') ?? 'Bearer').toLowerCase() !== 'bearer') {
    throw new SignInError('missing_token', 'The sign-in response carried no bearer token.');
  }
  const expiresIn = Number(params.get('expires_in'));
  const lifetimeSeconds = Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : 3600;
  return { session: { accessToken, expiresAt: now + lifetimeSeconds * 1000 }, returnTo: pending.returnTo };
}
