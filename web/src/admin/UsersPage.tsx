import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateUser, useUsers, type User } from '../api/admin';
import { useMe } from '../api/me';
import { Alert } from '../ui/Alert';
import { Badge, type BadgeTone } from '../ui/Badge';
import { ConfirmDialog } from '../ui/ConfirmDialog';
import { useErrorText } from '../ui/errorText';
import { Loading } from '../ui/Loading';
import { useToast } from '../ui/Toasts';
import { InviteUser } from './InviteUser';

import { ROLES } from './roles';
import { CardsTable } from '../ui/CardsTable';
const STATUS_TONE: Record<User['status'], BadgeTone> = { active: 'success', invited: 'info', deactivated: 'neutral' };

/** Everyone in the organization: change a role, deactivate or reactivate someone, invite someone new. */
export function UsersPage() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const users = useUsers();
  const me = useMe();
  const [confirming, setConfirming] = useState<User | null>(null);
  const update = useUpdateUser();
  const toast = useToast();
  const selfId = me.data?.principal.userId;
  const change = (user: User, patch: Parameters<typeof update.mutate>[0]['change']) =>
    update.mutate(
      { user, change: patch },
      {
        onSuccess: (saved) => toast.show(t('users.changed', { name: saved.displayName })),
        onSettled: () => setConfirming(null),
      },
    );
  return (
    <>
      <section className="card admin-section" aria-labelledby="users-title">
        <h2 id="users-title" className="card__title">
          {t('users.title')}
        </h2>
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <Alert tone="error">{errorText(users.error)}</Alert>
        ) : (
          <>
            <CardsTable>
              <caption className="visually-hidden">{t('users.caption', { count: users.data.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('users.name')}</th>
                  <th scope="col">{t('users.email')}</th>
                  <th scope="col">{t('users.role')}</th>
                  <th scope="col">{t('users.status')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('users.actions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {users.data.map((user) => {
                  const self = user.id === selfId;
                  const deactivated = user.status === 'deactivated';
                  return (
                    <tr key={user.id}>
                      <th scope="row">
                        {user.displayName}
                        {self && <span className="muted small"> ({t('users.you')})</span>}
                      </th>
                      <td className="admin__email" data-label={t('users.email')}>
                        {user.email}
                      </td>
                      <td data-label={t('users.role')}>
                        <select
                          aria-label={t('users.roleOf', { name: user.displayName })}
                          value={user.role}
                          disabled={self || update.isPending}
                          onChange={(event) => change(user, { role: event.target.value as User['role'] })}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {t(`roles.${role}`)}
                            </option>
                          ))}
                        </select>
                      </td>
                      <td data-label={t('users.status')}>
                        <Badge tone={STATUS_TONE[user.status]}>{t(`statuses.${user.status}`)}</Badge>
                      </td>
                      <td>
                        {!self && (
                          <button
                            type="button"
                            className={
                              deactivated ? 'button button--small' : 'button button--small button--danger-outline'
                            }
                            disabled={update.isPending}
                            aria-label={t(deactivated ? 'users.reactivateLabel' : 'users.deactivateLabel', {
                              name: user.displayName,
                            })}
                            onClick={() => (deactivated ? change(user, { status: 'active' }) : setConfirming(user))}
                          >
                            {t(deactivated ? 'users.reactivate' : 'users.deactivate')}
                          </button>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </CardsTable>
            {users.data.length <= 1 && <p className="muted">{t('users.empty')}</p>}
            <p className="small muted">{t('users.selfNote')}</p>
          </>
        )}
        {update.isError && <Alert tone="error">{errorText(update.error)}</Alert>}
      </section>
      <InviteUser />
      <ConfirmDialog
        open={confirming !== null}
        title={t('users.confirmDeactivate', { name: confirming?.displayName ?? '' })}
        confirmLabel={t('users.deactivate')}
        tone="danger"
        busy={update.isPending}
        onConfirm={() => confirming && change(confirming, { status: 'deactivated' })}
        onCancel={() => setConfirming(null)}
      >
        <p>{t('users.confirmDeactivateBody', { name: confirming?.displayName ?? '' })}</p>
      </ConfirmDialog>
    </>
  );
}
