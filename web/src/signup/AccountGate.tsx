import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useMe } from '../api/me';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { Loading } from '../ui/Loading';

/**
 * Tenant pages need a tenant account: the platform operator goes to the operator's page, a signed-in identity
 * without a tenant to signup, instead of meeting "this operation needs a tenant account". A member of a suspended
 * organization (or a deactivated member) is told so, once, instead of every page failing on its own.
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation('signup');
  const errorText = useErrorText();
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.error instanceof ApiError && me.error.status === 403) {
    return (
      <div className="page page--narrow">
        <Alert tone="error" title={errorText(me.error)}>
          {me.error.code === 'tenant_suspended' && <p>{t('suspended')}</p>}
        </Alert>
      </div>
    );
  }
  const kind = me.data?.principal.kind;
  if (kind === 'operator') return <Navigate to="/operator" replace />;
  if (kind === 'unaffiliated') return <Navigate to="/signup" replace />;
  return <>{children}</>;
}
