import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateWebhook, type EventType } from '../api/admin';
import { ApiError } from '../api/client';
import { Alert } from '../ui/Alert';
import { useErrorText } from '../ui/errorText';
import { TextField } from '../ui/TextField';
import { EVENT_TYPES } from './eventTypes';

/** Test events reach a webhook whatever it subscribes to, so they are not offered as a choice. */
const SUBSCRIBABLE = EVENT_TYPES.filter((type) => type !== 'khipu.webhook.test');

/** Add a subscription: the receiving address, what it is for, and which events it hears about. */
export function NewWebhook({ onSecret }: { onSecret(secret: string): void }) {
  const { t } = useTranslation('admin');
  const errorText = useErrorText();
  const create = useCreateWebhook();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>([...SUBSCRIBABLE]);
  const [submitted, setSubmitted] = useState(false);
  const urlMissing = url.trim().length === 0;
  const refused =
    create.error instanceof ApiError && create.error.fields.some((field) => field.field === 'url')
      ? t('webhooks.urlRefused')
      : undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (urlMissing || events.length === 0) return;
    create.mutate(
      {
        url: url.trim(),
        eventTypes: events,
        ...(description.trim() ? { description: description.trim() } : {}),
      },
      {
        onSuccess: (created) => {
          onSecret(created.secret);
          setUrl('');
          setDescription('');
          setSubmitted(false);
        },
      },
    );
  };

  return (
    <section className="card admin-section" aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title" className="card__title">
        {t('webhooks.create.title')}
      </h2>
      <form className="admin-form" onSubmit={submit} noValidate>
        <TextField
          id="webhook-url"
          label={t('webhooks.url')}
          value={url}
          onChange={setUrl}
          required
          maxLength={2048}
          placeholder="https://"
          error={submitted && urlMissing ? t('webhooks.create.urlRequired') : refused}
        />
        <TextField
          id="webhook-description"
          label={t('webhooks.description')}
          value={description}
          onChange={setDescription}
          maxLength={200}
        />
        <fieldset className="form__section form__section--compact">
          <legend>{t('webhooks.events')}</legend>
          <ul className="plain-list event-list">
            {SUBSCRIBABLE.map((type) => (
              <li key={type}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={events.includes(type)}
                    onChange={(event) =>
                      setEvents((list) =>
                        event.target.checked ? [...list, type] : list.filter((item) => item !== type),
                      )
                    }
                  />
                  {t(`webhooks.eventNames.${type}`)} <span className="mono small muted">{type}</span>
                </label>
              </li>
            ))}
          </ul>
          {submitted && events.length === 0 && (
            <p className="field__error" role="alert">
              {t('webhooks.create.eventsRequired')}
            </p>
          )}
        </fieldset>
        <div className="admin-form__actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {t('webhooks.create.submit')}
          </button>
        </div>
      </form>
      {create.isError && !refused && (
        <Alert tone="error">{errorText(create.error, { conflict: t('webhooks.limit') })}</Alert>
      )}
    </section>
  );
}
