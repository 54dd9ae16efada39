/** The signed-in session as the rest of the app sees it, whichever identity provider issued the token. */
export interface Session {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

const SESSION_KEY = 'khipu.session';
/** Renew a little early so a request never leaves with a token that expires on the way. */
const EXPIRY_MARGIN_MS = 30_000;

export function readSession(now = Date.now()): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
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

export function writeSession(session: Session): void {
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
}

export function clearSession(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

export function msUntilExpiry(session: Session, now = Date.now()): number {
  return Math.max(0, session.expiresAt - EXPIRY_MARGIN_MS - now);
}
