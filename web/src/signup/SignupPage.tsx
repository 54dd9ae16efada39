import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignup } from '../api/operator';
import { useAuth } from '../auth/AuthProvider';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import '../styles/studio2.css';

/** A signed-in identity without a tenant creates its organization and becomes its first admin. */
export function SignupPage() {
  const { t } = useTranslation('signup');
  const errorText = useErrorText();
  const signup = useSignup();
  const auth = useAuth();
  const [tenantName, setTenantName] = useState('');
  const [displayName, setDisplayName] = useState('');
  const tooShort = tenantName.trim().length < 2;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (tooShort) return;
    signup.mutate({
      tenantName: tenantName.trim(),
      ...(displayName.trim() ? { displayName: displayName.trim() } : {}),
    });
  };
  return (
    <div className="page page--narrow">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {signup.isSuccess ? (
        <Alert tone="success" title={t('created', { name: signup.data.tenant.name })}>
          <p>{t('signInAgain')}</p>
          <button type="button" className="button button--primary" onClick={() => auth.signOut()}>
            {t('signInAgainButton')}
          </button>
        </Alert>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <div className="field">
            <label htmlFor="tenant-name">{t('tenantName')}</label>
            <input
              id="tenant-name"
              value={tenantName}
              maxLength={120}
              required
              aria-invalid={signup.isError && tooShort}
              onChange={(event) => setTenantName(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="display-name">{t('displayName')}</label>
            <input
              id="display-name"
              value={displayName}
              maxLength={120}
              onChange={(event) => setDisplayName(event.target.value)}
            />
          </div>
          {signup.isError && <Alert tone="error">{errorText(signup.error, { conflict: t('alreadyMember') })}</Alert>}
          <button type="submit" className="button button--primary" disabled={tooShort || signup.isPending}>
            {t('submit')}
          </button>
        </form>
      )}
    </div>
  );
}
