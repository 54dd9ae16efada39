import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAcceptTerms, useConsent } from '../api/privacy';
import { useMe } from '../api/me';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { Loading } from '../ui/Loading';

/**
 * Before first use (and again whenever the terms change) a member of an organization accepts the terms of service
 * and privacy notice in force; until then the API refuses their work, so the pages are replaced by the terms.
 * The operator and people without an organization have nothing to accept here.
 */
export function ConsentGate({ children }: { children: ReactNode }) {
  const me = useMe();
  const isMember = me.data?.principal.kind === 'tenant-user';
  const consent = useConsent(isMember);
  if (me.isPending) return <Loading />;
  if (!isMember) return <>{children}</>;
  if (consent.isPending) return <Loading />;
  if (consent.data?.required) return <ConsentScreen termsVersion={consent.data.termsVersion} />;
  return <>{children}</>;
}

function ConsentScreen({ termsVersion }: { termsVersion: string }) {
  const { t } = useTranslation('privacy');
  const errorText = useErrorText();
  const accept = useAcceptTerms();
  return (
    <div className="page page--narrow" data-testid="consent-screen">
      <h1>{t('consent.title')}</h1>
      <p>{t('consent.intro')}</p>
      <h2>{t('consent.whatTitle')}</h2>
      <ul>
        <li>{t('consent.whatAccount')}</li>
        <li>{t('consent.whatWork')}</li>
        <li>{t('consent.whatAudit')}</li>
      </ul>
      <h2>{t('consent.rightsTitle')}</h2>
      <p>{t('consent.rights')}</p>
      <p className="muted">{t('consent.version', { version: termsVersion })}</p>
      {accept.isError && <Alert tone="error">{errorText(accept.error)}</Alert>}
      <button
        type="button"
        className="button button--primary"
        disabled={accept.isPending}
        onClick={() => accept.mutate(termsVersion)}
      >
        {t('consent.accept')}
      </button>
    </div>
  );
}
