import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { configureApiAuth } from '../api/client';
import { fetchAuthConfig } from '../api/me';
import { buildAuthorizeUrl } from './implicitFlow';
import {
  clearSession,
  msUntilExpiry,
  parseSession,
  readSession,
  SESSION_KEY,
  writeSession,
  type Session,
} from './session';

export type SignedOutReason = 'signed_out' | 'expired' | null;

interface AuthContextValue {
  session: Session | null;
  signedOutReason: SignedOutReason;
  /** Sends the browser to the identity provider; resolves only if that fails. */
  signIn(returnTo?: string): Promise<void>;
  acceptSession(session: Session): void;
  signOut(): void;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [session, setSession] = useState<Session | null>(() => readSession());
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);

  const endSession = useCallback(
    (reason: Exclude<SignedOutReason, null>) => {
      clearSession();
      setSession(null);
      setSignedOutReason(reason);
      queryClient.clear();
    },
    [queryClient],
  );

  // Wired during the first render, not in an effect: children's queries run before a parent's effects would.
  const endSessionRef = useRef(endSession);
  useEffect(() => {
    endSessionRef.current = endSession;
  }, [endSession]);
  useState(() =>
    configureApiAuth({
      getAccessToken: () => readSession()?.accessToken ?? null,
      onUnauthenticated: () => endSessionRef.current('expired'),
    }),
  );

  // Another tab signed in or out: follow it, so every tab shows the same account.
  useEffect(() => {
    const onStorage = (event: StorageEvent) => {
      if (event.key !== SESSION_KEY && event.key !== null) return;
      const next = parseSession(event.newValue);
      if (next) {
        setSignedOutReason(null);
        setSession((current) => (current?.accessToken === next.accessToken ? current : next));
      } else {
        setSession((current) => {
          if (current) {
            setSignedOutReason('signed_out');
            queryClient.clear();
          }
          return null;
        });
      }
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [queryClient]);

  useEffect(() => {
    if (!session) return undefined;
    const timer = window.setTimeout(() => endSession('expired'), msUntilExpiry(session));
    return () => window.clearTimeout(timer);
  }, [session, endSession]);

  const value = useMemo<AuthContextValue>(
    () => ({
      session,
      signedOutReason,
      async signIn(returnTo = '/projects') {
        const config = await fetchAuthConfig();
        window.location.assign(buildAuthorizeUrl(config, returnTo));
      },
      acceptSession(next) {
        writeSession(next);
        setSignedOutReason(null);
        setSession(next);
      },
      signOut: () => endSession('signed_out'),
    }),
    [session, signedOutReason, endSession],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth must be used inside <AuthProvider>');
  return value;
}
