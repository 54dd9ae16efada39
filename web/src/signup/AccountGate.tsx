import type { ReactNode } from 'react';
import { Navigate } from 'react-router-dom';
import { useMe } from '../api/me';
import { Loading } from '../ui/Loading';

/**
 * Tenant pages need a tenant account: the platform operator goes to the operator's page, a signed-in identity
 * without a tenant to signup, instead of meeting "this operation needs a tenant account".
 */
export function AccountGate({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  const kind = me.data?.principal.kind;
  if (kind === 'operator') return <Navigate to="/operator" replace />;
  if (kind === 'unaffiliated') return <Navigate to="/signup" replace />;
  return <>{children}</>;
}
