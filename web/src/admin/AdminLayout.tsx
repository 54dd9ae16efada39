import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router-dom';
import { useMe } from '../api/me';
import { Alert } from '../ui/Alert';
import { Loading } from '../ui/Loading';
import '../styles/studio2.css';

const SECTIONS = ['users', 'projects', 'webhooks', 'settings'] as const;

/**
 * The tenant admin's pages, one route per section so each can be linked to. Other roles get an explanation instead
 * of controls the API would refuse.
 */
export function AdminLayout() {
  const { t } = useTranslation('admin');
  const me = useMe();
  if (me.isPending) return <Loading />;
  const isAdmin = me.data?.principal.kind === 'tenant-user' && me.data.principal.role === 'admin';
  return (
    <div className="page admin">
      <div className="page__header">
        <div>
          <h1>{t('title')}</h1>
          <p className="muted">{t('intro')}</p>
        </div>
      </div>
      {!isAdmin ? (
        <Alert tone="info">{t('adminsOnly')}</Alert>
      ) : (
        <>
          <nav className="section-tabs" aria-label={t('sections.label')}>
            {SECTIONS.map((section) => (
              <NavLink key={section} to={`/admin/${section}`} className="section-tabs__link">
                {t(`sections.${section}`)}
              </NavLink>
            ))}
          </nav>
          <Outlet />
        </>
      )}
    </div>
  );
}
