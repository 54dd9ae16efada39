import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../ui/Dialog';

/** A new webhook secret, shown this once (the API never returns it again), with a button to copy it. */
export function SecretDialog({ secret, onClose }: { secret: string | null; onClose(): void }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState(false);
  return (
    <Dialog
      open={secret !== null}
      title={t('webhooks.secret.title')}
      onClose={() => {
        setCopied(false);
        onClose();
      }}
      actions={
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setCopied(false);
            onClose();
          }}
        >
          {t('webhooks.secret.done')}
        </button>
      }
    >
      <p>{t('webhooks.secret.body')}</p>
      <div className="field">
        <label htmlFor="webhook-secret">{t('webhooks.secret.label')}</label>
        <input
          id="webhook-secret"
          className="mono secret"
          readOnly
          value={secret ?? ''}
          onFocus={(event) => event.currentTarget.select()}
        />
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => {
            void navigator.clipboard
              ?.writeText(secret ?? '')
              .then(() => setCopied(true))
              .catch(() => undefined);
          }}
        >
          {t('webhooks.secret.copy')}
        </button>
        <span role="status" className="small muted">
          {copied ? t('webhooks.secret.copied') : ''}
        </span>
      </div>
    </Dialog>
  );
}
