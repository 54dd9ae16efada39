import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { completeSignIn, SignInError } from '../auth/implicitFlow';
import { Alert } from '../ui/Alert';
import { Loading } from '../ui/Loading';

/** Where the identity provider sends the browser back with the token in the URL fragment. */
export function AuthCallbackPage() {
  const { t } = useTranslation('auth');
  const { acceptSession } = useAuth();
  const navigate = useNavigate();
  const [error, setError] = useState<SignInError | null>(null);
  const handled = useRef(false);

  useEffect(() => {
    // The pending sign-in is single-use; React's development double effects must not consume it twice.
    if (handled.current) return;
    handled.current = true;
    const fragment = window.location.hash;
    // The token must not linger in the address bar or in history.
    window.history.replaceState(null, '', window.location.pathname);
    try {
      const { session, returnTo } = completeSignIn(fragment);
      acceptSession(session);
      navigate(returnTo, { replace: true });
    } catch (cause) {
      setError(cause instanceof SignInError ? cause : new SignInError('missing_token', String(cause)));
    }
  }, [acceptSession, navigate]);

  if (!error) return <Loading label={t('callback.completing')} />;
  return (
    <main className="landing__main" id="main">
      <section className="landing__card">
        <h1>{t('callback.failedTitle')}</h1>
        <Alert tone="error">{t(`callback.reasons.${error.reason}`)}</Alert>
        <Link className="button button--primary" to="/">
          {t('callback.tryAgain')}
        </Link>
      </section>
    </main>
  );
}
