/** The signed-in session as the rest of the app sees it, whichever identity provider issued the token. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Kept in localStorage so a new tab or a reload stays signed in until the token expires; every tab watches the key
 * (`storage` events), so signing out in one tab signs out all of them. The token is short-lived and the app's
 * Content-Security-Policy allows only its own scripts, which is what keeps other code from reading it.
 */
export const SESSION_KEY = 'khipu.session';
/** Renew a little early so a request never leaves with a token that expires on the way. */
const EXPIRY_MARGIN_MS = 30_000;

export function parseSession(raw: string | null, now = Date.now()): Session | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Session>;
    if (typeof parsed.accessToken !== 'string' || typeof parsed.expiresAt !== 'number') return null;
    if (parsed.expiresAt - EXPIRY_MARGIN_MS <= now) return null;
    return { accessToken: parsed.accessToken, expiresAt: parsed.expiresAt };
  } catch {
    return null;
  }
}

export function readSession(now = Date.now()): Session | null {
  return parseSession(localStorage.getItem(SESSION_KEY), now);
}

export function writeSession(session: Session): void {
  localStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

export function msUntilExpiry(session: Session, now = Date.now()): number {
  return Math.max(0, session.expiresAt - EXPIRY_MARGIN_MS - now);
}
