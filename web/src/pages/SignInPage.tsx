import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '../auth/AuthProvider';
import { safeReturnPath } from '../auth/implicitFlow';
import { Alert } from '../ui/Alert';
import { LanguageSelect } from '../ui/LanguageSelect';

/** The public landing page: what Khipu is, and the way in. */
export function SignInPage() {
  const { t } = useTranslation('auth');
  const { session, signIn, signedOutReason } = useAuth();
  const [params] = useSearchParams();
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);
  const returnTo = safeReturnPath(params.get('returnTo'));

  if (session) return <Navigate to={returnTo} replace />;

  const start = async () => {
    setPending(true);
    setFailed(false);
    try {
      await signIn(returnTo);
    } catch {
      setFailed(true);
      setPending(false);
    }
  };

  return (
    <div className="landing">
      <header className="landing__top">
        <span className="brand brand--light">
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <span>Khipu Cloud</span>
        </span>
        <LanguageSelect compact />
      </header>
      <main className="landing__main" id="main">
        <section className="landing__card" aria-labelledby="landing-title">
          <h1 id="landing-title">{t('landing.title')}</h1>
          <p className="landing__lead">{t('landing.lead')}</p>
          {signedOutReason === 'expired' && <Alert tone="info">{t('landing.expired')}</Alert>}
          {signedOutReason === 'signed_out' && <Alert tone="success">{t('landing.signedOut')}</Alert>}
          {failed && <Alert tone="error">{t('landing.unavailable')}</Alert>}
          <button
            type="button"
            className="button button--primary button--large"
            onClick={() => void start()}
            disabled={pending}
          >
            {pending ? t('landing.redirecting') : t('landing.signIn')}
          </button>
          <ul className="landing__points">
            <li>{t('landing.points.manuscripts')}</li>
            <li>{t('landing.points.voices')}</li>
            <li>{t('landing.points.retail')}</li>
          </ul>
        </section>
      </main>
    </div>
  );
}
