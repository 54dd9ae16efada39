import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { useMe } from '../api/me';
import { ConsentGate } from '../privacy/ConsentGate';
import { UserMenu } from './UserMenu';

/** The frame around every signed-in page: brand, main navigation, user menu. New areas add a NavLink here. */
export function AppLayout() {
  const { t } = useTranslation(['common', 'costs', 'admin', 'operator', 'operatorMetrics']);
  const principal = useMe().data?.principal;
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/projects" className="brand">
            <img src="/favicon.svg" alt="" width={28} height={28} />
            <span>Khipu Cloud</span>
          </Link>
          <nav aria-label={t('nav.label')} className="main-nav">
            {principal?.kind === 'operator' ? (
              <NavLink to="/operator" end>
                {t('operator:title')}
              </NavLink>
            ) : (
              <NavLink to="/projects">{t('nav.projects')}</NavLink>
            )}
            {principal?.kind === 'operator' && <NavLink to="/operator/metrics">{t('operatorMetrics:nav')}</NavLink>}
            {principal?.kind === 'tenant-user' && <NavLink to="/costs">{t('costs:nav')}</NavLink>}
            {principal?.kind === 'tenant-user' && principal.role === 'admin' && (
              <NavLink to="/admin">{t('admin:nav')}</NavLink>
            )}
          </nav>
          <UserMenu />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <ConsentGate>
          <Outlet />
        </ConsentGate>
      </main>
    </div>
  );
}
