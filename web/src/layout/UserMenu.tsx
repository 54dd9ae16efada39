import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { useMe } from '../api/me';
import { useAuth } from '../auth/AuthProvider';
import { ExportMyData } from '../privacy/ExportMyData';
import { LanguageSelect } from '../ui/LanguageSelect';

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?').slice(0, 2)).toUpperCase();
}

/** Who is signed in, for which organization and with which role; language and sign-out live here too. */
export function UserMenu() {
  const { t } = useTranslation();
  const { signOut } = useAuth();
  const navigate = useNavigate();
  const me = useMe();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return undefined;
    const onPointer = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const principal = me.data?.principal;
  const name = principal?.displayName ?? principal?.email ?? t('user.unknown');
  const role =
    principal?.kind === 'tenant-user' && principal.role
      ? t(`roles.${principal.role}`)
      : principal?.kind === 'operator'
        ? t('roles.operator')
        : principal
          ? t('roles.unaffiliated')
          : '';

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        type="button"
        className="user-menu__trigger"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(name)}
        </span>
        {/* The accessible name contains the visible name (speech input users say what they see). */}
        <span className="visually-hidden">{t('user.menuLabelPrefix')} </span>
        <span className="user-menu__name">{name}</span>
        <span className="user-menu__chevron" aria-hidden="true">
          ▾
        </span>
      </button>
      <div id={panelId} className="user-menu__panel" hidden={!open}>
        <div className="user-menu__identity">
          <p className="user-menu__full-name">{name}</p>
          {principal?.email && <p className="muted small">{principal.email}</p>}
          <dl className="user-menu__facts">
            <div>
              <dt>{t('user.role')}</dt>
              <dd data-testid="user-role">{role}</dd>
            </div>
            {me.data?.tenant && (
              <div>
                <dt>{t('user.organization')}</dt>
                <dd data-testid="user-tenant">{me.data.tenant.name}</dd>
              </div>
            )}
          </dl>
        </div>
        <LanguageSelect />
        <ExportMyData />
        <button
          type="button"
          className="button button--secondary button--block"
          onClick={() => {
            setOpen(false);
            signOut();
            navigate('/', { replace: true });
          }}
        >
          {t('user.signOut')}
        </button>
      </div>
    </div>
  );
}
