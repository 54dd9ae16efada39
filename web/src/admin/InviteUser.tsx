import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useInviteUser, type User } from '../api/admin';
import { ApiError } from '../api/client';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { TextField } from '../ui/TextField';
import { ROLES } from './roles';

const EMAIL = z.string().trim().email();

/** Invite someone: they sign in with this email and get the role. Checked here before the API checks it again. */
export function InviteUser() {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const invite = useInviteUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<User['role']>('creator');
  const [submitted, setSubmitted] = useState(false);
  const emailError = submitted && !EMAIL.safeParse(email).success ? t('invite.emailInvalid') : undefined;
  const nameError = submitted && name.trim().length === 0 ? t('invite.nameRequired') : undefined;
  const conflict = invite.error instanceof ApiError && invite.error.code === 'conflict';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (!EMAIL.safeParse(email).success || name.trim().length === 0) return;
    invite.mutate(
      { email: email.trim(), displayName: name.trim(), role },
      {
        onSuccess: () => {
          setEmail('');
          setName('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <section className="card admin-section" aria-labelledby="invite-title">
      <h2 id="invite-title" className="card__title">
        {t('invite.title')}
      </h2>
      <p className="muted">{t('invite.intro')}</p>
      <form className="admin-form" onSubmit={submit} noValidate>
        <TextField
          id="invite-email"
          label={t('invite.email')}
          value={email}
          onChange={setEmail}
          required
          maxLength={254}
          autoComplete="off"
          error={emailError ?? (conflict ? t('invite.alreadyMember') : undefined)}
        />
        <TextField
          id="invite-name"
          label={t('invite.displayName')}
          value={name}
          onChange={setName}
          required
          maxLength={120}
          error={nameError}
        />
        <div className="field">
          <label htmlFor="invite-role">{t('invite.role')}</label>
          <select id="invite-role" value={role} onChange={(event) => setRole(event.target.value as User['role'])}>
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {t(`roles.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="admin-form__actions">
          <button type="submit" className="button button--primary" disabled={invite.isPending}>
            {t('invite.submit')}
          </button>
        </div>
      </form>
      {invite.isSuccess && (
        <Alert tone="success">
          {t('invite.invited', { name: invite.data.displayName, role: t(`roles.${invite.data.role}`) })}
        </Alert>
      )}
      {invite.isError && !conflict && <Alert tone="error">{errorText(invite.error)}</Alert>}
    </section>
  );
}
